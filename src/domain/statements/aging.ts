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

/**
 * Buckets what the patient owes by days from service date to statement date.
 * Credits go to the oldest open balances first, so taking the lines oldest
 * first both applies them and buckets what stays open.
 */
export function ageBalances(items: readonly AgingItem[], asOf: Day): AgingResult {
  const oldestFirst = items.map((_, i) => i).sort((a, b) => items[a]!.serviceDate - items[b]!.serviceDate || a - b);
  let credit = items.reduce((sum, it) => (it.amount < 0 ? sum - it.amount : sum), 0);
  const open: Cents[] = items.map(() => ZERO);
  const buckets: Record<AgingBucket, number> = { current: 0, d31to60: 0, d61to90: 0, d91to120: 0, over120: 0 };
  let oldest: number | null = null;
  for (const i of oldestFirst) {
    const { amount, serviceDate } = items[i]!;
    if (amount <= 0) continue;
    const used = Math.min(credit, amount);
    credit -= used;
    const stillOpen = amount - used;
    open[i] = cents(stillOpen);
    if (stillOpen <= 0) continue;
    const age = asOf - serviceDate;
    buckets[bucketFor(age)] += stillOpen;
    if (oldest === null || age > oldest) oldest = age;
  }
  return {
    aging: {
      current: cents(buckets.current), d31to60: cents(buckets.d31to60), d61to90: cents(buckets.d61to90),
      d91to120: cents(buckets.d91to120), over120: cents(buckets.over120),
    },
    oldestOpenDays: oldest,
    open,
  };
}

export function agingTotal(a: Aging): Cents {
  return cents(a.current + a.d31to60 + a.d61to90 + a.d91to120 + a.over120);
}
