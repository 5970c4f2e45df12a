/**
 * Plan years (DESIGN §5.8): accumulators reset at each plan's PlanYearStart.
 * A plan year is named by the calendar year it starts in, so with a 07-01
 * start, 2026-03-02 is in plan year 2025 and 2026-07-01 in plan year 2026.
 */
import { ymd, type Day } from '../day';

/** day → y × 10000 + m × 100 + d; a ledger has few distinct dates, so this is mostly Map hits. */
const ymdMemo = new Map<number, number>();

function packedYmd(d: Day): number {
  let v = ymdMemo.get(d);
  if (v === undefined) {
    const p = ymd(d);
    v = p.y * 10000 + p.m * 100 + p.d;
    if (ymdMemo.size < 200_000) ymdMemo.set(d, v);
  }
  return v;
}

/**
 * The plan year containing `d` for a plan starting on `yearStartMd`
 * (month × 100 + day). A 02-29 start simply means "from 03-01" in other years.
 */
export function planYearOf(d: Day, yearStartMd: number): number {
  const p = packedYmd(d);
  const y = Math.floor(p / 10000);
  return p % 10000 >= yearStartMd ? y : y - 1;
}
