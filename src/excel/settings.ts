/**
 * Column-mapping overrides kept in the workbook (Office.context.document.
 * settings), so a colleague who opens it gets the same mapping. Only sheet
 * names, field names and column letters are stored — never a cell's value:
 * no PHI in settings (DESIGN §2).
 */
const KEY = 'patientLedger.columnMapping';

/** sheet name → field → column letters ("C"). */
export type ColumnMapping = Record<string, Record<string, string>>;

function settings(): Office.Settings | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.document?.settings ?? null;
}

/** Keeps only what a mapping may hold: field names and column letters. */
export function cleanMapping(m: unknown): ColumnMapping {
  const out: ColumnMapping = {};
  if (!m || typeof m !== 'object') return out;
  for (const [sheet, fields] of Object.entries(m as Record<string, unknown>)) {
    if (!fields || typeof fields !== 'object' || sheet.length > 31) continue;
    const clean: Record<string, string> = {};
    for (const [field, col] of Object.entries(fields as Record<string, unknown>)) {
      if (/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(field) && typeof col === 'string' && /^[A-Za-z]{1,3}$/.test(col)) clean[field] = col.toUpperCase();
    }
    if (Object.keys(clean).length > 0) out[sheet] = clean;
  }
  return out;
}

export function loadColumnMapping(): ColumnMapping {
  return cleanMapping(settings()?.get(KEY));
}

/** Saves the mapping with the workbook (saveAsync); resolves when the host has it. */
export function saveColumnMapping(mapping: ColumnMapping): Promise<void> {
  const s = settings();
  if (!s) return Promise.reject(new Error('Workbook settings are available only inside Excel.'));
  s.set(KEY, cleanMapping(mapping));
  return new Promise((resolve, reject) => {
    s.saveAsync((r) => (String(r.status) === 'failed' ? reject(new Error(r.error?.message ?? 'Could not save the settings')) : resolve()));
  });
}
