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
 * - `insurerPostedOn` (DESIGN §8): the latest posting date of the line's
 *   insurer payment, adjustment or denial rows (a row carrying a denial code
 *   counts as a denial).
 *
 * Counting: `linesAnalyzed` counts transaction rows analysed (charge rows +
 * rows folded into them), so rowsRead = linesAnalyzed + excludedRows +
 * blankRows + totalRows still holds; `lines.length` is the number of charges.
 */
import { memoByText } from '../../domain/memoByText';
import { isSelfPay, type LedgerField, type LedgerLine } from '../../domain/ledger';
import type { Cents } from '../../domain/money';
import { toUs, type Day } from '../../domain/day';
import { formatMoneyDisplay } from '../../domain/money';
import { nameKey } from '../../domain/nameKeys';
import { a1, type CellGrid } from '../grid';
import { cellMessage } from '../values/invalid';
import { normaliseStatus } from '../values/parseStatus';
import { TRANSACTION_TYPES_EXPECTED, transactionKind, type TransactionKind } from '../values/parseTransactionType';
import { SLOT, fieldColumn, type ColumnPlan } from './columnPlan';
import { makeLine, type CellAddresses, type MutableLine } from './makeLine';
import { isBlankRow, readRow, requireField, startReading, type SheetReading } from './readRow';
import { lastNonBlankRow, type ReadResult, type SheetRows } from './serviceLines';
import { totalRowHit } from './totalRows';

const CHARGE_WHY = 'required for a charge line';

type KeyFn = (line: LedgerLine) => string | null;

/** Charge lines by match key; each key's index is built when first needed. */
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
/** A Line # without a Claim #: line numbers are the account's (two same-day charges of one code differ only by it). */
const byAcctLine: KeyFn = (l) => (l.claimId === null && l.lineId !== null ? l.account + SEP + l.lineId : null);
const byAcctDosCode: KeyFn = (l) => l.account + SEP + l.serviceDate + SEP + l.code;
const byAcctDos: KeyFn = (l) => l.account + SEP + l.serviceDate;
const byAccount: KeyFn = (l) => l.account;

/** The matching line index, or -1 none, or -2 ambiguous. */
function match(ix: ChargeIndex, values: readonly unknown[]): number {
  const claim = values[SLOT.claimId] as string | null;
  const lineId = values[SLOT.lineId] as string | null;
  const code = values[SLOT.code] as string | null;
  const account = values[SLOT.account] as string | null;
  const dos = values[SLOT.serviceDate] as Day | null;
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
  if (claim === null && lineId !== null && account !== null) {
    const hit = ix.get(byAcctLine, account + SEP + lineId);
    if (hit) return hit[0]!;
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
  denial: 'Denial',
};

function describeKey(values: readonly unknown[]): string {
  const parts: string[] = [];
  if (values[SLOT.claimId] !== null) parts.push(`claim ${String(values[SLOT.claimId])}${values[SLOT.lineId] !== null ? ` line ${String(values[SLOT.lineId])}` : ''}`);
  if (values[SLOT.serviceDate] !== null) parts.push(`date of service ${toUs(values[SLOT.serviceDate] as Day)}`);
  if (values[SLOT.code] !== null) parts.push(`code ${String(values[SLOT.code])}`);
  return parts.length > 0 ? parts.join(', ') : 'no claim, date of service or code given';
}

const addC = (a: Cents | null | undefined, b: Cents): Cents => ((a ?? 0) + b) as Cents;

export function readTransactions(grid: CellGrid, plan: ColumnPlan, rows: SheetRows): ReadResult {
  const reading = startReading(grid, plan);
  const { issues, fieldValues: values } = reading;
  const lines: MutableLine[] = [];
  const last = lastNonBlankRow(grid, rows.headerIndex + 1);
  const sheet = grid.sheet;
  const typeColumn = fieldColumn(plan, SLOT.type);
  const amountColumn = fieldColumn(plan, SLOT.amount);
  /** A charge row's cells: its fields' columns, the charge in the Amount column (one object for the sheet). */
  const chargeColumns: CellAddresses = { ...plan.cellColumns, billed: amountColumn.letters };
  // Type words repeat on every row: each distinct one is read once.
  const kindOf = memoByText(transactionKind);
  const pending: { readonly r: number; readonly kind: TransactionKind }[] = [];
  let blankRows = 0;
  let totalRows = 0;
  let excludedRows = 0;
  let folded = 0;

  // Pass 1: classify every row, make lines from charges (payments may come before their charge).
  for (let r = rows.headerIndex + 1; r <= last; r++) {
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
    let bad = readRow(reading, r);
    const typeText = values[SLOT.type] as string | null;
    const kind = typeText === null ? null : kindOf(typeText);
    if (typeText === null) bad += requireField(reading, r, 'type', `expected a transaction type: ${TRANSACTION_TYPES_EXPECTED}`);
    else if (kind === null) {
      bad++;
      issues.push({ sheet, row: excelRow, cell: typeColumn.letters + excelRow, severity: 'error',
        message: cellMessage(typeColumn.label, typeText, `is not a transaction type (${TRANSACTION_TYPES_EXPECTED})`) });
    }
    if (kind !== 'denial') bad += requireField(reading, r, 'amount', 'every transaction needs an amount');
    if (kind === 'charge') bad += checkCharge(reading, r);
    if (bad > 0 || kind === null) {
      excludedRows++;
      continue;
    }
    if (kind !== 'charge') {
      pending.push({ r, kind });
      continue;
    }
    const line = makeLine(reading, { index: rows.firstLineIndex + lines.length, row: excelRow, columns: chargeColumns }, values[SLOT.amount] as Cents);
    line.balance = null;
    line.insurerPostedOn = null;
    lines.push(line);
  }

  // Pass 2: fold the other rows into their charge lines (re-read: they parsed cleanly in pass 1).
  const charges = new ChargeIndex(lines);
  const saysSelfPay = memoByText(isSelfPay);
  const cellLetters = foldedLetters(plan, amountColumn.letters);
  for (const { r, kind } of pending) {
    const excelRow = grid.top + r;
    readRow(reading, r);
    const at = match(charges, values);
    const amount = Math.abs((values[SLOT.amount] as number | null) ?? 0) as Cents;
    if (at < 0) {
      excludedRows++;
      const what = kind === 'denial' ? 'Denial' : `${KIND_WORD[kind]} of ${formatMoneyDisplay(amount)}`;
      const cellLetters = kind === 'denial' ? typeColumn.letters : amountColumn.letters;
      issues.push({ sheet, row: excelRow, cell: cellLetters + excelRow, severity: 'error',
        message: at === -1
          ? `${what} matches no charge line (${describeKey(values)}); add the claim/line id or the account, date of service and code of its charge`
          : `${what} matches several charge lines (${describeKey(values)}); add the line id or the code to say which` });
      continue;
    }
    folded++;
    const payer = values[SLOT.payer] as string | null;
    const selfPay = payer === null || saysSelfPay(payer);
    fold(lines[at]!, { kind, amount, selfPay, values, cellLetters, excelRow });
  }
  issues.sort((a, b) => a.row - b.row);
  const rowsRead = Math.max(0, last - rows.headerIndex);
  return { lines, issues, counts: { rowsRead, linesAnalyzed: lines.length + folded, excludedRows, blankRows, totalRows } };
}

/** A charge row needs an account, a date of service, a code and an amount of 0.00 or more. */
function checkCharge(reading: SheetReading, r: number): number {
  let bad = 0;
  for (const field of ['account', 'serviceDate', 'code'] as const) bad += requireField(reading, r, field, CHARGE_WHY);
  const amount = reading.fieldValues[SLOT.amount] as Cents | null;
  if (amount !== null && amount < 0) {
    const { grid } = reading;
    const column = fieldColumn(reading.plan, SLOT.amount);
    const excelRow = grid.top + r;
    reading.issues.push({ sheet: grid.sheet, row: excelRow, cell: column.letters + excelRow, severity: 'error',
      message: cellMessage(column.label, grid.values[r]![column.index], 'is negative on a charge (expected the amount charged, 0.00 or more)') });
    bad++;
  }
  return bad;
}

/** Column letters of the cells a folded row sets. */
interface FoldedLetters {
  readonly amount: string;
  readonly allowed: string;
  readonly status: string;
  readonly denialCode: string;
}

function foldedLetters(plan: ColumnPlan, amount: string): FoldedLetters {
  return {
    amount,
    allowed: fieldColumn(plan, SLOT.allowed).letters,
    status: fieldColumn(plan, SLOT.status).letters,
    denialCode: fieldColumn(plan, SLOT.denialCode).letters,
  };
}

function samePayer(a: string, b: string): boolean {
  return a === b || nameKey(a) === nameKey(b);
}

/** One non-charge transaction row, parsed, to fold into its charge line. */
interface Posting {
  readonly kind: TransactionKind;
  /** As received (sign dropped); 0.00 for a denial without an amount. */
  readonly amount: Cents;
  /** The row names no payer, or a self-pay one. */
  readonly selfPay: boolean;
  readonly values: readonly unknown[];
  readonly cellLetters: FoldedLetters;
  readonly excelRow: number;
}

const INSURER_POSTINGS: ReadonlySet<TransactionKind> = new Set<TransactionKind>(['insPayment', 'secPayment', 'insRefund', 'adjustment', 'denial']);

/** A field's cell is now on a posting's row, not the charge's. */
function moveCell(line: MutableLine, field: LedgerField, address: string): void {
  const moved: CellAddresses = line.movedCells === null ? {} : (line.movedCells as CellAddresses);
  moved[field] = address;
  line.movedCells = moved;
}

function fold(line: MutableLine, p: Posting): void {
  const values = p.values;
  const payer = values[SLOT.payer] as string | null;
  const cell = p.cellLetters.amount + p.excelRow;
  // DESIGN §3: a payment with a payer is the insurer's, without one the patient's.
  let kind = p.kind;
  if (kind === 'payment') kind = p.selfPay ? 'ptPayment' : 'insPayment';
  // An insurer payment from a payer other than the one the charge was billed to
  // is the secondary's (COB crossover, spouse's plan): DESIGN §3 gives the
  // transaction form no other way to say so.
  if (kind === 'insPayment' && payer !== null && line.payer !== null && !samePayer(payer, line.payer)) kind = 'secPayment';
  switch (kind) {
    case 'insPayment':
      line.insurerPaid = addC(line.insurerPaid, p.amount);
      moveCell(line, 'insurerPaid', cell);
      break;
    case 'secPayment':
      line.secondaryPaid = addC(line.secondaryPaid, p.amount);
      moveCell(line, 'secondaryPaid', cell);
      break;
    case 'ptPayment':
      line.patientPaid = addC(line.patientPaid, p.amount);
      moveCell(line, 'patientPaid', cell);
      break;
    case 'adjustment':
      line.adjustment = addC(line.adjustment, p.amount);
      moveCell(line, 'adjustment', cell);
      break;
    case 'refund':
      line.patientRefunded = addC(line.patientRefunded, p.amount);
      break;
    case 'insRefund':
      line.insurerPaid = addC(line.insurerPaid, -p.amount as Cents);
      moveCell(line, 'insurerPaid', cell);
      break;
    case 'denial':
      if (values[SLOT.status] === null && line.status === null) {
        line.status = 'denied';
        line.statusText = 'Denied';
      }
      break;
    default:
      break;
  }
  // ERA details posted with a payment describe the line.
  if (values[SLOT.allowed] !== null) {
    line.allowed = values[SLOT.allowed] as Cents;
    moveCell(line, 'allowed', p.cellLetters.allowed + p.excelRow);
  }
  if (values[SLOT.status] !== null) {
    line.statusText = values[SLOT.status] as string;
    line.status = normaliseStatus(line.statusText);
    moveCell(line, 'status', p.cellLetters.status + p.excelRow);
  }
  if (values[SLOT.denialCode] !== null) {
    line.denialCode = values[SLOT.denialCode] as string;
    moveCell(line, 'denialCode', p.cellLetters.denialCode + p.excelRow);
  }
  const postedOn = values[SLOT.postingDate] as Day | null;
  if (postedOn !== null && (INSURER_POSTINGS.has(kind) || values[SLOT.denialCode] !== null)) {
    if (line.insurerPostedOn === null || postedOn > line.insurerPostedOn) line.insurerPostedOn = postedOn;
  }
  if (line.payer === null && payer !== null && (kind === 'insPayment' || kind === 'insRefund')) line.payer = payer;
  if (line.memberId === null && values[SLOT.memberId] !== null) line.memberId = values[SLOT.memberId] as string;
  if (line.planId === null && values[SLOT.planId] !== null) line.planId = values[SLOT.planId] as string;
}
