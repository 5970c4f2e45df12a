/**
 * Service-line ledgers: one row, one line. Each data row below the header
 * (up to the last non-blank row) is exactly one of: blank, total, excluded
 * (at least one issue), or analysed — so rowsRead = linesAnalyzed +
 * excludedRows + blankRows + totalRows by construction.
 */
import type { InputIssue, LedgerCounts, LedgerField, LedgerLine } from '../../domain/ledger';
import type { Cents } from '../../domain/money';
import { a1, type CellGrid, type CellValue } from '../grid';
import { isBlank } from '../values/blank';
import { FIELDS, SLOT, type ColumnPlan } from './columnPlan';
import { makeLine } from './makeLine';
import { cellsFactory, lazyCells } from './lazyCells';
import { isBlankRow, readRow, requireField } from './readRow';
import { totalRowHit } from './totalRows';

export interface ReadResult {
  readonly lines: LedgerLine[];
  readonly issues: InputIssue[];
  readonly counts: LedgerCounts;
}

const S_BILLED = SLOT.billed;

const REQUIRED_WHY = 'required for a charge line';
const REQUIRED_SLOTS = [SLOT.account, SLOT.serviceDate, SLOT.code, SLOT.billed];

/** Index of the last row (at or after `from`) with any non-blank cell; from - 1 when none. */
export function lastNonBlankRow(grid: CellGrid, from: number): number {
  for (let r = grid.values.length - 1; r >= from; r--) if (!isBlankRow(grid.values[r])) return r;
  return from - 1;
}

const S_ACCOUNT = SLOT.account;

/** None of the required cells has anything in it (checked only when the account cell is blank). */
function notALine(row: readonly CellValue[], plan: ColumnPlan): boolean {
  const acct = plan.firstCol[S_ACCOUNT]!;
  if (!isBlank(row[acct])) return false;
  for (let k = 0; k < REQUIRED_SLOTS.length; k++) {
    const c = plan.firstCol[REQUIRED_SLOTS[k]!]!;
    if (c >= 0 && !isBlank(row[c])) return false;
  }
  return true;
}

function firstNonBlank(row: readonly CellValue[]): number {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return c;
  return 0;
}

export function readServiceLines(grid: CellGrid, headerIndex: number, plan: ColumnPlan): ReadResult {
  const lines: LedgerLine[] = [];
  const issues: InputIssue[] = [];
  const scratch: unknown[] = new Array<unknown>(FIELDS.length).fill(null);
  const last = lastNonBlankRow(grid, headerIndex + 1);
  const sheet = grid.sheet;
  const cellsOf = cellsFactory(plan.cellFields as LedgerField[], plan.cellLetters);
  let blankRows = 0;
  let totalRows = 0;
  let excludedRows = 0;
  for (let r = headerIndex + 1; r <= last; r++) {
    const row = grid.values[r];
    if (isBlankRow(row)) {
      blankRows++;
      continue;
    }
    const total = totalRowHit(grid, r, plan);
    if (total !== null) {
      totalRows++;
      issues.push({ sheet, row: grid.top + r, cell: a1(grid.left + total.col, grid.top + r), message: total.message, severity: 'info' });
      continue;
    }
    if (notALine(row!, plan)) {
      // A note or stray text: one issue, not one per missing column.
      excludedRows++;
      const c = firstNonBlank(row!);
      issues.push({ sheet, row: grid.top + r, cell: a1(grid.left + c, grid.top + r), severity: 'error',
        message: `Row ${grid.top + r} is not a charge line: it has no account, date of service, code or charge` });
      continue;
    }
    let bad = readRow(grid, r, plan, scratch, issues);
    for (let k = 0; k < REQUIRED_SLOTS.length; k++) {
      const slot = REQUIRED_SLOTS[k]!;
      if (scratch[slot] === null) bad += requireField(grid, r, plan, slot, scratch, issues, REQUIRED_WHY);
    }
    if (bad > 0) {
      excludedRows++;
      continue;
    }
    const excelRow = grid.top + r;
    lines.push(makeLine(lines.length, sheet, excelRow, scratch, scratch[S_BILLED] as Cents, lazyCells(cellsOf, excelRow)));
  }
  const rowsRead = Math.max(0, last - headerIndex);
  return { lines, issues, counts: { rowsRead, linesAnalyzed: lines.length, excludedRows, blankRows, totalRows } };
}
