/**
 * Service-line ledgers: one row, one line. Each data row below the header
 * (up to the last non-blank row) is exactly one of: blank, total, excluded
 * (at least one issue), or analysed — so rowsRead = linesAnalyzed +
 * excludedRows + blankRows + totalRows by construction.
 */
import type { InputIssue, LedgerCounts, LedgerLine } from '../../domain/ledger';
import type { Cents } from '../../domain/money';
import { a1, type CellGrid, type CellValue } from '../grid';
import { isBlank } from '../values/blank';
import { SLOT, type ColumnPlan } from './columnPlan';
import { makeLine } from './makeLine';
import { isBlankRow, readRow, requireField, startReading } from './readRow';
import { totalRowHit } from './totalRows';

export interface ReadResult {
  readonly lines: LedgerLine[];
  readonly issues: InputIssue[];
  readonly counts: LedgerCounts;
}

/** Where the sheet's rows are and how its lines are numbered. */
export interface SheetRows {
  /** Index into grid.values of the header row. */
  readonly headerIndex: number;
  /** `index` of the sheet's first line (lines of earlier sheets come first). */
  readonly firstLineIndex: number;
}

const REQUIRED_WHY = 'required for a charge line';
const REQUIRED_FIELDS = ['account', 'serviceDate', 'code', 'billed'] as const;

/** Index of the last row (at or after `from`) with any non-blank cell; from - 1 when none. */
export function lastNonBlankRow(grid: CellGrid, from: number): number {
  for (let r = grid.values.length - 1; r >= from; r--) if (!isBlankRow(grid.values[r])) return r;
  return from - 1;
}

/** None of the required cells has anything in it: a note or stray text, not a line. */
function notALine(row: readonly CellValue[], plan: ColumnPlan): boolean {
  return REQUIRED_FIELDS.every((f) => {
    const c = plan.firstColumn[SLOT[f]];
    return c === null || c === undefined || isBlank(row[c.index]);
  });
}

function firstNonBlank(row: readonly CellValue[]): number {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return c;
  return 0;
}

export function readServiceLines(grid: CellGrid, plan: ColumnPlan, rows: SheetRows): ReadResult {
  const reading = startReading(grid, plan);
  const { issues } = reading;
  const lines: LedgerLine[] = [];
  const last = lastNonBlankRow(grid, rows.headerIndex + 1);
  const sheet = grid.sheet;
  let blankRows = 0;
  let totalRows = 0;
  let excludedRows = 0;
  for (let r = rows.headerIndex + 1; r <= last; r++) {
    const row = grid.values[r];
    const excelRow = grid.top + r;
    if (isBlankRow(row)) {
      blankRows++;
      continue;
    }
    const total = totalRowHit(grid, r, plan);
    if (total !== null) {
      totalRows++;
      issues.push({ sheet, row: excelRow, cell: a1(grid.left + total.col, excelRow), message: total.message, severity: 'info' });
      continue;
    }
    if (notALine(row!, plan)) {
      // One issue, not one per missing column.
      excludedRows++;
      issues.push({ sheet, row: excelRow, cell: a1(grid.left + firstNonBlank(row!), excelRow), severity: 'error',
        message: `Row ${excelRow} is not a charge line: it has no account, date of service, code or charge` });
      continue;
    }
    let bad = readRow(reading, r);
    for (const field of REQUIRED_FIELDS) bad += requireField(reading, r, field, REQUIRED_WHY);
    if (bad > 0) {
      excludedRows++;
      continue;
    }
    const place = { index: rows.firstLineIndex + lines.length, row: excelRow, columns: reading.plan.cellColumns };
    lines.push(makeLine(reading, place, reading.fieldValues[SLOT.billed] as Cents));
  }
  const rowsRead = Math.max(0, last - rows.headerIndex);
  return { lines, issues, counts: { rowsRead, linesAnalyzed: lines.length, excludedRows, blankRows, totalRows } };
}
