/**
 * Builds `LedgerLine`s from parsed rows.
 */
import type { Cents } from '../../domain/money';
import type { Day } from '../../domain/day';
import type { LedgerField, LedgerLine } from '../../domain/ledger';
import { normaliseStatus } from '../values/parseStatus';
import { SLOT, type ColumnPlan } from './columnPlan';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type MutableLine = Mutable<LedgerLine> & { cells: Partial<Record<LedgerField, string>> };


const NONE: readonly string[] = Object.freeze([]);

const S = SLOT;
// Slot numbers as plain constants: SLOT is built with Object.fromEntries (a dictionary-mode
// object), and a hash lookup per field per line was measurable.
const S_account = S.account;
const S_adjustment = S.adjustment;
const S_allowed = S.allowed;
const S_balance = S.balance;
const S_claimId = S.claimId;
const S_code = S.code;
const S_denialCode = S.denialCode;
const S_description = S.description;
const S_diagnoses = S.diagnoses;
const S_dob = S.dob;
const S_insurerPaid = S.insurerPaid;
const S_lineId = S.lineId;
const S_memberId = S.memberId;
const S_modifiers = S.modifiers;
const S_patientName = S.patientName;
const S_patientPaid = S.patientPaid;
const S_payer = S.payer;
const S_planId = S.planId;
const S_pos = S.pos;
const S_postingDate = S.postingDate;
const S_secondaryPaid = S.secondaryPaid;
const S_serviceDate = S.serviceDate;
const S_status = S.status;
const S_units = S.units;

/** Cell addresses of the row for every mapped field (merged fields: their first column). */
export function rowCells(plan: ColumnPlan, excelRow: number): Partial<Record<LedgerField, string>> {
  // Cloning a template with every key already present gives each row's object
  // the same hidden class with in-object slots (no growing property store).
  const cells: Partial<Record<LedgerField, string>> = { ...plan.cellTemplate };
  const rowStr = String(excelRow);
  const f = plan.cellFields;
  const l = plan.cellLetters;
  for (let i = 0; i < f.length; i++) cells[f[i] as LedgerField] = l[i] + rowStr;
  return cells;
}

/**
 * A line from a parsed row (scratch slots). One object literal in one
 * place keeps every line the same hidden class (and a literal is several
 * times cheaper to create than a class instance). Status is normalised;
 * the raw text is kept in statusText.
 */
export function makeLine(
  index: number,
  sheet: string,
  excelRow: number,
  s: readonly unknown[],
  billed: Cents,
  cells: Partial<Record<LedgerField, string>>,
): MutableLine {
  const statusText = s[S_status] as string | null;
  return {
    index,
    sheet,
    row: excelRow,
    account: s[S_account] as string,
    patientName: s[S_patientName] as string | null,
    dob: s[S_dob] as Day | null,
    serviceDate: s[S_serviceDate] as Day,
    postingDate: s[S_postingDate] as Day | null,
    code: s[S_code] as string,
    modifiers: (s[S_modifiers] as string[] | null) ?? NONE,
    diagnoses: (s[S_diagnoses] as string[] | null) ?? NONE,
    description: s[S_description] as string | null,
    units: s[S_units] as number,
    billed,
    allowed: s[S_allowed] as Cents | null,
    insurerPaid: s[S_insurerPaid] as Cents | null,
    secondaryPaid: s[S_secondaryPaid] as Cents | null,
    patientPaid: s[S_patientPaid] as Cents | null,
    adjustment: s[S_adjustment] as Cents | null,
    patientRefunded: null,
    balance: s[S_balance] as Cents | null,
    payer: s[S_payer] as string | null,
    planId: s[S_planId] as string | null,
    memberId: s[S_memberId] as string | null,
    claimId: s[S_claimId] as string | null,
    lineId: s[S_lineId] as string | null,
    status: statusText === null ? null : normaliseStatus(statusText),
    statusText,
    denialCode: s[S_denialCode] as string | null,
    pos: s[S_pos] as string | null,
    cells,
  };
}
