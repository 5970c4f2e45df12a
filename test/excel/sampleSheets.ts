/**
 * An .xlsx read with exceljs into plain sheets — values as Excel's API gives
 * them (dates as 1900-system serials) and each cell's number format — to
 * seed the strict fake of Excel (model.seed) or to hand to an in-memory port.
 */
import ExcelJS from 'exceljs';
import type { WorkbookPort } from '../../src/app/port';
import type { CellGrid } from '../../src/ingest/grid';
import type { FakeValue, FakeWorkbookModel } from '../support/fakeExcel';

export interface PlainSheet {
  readonly name: string;
  /** From A1; null = empty. */
  readonly values: (FakeValue | null)[][];
  readonly formats: (string | null)[][];
}

function plain(v: ExcelJS.CellValue): FakeValue | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

export async function readXlsxSheets(path: string): Promise<PlainSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => {
    const values: (FakeValue | null)[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const vr: (FakeValue | null)[] = [];
      const fr: (string | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        vr.push(plain(cell.value));
        fr.push(cell.numFmt || null);
      }
      values.push(vr);
      formats.push(fr);
    }
    return { name: ws.name, values, formats };
  });
}

export function seedSheets(model: FakeWorkbookModel, sheets: readonly PlainSheet[]): void {
  for (const s of sheets) model.seed(s.name, s.values, { numberFormats: s.formats });
}

/** The same sheets as a WorkbookPort over memory (to look at the analysis before the fake is set up). */
export function memoryPort(sheets: readonly PlainSheet[]): WorkbookPort {
  const grid = (s: PlainSheet): CellGrid => ({ sheet: s.name, values: s.values, numberFormats: s.formats, top: 1, left: 1, date1904: false, allText: false });
  return {
    listSheets: async () => sheets.map((s) => ({ name: s.name, tables: [] })),
    readGrid: async (name) => {
      const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new Error(`no sheet ${name}`);
      return grid(s);
    },
  };
}
