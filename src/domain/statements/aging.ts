/**
 * Aging of what the patient owes, by days from service date to statement
 * date (DESIGN §8): current 0–30, 31–60, 61–90, 91–120, over 120.
 *
 * A line the patient overpaid (negative balance) is an unapplied credit; as
 * a billing office posts payments, it is applied to the oldest open balances
 * first. That keeps every bucket non-negative and the buckets summing to the
 * amount due.
 */
import { cents, ZERO, type Cents } from '../money';
import type { Day } from '../day';

export interface Aging {
  readonly current: Cents;
  readonly d31to60: Cents;
  readonly d61to90: Cents;
  readonly d91to120: Cents;
  readonly over120: Cents;
}

export const EMPTY_AGING: Aging = { current: ZERO, d31to60: ZERO, d61to90: ZERO, d91to120: ZERO, over120: ZERO };

export type AgingBucket = keyof Aging;

/** A service dated after the statement (negative age) counts as current. */
export function bucketFor(ageDays: number): AgingBucket {
  if (ageDays <= 30) return 'current';
  if (ageDays <= 60) return 'd31to60';
  if (ageDays <= 90) return 'd61to90';
  if (ageDays <= 120) return 'd91to120';
  return 'over120';
}

export interface AgingItem {
  readonly serviceDate: Day;
  /** Patient balance on the line; negative for a credit. */
  readonly amount: Cents;
}

export interface AgingResult {
  readonly aging: Aging;
  /** Age in days of the oldest balance still open after credits; null when nothing is open. */
  readonly oldestOpenDays: number | null;
  /** Open amount per item after credits (same order as the input). */
  readonly open: readonly Cents[];
}

export function ageBalances(items: readonly AgingItem[], asOf: Day): AgingResult {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.serviceDate - items[b]!.serviceDate || a - b);
  let credit = 0;
  for (const it of items) if (it.amount < 0) credit -= it.amount;
  const open: number[] = items.map(() => 0);
  for (const i of order) {
    const amt = items[i]!.amount;
    if (amt <= 0) continue;
    const used = Math.min(credit, amt);
    credit -= used;
    open[i] = amt - used;
  }
  const totals: Record<AgingBucket, number> = { current: 0, d31to60: 0, d61to90: 0, d91to120: 0, over120: 0 };
  let oldest: number | null = null;
  for (const i of order) {
    const o = open[i]!;
    if (o <= 0) continue;
    const age = asOf - items[i]!.serviceDate;
    totals[bucketFor(age)] += o;
    if (oldest === null || age > oldest) oldest = age;
  }
  return {
    aging: {
      current: cents(totals.current), d31to60: cents(totals.d31to60), d61to90: cents(totals.d61to90),
      d91to120: cents(totals.d91to120), over120: cents(totals.over120),
    },
    oldestOpenDays: oldest,
    open: open.map(cents),
  };
}

export function agingTotal(a: Aging): Cents {
  return cents(a.current + a.d31to60 + a.d61to90 + a.d91to120 + a.over120);
}
