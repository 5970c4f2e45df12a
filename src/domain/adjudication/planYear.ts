/**
 * Plan years (DESIGN §5.8): accumulators reset at each plan's PlanYearStart.
 * A plan year is named by the calendar year it starts in, so with a 07-01
 * start, 2026-03-02 is in plan year 2025 and 2026-07-01 in plan year 2026.
 */
import * as days from '../day';
import type { Day } from '../day';

// Hot path: bind imported functions once. tsx/esbuild compile each use of a named import to a
// getter call on the module object (~20 ns a call, measured in bench/adjudicate.ts's runner).
const { civilFromDays, daysFromCivil } = days;

/**
 * The plan year containing `d` for a plan starting on `yearStartMd`
 * (month × 100 + day). A 02-29 start simply means "from 03-01" in other years.
 *
 * Called once or twice per covered line: the calendar date comes from
 * integer arithmetic (Howard Hinnant's civil_from_days, as day.ts), with no
 * object and no memo lookup.
 */
export function planYearOf(d: Day, yearStartMd: number): number {
  const { y, m, d: dom } = civilFromDays(d);
  return m * 100 + dom >= yearStartMd ? y : y - 1;
}

/**
 * The first day of plan year `planYear` for a plan starting on `yearStartMd`
 * — the smallest day `planYearOf` puts in that year — or NaN when the start
 * is not a calendar month and day. An accumulator keeps its year's day range
 * so a line usually needs two comparisons, not a date conversion.
 */
export function planYearStart(planYear: number, yearStartMd: number): number {
  const m = Math.floor(yearStartMd / 100);
  const d = yearStartMd % 100;
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  const first = daysFromCivil(planYear, m, 1);
  const next = m === 12 ? daysFromCivil(planYear + 1, 1, 1) : daysFromCivil(planYear, m + 1, 1);
  // A start past the month's end (02-29 in a common year) means the next month's first day.
  return d <= next - first ? first + d - 1 : next;
}
