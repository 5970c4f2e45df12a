/** The oracle's own dates: ISO strings (YYYY-MM-DD) compared as text. Nothing from src/. */

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** `MM-DD` in year y, a 29 February moved to the 28th in a common year. */
function onYear(y: number, monthDay: string): string {
  const md = monthDay === '02-29' && !isLeap(y) ? '02-28' : monthDay;
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The first day of the plan year (starting each year on `monthDay`, "MM-DD") that contains `iso`. */
export function planYearOf(iso: string, monthDay: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !/^\d{2}-\d{2}$/.test(monthDay)) throw new Error(`oracle: bad date ${iso} / ${monthDay}`);
  const y = Number(iso.slice(0, 4));
  const thisYear = onYear(y, monthDay);
  return iso >= thisYear ? thisYear : onYear(y - 1, monthDay);
}

/** from ≤ iso ≤ to, either end open when null. */
export function within(iso: string, from: string | null, to: string | null): boolean {
  return (from === null || iso >= from) && (to === null || iso <= to);
}
