/**
 * The CLI's WorkbookPort over an .xlsx file (exceljs). Cells are converted to
 * what Excel.Range.values gives — dates become serial numbers in the
 * workbook's own date system, formulas their cached results — so ingest sees
 * the same grid in the CLI as in the task pane.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellGrid, CellValue } from '../ingest/grid';
import type { SheetInfo, WorkbookPort } from '../app/port';
import { LedgerError } from '../app/port';
import { dayFromYmd, excelSerialFromDay } from '../domain/day';

const MS_PER_DAY = 86_400_000;

/** exceljs cell value → Excel-like value. */
function toCellValue(v: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // exceljs builds dates at UTC midnight (+ time of day); keep the fraction as Excel does.
    const t = v.getTime();
    const dayStart = Math.floor(t / MS_PER_DAY);
    const dt = new Date(dayStart * MS_PER_DAY);
    const day = dayFromYmd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
    if (day === null) return null;
    return excelSerialFromDay(day, date1904) + (t - dayStart * MS_PER_DAY) / MS_PER_DAY;
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: ExcelJS.CellValue }).result;
      return r === undefined ? null : toCellValue(r as ExcelJS.CellValue, date1904);
    }
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

function sheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean): CellGrid {
  const rowCount = ws.rowCount;
  const colCount = ws.columnCount;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const vr: CellValue[] = new Array<CellValue>(colCount).fill(null);
    const fr: (string | null)[] = new Array<string | null>(colCount).fill(null);
    if (row.hasValues) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > colCount) return;
        vr[col - 1] = toCellValue(cell.value, date1904);
        fr[col - 1] = cell.numFmt ?? null;
      });
    }
    values.push(vr);
    formats.push(fr);
  }
  return { sheet: ws.name, values, numberFormats: formats, top: 1, left: 1, date1904, allText: false };
}

function looksEncrypted(buf: Buffer): boolean {
  // Password-protected .xlsx files are OLE compound documents, not zip archives.
  return buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly wb: ExcelJS.Workbook, private readonly date1904: boolean, readonly path: string) {}

  static async open(path: string): Promise<XlsxWorkbook> {
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new LedgerError(code === 'ENOENT' ? `File not found: ${path}` : `Cannot read ${path}: ${code ?? 'read error'}`);
    }
    if (looksEncrypted(buf)) {
      throw new LedgerError(`Cannot open ${path}: the workbook is password-protected (or an old .xls file). Save an unprotected .xlsx copy and try again.`);
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    } catch {
      throw new LedgerError(`Cannot open ${path}: it is not a readable .xlsx workbook (the file may be corrupt or of another type).`);
    }
    const props = wb.properties as unknown as { date1904?: boolean };
    return new XlsxWorkbook(wb, props.date1904 === true, path);
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.wb.worksheets
      .filter((ws) => ws.state !== 'veryHidden')
      .map((ws) => ({ name: ws.name, tables: [] }));
  }

  async readGrid(sheet: string): Promise<CellGrid> {
    const ws = this.wb.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
    if (!ws) throw new LedgerError(`${this.path} has no sheet named "${sheet}"`);
    return sheetToGrid(ws, this.date1904);
  }
}
