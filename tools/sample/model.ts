/**
 * The generator's internal model, before it is rendered to cells. Money is
 * integer cents, dates are Days; rendering decides numbers vs text.
 */
import type { Cents } from '../../src/domain/money';
import type { Day } from '../../src/domain/day';
import type { Priority } from '../../src/domain/config';
import type { RuleId } from '../../src/domain/findingTypes';
import type { SampleShares } from './adjudicate';
import type { PlanKind } from './catalog';

export type InjectedKind = RuleId | 'JUNK_CELL' | 'BAD_DATE' | 'TOTAL_ROW' | 'BLANK_ROW' | 'MONEY_3_DECIMALS';

/** Ledger fields a sample cell can belong to (dx1..dx4 / mod1..mod2 are separate columns). */
export type SampleField =
  | 'account' | 'patientName' | 'dob' | 'serviceDate' | 'postingDate' | 'code' | 'description' | 'mod1' | 'mod2'
  | 'units' | 'dx1' | 'dx2' | 'dx3' | 'dx4' | 'pos' | 'billed' | 'allowed' | 'adjustment' | 'insurerPaid'
  | 'secondaryPaid' | 'patientPaid' | 'balance' | 'payer' | 'memberId' | 'claimId' | 'status' | 'denialCode'
  | 'type' | 'amount' | 'lineId';

export type Role = 'normal' | 'collections' | 'credit' | 'nocov' | 'planOld';

/** A coverage row while the population is being built (rows get numbers at the end). */
export interface CoverageDraft {
  account: string;
  planId: string;
  /** null when the practice never recorded it (a MISSING_MEMBER_ID site). */
  memberId: string | null;
  familyId: string | null;
  priority: Priority;
  effectiveFrom: Day;
  effectiveTo: Day | null;
  deductibleMet: Cents;
  oopMet: Cents;
  asOf: Day;
  /** Sheet row, set when the chunk's Coverage rows are written (the draft then is the typed row). */
  row: number;
}

export interface Person {
  readonly index: number;
  readonly account: string;
  readonly first: string;
  readonly last: string;
  /** "Last, First" as the ledger shows it. */
  readonly ledgerName: string;
  readonly dob: Day;
  readonly address1: string;
  readonly address2: string | null;
  readonly city: string;
  readonly zip: string;
  readonly monthlyIncome: Cents | null;
  readonly householdSize: number;
  onPaymentPlan: boolean;
  readonly preferredContact: string;
  readonly bestTimeToCall: string;
  readonly planKind: PlanKind | 'self';
  /** The ledger's Payer text (null for a blank self-pay cell). */
  readonly payer: string | null;
  readonly primary: CoverageDraft | null;
  readonly secondary: CoverageDraft | null;
  readonly familyId: string | null;
  role: Role;
  /** Shares cannot depend on accumulators (copay-only HMO, Medicare deductible met, self-pay). */
  readonly insensitive: boolean;
  readonly chiro: boolean;
  readonly lines: SLine[];
  /** Set when any injection touched this account (account-level roles need a clean account). */
  touched: boolean;
}

/**
 * One charge line. Its field names match `SampleLineFacts`, what the oracle reads
 * (tools/sample/adjudicate.ts converts them to the oracle's plain input). Changes a payer would
 * not have seen (code typos, bad modifiers, diagnoses) are applied after
 * adjudication; changes it would have seen (units, allowed, dates) before.
 */
export interface SLine {
  readonly person: Person;
  readonly account: string;
  readonly payer: string | null;
  /** Position among charge lines in sheet order (set when the order is fixed). */
  order: number;
  serviceDate: Day;
  /** Posting date; null = service date + postLag. */
  posting: Day | null;
  postLag: number;
  visit: number;
  code: string;
  /** The catalog description of the code as billed (kept when the code is mis-keyed). */
  readonly description: string;
  modifiers: readonly string[];
  units: number;
  dx: readonly string[];
  billed: Cents;
  /** Ledger Allowed column (null = blank). Set before adjudication only for ALLOWED_MISMATCH. */
  allowed: Cents | null;
  adjustment: Cents | null;
  insurerPaid: Cents | null;
  secondaryPaid: Cents | null;
  patientPaid: Cents | null;
  /** Ledger Balance column value; normally billed − adjustment − payments. */
  balance: Cents;
  status: string | null;
  denialCode: string | null;
  memberId: string | null;
  /** Claim number (numeric in the export; one per visit), null for self-pay. */
  claimId: number | null;
  /** Ledger line number, unique in the sample. */
  lineId: number;
  /** Not yet adjudicated (pending) or denied: no payments posted. */
  state: 'paid' | 'pending' | 'pending-blank' | 'denied';
  /** Excluded from analysis on purpose (junk, impossible date, 3-decimal money) — the oracle skips it. */
  excluded: boolean;
  /** This line is a duplicate copy of another. */
  duplicateOf: SLine | null;
  /** Another injection relies on this line staying as it is. */
  reserved: boolean;
  shares: SampleShares | null;
  injected: InjectedKind | null;
  injectedField: SampleField | null;
  /** Raw value put into a cell instead of its normal value (junk, impossible date, 3 decimals). */
  override: { field: SampleField; value: string | number } | null;
}

export function newLine(
  person: Person, visit: number, serviceDate: Day, code: string, description: string, modifiers: readonly string[],
  units: number, dx: readonly string[], billed: Cents, lineId: number,
): SLine {
  return {
    person, account: person.account, payer: person.payer, order: 0, serviceDate, posting: null, postLag: 1, visit, code,
    description,
    modifiers, units, dx, billed, allowed: null, adjustment: null, insurerPaid: null, secondaryPaid: null,
    patientPaid: null, balance: billed, status: null, denialCode: null, memberId: person.primary?.memberId ?? null,
    claimId: null, lineId, state: 'paid', excluded: false, duplicateOf: null, reserved: false, shares: null,
    injected: null, injectedField: null, override: null,
  };
}

