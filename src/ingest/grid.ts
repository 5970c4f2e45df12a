/**
 * A sheet's used range as plain data: what `Excel.Range.values` /
 * `numberFormat` give and what the CLI's exceljs/CSV readers produce. Dates
 * arrive as Excel serial numbers (with a date number format) or as text.
 */
export type CellValue = string | number | boolean | null;

export interface CellGrid {
  readonly sheet: string;
  /** values[r][c]; row 0 is Excel row `top`, column 0 is column `left`. */
  readonly values: readonly (readonly CellValue[])[];
  /** Same shape as values when known (Excel, exceljs); null for CSV. */
  readonly numberFormats: readonly (readonly (string | null)[])[] | null;
  /** 1-based Excel row of values[0]. */
  readonly top: number;
  /** 1-based Excel column of values[r][0]. */
  readonly left: number;
  /** The workbook uses the 1904 date system (Mac legacy). */
  readonly date1904: boolean;
  /** True when every cell arrived as text (CSV). */
  readonly allText: boolean;
  /** The Excel table this grid came from, if any. */
  readonly tableName?: string;
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 1-based column number (A → 1, AA → 27); null if not letters. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const a1 = (col: number, row: number): string => `${columnLetters(col)}${row}`;
