/**
 * The strict fake of Office.js/Excel (test/support/fakeExcel), bundled for
 * the browser: the browser tests answer the page's request for office.js
 * with this bundle followed by `__plInstallFakeOffice(workbook)`, so the
 * built task pane talks to a workbook held in the page. The fake model is
 * left on `window.__plFake` for the test to inspect.
 */
import { installFakeOffice } from '../../support/fakeExcel';
import { FakeWorkbookModel } from '../../support/fakeExcel/model';
import { FakeContext } from '../../support/fakeExcel/core';

/**
 * In Excel every context.sync() is a round trip to the host: the page's
 * task ends and a later one continues. The fake resolves a sync in a
 * microtask, which in a browser would run a whole render as one task; here
 * each sync first waits for a new task, as with Office. The time the fake
 * spends being Excel (applying a sync's operations, work the real host does
 * in its own process) is recorded on `window.__plFakeSyncMs` so a figure of
 * the page's main thread can say how much of it was the stand-in's.
 */
function syncAsRoundTrip(): void {
  const proto = FakeContext.prototype as unknown as { sync(this: unknown): Promise<void> };
  const apply = proto.sync;
  const times: { start: number; ms: number }[] = [];
  (window as unknown as { __plFakeSyncMs: typeof times }).__plFakeSyncMs = times;
  proto.sync = async function sync(this: unknown): Promise<void> {
    await new Promise((r) => setTimeout(r, 0));
    const t = performance.now();
    try {
      await apply.call(this);
    } finally {
      times.push({ start: t, ms: performance.now() - t });
    }
  };
}
syncAsRoundTrip();

export interface BrowserSheet {
  readonly name: string;
  readonly values: readonly (readonly (string | number | boolean | null)[])[];
  readonly numberFormats: readonly (readonly (string | null)[])[] | null;
  readonly top: number;
  readonly left: number;
}

export interface BrowserWorkbook {
  readonly sheets: readonly BrowserSheet[];
  /** Office.context.officeTheme's body colours (light: white on black text; dark: Office's dark grey). */
  readonly theme: 'light' | 'dark';
  readonly apiVersion?: string;
}

const THEMES = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626' },
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#F0F0F0', controlBackgroundColor: '#3B3B3B', controlForegroundColor: '#F0F0F0' },
};

function install(wb: BrowserWorkbook): void {
  const model = new FakeWorkbookModel([]);
  for (const s of wb.sheets) model.seed(s.name, s.values, { top: s.top, left: s.left, numberFormats: s.numberFormats });
  model.activeSheet = model.sheets[0] ?? null;
  const target = window as unknown as Record<string, unknown>;
  const fake = installFakeOffice(target, model, { platform: 'OfficeOnline', ...(wb.apiVersion ? { apiVersion: wb.apiVersion } : {}) });
  const office = target.Office as { context: Record<string, unknown> };
  office.context.officeTheme = THEMES[wb.theme];
  target.__plFake = fake;
}

(window as unknown as { __plInstallFakeOffice: typeof install }).__plInstallFakeOffice = install;
