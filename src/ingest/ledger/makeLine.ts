/**
 * Builds `LedgerLine`s from a parsed row.
 */
import type { Cents } from '../../domain/money';
import type { Day } from '../../domain/day';
import type { LedgerField, LedgerLine } from '../../domain/ledger';
import { SLOT } from './columnPlan';
import { NO_CODES, statusOf, type SheetReading } from './readRow';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type CellAddresses = Partial<Record<LedgerField, string>>;
export type MutableLine = Mutable<LedgerLine>;


/** Where a line sits in the ledger. */
export interface LinePlace {
  /** Position among the ledger's lines. */
  readonly index: number;
  /** 1-based Excel row of the charge. */
  readonly row: number;
  /** The sheet's column letters by field (shared by its lines). */
  readonly columns: Readonly<CellAddresses>;
}

const positive = (c: Cents | null): boolean => c !== null && c > 0;

/**
 * DESIGN §8 for a service-line ledger: the Posting Date is when the insurer
 * posted on the line where the insurer (or the secondary) paid or adjusted it.
 */
function insurerPostedOn(values: readonly unknown[]): Day | null {
  const posted = values[SLOT.postingDate] as Day | null;
  if (posted === null) return null;
  const paidOrAdjusted = positive(values[SLOT.insurerPaid] as Cents | null) || positive(values[SLOT.secondaryPaid] as Cents | null)
    || positive(values[SLOT.adjustment] as Cents | null);
  return paidOrAdjusted ? posted : null;
}

/** A line from the row just read (`reading.fieldValues`). Status is normalised; the raw text is kept in statusText. */
export function makeLine(reading: SheetReading, place: LinePlace, billed: Cents): MutableLine {
  const v = reading.fieldValues;
  const statusText = v[SLOT.status] as string | null;
  return {
    index: place.index,
    sheet: reading.grid.sheet,
    row: place.row,
    account: v[SLOT.account] as string,
    patientName: v[SLOT.patientName] as string | null,
    dob: v[SLOT.dob] as Day | null,
    serviceDate: v[SLOT.serviceDate] as Day,
    postingDate: v[SLOT.postingDate] as Day | null,
    code: v[SLOT.code] as string,
    modifiers: (v[SLOT.modifiers] as readonly string[] | null) ?? NO_CODES,
    diagnoses: (v[SLOT.diagnoses] as readonly string[] | null) ?? NO_CODES,
    description: v[SLOT.description] as string | null,
    units: v[SLOT.units] as number,
    billed,
    allowed: v[SLOT.allowed] as Cents | null,
    insurerPaid: v[SLOT.insurerPaid] as Cents | null,
    secondaryPaid: v[SLOT.secondaryPaid] as Cents | null,
    patientPaid: v[SLOT.patientPaid] as Cents | null,
    adjustment: v[SLOT.adjustment] as Cents | null,
    patientRefunded: null,
    balance: v[SLOT.balance] as Cents | null,
    payer: v[SLOT.payer] as string | null,
    planId: v[SLOT.planId] as string | null,
    memberId: v[SLOT.memberId] as string | null,
    claimId: v[SLOT.claimId] as string | null,
    lineId: v[SLOT.lineId] as string | null,
    status: statusText === null ? null : statusOf(reading, statusText),
    statusText,
    denialCode: v[SLOT.denialCode] as string | null,
    pos: v[SLOT.pos] as string | null,
    insurerPostedOn: insurerPostedOn(v),
    columns: place.columns,
    movedCells: null,
  };
}
