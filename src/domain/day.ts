/**
 * Calendar dates as whole days since 1970-01-01 (a branded integer). Ledger
 * dates have no time or zone; an integer compares, sorts and subtracts with
 * no time-zone surprises and no allocation on the hot path.
 */
declare const dayBrand: unique symbol;
export type Day = number & { readonly [dayBrand]: true };

export function dayFromYmd(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d) as Day;
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date, by arithmetic
 * (Howard Hinnant's days_from_civil): exact for every year, unlike Date.UTC
 * which reads years 0–99 as 1900–1999, and with no Date per call (ingest
 * uses it per date cell). Expects a valid y-m-d.
 */
export function daysFromCivil(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) as Day;
}

/** Like dayFromYmd but for values already known valid (throws otherwise). */
export function day(y: number, m: number, d: number): Day {
  const r = dayFromYmd(y, m, d);
  if (r === null) throw new RangeError(`invalid date ${y}-${m}-${d}`);
  return r;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymd(dd: Day): Ymd {
  return civilFromDays(dd);
}

/**
 * Calendar date of a day number by arithmetic (Howard Hinnant's
 * civil_from_days): no Date object, so hot loops (plan years, the sample
 * generator) can call it per line.
 */
export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD, the JSON contract form. */
export function toIso(dd: Day): string {
  const { y, m, d } = ymd(dd);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** MM/DD/YYYY, how US billing staff read dates. */
export function toUs(dd: Day): string {
  const { y, m, d } = ymd(dd);
  return `${pad2(m)}/${pad2(d)}/${y}`;
}

export function parseIso(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export const addDays = (dd: Day, n: number): Day => (dd + n) as Day;
export const daysBetween = (from: Day, to: Day): number => to - from;

/**
 * The date `n` months after `start` on the start's day of the month, clamped
 * to the month's last day (Jan 31 → Feb 28 → Mar 31): always computed from
 * the start, never from the previous (clamped) date — DESIGN §8.
 */
export function addMonthsClamped(start: Day, n: number): Day {
  const { y, m, d } = ymd(start);
  const total = (y * 12 + (m - 1)) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return day(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The first day of the month after `dd`. */
export function firstOfNextMonth(dd: Day): Day {
  const { y, m } = ymd(dd);
  return m === 12 ? day(y + 1, 1, 1) : day(y, m + 1, 1);
}

export function todayUtc(now: Date = new Date()): Day {
  return day(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Excel serial → Day. 1900 system: serial 1 = 1900-01-01 and Excel counts a
 * phantom 1900-02-29 (serial 60), so serials ≥ 61 are one day ahead of the
 * real calendar; serial 60 itself is not a real date. 1904 system: serial 0 =
 * 1904-01-01. Fractions (times of day) are dropped.
 */
export function dayFromExcelSerial(serial: number, date1904 = false): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0) return null;
    return addDays(day(1904, 1, 1), whole);
  }
  if (whole < 1 || whole === 60) return null;
  // 1899-12-31 is serial 0; after the phantom leap day subtract one more.
  return addDays(day(1899, 12, 31), whole < 60 ? whole : whole - 1);
}

export function excelSerialFromDay(dd: Day, date1904 = false): number {
  if (date1904) return dd - day(1904, 1, 1);
  const n = dd - day(1899, 12, 31);
  return n < 60 ? n : n + 1;
}
