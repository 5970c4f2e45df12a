/**
 * Financial assistance (DESIGN §8): where household income sits against the
 * federal poverty guideline, and the discount tier that gives.
 *
 * FPL % = monthly income × 12 ÷ guideline × 100. The tier is chosen from the
 * exact (unrounded) ratio — compared in integers with BigInt, so 200.0001 %
 * is above a 200 % tier even though it reports as 200.00.
 */
import Decimal from 'decimal.js';
import { cents, mulDivHalfUp, percentOf, sub, PERCENT_SCALE, ZERO, type Cents, type Percent } from '../money';
import type { Day } from '../day';
import type { AssistanceTier, Policy } from '../config';
import { guidelineFor, type GuidelineLookup } from './povertyGuidelines';

/** FPL percent as an exact Decimal (for display; tiers never use it). */
export function fplPercentExact(monthlyIncome: Cents, guideline: Cents): Decimal {
  return new Decimal(monthlyIncome).mul(1200).div(guideline);
}

/** FPL percent × 100, rounded half-up: 20001 means 200.01 %. */
export function fplHundredths(monthlyIncome: Cents, guideline: Cents): number {
  return mulDivHalfUp(monthlyIncome, 120_000, guideline);
}

/** Is the exact FPL percent ≤ `maxPct`? income × 1200 / G ≤ max / 10⁴  ⇔  income × 1200 × 10⁴ ≤ max × G. */
export function fplAtMost(monthlyIncome: Cents, guideline: Cents, maxPct: Percent): boolean {
  return BigInt(monthlyIncome) * 1200n * BigInt(PERCENT_SCALE) <= BigInt(maxPct) * BigInt(guideline);
}

/** Tiers from the lowest FPL ceiling up (a Policy sheet may list them in any order). */
export function sortedTiers(tiers: readonly AssistanceTier[]): AssistanceTier[] {
  return [...tiers].sort((a, b) => a.fplPctMax - b.fplPctMax);
}

/** The first tier whose ceiling the exact FPL percent does not exceed, else null. */
export function tierFor(monthlyIncome: Cents, guideline: Cents, tiers: readonly AssistanceTier[]): AssistanceTier | null {
  // The qualifying tier with the lowest ceiling: the tiers may come in any order, and are not copied to sort them.
  let best: AssistanceTier | null = null;
  for (const t of tiers) {
    if ((best === null || t.fplPctMax < best.fplPctMax) && fplAtMost(monthlyIncome, guideline, t.fplPctMax)) best = t;
  }
  return best;
}

export interface AssistanceResult {
  readonly incomeKnown: boolean;
  /** null when income is unknown. */
  readonly guideline: GuidelineLookup | null;
  /** FPL % × 100 rounded half-up; null when income is unknown. */
  readonly fplHundredths: number | null;
  readonly tier: AssistanceTier | null;
  /** 0 when income is unknown or above every tier. */
  readonly discountPct: Percent;
  readonly discount: Cents;
  readonly balanceAfter: Cents;
}

export interface AssistanceInput {
  readonly balance: Cents;
  readonly monthlyIncome: Cents | null;
  readonly householdSize: number;
  readonly state: string | null;
  /** The first due date: its year picks the guideline table. */
  readonly firstDue: Day;
  readonly policy: Policy;
}

/** Income unknown: no discount (the bill tells the patient how to apply). */
export function assessAssistance(input: AssistanceInput): AssistanceResult {
  const { balance, monthlyIncome, policy } = input;
  if (monthlyIncome === null) {
    return { incomeKnown: false, guideline: null, fplHundredths: null, tier: null, discountPct: 0 as Percent, discount: ZERO, balanceAfter: balance };
  }
  if (monthlyIncome < 0) throw new RangeError('monthly income cannot be negative');
  const guideline = guidelineFor(input.firstDue, input.state, input.householdSize);
  const tier = tierFor(monthlyIncome, guideline.guideline, policy.assistanceTiers);
  const discountPct = tier ? tier.discountPct : (0 as Percent);
  // A discount never exceeds the balance, even if a Policy sheet says 150 %.
  const raw = balance > 0 ? percentOf(balance, discountPct) : ZERO;
  const discount = raw > balance ? balance : raw;
  return {
    incomeKnown: true,
    guideline,
    fplHundredths: fplHundredths(monthlyIncome, guideline.guideline),
    tier,
    discountPct,
    discount: cents(discount),
    balanceAfter: sub(balance, discount),
  };
}

/** The highest FPL ceiling among the tiers (who "may qualify"); null when there are no tiers. */
export function topTierMax(tiers: readonly AssistanceTier[]): Percent | null {
  let top: Percent | null = null;
  for (const t of tiers) if (top === null || t.fplPctMax > top) top = t.fplPctMax;
  return top;
}

/**
 * Hundredths of a percent → a JSON number (20001 → 200.01): IEEE division
 * is correctly rounded, so h / 100 is the double nearest the exact value.
 */
export function hundredthsToNumber(h: number): number {
  return h / 100;
}
