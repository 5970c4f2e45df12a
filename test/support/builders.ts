/**
 * Test builders: a ledger line or config with sensible defaults, overridden
 * per test. Amounts are given in dollars as strings ("600.00") so tests read
 * like the hand-worked cases they come from.
 */
import { parseCentsExact, percent, type Cents } from '../../src/domain/money';
import { parseIso, type Day } from '../../src/domain/day';
import { cellOf, type ColumnMapping, type LedgerField, type LedgerLine } from '../../src/domain/ledger';
import type { Config, PlanConfig, BenefitConfig, FeeScheduleRow, CoverageRow, PatientRow, Policy, ConfigSheetName } from '../../src/domain/config';
import { DEFAULT_POLICY } from '../../src/domain/policyDefaults';

export function $(dollars: string): Cents {
  const c = parseCentsExact(dollars.replace(/,/g, ''));
  if (c === null) throw new Error(`bad test amount ${dollars}`);
  return c;
}

export function d(iso: string): Day {
  const v = parseIso(iso);
  if (v === null) throw new Error(`bad test date ${iso}`);
  return v;
}

let nextIndex = 0;

export type LineInput = Partial<Omit<LedgerLine, 'billed' | 'allowed' | 'insurerPaid' | 'secondaryPaid' | 'patientPaid' | 'adjustment' | 'balance' | 'serviceDate' | 'postingDate' | 'dob' | 'insurerPostedOn' | 'columns' | 'movedCells'>> & {
  billed?: string; allowed?: string | null; insurerPaid?: string | null; secondaryPaid?: string | null;
  patientPaid?: string | null; adjustment?: string | null; balance?: string | null;
  serviceDate?: string; postingDate?: string | null; dob?: string | null; insurerPostedOn?: string | null;
  /** The line's cells as A1 addresses (default: the columns below on the line's row). */
  cells?: Partial<Record<LedgerField, string>>;
};

/** Where a built line's fields sit: A Account, B DOB, C DOS, D CPT, … on the line's own row. */
const DEFAULT_COLUMNS: Partial<Record<LedgerField, string>> = {
  account: 'A', dob: 'B', serviceDate: 'C', code: 'D', modifiers: 'E', diagnoses: 'F', units: 'G', billed: 'H', allowed: 'I',
  insurerPaid: 'J', secondaryPaid: 'K', patientPaid: 'L', adjustment: 'M', balance: 'N', payer: 'O', memberId: 'P',
  status: 'Q', denialCode: 'R', postingDate: 'S',
};

/** Every cell a line has, field → A1 address (for tests that compare them all). */
export function cellsOf(l: LedgerLine): Partial<Record<LedgerField, string>> {
  const out: Partial<Record<LedgerField, string>> = {};
  for (const f of new Set([...Object.keys(l.columns), ...Object.keys(l.movedCells ?? {})]) as Set<LedgerField>) {
    const c = cellOf(l, f);
    if (c !== null) out[f] = c;
  }
  return out;
}

const money = (v: string | null | undefined): Cents | null => (v === null || v === undefined ? null : $(v));
const date = (v: string | null | undefined): Day | null => (v === null || v === undefined ? null : d(v));

/** A service line; `index` and `row` default to sheet order (row = index + 2). */
export function line(input: LineInput = {}): LedgerLine {
  const index = input.index ?? nextIndex++;
  const row = input.row ?? index + 2;
  return {
    index,
    sheet: input.sheet ?? 'Ledger',
    row,
    account: input.account ?? 'A100',
    patientName: input.patientName ?? null,
    dob: date(input.dob),
    serviceDate: d(input.serviceDate ?? '2026-03-02'),
    postingDate: date(input.postingDate),
    code: input.code ?? '99213',
    modifiers: input.modifiers ?? [],
    diagnoses: input.diagnoses ?? ['J06.9'],
    description: input.description ?? null,
    units: input.units ?? 1,
    billed: $(input.billed ?? '100.00'),
    allowed: money(input.allowed),
    insurerPaid: money(input.insurerPaid),
    secondaryPaid: money(input.secondaryPaid),
    patientPaid: money(input.patientPaid),
    adjustment: money(input.adjustment),
    patientRefunded: null,
    balance: money(input.balance),
    payer: input.payer === undefined ? 'Acme Health' : input.payer,
    planId: input.planId ?? null,
    memberId: input.memberId === undefined ? 'M1' : input.memberId,
    claimId: input.claimId ?? null,
    lineId: input.lineId ?? null,
    status: input.status ?? null,
    statusText: input.statusText ?? null,
    denialCode: input.denialCode ?? null,
    pos: input.pos ?? null,
    insurerPostedOn: date(input.insurerPostedOn as string | null | undefined),
    // Tests that name a line's cells give A1 addresses: those, and only those, are the line's cells.
    columns: input.cells === undefined ? DEFAULT_COLUMNS : {},
    movedCells: input.cells ?? null,
  };
}

/** Re-number a list of lines 0..n-1 in the given (sheet) order. */
export function inSheetOrder(lines: LedgerLine[]): LedgerLine[] {
  return lines.map((l, i) => ({ ...l, index: i }));
}

export function plan(p: Partial<Omit<PlanConfig, 'deductibleIndividual' | 'deductibleFamily' | 'oopMaxIndividual' | 'oopMaxFamily' | 'coinsurancePct'>> & {
  deductibleIndividual?: string; deductibleFamily?: string | null; oopMaxIndividual?: string | null; oopMaxFamily?: string | null; coinsurancePct?: number;
} = {}): PlanConfig {
  return {
    planId: p.planId ?? 'P1',
    payer: p.payer ?? 'Acme Health',
    yearStartMonth: p.yearStartMonth ?? 1,
    yearStartDay: p.yearStartDay ?? 1,
    deductibleIndividual: $(p.deductibleIndividual ?? '500.00'),
    deductibleFamily: money(p.deductibleFamily === undefined ? '1000.00' : p.deductibleFamily),
    oopMaxIndividual: money(p.oopMaxIndividual === undefined ? '3000.00' : p.oopMaxIndividual),
    oopMaxFamily: money(p.oopMaxFamily === undefined ? '6000.00' : p.oopMaxFamily),
    coinsurancePct: percent(p.coinsurancePct ?? 20),
    deductibleType: p.deductibleType ?? 'Embedded',
    row: p.row ?? 2,
  };
}

export function benefit(b: Partial<Omit<BenefitConfig, 'copay' | 'coinsurancePct'>> & { copay?: string; coinsurancePct?: number | null } = {}): BenefitConfig {
  return {
    planId: b.planId ?? 'P1',
    category: b.category ?? 'Office',
    covered: b.covered ?? true,
    copay: $(b.copay ?? '0.00'),
    deductibleApplies: b.deductibleApplies ?? true,
    coinsurancePct: b.coinsurancePct === undefined || b.coinsurancePct === null ? null : percent(b.coinsurancePct),
    row: b.row ?? 2,
  };
}

export function fee(f: Partial<Omit<FeeScheduleRow, 'allowed'>> & { allowed?: string } = {}): FeeScheduleRow {
  return {
    payer: f.payer ?? '*',
    code: f.code ?? '99213',
    modifier: f.modifier ?? null,
    allowed: $(f.allowed ?? '80.00'),
    category: f.category ?? null,
    maxUnitsPerDay: f.maxUnitsPerDay ?? null,
    row: f.row ?? 2,
  };
}

export function coverage(c: Partial<Omit<CoverageRow, 'effectiveFrom' | 'effectiveTo' | 'deductibleMet' | 'oopMet' | 'asOf'>> & {
  effectiveFrom?: string | null; effectiveTo?: string | null; deductibleMet?: string; oopMet?: string; asOf?: string | null;
} = {}): CoverageRow {
  return {
    account: c.account ?? 'A100',
    planId: c.planId ?? 'P1',
    memberId: c.memberId === undefined ? 'M1' : c.memberId,
    familyId: c.familyId ?? null,
    priority: c.priority ?? 'Primary',
    effectiveFrom: date(c.effectiveFrom === undefined ? '2026-01-01' : c.effectiveFrom),
    effectiveTo: date(c.effectiveTo ?? null),
    deductibleMet: $(c.deductibleMet ?? '0.00'),
    oopMet: $(c.oopMet ?? '0.00'),
    asOf: date(c.asOf ?? null),
    row: c.row ?? 2,
  };
}

export function patient(p: Partial<Omit<PatientRow, 'dob' | 'monthlyIncome'>> & { dob?: string | null; monthlyIncome?: string | null } = {}): PatientRow {
  return {
    account: p.account ?? 'A100',
    name: p.name ?? 'Pat Example',
    dob: date(p.dob ?? null),
    address1: p.address1 ?? '1 Main St',
    address2: p.address2 ?? null,
    city: p.city ?? 'Springfield',
    state: p.state ?? 'IL',
    zip: p.zip ?? '62701',
    monthlyIncome: money(p.monthlyIncome ?? null),
    householdSize: p.householdSize ?? null,
    onPaymentPlan: p.onPaymentPlan ?? false,
    preferredContact: p.preferredContact ?? null,
    bestTimeToCall: p.bestTimeToCall ?? null,
    row: p.row ?? 2,
  };
}

export function config(c: Partial<Omit<Config, 'present' | 'policy'>> & { policy?: Partial<Policy>; present?: ConfigSheetName[] } = {}): Config {
  const present = new Set<ConfigSheetName>(c.present ?? []);
  if (!c.present) {
    if (c.plans?.length) present.add('Plans');
    if (c.benefits?.length) present.add('Benefits');
    if (c.feeSchedule?.length) present.add('FeeSchedule');
    if (c.coverage?.length) present.add('Coverage');
    if (c.patients?.length) present.add('Patients');
    if (c.policy) present.add('Policy');
  }
  return {
    present,
    plans: c.plans ?? [],
    benefits: c.benefits ?? [],
    feeSchedule: c.feeSchedule ?? [],
    coverage: c.coverage ?? [],
    coverageIssues: c.coverageIssues ?? [],
    patients: c.patients ?? [],
    policy: { ...DEFAULT_POLICY, ...(c.policy ?? {}) },
  };
}

/**
 * The lines as a one-sheet workbook ledger for adjudicate(): sheet `Ledger`
 * with a Payer column unless `payerColumn` is false.
 */
export function ledgerOf(lines: readonly LedgerLine[], opts: { payerColumn?: boolean } = {}): { lines: readonly LedgerLine[]; sheets: { sheet: string; mapping: ColumnMapping }[] } {
  const sheets = [...new Set(lines.map((l) => l.sheet))];
  const fields = opts.payerColumn === false ? {} : { payer: ['O'] };
  return { lines, sheets: (sheets.length > 0 ? sheets : ['Ledger']).map((sheet) => ({ sheet, mapping: { fields, unmapped: {}, confidence: 1 } })) };
}
