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

/** Plan years memoised from this year on (earlier ones are computed each time). */
const FIRST_MEMO_YEAR = 1800;
const MEMO_YEARS = 500;

/**
 * One plan's plan years as day ranges. An accumulator entering another plan
 * year needs the year and its bounds — some 150,000 times per million
 * lines — so each year's first day is computed once and kept, and the year
 * of a day is found from those first days (two comparisons, usually) rather
 * than by converting the day to a calendar date.
 */
export class PlanYears {
  private readonly starts: number[] = [];
  /** Whether the start is a calendar month and day (else every year's start is NaN). */
  private readonly valid: boolean;

  constructor(readonly yearStartMd: number) {
    this.valid = !Number.isNaN(planYearStart(2000, yearStartMd));
  }

  /** planYearStart(py, yearStartMd), remembered. */
  startOf(py: number): number {
    const k = py - FIRST_MEMO_YEAR;
    if (k < 0 || k >= MEMO_YEARS) return planYearStart(py, this.yearStartMd);
    let s = this.starts[k];
    if (s === undefined) s = this.starts[k] = planYearStart(py, this.yearStartMd);
    return s;
  }

  /** planYearOf(d, yearStartMd). */
  yearOf(d: Day): number {
    if (!this.valid) return planYearOf(d, this.yearStartMd);
    // A year's first day is within a year of 1 January, so this guess is off by at most one or two.
    let py = Math.floor((d + 719468) / 365.2425) - 1;
    while (d >= this.startOf(py + 1)) py++;
    while (d < this.startOf(py)) py--;
    return py;
  }
}
