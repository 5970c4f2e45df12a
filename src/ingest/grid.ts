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

import { columnLetters } from '../domain/cellAddress';

export { columnLetters, columnNumber } from '../domain/cellAddress';

export const a1 = (col: number, row: number): string => `${columnLetters(col)}${row}`;
