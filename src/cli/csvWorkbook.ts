/**
 * The CLI's WorkbookPort over a CSV file: one sheet (named after the file),
 * every cell text (DESIGN §7). RFC 4180 parsing by csv-parse, which handles
 * quoted commas, doubled quotes and embedded newlines.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CellGrid, CellValue } from '../ingest/grid';
import type { SheetInfo, WorkbookPort } from '../app/port';
import { LedgerError } from '../app/port';

export class CsvWorkbook implements WorkbookPort {
  private constructor(private readonly grid: CellGrid, readonly path: string) {}

  static async open(path: string): Promise<CsvWorkbook> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new LedgerError(code === 'ENOENT' ? `File not found: ${path}` : `Cannot read ${path}: ${code ?? 'read error'}`);
    }
    let rows: string[][];
    try {
      rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (e) {
      const m = /line (\d+)/i.exec((e as Error).message);
      throw new LedgerError(`Cannot read ${path}: not valid CSV${m ? ` (near line ${m[1]})` : ''}.`);
    }
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const values: CellValue[][] = rows.map((r) => {
      const out: CellValue[] = new Array<CellValue>(width).fill(null);
      for (let c = 0; c < r.length; c++) out[c] = r[c] === '' ? null : r[c]!;
      return out;
    });
    const sheet = basename(path, extname(path));
    return new CsvWorkbook({ sheet, values, numberFormats: null, top: 1, left: 1, date1904: false, allText: true }, path);
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return [{ name: this.grid.sheet, tables: [] }];
  }

  async readGrid(sheet: string): Promise<CellGrid> {
    if (sheet.toLowerCase() !== this.grid.sheet.toLowerCase()) {
      throw new LedgerError(`${this.path} is a CSV file with one sheet ("${this.grid.sheet}"), not "${sheet}"`);
    }
    return this.grid;
  }
}
