/**
 * Patient statements (DESIGN §6–§8): one bill per account whose amount due
 * is at least Policy.minStatementBalance, and a refund notice per account
 * with a credit balance.
 *
 * amountDue = Σ (patient's part − patientPaid) over the account's lines
 * billed to the patient (decided, or denied as the patient's to pay), before
 * any assistance discount (DESIGN §7; lineAmounts.ts). Lines still pending
 * with insurance or denied for the office to work are listed, not billed.
 * balanceSince and the dunning stage count from when the patient balance
 * arose (§8); aging counts from the service date.
 */
import { add, cents, neg, ZERO, type Cents, type Percent } from '../money';
import { addDays, type Day } from '../day';
import type { Config, CoverageRow, PatientRow, Policy } from '../config';
import { isSelfPay, linesByAccount, type AccountLines, type LedgerLine, type WorkbookLedger } from '../ledger';
import { nameKey } from '../nameKeys';
import { accountRows, type AccountRows } from '../accountRows';
import type { LineShares } from '../shareTypes';
import { billedToPatient, patientOwes } from '../lineBalance';
import { exactLength } from '../lists';
import { memoByText } from '../memoByText';
import { planOptions, type IncomeBasedOption, type PlanOption } from '../plans/planOptions';
import { ageBalances, EMPTY_AGING } from './aging';
import { balanceSinceOf, dunningMessage, dunningStage, type DunningStage } from './dunning';
import { statementLine } from './lineAmounts';
import { applyNotice, householdFacts, mayQualifyNotice, refundMessage, type HouseholdFacts } from './notices';
import type { AssistanceNotice, InsuranceOnFile, PatientInfo, PracticeInfo, Remittance, Statement, StatementLine, StatementTotals } from './statementTypes';
import { safeOrNull, safeText, sharedText, type SharedTexts } from './text';

export * from './statementTypes';
export { statementToJson, type StatementJson } from './statementJson';

export interface BuildStatementsInput {
  readonly ledger: WorkbookLedger;
  /** `linesByAccount(ledger.lines)`, when the caller has it already (findings use the same). */
  readonly accounts?: ReadonlyMap<string, AccountLines>;
  /** `accountRows(config)`, when the caller has it already (findings use the same). */
  readonly accountRows?: AccountRows;
  /** `shares[i]` is adjudication's decision for `ledger.lines[i]`. */
  readonly shares: readonly LineShares[];
  readonly config: Config;
  readonly asOf: Day;
}

const byAccount = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Digits only, no leading zero ("0" itself allowed): the usual account number. */
function plainNumber(s: string): boolean {
  return /^(?:0|[1-9]\d{0,14})$/.test(s);
}

/**
 * The collator's order (numbers compared as numbers); two plain account
 * numbers compare the same way without it — shorter first, then by digits —
 * which spares the collator most of a large run's comparisons.
 */
function compareAccounts(a: string, b: string): number {
  if (plainNumber(a) && plainNumber(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  return byAccount.compare(a, b);
}

export function buildStatements(input: BuildStatementsInput): Statement[] {
  const { ledger, shares, config, asOf } = input;
  if (shares.length !== ledger.lines.length) {
    throw new RangeError(`statements need one LineShares per line (${ledger.lines.length} lines, ${shares.length} shares)`);
  }
  // Accounts, PlanIds and payers compare as everywhere in the domain (nameKeys.ts), so a statement
  // bills exactly the lines the findings call the account's.
  const { patients, coverage } = input.accountRows ?? accountRows(config);
  const planPayer = new Map<string, string>();
  for (const p of config.plans) {
    const k = nameKey(p.planId);
    if (!planPayer.has(k)) planPayer.set(k, p.payer);
  }
  const { policy } = config;
  const run: StatementRun = {
    ledger, shares, config, asOf, dueDate: addDays(asOf, policy.dueDays), practice: practiceInfo(policy), patients, coverage,
    payerOfPlanId: memoByText((planId) => planPayer.get(nameKey(planId)) ?? null), saysSelfPay: memoByText(isSelfPay),
    payTo: { name: safeOrNull(policy.practiceName), address: safeOrNull(policy.practiceAddress) },
    applyNotice: applyNotice(policy), dunningMessages: new Map(), mayQualifyMessages: new Map(),
  };
  const out: Statement[] = [];
  for (const [key, { positions }] of input.accounts ?? linesByAccount(ledger.lines)) {
    const s = statementFor({ key, positions, run });
    if (s) out.push(s);
  }
  return out.sort((a, b) => compareAccounts(a.account, b.account));
}

/** What every statement of one run shares. */
interface StatementRun {
  readonly ledger: WorkbookLedger;
  readonly shares: readonly LineShares[];
  readonly config: Config;
  readonly asOf: Day;
  /** Every bill of a run is due the same day. */
  readonly dueDate: Day;
  readonly practice: PracticeInfo;
  /** Account (idKey) → its Patients row (the first one). */
  readonly patients: ReadonlyMap<string, PatientRow>;
  /** Account (idKey) → its Coverage rows. */
  readonly coverage: ReadonlyMap<string, readonly CoverageRow[]>;
  /** PlanId as a Coverage row spells it → its plan's payer (null: no Plans row), worked out once per spelling a run. */
  readonly payerOfPlanId: (planId: string) => string | null;
  /** Payer text → says self-pay, once per distinct payer a run (a ledger repeats a handful). */
  readonly saysSelfPay: (payer: string) => boolean;
  /** Who a remittance stub is paid to: the practice, the same on every stub. */
  readonly payTo: { readonly name: string | null; readonly address: string | null };
  /** Income unknown: the one "how to apply" notice every such bill carries. */
  readonly applyNotice: AssistanceNotice | null;
  /** Bill text many bills share, kept once per run (see dunningMessageFor, mayQualifyNotice). */
  readonly dunningMessages: SharedTexts<DunningStage, Cents>;
  readonly mayQualifyMessages: SharedTexts<Percent, Cents>;
}

interface AccountInput {
  /** The account as the domain compares it (idKey). */
  readonly key: string;
  /** The account's lines: positions in the ledger. */
  readonly positions: readonly number[];
  readonly run: StatementRun;
}

/** Most accounts need no flag for the representative; they share one empty list. */
const NO_FLAGS: readonly string[] = Object.freeze([]);
const NO_COVERAGE: readonly CoverageRow[] = Object.freeze([]);

/**
 * DESIGN §7 amount due (negative: a credit): what the patient owes, summed
 * over the account's lines billed to them.
 */
function amountDueOf(positions: readonly number[], run: StatementRun): number {
  let net = 0;
  for (const i of positions) {
    const share = run.shares[i]!;
    if (billedToPatient(share)) net += patientOwes(run.ledger.lines[i]!, share);
  }
  return net;
}

/**
 * The account's positions in service-date order of their lines (ledger order on a tie). A ledger exported
 * by date already has them so, and then they are taken as they are rather than copied and sorted.
 */
function inServiceDateOrder(positions: readonly number[], lines: readonly LedgerLine[]): readonly number[] {
  const before = (a: number, b: number): number => lines[a]!.serviceDate - lines[b]!.serviceDate || lines[a]!.index - lines[b]!.index;
  for (let k = 1; k < positions.length; k++) {
    if (before(positions[k - 1]!, positions[k]!) > 0) return [...positions].sort(before);
  }
  return positions;
}

/** Nothing is built for an account with nothing to bill or refund (a third of the accounts of the generated ledger). */
function statementFor({ key, positions, run }: AccountInput): Statement | null {
  const { asOf, dueDate, practice } = run;
  const policy = run.config.policy;
  const net = amountDueOf(positions, run);
  const isRefund = net < 0;
  if (!isRefund && (net === 0 || net < policy.minStatementBalance)) return null;

  const { lines } = run.ledger;
  const account = lines[positions[0]!]!.account.trim();
  const row = run.patients.get(key);
  const coverageRows = run.coverage.get(key) ?? NO_COVERAGE;
  const sorted = inServiceDateOrder(positions, lines);
  // The rows are made only to total, count and age them, and dropped: the statement keeps `sorted`. Reading the
  // amounts from the ledger in place instead was not clearly faster (statements at 1M lines: 1.71 s CPU against
  // 1.76 s, means of 12 runs) and took helpers and a second totals loop.
  const stLines = sorted.map((i) => statementLine(lines[i]!, run.shares[i]!));
  const amount = cents(net);
  const { pendingLines, pendingCharges } = pendingOf(stLines);
  const patient = patientInfo(row, sorted.length > 0 ? lines[sorted[0]!]! : null);
  const insurance = insuranceOnFile(sorted, coverageRows, run);
  const totals = totalsOf(stLines);
  const onPaymentPlan = row?.onPaymentPlan ?? false;

  if (isRefund) {
    const credit = neg(amount);
    return {
      kind: 'refund-notice', account, statementDate: asOf, dueDate, amountDue: ZERO, balanceSince: null, creditBalance: credit, aging: EMPTY_AGING,
      practice, patient, insurance, linePositions: sorted, totals, pendingLines, pendingCharges,
      dunningStage: null, oldestOpenDays: null, message: refundMessage(credit, pendingLines, policy),
      planOptions: [], assistanceNotice: null, remittance: remittance(account, patient, ZERO, run), onPaymentPlan,
      flags: representativeFlags(row, patient, null),
    };
  }

  // A line not billed owes 0.00 (statementLine), so it neither opens a balance nor brings a credit:
  // aging and balanceSince read all the statement's lines, in their service-date order.
  const aged = ageBalances(stLines, asOf);
  // A positive amount due has at least one line still owed, so there is a day it arose.
  const since = balanceSinceOf(stLines, (l) => l.patientBalance, (l) => l.balanceArose)!;
  const stage = dunningStage(asOf - since);
  const facts = householdFacts(row);
  const options = planOptions(amount, policy, {
    monthlyIncome: facts.monthlyIncome, householdSize: facts.householdSize, state: facts.state, start: dueDate,
  });
  return {
    kind: 'statement', account, statementDate: asOf, dueDate, amountDue: amount, balanceSince: since, creditBalance: ZERO, aging: aged.aging,
    practice, patient, insurance, linePositions: sorted, totals, pendingLines, pendingCharges,
    dunningStage: stage, oldestOpenDays: aged.oldestOpenDays ?? 0,
    message: dunningMessageFor(stage, amount, run),
    planOptions: options,
    assistanceNotice: assistanceNoticeFor(facts, options, run),
    remittance: remittance(account, patient, amount, run),
    onPaymentPlan,
    flags: representativeFlags(row, patient, facts),
  };
}

/**
 * The dunning message depends only on the stage and the amount due (the due
 * date, phone and collections days are the run's), and many bills owe the
 * same amount: a run writes each message once (statements at 1M lines: 152k
 * bills, 29k distinct messages).
 */
function dunningMessageFor(stage: DunningStage, amountDue: Cents, run: StatementRun): string {
  const { practicePhone, collectionsDays } = run.config.policy;
  return sharedText(run.dunningMessages, stage, amountDue, () => dunningMessage(stage, { amountDue, dueDate: run.dueDate, practicePhone, collectionsDays }));
}

const isIncomeBased = (o: PlanOption): o is IncomeBasedOption => o.kind === 'income-based';

/**
 * Income unknown: the run's "how to apply" notice. Income on file: the
 * income-based option has already assessed assistance for this very balance
 * and due date, and the notice reads that assessment.
 */
function assistanceNoticeFor(facts: HouseholdFacts, options: readonly PlanOption[], run: StatementRun): AssistanceNotice | null {
  if (facts.monthlyIncome === null) return run.applyNotice;
  return mayQualifyNotice(options.find(isIncomeBased)!.plan.assistance, run.config.policy, run.mayQualifyMessages);
}

/** For the representative: a bill that cannot be mailed as is, household facts not usable, a plan already running. */
function representativeFlags(row: PatientRow | undefined, patient: PatientInfo, facts: HouseholdFacts | null): readonly string[] {
  const flags: string[] = [];
  if (!row) flags.push('No Patients row for this account: the mailing address is blank.');
  else if (patient.addressMissing) flags.push('Mailing address incomplete on the Patients sheet.');
  if (facts !== null) {
    flags.push(...facts.flags);
    if (row?.onPaymentPlan) flags.push('Account is on a payment plan: check the plan before sending.');
  }
  return flags.length === 0 ? NO_FLAGS : flags;
}

/** Lines listed but not billed (still with insurance, or an office denial), and their charges. */
function pendingOf(stLines: readonly StatementLine[]): { pendingLines: number; pendingCharges: Cents } {
  let pendingLines = 0;
  let charges = 0;
  for (const l of stLines) {
    if (!l.pending) continue;
    pendingLines++;
    charges += l.charge;
  }
  return { pendingLines, pendingCharges: cents(charges) };
}

/** Totals over the billed lines (pending ones are listed, not billed). */
function totalsOf(stLines: readonly StatementLine[]): StatementTotals {
  let charges = ZERO, insurancePaid = ZERO, adjustments = ZERO, patientPaid = ZERO, patientBalance = ZERO;
  for (const l of stLines) {
    if (l.pending) continue;
    charges = add(charges, l.charge);
    insurancePaid = add(insurancePaid, l.insurancePaid);
    adjustments = add(adjustments, l.adjustments);
    patientPaid = add(patientPaid, l.patientPaid);
    patientBalance = add(patientBalance, l.patientBalance);
  }
  return { charges, insurancePaid, adjustments, patientPaid, patientBalance };
}

function practiceInfo(policy: Policy): PracticeInfo {
  return { name: safeOrNull(policy.practiceName), address: safeOrNull(policy.practiceAddress), phone: safeOrNull(policy.practicePhone) };
}

function patientInfo(row: PatientRow | undefined, first: LedgerLine | null): PatientInfo {
  const name = safeOrNull(row?.name ?? null) ?? safeOrNull(first?.patientName ?? null);
  if (!row) {
    return { name, address1: null, address2: null, city: null, state: null, zip: null, addressMissing: true, patientsRow: null };
  }
  const address1 = safeOrNull(row.address1);
  const city = safeOrNull(row.city);
  const zip = safeOrNull(row.zip);
  const addressMissing = address1 === null || (city === null && zip === null);
  return {
    name, address1, address2: safeOrNull(row.address2), city, state: safeOrNull(row.state), zip, addressMissing, patientsRow: row.row,
  };
}

/** Text the same ignoring case; most pairs are equal as they are or differ in length, and need no lower-casing. */
function sameIgnoringCase(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  return a !== null && b !== null && a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/**
 * Is this payer and member id (ignoring case) already listed? An account lists one or two, so the list itself
 * is searched: no Set or key strings per statement.
 */
function listed(out: readonly InsuranceOnFile[], payer: string, memberId: string | null): boolean {
  return out.some((i) => sameIgnoringCase(i.payer, payer) && sameIgnoringCase(i.memberId, memberId));
}

/** Coverage rows for the account first (with their plan's payer), then payers seen on its lines. */
function insuranceOnFile(positions: readonly number[], coverageRows: readonly CoverageRow[], run: StatementRun): InsuranceOnFile[] {
  const out: InsuranceOnFile[] = [];
  const coverage = coverageRows.length < 2 ? coverageRows : [...coverageRows].sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'Primary' ? -1 : 1));
  for (const c of coverage) {
    const payer = safeText(run.payerOfPlanId(c.planId) ?? c.planId);
    const memberId = safeOrNull(c.memberId);
    if (!listed(out, payer, memberId)) out.push({ payer, planId: safeText(c.planId), memberId, priority: c.priority });
  }
  // An account's lines mostly repeat one payer and member id: only a pair not met on the line before is looked at
  // (statements at 1M lines: this function's CPU 280 ms -> 130 ms in a profile).
  let lastPayer: string | null = null;
  let lastMemberId: string | null = null;
  for (const i of positions) {
    const l = run.ledger.lines[i]!;
    if (l.payer === null || (l.payer === lastPayer && l.memberId === lastMemberId)) continue;
    lastPayer = l.payer;
    lastMemberId = l.memberId;
    const selfPay = run.saysSelfPay(l.payer);
    if (selfPay) continue;
    const payer = safeText(l.payer.trim());
    const memberId = safeOrNull(l.memberId);
    if (listed(out, payer, memberId)) continue; // the usual case: the line's payer is the coverage row's
    out.push({ payer, planId: safeOrNull(l.planId), memberId, priority: null });
  }
  return exactLength(out);
}

function remittance(account: string, patient: PatientInfo, amountDue: Cents, run: StatementRun): Remittance {
  return {
    account,
    patientName: patient.name,
    amountDue,
    dueDate: run.dueDate,
    payToName: run.payTo.name,
    payToAddress: run.payTo.address,
  };
}
