/**
 * Patient statements (DESIGN §6–§8): one bill per account whose amount due
 * is at least Policy.minStatementBalance, and a refund notice per account
 * with a credit balance.
 *
 * amountDue = Σ (patientShare − patientPaid) over the account's lines that
 * are not pending with insurance, before any assistance discount (DESIGN
 * §7; lineAmounts.ts says what is used without a patient share). Pending
 * lines are listed as such and not billed.
 */
import { add as addImport, cents as centsImport, neg as negImport, ZERO as ZEROImport, type Cents } from '../money';
import { addDays, type Day } from '../day';
import type { Config, CoverageRow, PatientRow, Policy } from '../config';
import { isSelfPay, type LedgerLine } from '../ledger';
import type { LineShares, SharesByLine } from '../shareTypes';
import { planOptions } from '../plans/planOptions';
import { ageBalances, EMPTY_AGING } from './aging';
import { dunningMessage, dunningStage } from './dunning';
import { statementLine as statementLineImport } from './lineAmounts';
import { assistanceNotice, householdFacts, refundMessage } from './notices';
import type { InsuranceOnFile, PatientInfo, PracticeInfo, Remittance, Statement, StatementLine, StatementTotals } from './statementTypes';
import { safeOrNull as safeOrNullImport, safeText as safeTextImport } from './text';
// Local bindings: a compiled import is a property read (a getter under tsx) on every call, per line of the ledger.
const safeOrNull = safeOrNullImport, safeText = safeTextImport;
const statementLine = statementLineImport;
const add = addImport, cents = centsImport, neg = negImport, ZERO = ZEROImport;

export * from './statementTypes';
export { statementToJson, type StatementJson } from './statementJson';

export interface BuildStatementsInput {
  readonly lines: readonly LedgerLine[];
  /** shares[i] belongs to lines[i]; may be empty (no adjudication). */
  readonly shares: SharesByLine;
  readonly config: Config;
  readonly asOf: Day;
}

/** Accounts match on the trimmed text, case-insensitively (exports differ in case, not identity). */
const accountKey = (a: string): string => a.trim().toUpperCase();

const byAccount = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Digits only, no leading zero ("0" itself allowed): the usual account number. */
function plainNumber(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15 || (n > 1 && s.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The collator's order, with a shortcut for two plain account numbers: the
 * numeric collation orders them by value, which for digit strings without
 * leading zeros is shorter first, then character order — no ICU call for
 * most of the 400,000 comparisons a sort of 28,000 statements makes.
 */
function compareAccounts(a: string, b: string): number {
  if (plainNumber(a) && plainNumber(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  return byAccount.compare(a, b);
}

export function buildStatements(input: BuildStatementsInput): Statement[] {
  const { lines, shares, config, asOf } = input;
  const groups = new Map<string, { account: string; items: { line: LedgerLine; share: LineShares | undefined }[] }>();
  // An account's lines usually sit together: reuse the last line's group while the account text repeats.
  let lastAccount: string | null = null;
  let g: { account: string; items: { line: LedgerLine; share: LineShares | undefined }[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.account !== lastAccount || g === undefined) {
      const key = accountKey(line.account);
      g = groups.get(key);
      if (!g) groups.set(key, (g = { account: line.account.trim(), items: [] }));
      lastAccount = line.account;
    }
    g.items.push({ line, share: shares.at(i) });
  }
  const patients = new Map<string, PatientRow>();
  for (const p of config.patients) {
    const k = accountKey(p.account);
    if (!patients.has(k)) patients.set(k, p);
  }
  const coverage = new Map<string, CoverageRow[]>();
  for (const c of config.coverage) {
    const k = accountKey(c.account);
    const list = coverage.get(k);
    if (list) list.push(c);
    else coverage.set(k, [c]);
  }

  const ctx: Shared = {
    config,
    asOf,
    practice: practiceInfo(config.policy), // the same on every bill: one shared (read-only) object
    planPayer: new Map(),
    selfPay: new Map(),
  };
  for (const p of config.plans) {
    const k = p.planId.trim().toUpperCase();
    if (!ctx.planPayer.has(k)) ctx.planPayer.set(k, p.payer); // the first plan row wins, as a find() over the rows gave
  }
  const out: Statement[] = [];
  for (const [key, g] of groups) {
    const s = statementFor(g.account, g.items, patients.get(key), coverage.get(key) ?? [], ctx);
    if (s) out.push(s);
  }
  return out.sort((a, b) => compareAccounts(a.account, b.account));
}

/** What every statement of one run shares, worked out once. */
interface Shared {
  readonly config: Config;
  readonly asOf: Day;
  readonly practice: PracticeInfo;
  /** Plans by trimmed upper-case PlanId → payer. */
  readonly planPayer: Map<string, string>;
  /** isSelfPay per payer text seen (a ledger repeats a handful of payer names). */
  readonly selfPay: Map<string, boolean>;
}

const byServiceDateThenIndex = (a: { line: LedgerLine }, b: { line: LedgerLine }): number =>
  a.line.serviceDate - b.line.serviceDate || a.line.index - b.line.index;

function statementFor(
  account: string,
  items: readonly { line: LedgerLine; share: LineShares | undefined }[],
  row: PatientRow | undefined,
  coverageRows: readonly CoverageRow[],
  ctx: Shared,
): Statement | null {
  const { asOf, practice } = ctx;
  const policy = ctx.config.policy;
  const sorted = items.length < 2 ? items : [...items].sort(byServiceDateThenIndex);
  // One pass: the statement lines, and the sums over billed and pending ones.
  const stLines: StatementLine[] = new Array<StatementLine>(sorted.length);
  const billed: StatementLine[] = [];
  let net = 0, pendingCount = 0, pendingSum = 0;
  for (let i = 0; i < sorted.length; i++) {
    const it = sorted[i]!;
    const l = statementLine(it.line, it.share);
    stLines[i] = l;
    if (l.pending) {
      pendingCount++;
      pendingSum += l.charge;
    } else {
      billed.push(l);
      net += l.patientBalance;
    }
  }
  const isRefund = net < 0;
  if (!isRefund && (net === 0 || net < policy.minStatementBalance)) return null;

  const amount = cents(net);
  const dueDate = addDays(asOf, policy.dueDays);
  const pendingCharges = cents(pendingSum);
  const patient = patientInfo(row, sorted[0]?.line ?? null);
  const flags: string[] = [];
  if (!row) flags.push('No Patients row for this account: the mailing address is blank.');
  else if (patient.addressMissing) flags.push('Mailing address incomplete on the Patients sheet.');
  const insurance = insuranceOnFile(sorted, coverageRows, ctx);
  const totals = totalsOf(billed);
  const onPaymentPlan = row?.onPaymentPlan ?? false;

  // Each statement is one object literal with every field in one order (no spread of a shared base):
  // V8 then gives all statements one fast shape, which building them and writing them as JSON rely on.
  if (isRefund) {
    const credit = neg(amount);
    return {
      kind: 'refund-notice', account, statementDate: asOf, dueDate, amountDue: ZERO, creditBalance: credit, aging: EMPTY_AGING,
      practice, patient, insurance, lines: stLines, totals, pendingLines: pendingCount, pendingCharges,
      dunningStage: null, oldestOpenDays: null, message: refundMessage(credit, pendingCount, policy),
      planOptions: [], assistanceNotice: null, remittance: remittance(account, patient, ZERO, dueDate, policy), onPaymentPlan, flags,
    };
  }

  const aged = ageBalances(billed.map((l) => ({ serviceDate: l.serviceDate, amount: l.patientBalance })), asOf);
  const oldest = aged.oldestOpenDays ?? 0;
  const stage = dunningStage(oldest);
  const facts = householdFacts(row);
  flags.push(...facts.flags);
  if (row?.onPaymentPlan) flags.push('Account is on a payment plan: check the plan before sending.');
  const options = planOptions(amount, policy, {
    monthlyIncome: facts.monthlyIncome, householdSize: facts.householdSize, state: facts.state, start: dueDate,
  });
  return {
    kind: 'statement', account, statementDate: asOf, dueDate, amountDue: amount, creditBalance: ZERO, aging: aged.aging,
    practice, patient, insurance, lines: stLines, totals, pendingLines: pendingCount, pendingCharges,
    dunningStage: stage, oldestOpenDays: oldest,
    message: dunningMessage(stage, { amountDue: amount, dueDate, practicePhone: policy.practicePhone, collectionsDays: policy.collectionsDays }),
    planOptions: options,
    assistanceNotice: assistanceNotice(amount, facts, dueDate, policy),
    remittance: remittance(account, patient, amount, dueDate, policy),
    onPaymentPlan,
    flags,
  };
}

function totalsOf(billed: readonly StatementLine[]): StatementTotals {
  let charges = ZERO, insurancePaid = ZERO, adjustments = ZERO, patientPaid = ZERO, patientBalance = ZERO;
  for (const l of billed) {
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

const insuranceKey = (payer: string, memberId: string | null): string => `${payer.toLowerCase()}|${(memberId ?? '').toLowerCase()}`;

/** Adds an insurance entry unless the same payer and member id (ignoring case) is already listed. */
function pushInsurance(out: InsuranceOnFile[], seen: Set<string>, i: InsuranceOnFile): void {
  const k = insuranceKey(i.payer, i.memberId);
  if (seen.has(k)) return;
  seen.add(k);
  out.push(i);
}

/** Coverage rows for the account first (with their plan's payer), then payers seen on its lines. */
function insuranceOnFile(items: readonly { line: LedgerLine }[], coverageRows: readonly CoverageRow[], ctx: Shared): InsuranceOnFile[] {
  const out: InsuranceOnFile[] = [];
  const seen = new Set<string>();
  const coverage = coverageRows.length < 2 ? coverageRows : [...coverageRows].sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'Primary' ? -1 : 1));
  for (const c of coverage) {
    const payer = ctx.planPayer.get(c.planId.trim().toUpperCase());
    pushInsurance(out, seen, { payer: safeText(payer ?? c.planId), planId: safeText(c.planId), memberId: safeOrNull(c.memberId), priority: c.priority });
  }
  for (const { line: l } of items) {
    if (l.payer === null) continue;
    let selfPay = ctx.selfPay.get(l.payer);
    if (selfPay === undefined) ctx.selfPay.set(l.payer, (selfPay = isSelfPay(l.payer)));
    if (selfPay) continue;
    const payer = safeText(l.payer.trim());
    const memberId = safeOrNull(l.memberId);
    const k = insuranceKey(payer, memberId);
    if (seen.has(k)) continue; // the usual case: the line's payer is the coverage row's
    seen.add(k);
    out.push({ payer, planId: safeOrNull(l.planId), memberId, priority: null });
  }
  return out;
}

function remittance(account: string, patient: PatientInfo, amountDue: Cents, dueDate: Day, policy: Policy): Remittance {
  return {
    account,
    patientName: patient.name,
    amountDue,
    dueDate,
    payToName: safeOrNull(policy.practiceName),
    payToAddress: safeOrNull(policy.practiceAddress),
  };
}
