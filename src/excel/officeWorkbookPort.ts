/**
 * The Office.js WorkbookPort (src/app/port.ts): lists the user's sheets and
 * reads a sheet's used range, or a table with its header row, as a CellGrid
 * — values and number formats — in row blocks under the 5 MB response
 * limit of Excel on the web, one sync a block (never a sync per row).
 */
import type { SheetInfo, WorkbookPort } from '../app/port';
import { LedgerError } from '../app/port';
import type { CellGrid, CellValue } from '../ingest/grid';
import { readInBlocks } from './blockRead';
import { queueSignatureCheck, readRegistry } from './registry';
import { REGISTRY_SHEET } from '../report/workbookPlan';

export interface OfficePortOptions {
  /** Bytes a block may carry by our estimate (tests lower it). */
  readonly budgetBytes?: number;
}

export class OfficeWorkbookPort implements WorkbookPort {
  /** Syncs of the last readGrid (for tests and the bench). */
  lastReadSyncs = 0;

  constructor(private readonly opts: OfficePortOptions = {}) {}

  /**
   * Every sheet a user may hold a ledger on: not the add-in's registry nor
   * the sheets it lists and still owns (a listed sheet whose A1 no longer
   * reads as written is a user's — registry.ts). Two syncs: the names and
   * registry, then the tables and the listed sheets' A1 together.
   */
  async listSheets(): Promise<readonly SheetInfo[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const registry = await readRegistry(context);
      const candidates = sheets.items.filter((s) => s.name !== REGISTRY_SHEET && s.visibility !== 'VeryHidden');
      const check = queueSignatureCheck(context, registry, sheets.items.map((s) => s.name));
      const tables = candidates.map((s) => s.tables.load('items/name'));
      await context.sync();
      const ours = new Set(check.signed().map((e) => e.name.toLowerCase()));
      return candidates
        .map((s, i) => ({ name: s.name, tables: tables[i]!.items.map((t) => t.name) }))
        .filter((s) => !ours.has(s.name.toLowerCase()));
    });
  }

  async readGrid(sheetName: string, table?: string): Promise<CellGrid> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('name');
      const tableObj = table ? sheet.tables.getItemOrNullObject(table) : null;
      const range = tableObj ? tableObj.getRange() : sheet.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (sheet.isNullObject) throw new LedgerError(`The workbook has no sheet named "${sheetName}".`);
      if (tableObj && tableObj.isNullObject) throw new LedgerError(`Sheet "${sheet.name}" has no table named "${table}".`);
      if (range.isNullObject) {
        this.lastReadSyncs = 1;
        return emptyGrid(sheet.name, table);
      }
      const rect = { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
      const read = await readInBlocks(context, sheet, rect, true, this.opts.budgetBytes);
      this.lastReadSyncs = 1 + read.syncs;
      const values = read.values as CellValue[][];
      // Excel gives "" for an empty cell; the grid's blank is null (as the CLI's readers give).
      for (const row of values) for (let c = 0; c < row.length; c++) if (row[c] === '') row[c] = null;
      return {
        sheet: sheet.name,
        values,
        numberFormats: read.numberFormats,
        top: rect.row + 1,
        left: rect.col + 1,
        // Office.js (ExcelApi through 1.17) does not say which date system the workbook uses: 1900 assumed.
        date1904: false,
        allText: false,
        ...(table ? { tableName: table } : {}),
      };
    });
  }
}

function emptyGrid(sheet: string, table?: string): CellGrid {
  return { sheet, values: [], numberFormats: [], top: 1, left: 1, date1904: false, allText: false, ...(table ? { tableName: table } : {}) };
}
