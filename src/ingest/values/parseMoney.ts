/**
 * Money cells → exact integer cents (DESIGN §3). Numbers go through
 * `centsFromNumber`; text is scanned by hand (no regex, no float): `$1,234.56`,
 * `-12.00`, `(12.00)` negative, `1,234`, ` 12.5 `, `12.00-` (trailing minus,
 * some PM systems), `USD 12` is not accepted. More than two decimals (after
 * dropping trailing zeros) is an issue, never rounded.
 */
import { centsFromNumber, type Cents } from '../../domain/money';
import type { CellValue } from '../grid';
import { Invalid } from './invalid';
import { trimFast } from './blank';

export const NOT_AN_AMOUNT = 'is not an amount (expected a number like 125.00)';
export const TOO_MANY_DECIMALS = 'has more than two decimals (expected whole cents like 125.50; amounts are never rounded)';


const notAmount = (): Invalid => new Invalid(NOT_AN_AMOUNT);
const tooPrecise = (): Invalid => new Invalid(TOO_MANY_DECIMALS);

/** Signed money as written: blank → null. */
export function parseMoney(v: CellValue | undefined): Cents | null | Invalid {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return Number.isSafeInteger(v * 100) ? ((v * 100) as Cents) : notAmount();
    if (!Number.isFinite(v)) return notAmount();
    // Exact fast path: n is a whole number of cents iff it is the double
    // nearest to c/100 for c = round(n × 100), i.e. n === c / 100 (a
    // correctly rounded division). Only a check — the value is the integer c.
    if (v > -1e11 && v < 1e11) {
      const c = Math.round(v * 100);
      if (c / 100 === v) return c as Cents;
    }
    const c = centsFromNumber(v);
    return c === null ? tooPrecise() : c;
  }
  if (typeof v === 'boolean') return notAmount();
  return parseMoneyText(v);
}

/**
 * An amount received (payments, adjustments): exported negative or positive,
 * it is read as the positive amount received.
 */
export function parseMoneyReceived(v: CellValue | undefined): Cents | null | Invalid {
  const r = parseMoney(v);
  return typeof r === 'number' && r < 0 ? (-r as Cents) : r;
}

/** Money that must not be negative (charges, allowed, income). */
export function parseMoneyNonNegative(v: CellValue | undefined): Cents | null | Invalid {
  const r = parseMoney(v);
  return typeof r === 'number' && r < 0 ? new Invalid('is negative (expected an amount of 0.00 or more)') : r;
}

const C_0 = 48;
const C_9 = 57;
const C_DOLLAR = 36;
const C_COMMA = 44;
const C_DOT = 46;
const C_MINUS = 45;
const C_PLUS = 43;
const C_LPAREN = 40;
const C_RPAREN = 41;
const C_SPACE = 32;

export function parseMoneyText(raw: string): Cents | null | Invalid {
  const s = trimFast(raw);
  let end = s.length;
  if (end === 0) return null;
  let i = 0;
  let neg = false;
  // Enclosing parentheses = negative (accounting format).
  if (s.charCodeAt(0) === C_LPAREN) {
    if (s.charCodeAt(end - 1) !== C_RPAREN) return notAmount();
    neg = true;
    i = 1;
    end -= 1;
  } else if (s.charCodeAt(end - 1) === C_MINUS && end > 1) {
    neg = true; // "12.00-"
    end -= 1;
  }
  while (i < end && s.charCodeAt(i) === C_SPACE) i++;
  let c = s.charCodeAt(i);
  if (c === C_MINUS || c === C_PLUS) {
    if (neg) return notAmount();
    neg = c === C_MINUS;
    i++;
    c = s.charCodeAt(i);
  }
  if (c === C_DOLLAR) {
    i++;
    while (i < end && s.charCodeAt(i) === C_SPACE) i++;
    c = s.charCodeAt(i);
    if (c === C_MINUS && !neg) {
      neg = true; // "$-12.00"
      i++;
    }
  }
  while (end > i && s.charCodeAt(end - 1) === C_SPACE) end--;
  // Integer part with optional thousands separators in the right places.
  let whole = 0;
  let digits = 0;
  let groupLen = -1; // digits since the last comma; -1 = no comma seen
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    if (c >= C_0 && c <= C_9) {
      whole = whole * 10 + (c - C_0);
      digits++;
      if (groupLen >= 0) groupLen++;
    } else if (c === C_COMMA) {
      if (digits === 0 || (groupLen >= 0 ? groupLen !== 3 : digits > 3)) return notAmount();
      groupLen = 0;
    } else break;
  }
  if (groupLen >= 0 && groupLen !== 3) return notAmount();
  let frac = 0;
  let fracDigits = 0;
  if (i < end && s.charCodeAt(i) === C_DOT) {
    i++;
    let zerosPending = 0;
    for (; i < end; i++) {
      c = s.charCodeAt(i);
      if (c < C_0 || c > C_9) break;
      // Trailing zeros beyond the cents are harmless ("12.500"); other digits are not.
      if (c === C_0) {
        zerosPending++;
        continue;
      }
      if (fracDigits + zerosPending >= 2) return i + 1 <= end && allDigits(s, i, end) ? tooPrecise() : notAmount();
      for (; zerosPending > 0; zerosPending--) {
        frac = frac * 10;
        fracDigits++;
      }
      frac = frac * 10 + (c - C_0);
      fracDigits++;
    }
    if (digits === 0 && fracDigits === 0 && zerosPending === 0) return notAmount();
  } else if (digits === 0) return notAmount();
  if (i !== end) return notAmount();
  if (fracDigits === 1) frac *= 10;
  const total = whole * 100 + frac;
  if (!Number.isSafeInteger(total) || digits > 15) return notAmount();
  return (neg ? -total : total) as Cents;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c < C_0 || c > C_9) return false;
  }
  return true;
}
