/**
 * Date cells → `Day` (DESIGN §3).
 *
 * - A number in a date column is an Excel serial: 1900 system (serial 60 is
 *   Excel's phantom 29 Feb 1900 — not a date), or 1904 when the workbook says
 *   so. A time of day (fraction) is dropped.
 * - Text, US order: `3/2/2026`, `03/02/2026`, `03-02-2026` (2 March),
 *   `2026-03-02`, `2026/03/02`, `02-Mar-2026`, `2 Mar 2026`, `Mar 2, 2026`,
 *   `March 2 2026`, `20260302`; a trailing time (`10:15`, `T00:00:00`) is ignored.
 * - Two-digit years (`3/2/26`, `02-Mar-26`) follow Excel's own rule for typed
 *   dates: 00–29 → 2000s, 30–99 → 1900s. That is what the same text would
 *   have become had it been typed into Excel, so the sheet and the add-in agree.
 * - A day or month out of range (13/45/2026, 02/30/2026) is an issue, never
 *   rolled over into the next month.
 */
import { dayFromYmd, daysFromCivil, type Day } from '../../domain/day';
import type { CellValue } from '../grid';
import { Invalid } from './invalid';
import { trimFast } from './blank';

export const NOT_A_DATE = 'is not a date (expected MM/DD/YYYY, YYYY-MM-DD or DD-Mon-YYYY)';


/** Day of serial 0: 1899-12-31 (1900 system) and 1904-01-01 (1904 system), as days since 1970-01-01. */
const EPOCH_1900 = -25568;
const EPOCH_1904 = -24107;

/** 9999-12-31 in the 1900 system: beyond it a number cannot be a date serial. */
const MAX_SERIAL = 2958465;

export function parseDate(v: CellValue | undefined, date1904: boolean): Day | null | Invalid {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return parseDateSerial(v, date1904);
  if (typeof v === 'boolean') return new Invalid(NOT_A_DATE);
  return parseDateText(v);
}

export function parseDateSerial(n: number, date1904: boolean): Day | Invalid {
  if (!Number.isFinite(n) || n < 0 || n > MAX_SERIAL) return new Invalid('is not a date serial number (expected a date)');
  if (!date1904 && Math.floor(n) === 60) {
    return new Invalid('is serial 60, the 29 February 1900 that only Excel has (not a real date)');
  }
  // Same arithmetic as domain/day.ts dayFromExcelSerial (tested equal), without
  // building a Date per cell: serials after the phantom 29 Feb 1900 are a day ahead.
  const whole = Math.floor(n);
  if (date1904) return (EPOCH_1904 + whole) as Day;
  if (whole < 1) return new Invalid('is not a date serial number (expected a date)');
  return (EPOCH_1900 + (whole < 60 ? whole : whole - 1)) as Day;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** Excel's two-digit-year window. */
function fullYear(y: number, digits: number): number {
  if (digits === 4) return y;
  if (digits === 2) return y < 30 ? 2000 + y : 1900 + y;
  return -1;
}


const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function ymdOrInvalid(y: number, m: number, d: number): Day | Invalid {
  if (y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1) {
    const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
    if (d <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0)) return daysFromCivil(y, m, d) as Day;
  }
  const r = dayFromYmd(y, m, d);
  if (r !== null) return r;
  if (y < 1 || y > 9999) return new Invalid(`is not a real date (year ${y})`);
  if (m < 1 || m > 12) return new Invalid(`is not a real date (there is no month ${m}; dates are read month first, MM/DD/YYYY)`);
  return new Invalid(`is not a real date (month ${m} has no day ${d})`);
}

const C_0 = 48;
const C_9 = 57;

/** Reads up to `max` digits at `i`; returns [value, next index] packed as value * 1e3 + length (no allocation). */
function digitsAt(s: string, i: number, max: number): number {
  let v = 0;
  let k = 0;
  while (k < max && i + k < s.length) {
    const c = s.charCodeAt(i + k);
    if (c < C_0 || c > C_9) break;
    v = v * 10 + (c - C_0);
    k++;
  }
  return v * 1000 + k;
}

/** After the date: nothing, or a time of day (" 10:15", "T00:00:00", " 10:15 AM"). */
function restIsTime(s: string, i: number): boolean {
  if (i === s.length) return true;
  const c = s.charCodeAt(i);
  if (c !== 32 && c !== 84 /* T */) return false;
  return /^[ T]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?$/.test(s.slice(i));
}

export function parseDateText(raw: string): Day | null | Invalid {
  const s = trimFast(raw);
  if (s.length === 0) return null;
  const c0 = s.charCodeAt(0);
  if (c0 >= C_0 && c0 <= C_9) {
    // Fast numeric forms: M/D/Y, M-D-Y, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD.
    const a = digitsAt(s, 0, 8);
    const aLen = a % 1000;
    const aVal = (a - aLen) / 1000;
    const sep = s.charCodeAt(aLen);
    if (aLen === 8 && restIsTime(s, 8)) {
      return ymdOrInvalid(Math.floor(aVal / 10000), Math.floor(aVal / 100) % 100, aVal % 100);
    }
    // Dots (03.02.2026) are left out on purpose: that is the European day-first form.
    if ((sep === 47 /* / */ || sep === 45 /* - */) && aLen <= 4) {
      const b = digitsAt(s, aLen + 1, 4);
      const bLen = b % 1000;
      const bVal = (b - bLen) / 1000;
      if (bLen >= 1 && bLen <= 2 && s.charCodeAt(aLen + 1 + bLen) === sep) {
        const cStart = aLen + 2 + bLen;
        const cc = digitsAt(s, cStart, 4);
        const cLen = cc % 1000;
        const cVal = (cc - cLen) / 1000;
        if (cLen >= 1 && restIsTime(s, cStart + cLen)) {
          if (aLen === 4 && cLen <= 2) return ymdOrInvalid(aVal, bVal, cVal); // 2026-03-02
          if (aLen <= 2) {
            const y = fullYear(cVal, cLen);
            if (y > 0) return ymdOrInvalid(y, aVal, bVal); // 03/02/2026 = 2 March (US)
          }
        }
      }
    }
    // 02-Mar-2026, 2 Mar 2026, 2-March-26
    const m = /^(\d{1,2})[-\s/.]+([A-Za-z]{3,9})\.?[-\s/,.]+(\d{4}|\d{2})$/.exec(stripTime(s));
    if (m) return named(Number(m[3]), m[3]!.length, m[2]!, Number(m[1]));
    return new Invalid(NOT_A_DATE);
  }
  // Mar 2, 2026 / March 2 2026 / Mar-02-2026
  const m = /^([A-Za-z]{3,9})\.?[-\s/.]+(\d{1,2})(?:st|nd|rd|th)?[-\s/,.]+(\d{4}|\d{2})$/.exec(stripTime(s));
  if (m) return named(Number(m[3]), m[3]!.length, m[1]!, Number(m[2]));
  return new Invalid(NOT_A_DATE);
}

function stripTime(s: string): string {
  const m = /^(.*?\d)(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?)$/.exec(s);
  return m ? m[1]! : s;
}

function named(yv: number, yLen: number, monthName: string, d: number): Day | Invalid {
  const mo = MONTHS[monthName.toLowerCase()];
  if (mo === undefined) return new Invalid(NOT_A_DATE);
  const y = fullYear(yv, yLen);
  return ymdOrInvalid(y, mo, d);
}
