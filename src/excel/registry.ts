/**
 * The add-in's own sheets are listed on a very-hidden sheet,
 * `_PatientLedgerSheets` (REGISTRY_SHEET; the scheme is the report's, shared
 * with the CLI's exceljs renderer): row 1 `Sheet | Key | PlanVersion |
 * Written`, then one row per sheet the add-in wrote. Only sheets listed there
 * are ever rewritten or removed.
 */
import type { RegistryEntry } from '../report/sheetNames';
import { PLAN_VERSION, REGISTRY_HEADER, REGISTRY_SHEET } from '../report/workbookPlan';

/** Queues the registry's read and syncs once; [] when there is none. */
export async function readRegistry(context: Excel.RequestContext): Promise<RegistryEntry[]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  if (sheet.isNullObject || used.isNullObject) return [];
  const entries: RegistryEntry[] = [];
  for (const row of used.values.slice(1)) {
    const name = String(row[0] ?? '').trim();
    const key = String(row[1] ?? '').trim();
    if (name && key) entries.push({ name, key });
  }
  return entries;
}

/**
 * Queues the registry's rewrite (created very hidden if missing). Names and
 * keys are written with the text format so that none is read as a number or
 * formula.
 */
export function queueRegistryWrite(
  context: Excel.RequestContext,
  exists: boolean,
  entries: readonly RegistryEntry[],
  writtenAt: string,
): void {
  const sheets = context.workbook.worksheets;
  const sheet = exists ? sheets.getItem(REGISTRY_SHEET) : sheets.add(REGISTRY_SHEET);
  if (exists) sheet.getUsedRange().clear('All');
  const rows: (string | number)[][] = [[...REGISTRY_HEADER], ...entries.map((e) => [e.name, e.key, PLAN_VERSION, writtenAt, e.a1 ?? ''])];
  const range = sheet.getRangeByIndexes(0, 0, rows.length, REGISTRY_HEADER.length);
  range.numberFormat = rows.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@')));
  range.values = rows;
  sheet.visibility = 'VeryHidden';
}
