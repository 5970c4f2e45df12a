/**
 * Plain numbers (units, days, household size) and Y/N flags.
 */
import type { CellValue } from '../grid';
import { Invalid } from './invalid';
import { trimFast } from './blank';


/** Strict decimal text → number ("2", "1.5", "1,000"); null when it is not one. */
export function numberFromText(raw: string): number | null {
  // Fast path: a short run of digits (units and counts in a CSV), no regex.
  const n = raw.length;
  if (n > 0 && n < 10) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i === n) return v;
  }
  const s = trimFast(raw).replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return Number(s);
}

function asNumber(v: CellValue | undefined): number | null | Invalid {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : new Invalid('is not a number');
  if (typeof v === 'boolean') return new Invalid('is not a number');
  if (trimFast(v).length === 0) return null;
  const n = numberFromText(v);
  return n === null ? new Invalid('is not a number') : n;
}

export const NOT_UNITS = 'is not a number of units (expected a positive number like 1 or 2)';

/** Units: a positive number (fractions allowed, e.g. time units); blank → 1. */
export function parseUnits(v: CellValue | undefined): number | Invalid {
  if (typeof v === 'number') return v > 0 && Number.isFinite(v) ? v : new Invalid(NOT_UNITS);
  const n = asNumber(v);
  if (n === null) return 1;
  if (n instanceof Invalid || !(n > 0)) return new Invalid(NOT_UNITS);
  return n;
}

/** A whole number ≥ min (days, months, household size); blank → null. */
export function parseWholeNumber(v: CellValue | undefined, min: number): number | null | Invalid {
  const n = asNumber(v);
  if (n === null) return null;
  if (n instanceof Invalid || !Number.isInteger(n) || n < min) {
    return new Invalid(`is not a whole number${min > 0 ? ` of ${min} or more` : min === 0 ? ' of 0 or more' : ''}`);
  }
  return n;
}

/** A positive number, fractions allowed; blank → null. */
export function parsePositiveNumber(v: CellValue | undefined): number | null | Invalid {
  const n = asNumber(v);
  if (n === null) return null;
  if (n instanceof Invalid || !(n > 0)) return new Invalid('is not a positive number');
  return n;
}

const YES = new Set(['y', 'yes', 'true', '1', 'x']);
const NO = new Set(['n', 'no', 'false', '0']);

/** Y/N (also Yes/No, True/False, 1/0, a checkbox's TRUE/FALSE); blank → null. */
export function parseFlag(v: CellValue | undefined): boolean | null | Invalid {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (v === 1) return true;
    if (v === 0) return false;
    return new Invalid('is not Y or N');
  }
  const t = trimFast(v).toLowerCase();
  if (t.length === 0) return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return new Invalid('is not Y or N');
}
