/**
 * Where the add-in's pages run: inside Excel, inside another Office host, or
 * in a plain browser (a preview, the browser test). Office.js is loaded by a
 * <script> tag from Microsoft's CDN, so `Office` may be missing altogether
 * (no network, blocked script); nothing here assumes it exists.
 */

/** `starting`: Office.js is loaded but has not said which host this is yet. */
export type HostKind = 'starting' | 'excel' | 'otherHost' | 'browser';

/** The `Office` global, or undefined when office.js did not load. */
function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/** True once Office.js has initialised inside Excel (after Office.onReady). */
export function isOfficeHost(): boolean {
  const office = officeGlobal();
  if (!office || !office.context || !office.HostType) return false;
  return office.context.host === office.HostType.Excel;
}

/**
 * Whether the running Excel supports a newer ExcelApi set than the manifest's
 * floor (1.7), e.g. `supportsExcelApi('1.9')` before using page layout.
 */
export function supportsExcelApi(version: string): boolean {
  const office = officeGlobal();
  if (!isOfficeHost() || !office) return false;
  return office.context.requirements.isSetSupported('ExcelApi', version);
}

/**
 * Reports the host: `browser` at once when office.js is absent; otherwise what
 * Office.onReady says. Office.onReady can take a long time (or never answer)
 * outside Office, so after `timeoutMs` the page is told `browser` and is told
 * again if Office answers later. Returns a function that stops the reports.
 */
export function watchHost(onChange: (kind: HostKind) => void, timeoutMs = 10_000): () => void {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== 'function') {
    onChange('browser');
    return () => undefined;
  }
  let active = true;
  const timer = setTimeout(() => {
    if (active) onChange('browser');
  }, timeoutMs);
  office
    .onReady()
    .then((info) => {
      if (!active) return;
      clearTimeout(timer);
      if (info.host === office.HostType.Excel) onChange('excel');
      else onChange(info.host ? 'otherHost' : 'browser');
    })
    .catch(() => {
      if (!active) return;
      clearTimeout(timer);
      onChange('browser');
    });
  return () => {
    active = false;
    clearTimeout(timer);
  };
}
