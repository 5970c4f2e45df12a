/**
 * Manager KPIs for results.json `summary` and the Summary sheet. Everything
 * here is an aggregate: no names, no accounts, no dates of birth; payer
 * groups with fewer than Policy.smallCellMin accounts are folded together
 * (DESIGN §2 privacy rule).
 */
import Decimal from 'decimal.js';
import type { LedgerLine } from '../ledger';
import { isSelfPay } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import type { Config } from '../config';
import type { Day } from '../day';
import { add, cents, formatMoney, ZERO, type Cents } from '../money';
import { isDenied, isPendingWithInsurance, lineBalance } from '../lineStatus';

export const AGING_BUCKETS = ['current', '31-60', '61-90', '91-120', 'over120'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** DESIGN §8: days from service date to statement date. */
export function agingBucketOf(days: number): AgingBucket {
  if (days <= 30) return 'current';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 120) return '91-120';
  return 'over120';
}

export interface PayerMixRow {
  readonly payer: string;
  readonly accounts: number;
  readonly lines: number;
  readonly charges: Cents;
  /** Share of total charges, percent with two decimals. */
  readonly pctOfCharges: number;
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
  readonly aging: Readonly<Record<AgingBucket, Cents>>;
  readonly payerMix: readonly PayerMixRow[];
}

/** part ÷ whole × 100, two decimals half-up; null when whole is 0. */
function pct(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return new Decimal(part).mul(100).div(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export function summarizeFindings(findings: readonly Finding[]): Record<string, { count: number; amount: Cents }> {
  const out: Record<string, { count: number; amount: Cents }> = {};
  for (const f of findings) {
    if (f.row === null) continue; // workbook-level notices are not findings to work
    const e = (out[f.rule] ??= { count: 0, amount: ZERO });
    e.count++;
    if (f.amount !== null) e.amount = add(e.amount, f.amount);
  }
  return out;
}

export interface SummaryInput {
  readonly lines: readonly LedgerLine[];
  readonly shares: readonly LineShares[];
  readonly findings: readonly Finding[];
  readonly config: Config;
  readonly asOf: Day;
}

export function summarize(input: SummaryInput): Summary {
  const { lines, config, asOf } = input;
  let charges = 0, adjustments = 0, insurerPaid = 0, patientPaid = 0, arIns = 0, arPat = 0, arOver90 = 0;
  let claimLines = 0, deniedLines = 0, claimCharges = 0, deniedCharges = 0;
  const aging: Record<AgingBucket, number> = { current: 0, '31-60': 0, '61-90': 0, '91-120': 0, over120: 0 };
  const payers = new Map<string, { accounts: Set<string>; lines: number; charges: number }>();
  for (const l of lines) {
    charges += l.billed;
    adjustments += l.adjustment ?? 0;
    insurerPaid += (l.insurerPaid ?? 0) + (l.secondaryPaid ?? 0);
    patientPaid += (l.patientPaid ?? 0) - (l.patientRefunded ?? 0);
    const bal = lineBalance(l);
    if (isPendingWithInsurance(l)) arIns += bal;
    else arPat += bal;
    const age = asOf - l.serviceDate;
    aging[agingBucketOf(age)] += bal;
    if (age > 90) arOver90 += bal;
    const payer = isSelfPay(l.payer) ? 'Self-pay' : l.payer!.trim();
    if (!isSelfPay(l.payer)) {
      claimLines++;
      claimCharges += l.billed;
      if (isDenied(l)) {
        deniedLines++;
        deniedCharges += l.billed;
      }
    }
    const p = payers.get(payer) ?? { accounts: new Set<string>(), lines: 0, charges: 0 };
    p.accounts.add(l.account);
    p.lines++;
    p.charges += l.billed;
    payers.set(payer, p);
  }
  // Small-cell suppression: payer groups under the minimum account count are pooled.
  const payerMix: PayerMixRow[] = [];
  const pooled = { accounts: new Set<string>(), lines: 0, charges: 0 };
  for (const [payer, p] of [...payers.entries()].sort((a, b) => b[1].charges - a[1].charges)) {
    if (p.accounts.size < config.policy.smallCellMin) {
      p.accounts.forEach((a) => pooled.accounts.add(a));
      pooled.lines += p.lines;
      pooled.charges += p.charges;
      continue;
    }
    payerMix.push({ payer, accounts: p.accounts.size, lines: p.lines, charges: cents(p.charges), pctOfCharges: pct(p.charges, charges) ?? 0 });
  }
  if (pooled.lines > 0) {
    payerMix.push({
      payer: `Other payers (groups under ${config.policy.smallCellMin} accounts)`,
      accounts: pooled.accounts.size, lines: pooled.lines, charges: cents(pooled.charges), pctOfCharges: pct(pooled.charges, charges) ?? 0,
    });
  }
  const arTotal = arIns + arPat;
  return {
    totalCharges: cents(charges),
    contractualAdjustments: cents(adjustments),
    insurerPayments: cents(insurerPaid),
    patientPayments: cents(patientPaid),
    arInsurer: cents(arIns),
    arPatient: cents(arPat),
    netCollectionRate: pct(insurerPaid + patientPaid, charges - adjustments),
    denialRateCount: pct(deniedLines, claimLines),
    denialRateAmount: pct(deniedCharges, claimCharges),
    arOver90Pct: pct(arOver90, arTotal),
    findingsByRule: summarizeFindings(input.findings),
    aging: aging as Record<AgingBucket, Cents>,
    payerMix,
  };
}

export function summaryToJson(s: Summary): Record<string, unknown> {
  const agingJson: Record<string, string> = {};
  for (const b of AGING_BUCKETS) agingJson[b] = formatMoney(s.aging[b]);
  const byRule: Record<string, { count: number; amount: string }> = {};
  for (const [rule, v] of Object.entries(s.findingsByRule)) byRule[rule] = { count: v.count, amount: formatMoney(v.amount) };
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
    aging: agingJson,
    payerMix: s.payerMix.map((p) => ({ ...p, charges: formatMoney(p.charges) })),
  };
}
