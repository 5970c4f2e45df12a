/**
 * Transaction ledgers (DESIGN §3): one row per charge, payment, adjustment
 * or refund, with a Type column and one Amount column, folded into service
 * lines.
 *
 * - Each Charge row becomes one line (`row` = the charge row, billed = its amount).
 * - Other rows are matched to a charge: by claim + line id; else claim + code;
 *   else the claim's only charge; else account + date of service + code; else
 *   the only charge of that account on that date; a row with neither claim
 *   nor date of service, the account's only charge. A row that matches none, or
 *   matches several equally, is an input issue (excluded) — never guessed.
 * - Amounts are read as received (sign dropped). `Payment` is the insurer's
 *   when the row names a payer (not self-pay), else the patient's; `Ins Pmt`
 *   / `Pt Pmt` say whose; `Sec Pmt` adds to secondaryPaid.
 * - Refunds to the patient add to `patientRefunded` and leave `patientPaid`
 *   as paid in (gross), so balance = billed − adjustments − payments + refunds
 *   (as `lineBalance` in the domain computes it). An insurance refund /
 *   recoupment reduces insurerPaid.
 * - Allowed, status and denial code on a payment row (ERA postings) update
 *   the line; the Balance column of a transaction ledger is a running account
 *   balance, not a line's, so it is not carried onto lines.
 * - `cells` of paid fields point at the last transaction row folded in.
 *
 * Counting: `linesAnalyzed` counts transaction rows analysed (charge rows +
 * rows folded into them), so rowsRead = linesAnalyzed + excludedRows +
 * blankRows + totalRows still holds; `lines.length` is the number of charges.
 */
import { isSelfPay, type InputIssue, type LedgerField, type LedgerLine } from '../../domain/ledger';
import type { Cents } from '../../domain/money';
import { toUs, type Day } from '../../domain/day';
import { formatMoneyDisplay } from '../../domain/money';
import { nameKey } from '../../domain/nameKeys';
import { a1, type CellGrid } from '../grid';
import { cellMessage } from '../values/invalid';
import { TRANSACTION_TYPES_EXPECTED, transactionKind, type TransactionKind } from '../values/parseTransactionType';
import { FIELDS, SLOT, type ColumnPlan } from './columnPlan';
import { makeLine, rowCells, type MutableLine } from './makeLine';
import { isBlankRow, readRow, requireField } from './readRow';
import { lastNonBlankRow, type ReadResult } from './serviceLines';
import { totalRowHit } from './totalRows';
import { normaliseStatus } from '../values/parseStatus';

const S = SLOT;
const CHARGE_WHY = 'required for a charge line';

type KeyFn = (line: LedgerLine) => string | null;

/**
 * Charge lines by match key. Each index is built on first use: when every
 * row carries claim and line ids (the usual export), only that one is ever
 * built — a million-row ledger then hashes one key per row, not five.
 */
class ChargeIndex {
  private readonly maps = new Map<KeyFn, Map<string, number[]>>();
  constructor(private readonly lines: readonly LedgerLine[]) {}

  get(fn: KeyFn, key: string): number[] | undefined {
    let m = this.maps.get(fn);
    if (m === undefined) {
      m = new Map();
      for (let i = 0; i < this.lines.length; i++) {
        const k = fn(this.lines[i]!);
        if (k === null) continue;
        const cur = m.get(k);
        if (cur) cur.push(i);
        else m.set(k, [i]);
      }
      this.maps.set(fn, m);
    }
    return m.get(key);
  }
}

const SEP = '\u0001';
const byClaimLine: KeyFn = (l) => (l.claimId !== null && l.lineId !== null ? l.claimId + SEP + l.lineId : null);
const byClaimCode: KeyFn = (l) => (l.claimId !== null ? l.claimId + SEP + l.code : null);
const byClaim: KeyFn = (l) => l.claimId;
const byAcctDosCode: KeyFn = (l) => l.account + SEP + l.serviceDate + SEP + l.code;
const byAcctDos: KeyFn = (l) => l.account + SEP + l.serviceDate;
const byAccount: KeyFn = (l) => l.account;

/** The matching line index, or -1 none, or -2 ambiguous. */
function match(ix: ChargeIndex, s: readonly unknown[]): number {
  const claim = s[S.claimId] as string | null;
  const lineId = s[S.lineId] as string | null;
  const code = s[S.code] as string | null;
  const account = s[S.account] as string | null;
  const dos = s[S.serviceDate] as Day | null;
  if (claim !== null) {
    if (lineId !== null) {
      const hit = ix.get(byClaimLine, claim + SEP + lineId);
      if (hit) return hit[0]!;
    }
    if (code !== null) {
      const hit = ix.get(byClaimCode, claim + SEP + code);
      if (hit) return hit[0]!;
    }
    const all = ix.get(byClaim, claim);
    if (all) return all.length === 1 ? all[0]! : -2;
  }
  if (account !== null && dos !== null) {
    if (code !== null) {
      const hit = ix.get(byAcctDosCode, account + SEP + dos + SEP + code);
      if (hit) return hit[0]!;
    }
    const all = ix.get(byAcctDos, account + SEP + dos);
    if (all) return all.length === 1 ? all[0]! : -2;
  }
  // A payment row with neither claim nor date of service: the account's only charge, if it has just one.
  if (account !== null && claim === null && dos === null) {
    const all = ix.get(byAccount, account);
    if (all) return all.length === 1 ? all[0]! : -2;
  }
  return -1;
}

const KIND_WORD: Readonly<Record<TransactionKind, string>> = {
  charge: 'Charge', payment: 'Payment', insPayment: 'Insurance payment', ptPayment: 'Patient payment',
  secPayment: 'Secondary payment', adjustment: 'Adjustment', refund: 'Refund', insRefund: 'Insurance refund',
};

function describeKey(s: readonly unknown[]): string {
  const parts: string[] = [];
  if (s[S.claimId] !== null) parts.push(`claim ${String(s[S.claimId])}${s[S.lineId] !== null ? ` line ${String(s[S.lineId])}` : ''}`);
  if (s[S.serviceDate] !== null) parts.push(`date of service ${toUs(s[S.serviceDate] as Day)}`);
  if (s[S.code] !== null) parts.push(`code ${String(s[S.code])}`);
  return parts.length > 0 ? parts.join(', ') : 'no claim, date of service or code given';
}

/** isSelfPay per distinct payer text (it lower-cases and strips the text each call). */
function isSelfPayCached(cache: Map<string, boolean>, payer: string): boolean {
  let v = cache.get(payer);
  if (v === undefined) {
    v = isSelfPay(payer);
    cache.set(payer, v);
  }
  return v;
}

const addC = (a: Cents | null | undefined, b: Cents): Cents => ((a ?? 0) + b) as Cents;

export function readTransactions(grid: CellGrid, headerIndex: number, plan: ColumnPlan): ReadResult {
  const lines: MutableLine[] = [];
  const issues: InputIssue[] = [];
  const scratch: unknown[] = new Array<unknown>(FIELDS.length).fill(null);
  const last = lastNonBlankRow(grid, headerIndex + 1);
  const sheet = grid.sheet;
  const typeCol = plan.firstCol[S.type]!;
  const amountLetters = plan.fieldLetters[S.amount]!;
  const pending: number[] = [];
  const pendingKind: TransactionKind[] = [];
  let blankRows = 0;
  let totalRows = 0;
  let excludedRows = 0;
  let folded = 0;

  // Pass 1: classify every row, make lines from charges (payments may come before their charge).
  for (let r = headerIndex + 1; r <= last; r++) {
    if (isBlankRow(grid.values[r])) {
      blankRows++;
      continue;
    }
    const excelRow = grid.top + r;
    const total = totalRowHit(grid, r, plan);
    if (total !== null) {
      totalRows++;
      issues.push({ sheet, row: excelRow, cell: a1(grid.left + total.col, excelRow), message: total.message, severity: 'info' });
      continue;
    }
    let bad = readRow(grid, r, plan, scratch, issues);
    const typeText = scratch[S.type] as string | null;
    const kind = typeText === null ? null : transactionKind(typeText);
    if (typeText === null) bad += requireField(grid, r, plan, S.type, scratch, issues, `expected a transaction type: ${TRANSACTION_TYPES_EXPECTED}`);
    else if (kind === null) {
      bad++;
      issues.push({ sheet, row: excelRow, cell: a1(grid.left + typeCol, excelRow), severity: 'error',
        message: cellMessage(plan.fieldLabel[S.type]!, typeText, `is not a transaction type (${TRANSACTION_TYPES_EXPECTED})`) });
    }
    bad += requireField(grid, r, plan, S.amount, scratch, issues, 'every transaction needs an amount');
    if (kind === 'charge') {
      bad += requireField(grid, r, plan, S.account, scratch, issues, CHARGE_WHY);
      bad += requireField(grid, r, plan, S.serviceDate, scratch, issues, CHARGE_WHY);
      bad += requireField(grid, r, plan, S.code, scratch, issues, CHARGE_WHY);
      const amt = scratch[S.amount] as Cents | null;
      if (amt !== null && amt < 0) {
        bad++;
        issues.push({ sheet, row: excelRow, cell: amountLetters + excelRow, severity: 'error',
          message: cellMessage(plan.fieldLabel[S.amount]!, grid.values[r]![plan.firstCol[S.amount]!], 'is negative on a charge (expected the amount charged, 0.00 or more)') });
      }
    }
    if (bad > 0 || kind === null) {
      excludedRows++;
      continue;
    }
    if (kind !== 'charge') {
      pending.push(r);
      pendingKind.push(kind);
      continue;
    }
    const line = makeLine(lines.length, sheet, excelRow, scratch, scratch[S.amount] as Cents, NO_CELLS);
    line.balance = null;
    lines.push(line);
  }

  // Pass 2: fold the other rows into their charge lines (re-read: they parsed cleanly in pass 1).
  const ix = new ChargeIndex(lines);
  const lastRow = FOLDED.map(() => new Int32Array(lines.length));
  const selfPay = new Map<string, boolean>();
  const scratchIssues: InputIssue[] = [];
  for (let p = 0; p < pending.length; p++) {
    const r = pending[p]!;
    const kind = pendingKind[p]!;
    const excelRow = grid.top + r;
    readRow(grid, r, plan, scratch, scratchIssues);
    const at = match(ix, scratch);
    const amount = Math.abs(scratch[S.amount] as number) as Cents;
    if (at < 0) {
      excludedRows++;
      const what = `${KIND_WORD[kind]} of ${formatMoneyDisplay(amount)}`;
      issues.push({ sheet, row: excelRow, cell: amountLetters + excelRow, severity: 'error',
        message: at === -1
          ? `${what} matches no charge line (${describeKey(scratch)}); add the claim/line id or the account, date of service and code of its charge`
          : `${what} matches several charge lines (${describeKey(scratch)}); add the line id or the code to say which` });
      continue;
    }
    folded++;
    fold(lines[at]!, at, kind, amount, scratch, excelRow, selfPay, lastRow);
  }
  buildCells(lines, plan, amountLetters, lastRow);
  issues.sort((a, b) => a.row - b.row);
  const rowsRead = Math.max(0, last - headerIndex);
  return { lines, issues, counts: { rowsRead, linesAnalyzed: lines.length + folded, excludedRows, blankRows, totalRows } };
}

/**
 * Fields whose cell a folded row sets, and the row that last set them per
 * line (0 = none). Cells are built once at the end, keys always added in the
 * same order: adding keys in whatever order payments arrive gave every line
 * its own hidden class, and cost more than the rest of the fold together.
 */
const FOLDED = ['allowed', 'insurerPaid', 'secondaryPaid', 'patientPaid', 'adjustment', 'status', 'denialCode'] as const;
const F_ALLOWED = 0;
const F_INS = 1;
const F_SEC = 2;
const F_PT = 3;
const F_ADJ = 4;
const F_STATUS = 5;
const F_DENIAL = 6;
const NO_CELLS: Partial<Record<LedgerField, string>> = {};

function buildCells(lines: MutableLine[], plan: ColumnPlan, amountLetters: string, lastRow: readonly Int32Array[]): void {
  const letters = [plan.fieldLetters[S.allowed]!, amountLetters, amountLetters, amountLetters, amountLetters,
    plan.fieldLetters[S.status]!, plan.fieldLetters[S.denialCode]!];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cells = rowCells(plan, line.row);
    cells.billed = amountLetters + line.row;
    for (let f = 0; f < FOLDED.length; f++) {
      const r = lastRow[f]![i]!;
      if (r > 0) cells[FOLDED[f]!] = letters[f]! + r;
    }
    line.cells = cells;
  }
}

function samePayer(a: string, b: string): boolean {
  return a === b || nameKey(a) === nameKey(b);
}

function fold(
  line: MutableLine, at: number, kind: TransactionKind, amount: Cents, s: readonly unknown[], excelRow: number,
  selfPay: Map<string, boolean>, lastRow: readonly Int32Array[],
): void {
  const payer = s[S.payer] as string | null;
  let k = kind;
  if (k === 'payment') k = payer !== null && !isSelfPayCached(selfPay, payer) ? 'insPayment' : 'ptPayment';
  // An insurer payment from a payer other than the one the charge was billed to
  // is the secondary's (COB crossover, spouse's plan): DESIGN §3 gives the
  // transaction form no other way to say so.
  if (k === 'insPayment' && payer !== null && line.payer !== null && samePayer(payer, line.payer) === false) k = 'secPayment';
  switch (k) {
    case 'insPayment':
      line.insurerPaid = addC(line.insurerPaid, amount);
      lastRow[F_INS]![at] = excelRow;
      break;
    case 'secPayment':
      line.secondaryPaid = addC(line.secondaryPaid, amount);
      lastRow[F_SEC]![at] = excelRow;
      break;
    case 'ptPayment':
      line.patientPaid = addC(line.patientPaid, amount);
      lastRow[F_PT]![at] = excelRow;
      break;
    case 'adjustment':
      line.adjustment = addC(line.adjustment, amount);
      lastRow[F_ADJ]![at] = excelRow;
      break;
    case 'refund':
      line.patientRefunded = addC(line.patientRefunded, amount);
      break;
    case 'insRefund':
      line.insurerPaid = addC(line.insurerPaid, -amount as Cents);
      lastRow[F_INS]![at] = excelRow;
      break;
    default:
      break;
  }
  // ERA details posted with a payment describe the line.
  if (s[S.allowed] !== null) {
    line.allowed = s[S.allowed] as Cents;
    lastRow[F_ALLOWED]![at] = excelRow;
  }
  if (s[S.status] !== null) {
    line.statusText = s[S.status] as string;
    line.status = normaliseStatus(line.statusText);
    lastRow[F_STATUS]![at] = excelRow;
  }
  if (s[S.denialCode] !== null) {
    line.denialCode = s[S.denialCode] as string;
    lastRow[F_DENIAL]![at] = excelRow;
  }
  if (line.payer === null && payer !== null && (k === 'insPayment' || k === 'insRefund')) line.payer = payer;
  if (line.memberId === null && s[S.memberId] !== null) line.memberId = s[S.memberId] as string;
  if (line.planId === null && s[S.planId] !== null) line.planId = s[S.planId] as string;
}
