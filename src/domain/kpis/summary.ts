/**
 * Manager KPIs for results.json `summary` and the Summary sheet. Everything
 * here is an aggregate: no names, no accounts, no dates of birth; payer
 * groups with fewer than Policy.smallCellMin accounts are folded together
 * (DESIGN §2 privacy rule).
 */
import Decimal from 'decimal.js';
import type { LedgerLine } from '../ledger';
import { isSelfPay } from '../ledger';
import type { SharesByLine } from '../shareTypes';
import type { Finding } from '../findingTypes';
import type { Config } from '../config';
import type { Day } from '../day';
import { cents, formatMoney, type Cents } from '../money';
import { isDenied, isPendingWithInsurance, lineBalance } from '../lineStatus';
import { summarizeFindingsByRule } from '../findings/summary';
import { bucketFor, type Aging, type AgingBucket } from '../statements/aging';
import { agingToJson } from '../statements/statementJson';

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
  /** Outstanding balances (insurer and patient) by age of service. */
  readonly aging: Aging;
  readonly payerMix: readonly PayerMixRow[];
}

/** part ÷ whole × 100, two decimals half-up; null when whole is 0. */
function pct(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return new Decimal(part).mul(100).div(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export interface SummaryInput {
  readonly lines: readonly LedgerLine[];
  readonly shares: SharesByLine;
  readonly findings: readonly Finding[];
  readonly config: Config;
  readonly asOf: Day;
}

export function summarize(input: SummaryInput): Summary {
  const { lines, config, asOf } = input;
  let charges = 0, adjustments = 0, insurerPaid = 0, patientPaid = 0, arIns = 0, arPat = 0, arOver90 = 0;
  let claimLines = 0, deniedLines = 0, claimCharges = 0, deniedCharges = 0;
  const aging: Record<AgingBucket, number> = { current: 0, d31to60: 0, d61to90: 0, d91to120: 0, over120: 0 };
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
    aging[bucketFor(age)] += bal;
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
    findingsByRule: summarizeFindingsByRule(input.findings),
    aging: { current: cents(aging.current), d31to60: cents(aging.d31to60), d61to90: cents(aging.d61to90), d91to120: cents(aging.d91to120), over120: cents(aging.over120) },
    payerMix,
  };
}

export function summaryToJson(s: Summary): Record<string, unknown> {
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
    aging: agingToJson(s.aging),
    payerMix: s.payerMix.map((p) => ({ ...p, charges: formatMoney(p.charges) })),
  };
}
