/**
 * Manager KPIs for results.json `summary` and the Summary sheet (DESIGN §7).
 * Everything here is an aggregate: no names, accounts, member ids or dates
 * of birth. A payer group of fewer than Policy.smallCellMin accounts shows
 * `<11` (the minimum) instead of its figures, and no figure shown lets a
 * reader subtract their way to a suppressed one (payerMix below).
 *
 * Outstanding A/R per line: on a line billed to the patient, what the
 * patient still owes (as the statements bill it); on a line still with
 * insurance or an office denial, the line's balance (DESIGN §4).
 */
import Decimal from 'decimal.js';
import type { LedgerLine, WorkbookLedger } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import type { Config } from '../config';
import type { Day } from '../day';
import { cents, formatMoney, type Cents } from '../money';
import { nameKey } from '../nameKeys';
import { billedToPatient, lineBalance, netPatientPaid, patientOwes } from '../lineBalance';
import { summarizeFindingsByRule } from '../findings/summary';
import { bucketFor, type Aging, type AgingBucket } from '../statements/aging';
import { agingToJson } from '../statements/statementJson';

export interface PayerMixRow {
  readonly payer: string;
  /** null where the group is suppressed (fewer than smallCellMin accounts). */
  readonly accounts: number | null;
  readonly lines: number | null;
  readonly charges: Cents | null;
  /** Share of total charges, percent with two decimals. */
  readonly pctOfCharges: number | null;
  readonly suppressed: boolean;
}

export interface Summary {
  readonly totalCharges: Cents;
  readonly contractualAdjustments: Cents;
  readonly insurerPayments: Cents;
  readonly patientPayments: Cents;
  readonly arInsurer: Cents;
  readonly arPatient: Cents;
  readonly netCollectionRate: number | null;
  readonly denialRateCount: number | null;
  readonly denialRateAmount: number | null;
  readonly arOver90Pct: number | null;
  readonly findingsByRule: Readonly<Record<string, { count: number; amount: Cents }>>;
  /** Outstanding A/R (insurer and patient) by age of service. */
  readonly aging: Aging;
  readonly payerMix: readonly PayerMixRow[];
  /** The smallest group shown with its figures (Policy.smallCellMin). */
  readonly smallCellMin: number;
}

export interface SummaryInput {
  readonly ledger: WorkbookLedger;
  readonly shares: readonly LineShares[];
  readonly findings: readonly Finding[];
  readonly config: Config;
  readonly asOf: Day;
}

/** part ÷ whole × 100, two decimals half-up; null when whole is 0. */
function pct(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return new Decimal(part).mul(100).div(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** The payer a line's charges count under in the payer mix. */
function payerGroup(line: LedgerLine, share: LineShares, planPayers: ReadonlyMap<string, string>): string {
  if (share.whoPays === 'self-pay') return 'Self-pay';
  if (share.whoPays === 'unknown') return 'Coverage unknown';
  const named = line.payer?.trim() || (share.primaryPlanId === null ? undefined : planPayers.get(nameKey(share.primaryPlanId))?.trim());
  return named || 'Insured (payer not named)';
}

export interface PayerGroup {
  readonly payer: string;
  readonly accounts: Set<string>;
  lines: number;
  charges: number;
}

export function summarize(input: SummaryInput): Summary {
  const { ledger, shares, config, asOf } = input;
  const planPayers = new Map(config.plans.map((p) => [nameKey(p.planId), p.payer]));
  let charges = 0, adjustments = 0, insurerPaid = 0, patientPaid = 0, arInsurer = 0, arPatient = 0, arOver90 = 0;
  let claimLines = 0, deniedLines = 0, claimCharges = 0, deniedCharges = 0;
  const aging: Record<AgingBucket, number> = { current: 0, d31to60: 0, d61to90: 0, d91to120: 0, over120: 0 };
  const payers = new Map<string, PayerGroup>();
  ledger.lines.forEach((line, i) => {
    const share = shares[i]!;
    charges += line.billed;
    adjustments += line.adjustment ?? 0;
    insurerPaid += (line.insurerPaid ?? 0) + (line.secondaryPaid ?? 0);
    patientPaid += netPatientPaid(line);
    const onBill = billedToPatient(share);
    const outstanding = onBill ? patientOwes(line, share) : lineBalance(line);
    if (onBill) arPatient += outstanding;
    else arInsurer += outstanding;
    const age = asOf - line.serviceDate;
    aging[bucketFor(age)] += outstanding;
    if (age > 90) arOver90 += outstanding;
    if (share.whoPays !== 'self-pay') {
      claimLines++;
      claimCharges += line.billed;
      if (share.standing === 'denied-office' || share.standing === 'denied-patient') {
        deniedLines++;
        deniedCharges += line.billed;
      }
    }
    const name = payerGroup(line, share, planPayers);
    let g = payers.get(name);
    if (g === undefined) payers.set(name, (g = { payer: name, accounts: new Set(), lines: 0, charges: 0 }));
    g.accounts.add(line.account.trim());
    g.lines++;
    g.charges += line.billed;
  });
  return {
    totalCharges: cents(charges),
    contractualAdjustments: cents(adjustments),
    insurerPayments: cents(insurerPaid),
    patientPayments: cents(patientPaid),
    arInsurer: cents(arInsurer),
    arPatient: cents(arPatient),
    netCollectionRate: pct(insurerPaid + patientPaid, charges - adjustments),
    denialRateCount: pct(deniedLines, claimLines),
    denialRateAmount: pct(deniedCharges, claimCharges),
    arOver90Pct: pct(arOver90, arInsurer + arPatient),
    findingsByRule: summarizeFindingsByRule(input.findings),
    aging: {
      current: cents(aging.current), d31to60: cents(aging.d31to60), d61to90: cents(aging.d61to90),
      d91to120: cents(aging.d91to120), over120: cents(aging.over120),
    },
    payerMix: payerMix([...payers.values()], { totalCharges: charges, smallCellMin: config.policy.smallCellMin }),
    smallCellMin: config.policy.smallCellMin,
  };
}

/**
 * Payer groups of at least `smallCellMin` accounts are shown; smaller ones
 * are pooled as "Other payers". Were the pool itself under the minimum, a
 * reader could subtract the shown groups from the total charges to find it,
 * so the smallest shown groups join the pool until it reaches the minimum;
 * only when the whole ledger has fewer accounts does the one pooled row
 * show `<11`.
 */
export function payerMix(groups: readonly PayerGroup[], totals: { totalCharges: number; smallCellMin: number }): PayerMixRow[] {
  const { smallCellMin } = totals;
  const shown = groups.filter((g) => g.accounts.size >= smallCellMin).sort((a, b) => b.accounts.size - a.accounts.size);
  const pooled = groups.filter((g) => g.accounts.size < smallCellMin);
  const poolAccounts = (): number => new Set(pooled.flatMap((g) => [...g.accounts])).size;
  while (pooled.length > 0 && poolAccounts() < smallCellMin && shown.length > 0) pooled.push(shown.pop()!);
  const rows: PayerMixRow[] = shown
    .sort((a, b) => b.charges - a.charges || (a.payer < b.payer ? -1 : 1))
    .map((g) => ({
      payer: g.payer, accounts: g.accounts.size, lines: g.lines, charges: cents(g.charges),
      pctOfCharges: pct(g.charges, totals.totalCharges) ?? 0, suppressed: false,
    }));
  if (pooled.length > 0) {
    const accounts = poolAccounts();
    const lines = pooled.reduce((sum, g) => sum + g.lines, 0);
    const poolCharges = pooled.reduce((sum, g) => sum + g.charges, 0);
    const payer = shown.length === 0 ? 'All payers' : 'Other payers';
    rows.push(accounts < smallCellMin
      ? { payer, accounts: null, lines: null, charges: null, pctOfCharges: null, suppressed: true }
      : { payer, accounts, lines, charges: cents(poolCharges), pctOfCharges: pct(poolCharges, totals.totalCharges) ?? 0, suppressed: false });
  }
  return rows;
}

export function summaryToJson(s: Summary): Record<string, unknown> {
  const byRule: Record<string, { count: number; amount: string }> = {};
  for (const [rule, v] of Object.entries(s.findingsByRule)) byRule[rule] = { count: v.count, amount: formatMoney(v.amount) };
  const small = `<${s.smallCellMin}`;
  return {
    totalCharges: formatMoney(s.totalCharges),
    contractualAdjustments: formatMoney(s.contractualAdjustments),
    insurerPayments: formatMoney(s.insurerPayments),
    patientPayments: formatMoney(s.patientPayments),
    arInsurer: formatMoney(s.arInsurer),
    arPatient: formatMoney(s.arPatient),
    netCollectionRate: s.netCollectionRate,
    denialRateCount: s.denialRateCount,
    denialRateAmount: s.denialRateAmount,
    arOver90Pct: s.arOver90Pct,
    findingsByRule: byRule,
    aging: agingToJson(s.aging),
    payerMix: s.payerMix.map((p) => p.suppressed
      ? { payer: p.payer, accounts: small, lines: small, charges: small, pctOfCharges: small }
      : { payer: p.payer, accounts: p.accounts, lines: p.lines, charges: formatMoney(p.charges!), pctOfCharges: p.pctOfCharges }),
  };
}
