/**
 * The same sample as a transaction ledger (DESIGN §3): one row per charge,
 * adjustment, insurer payment, patient payment or refund, with a Type column
 * and one Amount column; every row carries the claim and line numbers so it
 * folds back into its service line. Payments and adjustments are sometimes
 * exported as negative numbers. Simpler than the service-line form: no
 * Allowed or Balance column, so ALLOWED_MISMATCH and BALANCE_MISMATCH are
 * not injected here, and balance-type problems have no single cell.
 */
import { addDays, type Day } from '../../src/domain/day';
import type { Cents } from '../../src/domain/money';
import type { CellValue } from '../../src/ingest/grid';
import { planById } from './catalog';
import type { CellStyle } from './cells';
import type { SampleField, SLine } from './model';
import type { Rng } from './prng';
import { columnsOf, postingDay, type RowItem } from './renderLines';
import type { InjectedLog } from './injectedLog';

export const TRANSACTION_COLUMNS: readonly (readonly [SampleField, string])[] = [
  ['account', 'Acct #'], ['patientName', 'Patient'], ['serviceDate', 'DOS'], ['postingDate', 'Post Date'], ['type', 'Type'],
  ['code', 'CPT'], ['mod1', 'Mod 1'], ['mod2', 'Mod 2'], ['units', 'Units'], ['dx1', 'Dx 1'], ['dx2', 'Dx 2'],
  ['dx3', 'Dx 3'], ['dx4', 'Dx 4'], ['description', 'Description'], ['amount', 'Amount'], ['payer', 'Payer'],
  ['memberId', 'Member ID'], ['claimId', 'Claim #'], ['lineId', 'Line #'], ['status', 'Status'], ['denialCode', 'Denial Code'],
];
const COLS = columnsOf(TRANSACTION_COLUMNS);
const IDX = (f: SampleField): number => COLS[f]! - 1;
const WIDTH = TRANSACTION_COLUMNS.length;
/** Share of payment/adjustment rows exported as negative amounts. */
const NEGATIVE_RATE = 0.3;
const REFUND_RATE = 0.02;

/** Appends a chunk's transaction rows to `rows` (rows[i] is Excel row headerRow + 1 + i). */
export class TransactionRenderer {
  rowsAnalysed = 0;
  excludedRows = 0;
  /** The total row sums the charges, as exports label it "Total". */
  private amountTotal = 0;

  constructor(
    private readonly rows: CellValue[][], private readonly headerRow: number, private readonly style: CellStyle,
    private readonly rng: Rng,
  ) {}

  totalRow(injected: InjectedLog): void {
    const row = new Array<CellValue>(WIDTH).fill(null);
    row[0] = 'Total';
    row[IDX('amount')] = this.amountTotal / 100;
    injected.add('TOTAL_ROW', this.headerRow + 1 + this.rows.length, 1, null);
    this.rows.push(row);
  }

  render(items: readonly RowItem[], rowOfLine: Int32Array, injected: InjectedLog): void {
    const { rows, style, rng } = this;
    const excelRow = (): number => this.headerRow + 1 + rows.length;
    const base = (l: SLine, type: string, posted: Day, amount: CellValue, payer: string | null, description: string | null): CellValue[] => {
      style.startRow();
      const row = new Array<CellValue>(WIDTH).fill(null);
      row[0] = l.account;
      row[1] = l.person.ledgerName;
      row[2] = style.date(l.serviceDate);
      row[3] = style.date(posted);
      row[4] = type;
      row[5] = l.code;
      row[IDX('description')] = description;
      row[IDX('amount')] = amount;
      row[IDX('payer')] = payer;
      row[IDX('claimId')] = l.claimId;
      row[IDX('lineId')] = l.lineId;
      return row;
    };
    const received = (c: Cents): CellValue => (rng.next() < NEGATIVE_RATE ? -c / 100 : style.money(c));

    for (const it of items) {
      if (it === 'blank') {
        injected.add('BLANK_ROW', excelRow(), 0, null);
        rows.push(new Array<CellValue>(WIDTH).fill(null));
        continue;
      }
      const l = it;
      const chargeRow = excelRow();
      rowOfLine[l.order] = chargeRow;
      const charge = base(l, rng.next() < 0.9 ? 'Charge' : 'Chg', postingDay(l), style.money(l.billed), l.payer, l.description);
      this.amountTotal += l.billed;
      charge[IDX('mod1')] = l.modifiers[0] ?? null;
      charge[IDX('mod2')] = l.modifiers[1] ?? null;
      charge[IDX('units')] = l.units;
      for (let k = 0; k < 4; k++) charge[IDX('dx1') + k] = l.dx[k] ?? null;
      charge[IDX('memberId')] = l.memberId;
      charge[IDX('status')] = l.status;
      charge[IDX('denialCode')] = l.denialCode;
      if (l.override) charge[l.override.field === 'billed' ? IDX('amount') : IDX(l.override.field)] = l.override.value;
      rows.push(charge);
      const cellRow: Partial<Record<SampleField, number>> = {};
      if (l.excluded) {
        this.excludedRows++;
      } else {
        this.rowsAnalysed++;
        const remit = addDays(postingDay(l), 18 + (l.lineId % 17));
        if (l.adjustment !== null && l.adjustment !== 0) {
          rows.push(base(l, rng.pick(['Adj', 'Adjustment', 'Write-off']), remit, received(l.adjustment), null, 'Contractual adjustment'));
          this.rowsAnalysed++;
        }
        if (l.insurerPaid !== null && l.insurerPaid > 0) {
          cellRow.insurerPaid = excelRow();
          rows.push(base(l, rng.next() < 0.8 ? 'Ins Pmt' : 'Payment', remit, received(l.insurerPaid), l.payer, 'Insurance payment'));
          this.rowsAnalysed++;
        }
        if (l.secondaryPaid !== null && l.secondaryPaid > 0 && l.person.secondary) {
          const secPayer = planById(l.person.secondary.planId).payer;
          rows.push(base(l, 'Ins Pmt', addDays(remit, 12), received(l.secondaryPaid), secPayer, 'Secondary insurance payment'));
          this.rowsAnalysed++;
        }
        if (l.patientPaid !== null && l.patientPaid > 0) {
          const refund = l.injected === null && rng.next() < REFUND_RATE ? 500 + (l.lineId % 20) * 100 : 0;
          cellRow.patientPaid = excelRow();
          rows.push(base(l, rng.next() < 0.8 ? 'Pt Pmt' : 'Payment', l.serviceDate, received((l.patientPaid + refund) as Cents), null, 'Patient payment'));
          this.rowsAnalysed++;
          if (refund > 0) {
            rows.push(base(l, 'Refund', addDays(l.serviceDate, 30), refund / 100, null, 'Refund of overpayment'));
            this.rowsAnalysed++;
          }
        }
      }
      if (l.injected) {
        const f = l.injectedField!;
        let col = 0;
        let row = chargeRow;
        if (f === 'insurerPaid' || f === 'patientPaid') {
          if (cellRow[f] !== undefined) {
            col = COLS.amount!;
            row = cellRow[f]!;
          }
        } else if (f === 'billed') col = COLS.amount!;
        else if (COLS[f] !== undefined) col = COLS[f]!;
        // The problem is recorded on the line's charge row; the cell may sit on one of its payment rows.
        injected.add(l.injected, chargeRow, col, l.account, row);
      }
    }
  }
}

export const TRANSACTION_HEADER = TRANSACTION_COLUMNS.map(([, h]) => h);
export const TRANSACTION_FIELD_COLUMNS = COLS;
