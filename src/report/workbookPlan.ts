/**
 * WorkbookPlan: the sheets the add-in writes, as plain serialisable data
 * (DESIGN §2, §6). `src/report/` builds it from the analysis; two renderers
 * draw it — Office.js (`src/excel/`) and exceljs (`src/cli/render/`). A plan
 * knows nothing of Excel's API; a renderer knows nothing of findings or bills.
 * Everything here survives JSON.stringify / structured clone unchanged.
 *
 * CONVENTIONS (both renderers follow them):
 * - Addresses are A1 strings on the plan's own sheet ("B5", "A2:H40"), rows
 *   and columns 1-based; `BlockPlan.at` is the top-left cell of a 2-D block.
 * - Cell values (`CellValue`):
 *     number / boolean      written as is;
 *     null                  an EMPTY cell — Office.js must write "" (a null
 *                           in a 2-D write leaves the old value);
 *     string                literal text that is known safe: builders never
 *                           leave a bare string that starts with = + - @ tab
 *                           or CR (`validatePlan` checks);
 *     { text }              literal text that WOULD read as a formula or
 *                           number if typed: write it as a string (exceljs
 *                           writes a JS string as a shared string; Office.js
 *                           sets numberFormat "@" on the cell before writing,
 *                           or writes "'" + text). Never a formula;
 *     { date: 'YYYY-MM-DD' } a date: written as the Excel serial (1900
 *                           system, `excelSerial`) with a date number format
 *                           (the range's/column's `numFmt`, else
 *                           `DEFAULT_DATE_FORMAT`). Never text.
 *   The plan holds no formulas.
 * - Money is a number of DOLLARS made ONCE, at this edge, from integer cents
 *   (`dollars(c)` = c / 100: the nearest double to the exact decimal, which
 *   any 2-decimal display shows exactly) with `CURRENCY_FORMAT`. Nothing
 *   computes with those doubles; totals are summed in cents before conversion.
 * - Percents are fractions (0.9523) with a `%` format.
 * - Colours are '#RRGGBB'.
 *
 * TAGGING (DESIGN §6/§7 "its own sheets are tagged the same way in both
 * renderers"): the workbook holds a very-hidden sheet `_PatientLedgerSheets`
 * (`REGISTRY_SHEET`) whose row 1 is `REGISTRY_HEADER` and each further row
 * lists one sheet the add-in wrote: its current name, its `key`, the plan
 * version, when it was written (ISO text) and the text of its A1 cell as
 * written (`sheetSignature`). A listed sheet counts as the add-in's only
 * while its A1 still reads so: a user who deletes our `Summary` and makes a
 * sheet of that name gets a sheet the add-in never touches (the registry is
 * by name, and Office.js has no sheet custom properties at ExcelApi 1.9).
 * Only sheets listed there (and so signed) are
 * ever rewritten or removed; a user's sheet with a planned name is never
 * touched — the plan sheet takes the next free name (`Findings (2)`,
 * `nextFreeSheetName`). `reconcileSheets` (sheetNames.ts) is the one rule
 * both renderers apply. A re-run carries `Status`/`Note` over
 * (`carryOverUserColumns`, carryOver.ts) by the sheet's `carryOver` keys.
 */
import { columnLetters, columnNumber as columnNumberOrNull } from '../domain/cellAddress';

/** Bump when the meaning of a field changes. */
export const PLAN_VERSION = 1 as const;

/** The very-hidden sheet listing the add-in's own sheets. */
export const REGISTRY_SHEET = '_PatientLedgerSheets';
export const REGISTRY_HEADER = ['Sheet', 'Key', 'PlanVersion', 'Written', 'A1'] as const;

/** Excel's limits that a plan respects (DESIGN §6). */
export const PLAN_LIMITS = {
  /** Manual page breaks per sheet (Excel allows 1,026). */
  maxPageBreaks: 1026,
  /** Hyperlinks per sheet. */
  maxHyperlinks: 65_530,
  /** Characters in a cell; longer text is cut and ends with TRUNCATION_MARKER. */
  maxCellChars: 32_767,
  /** Sheet names are under 32 characters. */
  maxSheetNameChars: 31,
  /** Statements per Statements sheet (one page break each, well under 1,026). */
  statementsPerSheet: 1000,
} as const;

export const TRUNCATION_MARKER = '… [truncated]';
export const CURRENCY_FORMAT = '$#,##0.00;-$#,##0.00';
export const DEFAULT_DATE_FORMAT = 'mm/dd/yyyy';
export const ISO_DATE_FORMAT = 'yyyy-mm-dd';
export const PERCENT_FORMAT = '0.0%';
export const INTEGER_FORMAT = '#,##0';
export const TEXT_FORMAT = '@';

export interface TextCell {
  /** Literal text that must never become a formula or number. */
  readonly text: string;
}
export interface DateCell {
  /** YYYY-MM-DD. */
  readonly date: string;
}
export type CellValue = string | number | boolean | null | TextCell | DateCell;

export interface BlockPlan {
  /** Top-left cell. */
  readonly at: string;
  /** Rows of equal length. */
  readonly rows: readonly (readonly CellValue[])[];
}

export interface FontPlan {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly name?: string;
}

export type BorderStyle = 'thin' | 'medium' | 'double' | 'dashed';

export interface BorderPlan {
  readonly top?: BorderStyle;
  readonly bottom?: BorderStyle;
  readonly left?: BorderStyle;
  readonly right?: BorderStyle;
  /** Every edge of every cell in the range. */
  readonly all?: BorderStyle;
}

export interface AlignmentPlan {
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrapText?: boolean;
  readonly indent?: number;
}

/** Formatting for a range: applied in plan order, later ones win per property. */
export interface RangeFormatPlan {
  readonly range: string;
  readonly numFmt?: string;
  readonly font?: FontPlan;
  /** Solid fill colour. */
  readonly fill?: string;
  readonly border?: BorderPlan;
  readonly alignment?: AlignmentPlan;
}

export interface ColumnPlan {
  /** Column letters ("A"). */
  readonly column: string;
  /** Width in characters of the default font. */
  readonly width?: number;
  /**
   * Number format of the column's cells in the sheet's written blocks
   * (renderers apply it to the cells they write, not to the whole column).
   * Range formats override it.
   */
  readonly numFmt?: string;
  readonly hidden?: boolean;
}

export interface FreezePlan {
  /** Rows frozen at the top (1 = the header). */
  readonly rows: number;
  readonly columns: number;
}

export interface TablePlan {
  /** Workbook-unique, starts with "PL_" so it never meets a user's table name. */
  readonly name: string;
  /** Header row included; lies over cells a block writes. */
  readonly range: string;
  /** e.g. "TableStyleMedium2". */
  readonly style: string;
  readonly headerRow: true;
  readonly autoFilter: boolean;
  readonly bandedRows: boolean;
}

export interface CellStylePlan {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

export type ConditionalFormatPlan =
  /** The cell's text equals `text` (case-insensitive, as Excel). */
  | { readonly kind: 'textEquals'; readonly range: string; readonly text: string; readonly style: CellStylePlan }
  /** A formula relative to the range's top-left cell, e.g. `$A2="error"`. */
  | { readonly kind: 'expression'; readonly range: string; readonly formula: string; readonly style: CellStylePlan };

export type HyperlinkTarget =
  /** A cell of this workbook. */
  | { readonly kind: 'cell'; readonly sheet: string; readonly cell: string }
  /**
   * A cell of another workbook file: `file` is a path relative to the report
   * (or absolute). Excel wants the file as the link's address and
   * `'Sheet'!D5` as its sub-address (OOXML: relationship Target = file,
   * `location` = sub-address; Office.js: `address` = file,
   * `documentReference` = sub-address); `externalAddress` builds the
   * `file#'Sheet'!D5` form where only one string can be given.
   */
  | { readonly kind: 'file'; readonly file: string; readonly sheet: string; readonly cell: string }
  | { readonly kind: 'url'; readonly url: string };

export interface HyperlinkPlan {
  /** The cell holding the link; its text is the block value there. */
  readonly cell: string;
  readonly target: HyperlinkTarget;
  readonly tooltip?: string;
}

export interface ListValidationPlan {
  readonly kind: 'list';
  readonly range: string;
  readonly values: readonly string[];
  readonly allowBlank: boolean;
  /** Refuse other values (Excel's "Stop"). */
  readonly strict: boolean;
  readonly prompt?: string;
  readonly error?: string;
}
export type ValidationPlan = ListValidationPlan;

export type ChartType = 'column' | 'bar' | 'pie' | 'doughnut' | 'line';

export interface ChartSeriesPlan {
  readonly name: string;
  /** A one-column range on the same sheet. */
  readonly values: string;
}

export interface ChartPlan {
  readonly type: ChartType;
  readonly title: string;
  /** A one-column range on the same sheet (category labels). */
  readonly categories: string;
  readonly series: readonly ChartSeriesPlan[];
  /**
   * Where the chart stands (top-left and bottom-right cells). A renderer
   * that cannot draw charts (exceljs) writes there instead the chart's data
   * table: the title, a header row (category heading, series names) and the
   * data rows — so the plan leaves these cells empty.
   */
  readonly from: string;
  readonly to: string;
  /** Category heading for the fallback table. */
  readonly categoryHeading: string;
  /** Number format of the values (fallback table, data labels). */
  readonly numFmt: string;
}

export interface PrintPlan {
  readonly orientation: 'portrait' | 'landscape';
  readonly paperSize: 'letter' | 'legal' | 'a4';
  /** Fit to this many pages wide / tall (0 = as many as needed); absent = 100 % scale. */
  readonly fitTo?: { readonly width: number; readonly height: number };
  readonly printArea?: string;
  /** Rows repeated at the top of each page, e.g. "1:1". */
  readonly titleRows?: string;
  /** Rows that start a new printed page (a manual break ABOVE each). ≤ maxPageBreaks. */
  readonly pageBreaksBefore?: readonly number[];
  /** Inches. */
  readonly margins?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
  readonly centerHorizontally?: boolean;
  /** Excel header/footer codes (&P page, &N pages, &A sheet). */
  readonly footer?: string;
  readonly gridLines?: boolean;
}

/** Columns a user types into, carried over a re-run by a key (DESIGN §7). */
export interface CarryOverPlan {
  /** The header row (1-based) of the keyed rows; data rows follow it. */
  readonly headerRow: number;
  /** Header texts whose values together identify a row across runs. */
  readonly keyColumns: readonly string[];
  /** Header texts whose user-typed values are carried over. */
  readonly userColumns: readonly string[];
}

/** What kind of sheet: sheets of one family share carry-over (Findings, Findings (2)…). */
export type SheetTag = 'findings' | 'expected-shares' | 'statements' | 'payment-plan' | 'summary' | 'run-log';

export interface SheetPlan {
  /** The name wanted (< 32 chars); a user's sheet of that name makes it the next free one. */
  readonly name: string;
  readonly tag: SheetTag;
  /** Unique and stable across runs: "findings", "statements:2", "payment-plan:1001". */
  readonly key: string;
  readonly blocks: readonly BlockPlan[];
  readonly columns?: readonly ColumnPlan[];
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  readonly formats?: readonly RangeFormatPlan[];
  readonly merges?: readonly string[];
  readonly freeze?: FreezePlan;
  readonly tables?: readonly TablePlan[];
  /** A sheet AutoFilter where no table is used. */
  readonly autoFilter?: string;
  readonly conditionalFormats?: readonly ConditionalFormatPlan[];
  readonly hyperlinks?: readonly HyperlinkPlan[];
  readonly validations?: readonly ValidationPlan[];
  readonly charts?: readonly ChartPlan[];
  readonly print?: PrintPlan;
  readonly carryOver?: CarryOverPlan;
  readonly showGridLines?: boolean;
  readonly tabColor?: string;
}

export interface WorkbookPlan {
  readonly version: typeof PLAN_VERSION;
  /** Sheets in the order they are added (after the workbook's own sheets). */
  readonly sheets: readonly SheetPlan[];
  /** ISO timestamp of the run (Run Log, registry "Written"). */
  readonly createdAt: string;
}

// ---------------------------------------------------------------- helpers

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when text typed into a cell would not stay literal text. */
export function looksLikeFormula(s: string): boolean {
  return FORMULA_START.test(s);
}

/** Cut text longer than a cell holds, ending with a marker. */
export function fitCellText(s: string): string {
  if (s.length <= PLAN_LIMITS.maxCellChars) return s;
  return s.slice(0, PLAN_LIMITS.maxCellChars - TRUNCATION_MARKER.length) + TRUNCATION_MARKER;
}

/** Text for a cell: cut to the cell limit, marked `{ text }` when it would read as a formula. */
export function text(s: string | null | undefined): CellValue {
  if (s === null || s === undefined || s === '') return null;
  const t = fitCellText(s);
  return looksLikeFormula(t) ? { text: t } : t;
}

export function isTextCell(v: CellValue): v is TextCell {
  return typeof v === 'object' && v !== null && 'text' in v;
}
export function isDateCell(v: CellValue): v is DateCell {
  return typeof v === 'object' && v !== null && 'date' in v;
}

/** Integer cents → dollars, once, at the edge (see the header comment). */
export function dollars(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not whole cents: ${cents}`);
  return cents / 100;
}

/** Excel 1900-system serial of a YYYY-MM-DD date. */
export function excelSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return ms / 86_400_000 + 25_569;
}

/** What a registry row remembers of a sheet: the text of its A1 cell as planned. */
export function sheetSignature(sheet: SheetPlan): string {
  for (const b of sheet.blocks) {
    if (b.at.toUpperCase() === 'A1') return cellText(b.rows[0]?.[0] ?? null);
  }
  return '';
}

/** The display string of a cell value (for fallback tables, tests and carry-over keys). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return 'text' in v ? v.text : v.date;
  return String(v);
}

// ----------------------------------------------------------- A1 addresses

export { columnLetters } from '../domain/cellAddress';

/** Letters → 1-based column number (the caller has checked they are letters). */
export function columnNumber(letters: string): number {
  return columnNumberOrNull(letters)!;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function parseA1(cell: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell);
  if (!m) throw new RangeError(`not an A1 cell: ${cell}`);
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

export interface RangeBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function parseRange(range: string): RangeBox {
  const [a, b] = range.split(':');
  const p = parseA1(a!);
  const q = b === undefined ? p : parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/** A sheet name quoted for a reference: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `ledger.xlsx#'Sheet 1'!D5`: the one-string form of a link into another file's cell. */
export function externalAddress(t: { file: string; sheet: string; cell: string }): string {
  return `${t.file}#${quoteSheet(t.sheet)}!${t.cell}`;
}
