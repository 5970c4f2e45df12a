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

// Captured once (tsx/esbuild turns each imported-binding access into a getter call).
const normaliseStatusL = normaliseStatus;

const NONE: readonly string[] = Object.freeze([]);

const S = SLOT;

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
  const statusText = s[S.status] as string | null;
  return {
    index,
    sheet,
    row: excelRow,
    account: s[S.account] as string,
    patientName: s[S.patientName] as string | null,
    dob: s[S.dob] as Day | null,
    serviceDate: s[S.serviceDate] as Day,
    postingDate: s[S.postingDate] as Day | null,
    code: s[S.code] as string,
    modifiers: (s[S.modifiers] as string[] | null) ?? NONE,
    diagnoses: (s[S.diagnoses] as string[] | null) ?? NONE,
    description: s[S.description] as string | null,
    units: s[S.units] as number,
    billed,
    allowed: s[S.allowed] as Cents | null,
    insurerPaid: s[S.insurerPaid] as Cents | null,
    secondaryPaid: s[S.secondaryPaid] as Cents | null,
    patientPaid: s[S.patientPaid] as Cents | null,
    adjustment: s[S.adjustment] as Cents | null,
    patientRefunded: null,
    balance: s[S.balance] as Cents | null,
    payer: s[S.payer] as string | null,
    planId: s[S.planId] as string | null,
    memberId: s[S.memberId] as string | null,
    claimId: s[S.claimId] as string | null,
    lineId: s[S.lineId] as string | null,
    status: statusText === null ? null : normaliseStatusL(statusText),
    statusText,
    denialCode: s[S.denialCode] as string | null,
    pos: s[S.pos] as string | null,
    cells,
  };
}
