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
  const n = items.length;
  // Oldest first (ties in input order). Statement lines usually arrive in that order already: then no sort.
  let inOrder = true;
  for (let k = 1; k < n && inOrder; k++) inOrder = items[k - 1]!.serviceDate <= items[k]!.serviceDate;
  const order = inOrder ? null : items.map((_, i) => i).sort((a, b) => items[a]!.serviceDate - items[b]!.serviceDate || a - b);
  let credit = 0;
  for (let k = 0; k < n; k++) {
    const amt = items[k]!.amount;
    if (amt < 0) credit -= amt;
  }
  const open: Cents[] = new Array<Cents>(n).fill(ZERO);
  let current = 0, d31to60 = 0, d61to90 = 0, d91to120 = 0, over120 = 0;
  let oldest: number | null = null;
  // Credits go to the oldest balances first, so one pass in age order both applies them and buckets what stays open.
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k]!;
    const it = items[i]!;
    const amt = it.amount;
    if (amt <= 0) continue;
    const used = Math.min(credit, amt);
    credit -= used;
    const o = amt - used;
    open[i] = cents(o);
    if (o <= 0) continue;
    const age = asOf - it.serviceDate;
    if (age <= 30) current += o;
    else if (age <= 60) d31to60 += o;
    else if (age <= 90) d61to90 += o;
    else if (age <= 120) d91to120 += o;
    else over120 += o;
    if (oldest === null || age > oldest) oldest = age;
  }
  return {
    aging: { current: cents(current), d31to60: cents(d31to60), d61to90: cents(d61to90), d91to120: cents(d91to120), over120: cents(over120) },
    oldestOpenDays: oldest,
    open,
  };
}

export function agingTotal(a: Aging): Cents {
  return cents(a.current + a.d31to60 + a.d61to90 + a.d91to120 + a.over120);
}
