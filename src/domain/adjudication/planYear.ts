/**
 * Plan years (DESIGN §5.8): accumulators reset at each plan's PlanYearStart.
 * A plan year is named by the calendar year it starts in, so with a 07-01
 * start, 2026-03-02 is in plan year 2025 and 2026-07-01 in plan year 2026.
 * A 02-29 start means "from 03-01" in common years.
 */
import { civilFromDays, type Day } from '../day';

/** The plan year containing `d` for a plan starting each year on month/day `start`. */
export function planYearOf(d: Day, start: { readonly month: number; readonly day: number }): number {
  const { y, m, d: dom } = civilFromDays(d);
  return m * 100 + dom >= start.month * 100 + start.day ? y : y - 1;
}
