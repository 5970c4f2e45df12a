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
  /** What the patient owes on the line; negative for a credit. A statement's own lines are read as they are. */
  readonly patientBalance: Cents;
}

export interface AgingResult {
  readonly aging: Aging;
  /** Age in days of the oldest balance still open after credits; null when nothing is open. */
  readonly oldestOpenDays: number | null;
}

/** Are the items oldest first already? A statement lists its lines in service-date order. */
function isOldestFirst(items: readonly AgingItem[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i - 1]!.serviceDate > items[i]!.serviceDate) return false;
  return true;
}

/**
 * Buckets what the patient owes by days from service date to statement date.
 * Credits go to the oldest open balances first, so taking the lines oldest
 * first both applies them and buckets what stays open. Items that arrive
 * oldest first (a statement's lines) are taken as they are; others are
 * sorted, stably, so a tie keeps the input order.
 */
export function ageBalances(items: readonly AgingItem[], asOf: Day): AgingResult {
  const oldestFirst = isOldestFirst(items) ? items : [...items].sort((a, b) => a.serviceDate - b.serviceDate);
  let credit = 0;
  for (const it of items) if (it.patientBalance < 0) credit -= it.patientBalance;
  const buckets: Record<AgingBucket, number> = { current: 0, d31to60: 0, d61to90: 0, d91to120: 0, over120: 0 };
  let oldest: number | null = null;
  for (const { patientBalance: amount, serviceDate } of oldestFirst) {
    if (amount <= 0) continue;
    const used = Math.min(credit, amount);
    credit -= used;
    const stillOpen = amount - used;
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
  };
}
