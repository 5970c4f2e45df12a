/**
 * PlanYearStart: "MM-DD" (also "M-D", "MM/DD"), or a date — a date cell or
 * text date — of which only the month and day count. Blank → 01-01.
 */
import { daysInMonth, ymd } from '../../domain/day';
import type { CellValue } from '../grid';
import { Invalid } from '../values/invalid';
import { parseDate } from '../values/parseDate';

export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

const EXPECTED = 'is not a month and day (expected MM-DD, e.g. 07-01)';

/** A MonthDay, or the reason it is not one. */
export function parseMonthDay(v: CellValue | undefined, date1904: boolean): MonthDay | string {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { month: 1, day: 1 };
  if (typeof v === 'string') {
    const m = /^(\d{1,2})[-/](\d{1,2})$/.exec(v.trim());
    if (m) {
      const month = Number(m[1]);
      const day = Number(m[2]);
      // Feb 29 cannot start a plan year in most years: 2001 (not leap) is the test.
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2001, month)) return EXPECTED;
      return { month, day };
    }
  }
  if (typeof v === 'boolean') return EXPECTED;
  const d = parseDate(v, date1904);
  if (d === null || d instanceof Invalid) return EXPECTED;
  const { m, d: dd } = ymd(d);
  if (m === 2 && dd === 29) return EXPECTED;
  return { month: m, day: dd };
}
