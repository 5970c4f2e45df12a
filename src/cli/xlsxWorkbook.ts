/**
 * The CLI's WorkbookPort over an .xlsx file. Cells arrive as
 * Excel.Range.values gives them — dates are serial numbers in the workbook's
 * own date system (with their number format), formulas their cached results
 * — so ingest sees the same grid in the CLI as in the task pane.
 *
 * Reading is done by our own small reader (./xlsx: node:zlib for the zip, a
 * hand-written scanner for the sheet XML), not exceljs: on a configuration
 * workbook of ~80,000 rows exceljs took 3.6 s and most of the run's memory,
 * the scanner a small fraction of that. exceljs remains for writing
 * workbooks (scripts, tests), and is the oracle the reader is tested against.
 */
import { readFile } from 'node:fs/promises';
import type { CellGrid } from '../ingest/grid';
import type { SheetInfo, WorkbookPort } from '../app/port';
import { LedgerError } from '../app/port';
import { XlsxFormatError, XlsxPackage } from './xlsx/xlsxPackage';

function looksEncrypted(buf: Uint8Array): boolean {
  // Password-protected .xlsx files are OLE compound documents, not zip archives.
  return buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly pkg: XlsxPackage, readonly path: string) {}

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
    try {
      return new XlsxWorkbook(XlsxPackage.open(buf), path);
    } catch (e) {
      if (!(e instanceof XlsxFormatError)) throw e;
      throw XlsxWorkbook.corrupt(path);
    }
  }

  private static corrupt(path: string): LedgerError {
    return new LedgerError(`Cannot open ${path}: it is not a readable .xlsx workbook (the file may be corrupt or of another type).`);
  }

  /** Every sheet but "very hidden" ones (which Excel itself never shows); hidden sheets are listed. */
  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.pkg.sheets.filter((s) => s.state !== 'veryHidden').map((s) => ({ name: s.name, tables: [] }));
  }

  async readGrid(sheet: string): Promise<CellGrid> {
    const want = sheet.toLowerCase();
    const found = this.pkg.sheets.find((s) => s.name.toLowerCase() === want);
    if (!found) throw new LedgerError(`${this.path} has no sheet named "${sheet}"`);
    try {
      return this.pkg.readGrid(found);
    } catch (e) {
      if (!(e instanceof XlsxFormatError)) throw e;
      throw XlsxWorkbook.corrupt(this.path);
    }
  }
}
