/**
 * Parses the mapped cells of one row into the sheet's `fieldValues` (one
 * slot per field, refilled for each row) and reports every cell that does
 * not parse, left to right.
 */
import type { ClaimStatus, InputIssue } from '../../domain/ledger';
import type { CellValue, CellGrid } from '../grid';
import { isBlank } from '../values/blank';
import { Invalid, cellMessage } from '../values/invalid';
import { parseMoney, parseMoneyNonNegative, parseMoneyReceived } from '../values/parseMoney';
import { parseDate } from '../values/parseDate';
import { parseUnits } from '../values/parseNumber';
import { normaliseStatus } from '../values/parseStatus';
import { hasCodeSeparator, parseCode, parseText, splitCodes, upperAscii } from '../values/parseText';
import { FIELDS, SLOT, fieldColumn, type ColumnPlan, type PlannedColumn } from './columnPlan';

/** One sheet being read: its grid and plan, the current row's values, and what the sheet remembers. */
export interface SheetReading {
  readonly grid: CellGrid;
  readonly plan: ColumnPlan;
  /** The current row's parsed values, `fieldValues[SLOT[field]]`: blank → null, units blank → 1, merged code fields → string[]. */
  readonly fieldValues: unknown[];
  readonly issues: InputIssue[];
  /**
   * Diagnosis/modifier lists, shared by the sheet's lines (frozen, so no line
   * can change another's): the list one code longer than a list, by that code.
   * A sheet has a few thousand distinct lists, so a line keeps none of its own.
   */
  readonly longerCodeLists: Map<readonly string[], Map<string, readonly string[]>>;
  /** How many lists `longerCodeLists` holds (bounded: junk codes must not grow it without end). */
  sharedCodeLists: number;
  /** Status words repeat on every row: each distinct text normalised once. */
  readonly statusByText: Map<string, ClaimStatus>;
}

export function startReading(grid: CellGrid, plan: ColumnPlan): SheetReading {
  return {
    grid, plan, issues: [], longerCodeLists: new Map(), sharedCodeLists: 0, statusByText: new Map(),
    fieldValues: new Array<unknown>(FIELDS.length).fill(null),
  };
}

/** At most this many lists are shared per sheet (a few thousand is typical); past it, each line gets its own. */
const SHARED_CODE_LISTS_MAX = 20_000;

/** No codes: what a line without any gets, and where every shared list starts. */
export const NO_CODES: readonly string[] = Object.freeze([]);

/** Fills `reading.fieldValues` from grid row index `r`; returns how many cells did not parse (each got an issue). */
export function readRow(reading: SheetReading, r: number): number {
  const { grid, plan, fieldValues } = reading;
  const row = grid.values[r]!;
  fieldValues.fill(null);
  fieldValues[SLOT.units] = 1;
  let bad = 0;
  for (const column of plan.columns) {
    const v = row[column.index];
    if (v === null || v === undefined || v === '') continue;
    const parsed = parseCell(reading, column, v, r);
    if (parsed instanceof Invalid) {
      bad++;
      const excelRow = grid.top + r;
      reading.issues.push({
        sheet: grid.sheet, row: excelRow, cell: column.letters + excelRow,
        message: cellMessage(column.label, v, parsed.reason), severity: 'error',
      });
    } else if (parsed !== null) fieldValues[column.slot] = parsed;
  }
  return bad;
}

function parseCell(reading: SheetReading, column: PlannedColumn, v: CellValue, r: number): unknown {
  switch (column.kind) {
    case 'text':
      return parseText(v, typeof v === 'number' ? formatAt(reading.grid, r, column.index) : null);
    case 'code':
      return parseCode(v, typeof v === 'number' ? formatAt(reading.grid, r, column.index) : null);
    case 'codes':
      return codeList(reading, reading.fieldValues[column.slot] as readonly string[] | null, parseText(v));
    case 'money':
      return parseMoney(v);
    case 'received':
      return parseMoneyReceived(v);
    case 'nonNegative':
      return parseMoneyNonNegative(v);
    case 'date':
      return parseDate(v, reading.grid.date1904);
    case 'units':
      return parseUnits(v);
  }
}

/** Merged code columns (Mod 1..4, Dx 1..4, or one cell listing several) add to the list so far. */
function codeList(reading: SheetReading, sofar: readonly string[] | null, text: string | null): readonly string[] | null {
  if (text === null) return sofar;
  if (!hasCodeSeparator(text)) return withCode(reading, sofar ?? NO_CODES, upperAscii(text));
  let list = sofar ?? NO_CODES;
  for (const code of splitCodes(text)) list = withCode(reading, list, code);
  return list;
}

/**
 * The sheet's shared list `list` + `code` (never pushed onto: `list` may be
 * shared). Sharing keeps the 1M-line ledger's 375k two-to-four-code lists
 * out of memory and their copies out of the time (ledger at 1M lines:
 * 1.47 s → 1.34 s CPU, 329 MB → 306 MB kept).
 */
function withCode(reading: SheetReading, list: readonly string[], code: string): readonly string[] {
  const shared = reading.longerCodeLists.get(list)?.get(code);
  if (shared !== undefined) return shared;
  const next = Object.freeze([...list, code]);
  if (reading.sharedCodeLists < SHARED_CODE_LISTS_MAX) {
    let longer = reading.longerCodeLists.get(list);
    if (longer === undefined) {
      longer = new Map();
      reading.longerCodeLists.set(list, longer);
    }
    longer.set(code, next);
    reading.sharedCodeLists++;
  }
  return next;
}

/** The Status text normalised, remembered per distinct text. */
export function statusOf(reading: SheetReading, text: string): ClaimStatus {
  let status = reading.statusByText.get(text);
  if (status === undefined) {
    status = normaliseStatus(text);
    reading.statusByText.set(text, status);
  }
  return status;
}

function formatAt(grid: CellGrid, r: number, c: number): string | null {
  return grid.numberFormats?.[r]?.[c] ?? null;
}

/** True when every cell of the row is blank (whatever the columns). */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (row === undefined) return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * A required field: blank → an issue at its cell (returns 1). A cell that was
 * there but did not parse already has its issue from `readRow` (returns 0).
 */
export function requireField(reading: SheetReading, r: number, field: keyof typeof SLOT, why: string): number {
  const slot = SLOT[field];
  if (reading.fieldValues[slot] !== null) return 0;
  const { grid } = reading;
  const column = fieldColumn(reading.plan, slot);
  if (column.index >= 0 && !isBlank(grid.values[r]![column.index])) return 0;
  const excelRow = grid.top + r;
  reading.issues.push({
    sheet: grid.sheet, row: excelRow, cell: column.letters + excelRow,
    message: `${column.label} is blank (${why})`, severity: 'error',
  });
  return 1;
}
