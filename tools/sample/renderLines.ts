/**
 * The service-line ledger as cells: one row per charge line, DESIGN §3
 * header synonyms as a real export names them, title rows above, blank rows
 * and a total row when problems are on.
 */
import { toUs, type Day } from '../../src/domain/day';
import type { Cents } from '../../src/domain/money';
import type { CellValue } from '../../src/ingest/grid';
import { CellStyle } from './cells';
import type { SampleField, SLine } from './model';

export const PRACTICE_NAME = 'Springfield Family Practice';

export const SERVICE_COLUMNS: readonly (readonly [SampleField, string])[] = [
  ['account', 'Acct #'], ['patientName', 'Patient Name'], ['dob', 'DOB'], ['serviceDate', 'DOS'],
  ['postingDate', 'Posting Date'], ['code', 'CPT'], ['description', 'Description'], ['mod1', 'Mod 1'], ['mod2', 'Mod 2'],
  ['units', 'Units'], ['dx1', 'Dx 1'], ['dx2', 'Dx 2'], ['dx3', 'Dx 3'], ['dx4', 'Dx 4'], ['pos', 'POS'],
  ['billed', 'Charge'], ['allowed', 'Allowed'], ['adjustment', 'Adjustment'], ['insurerPaid', 'Ins Paid'],
  ['secondaryPaid', 'Sec Paid'], ['patientPaid', 'Pt Paid'], ['balance', 'Balance'], ['payer', 'Payer'],
  ['memberId', 'Member ID'], ['claimId', 'Claim #'], ['status', 'Status'], ['denialCode', 'Denial Code'],
];

/** field → 1-based column number, for a column list. */
export function columnsOf(columns: readonly (readonly [SampleField, string])[]): Partial<Record<SampleField, number>> {
  const out: Partial<Record<SampleField, number>> = {};
  columns.forEach(([f], i) => { out[f] = i + 1; });
  return out;
}

export type RowItem = SLine | 'blank';

/** Title rows above the header: practice, export date, then blanks. */
export function titleRows(count: number, width: number, asOf: Day): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < count; i++) {
    const row = new Array<CellValue>(width).fill(null);
    if (i === 0) row[0] = `${PRACTICE_NAME} — Patient Ledger`;
    if (i === 1) row[0] = `Exported ${toUs(asOf)}`;
    rows.push(row);
  }
  return rows;
}

export const postingDay = (l: SLine): Day => (l.posting ?? ((l.serviceDate + l.postLag) as Day));

export function renderServiceLine(l: SLine, style: CellStyle): CellValue[] {
  style.startRow();
  const p = l.person;
  const mods = l.modifiers;
  const dx = l.dx;
  const row: CellValue[] = [
    p.account, p.ledgerName, style.date(p.dob), style.date(l.serviceDate), style.date(postingDay(l)), l.code,
    l.description,
    mods[0] ?? null, mods[1] ?? null, l.units, dx[0] ?? null, dx[1] ?? null, dx[2] ?? null, dx[3] ?? null, '11',
    style.money(l.billed), style.money(l.allowed), style.money(l.adjustment), style.money(l.insurerPaid),
    style.money(l.secondaryPaid), style.money(l.patientPaid), style.money(l.balance), l.payer, l.memberId,
    l.claimId, l.status, l.denialCode,
  ];
  if (l.override) row[SERVICE_INDEX[l.override.field]!] = l.override.value;
  return row;
}

const SERVICE_INDEX: Partial<Record<SampleField, number>> = {};
SERVICE_COLUMNS.forEach(([f], i) => { SERVICE_INDEX[f] = i; });

const MONEY_FIELDS: readonly SampleField[] = ['billed', 'allowed', 'adjustment', 'insurerPaid', 'secondaryPaid', 'patientPaid', 'balance'];

/** Running sums for the grand-total row (cents), added chunk by chunk. */
export interface ServiceTotals { billed: number; allowed: number; adjustment: number; insurerPaid: number; secondaryPaid: number; patientPaid: number; balance: number }

export const emptyTotals = (): ServiceTotals => ({ billed: 0, allowed: 0, adjustment: 0, insurerPaid: 0, secondaryPaid: 0, patientPaid: 0, balance: 0 });

export function addToTotals(t: ServiceTotals, lines: readonly SLine[]): void {
  for (const l of lines) {
    if (l.excluded) continue;
    t.billed += l.billed;
    t.allowed += l.allowed ?? 0;
    t.adjustment += l.adjustment ?? 0;
    t.insurerPaid += l.insurerPaid ?? 0;
    t.secondaryPaid += l.secondaryPaid ?? 0;
    t.patientPaid += l.patientPaid ?? 0;
    t.balance += l.balance;
  }
}

/** A grand-total row as exports add it: "Total" under the account, sums under the money columns. */
export function serviceTotalRow(t: ServiceTotals): CellValue[] {
  const row = new Array<CellValue>(SERVICE_COLUMNS.length).fill(null);
  row[0] = 'Total';
  for (const f of MONEY_FIELDS) row[SERVICE_INDEX[f]!] = (t[f as keyof ServiceTotals] as Cents) / 100;
  return row;
}
