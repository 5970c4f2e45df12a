/**
 * Adds sheets that belong to the USER from the moment they exist — the
 * configuration sheets of "Set up workbook" (app/setUpWorkbook.ts). Unlike
 * renderPlan, nothing here is tagged: no registry row (registry.ts), so no
 * later render ever counts these sheets as the add-in's, rewrites or deletes
 * them. An existing sheet is never touched: the plan is made from every
 * sheet name in the workbook (hidden ones too) in the same run that adds.
 *
 * Two syncs: the names, then the new sheets with their cells (a few hundred
 * cells in all, far under any request limit).
 */
import type { AddSheets, NewSheet } from '../app/setUpWorkbook';

type Supports = (version: string) => boolean;

function supportsFn(): Supports {
  return (v) => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return !!office?.context?.requirements?.isSetSupported('ExcelApi', v);
  };
}

export const addUserSheets: AddSheets = async (plan) => {
  const supports = supportsFn();
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const existing = sheets.items.map((s) => s.name);
    const taken = new Set(existing.map((n) => n.toLowerCase()));
    const added: string[] = [];
    for (const sp of plan(existing)) {
      // Excel's names are unique case-insensitively: a sheet of that name is someone's, and stays as it is.
      if (taken.has(sp.name.toLowerCase())) continue;
      taken.add(sp.name.toLowerCase());
      writeSheet(sheets.add(sp.name), sp, supports);
      added.push(sp.name);
    }
    if (added.length > 0) await context.sync();
    return added;
  });
};

function writeSheet(sheet: Excel.Worksheet, sp: NewSheet, supports: Supports): void {
  const width = Math.max(0, ...sp.rows.map((r) => r.length));
  if (sp.rows.length === 0 || width === 0) return;
  const range = sheet.getRangeByIndexes(0, 0, sp.rows.length, width);
  // Formats first: a string under "@" stays text (never a number, date or formula).
  range.numberFormat = sp.numberFormats.map((r) => pad(r, width, 'General'));
  // "" empties a cell (null in a 2-D write would leave whatever is there).
  range.values = sp.rows.map((r) => pad(r, width, null).map((v) => (v === null ? '' : v)));
  const header = sheet.getRangeByIndexes(0, 0, 1, width);
  header.format.font.bold = true;
  range.format.autofitColumns();
  if (supports('1.7')) sheet.freezePanes.freezeRows(1);
}

function pad<T>(row: readonly T[], width: number, fill: T): T[] {
  return row.length >= width ? [...row] : [...row, ...Array<T>(width - row.length).fill(fill)];
}
