/**
 * Money cells → exact integer cents (DESIGN §3).
 *
 * - Numbers: whole cents are taken as they are; a number within 0.000001 of
 *   a whole cent is that cent — a formula's binary remainder (`=D2-E2-F2`
 *   stores 20.029999999999998 for 20.03). Decided on the number's shortest
 *   decimal form with decimal.js, never by float rounding. More real decimals
 *   (`100.125`) is an input issue, never rounded.
 * - Text: `$1,234.56`, `-12.00`, `(12.00)` negative, `1,234`, ` 12.5 `,
 *   `12.00-` (trailing minus, some PM systems), `USD 100.00` / `100.00 USD`.
 *   A dash alone (`-`, `–`, `—`, `$ -`) is Excel's accounting-format zero.
 *   Digits past the cents follow the same rule as numbers (a CSV carries
 *   what the formula stored).
 */
import Decimal from 'decimal.js';
import type { Cents } from '../../domain/money';
import type { CellValue } from '../grid';
import { Invalid } from './invalid';
import { trimFast } from './blank';

export const NOT_AN_AMOUNT = 'is not an amount (expected a number like 125.00)';
export const TOO_MANY_DECIMALS = 'has more than two decimals (expected whole cents like 125.50; amounts are never rounded)';

/** How far from a whole cent a value may be and still be that cent: a formula's binary remainder. */
const BINARY_REMAINDER = new Decimal('0.000001');
/** Beyond this a double no longer tells cents apart reliably. */
const MAX_DOLLARS = 1e11;

const notAmount = (): Invalid => new Invalid(NOT_AN_AMOUNT);
const tooPrecise = (): Invalid => new Invalid(TOO_MANY_DECIMALS);

/**
 * The whole cent a decimal value stands for: itself when it is whole cents,
 * the nearest cent when within 0.000001 of it, else an issue.
 */
export function centsOfDecimal(value: Decimal): Cents | Invalid {
  if (!value.isFinite() || value.abs().gte(MAX_DOLLARS)) return notAmount();
  const hundredths = value.mul(100);
  const nearest = hundredths.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (!nearest.eq(hundredths) && nearest.div(100).minus(value).abs().gt(BINARY_REMAINDER)) return tooPrecise();
  const c = nearest.toNumber();
  return (c === 0 ? 0 : c) as Cents; // never -0
}

/** A number cell → cents (see the file comment). */
export function centsOfNumber(v: number): Cents | Invalid {
  if (!Number.isFinite(v) || v <= -MAX_DOLLARS || v >= MAX_DOLLARS) return notAmount();
  // Exact check, not rounding: c / 100 is correctly rounded, so it equals v
  // only when v is the double Excel stores for exactly c cents.
  const c = Math.round(v * 100);
  if (c / 100 === v) return (c === 0 ? 0 : c) as Cents;
  return centsOfDecimal(new Decimal(v));
}

/** Signed money as written: blank → null. */
export function parseMoney(v: CellValue | undefined): Cents | null | Invalid {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return centsOfNumber(v);
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

/** `-`, `–` (en dash) or `—` (em dash), optionally after `$` or USD: Excel's accounting format for zero. */
const ACCOUNTING_ZERO = /^(?:\$|usd)?\s*[-\u2013\u2014]\s*$/i;
const CURRENCY_WORD_FIRST = /^usd\s*/i;
const CURRENCY_WORD_LAST = /\s*usd$/i;

export function parseMoneyText(raw: string): Cents | null | Invalid {
  let text = trimFast(raw);
  if (text.length === 0) return null;
  if (ACCOUNTING_ZERO.test(text)) return 0 as Cents;
  const first = text.charCodeAt(0);
  if (first === 85 || first === 117 || text.endsWith('USD') || text.endsWith('usd')) {
    // `USD 100.00`, `100.00 USD`
    text = text.replace(CURRENCY_WORD_FIRST, '').replace(CURRENCY_WORD_LAST, '');
    if (text.length === 0) return notAmount();
  }
  return parseAmountText(text);
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

/** Signs, `$`, parentheses and thousands separators around plain digits, scanned by hand (no float). */
function parseAmountText(s: string): Cents | Invalid {
  let end = s.length;
  let i = 0;
  let negative = false;
  // Enclosing parentheses = negative (accounting format).
  if (s.charCodeAt(0) === C_LPAREN) {
    if (s.charCodeAt(end - 1) !== C_RPAREN) return notAmount();
    negative = true;
    i = 1;
    end -= 1;
  } else if (s.charCodeAt(end - 1) === C_MINUS && end > 1) {
    negative = true; // "12.00-"
    end -= 1;
  }
  while (i < end && s.charCodeAt(i) === C_SPACE) i++;
  let c = s.charCodeAt(i);
  if (c === C_MINUS || c === C_PLUS) {
    if (negative) return notAmount();
    negative = c === C_MINUS;
    i++;
    c = s.charCodeAt(i);
  }
  if (c === C_DOLLAR) {
    i++;
    while (i < end && s.charCodeAt(i) === C_SPACE) i++;
    if (s.charCodeAt(i) === C_MINUS && !negative) {
      negative = true; // "$-12.00"
      i++;
    }
  }
  while (end > i && s.charCodeAt(end - 1) === C_SPACE) end--;
  // Integer part with optional thousands separators in the right places.
  let whole = 0;
  let wholeDigits = 0;
  let groupLength = -1; // digits since the last comma; -1 = no comma seen
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    if (c >= C_0 && c <= C_9) {
      whole = whole * 10 + (c - C_0);
      wholeDigits++;
      if (groupLength >= 0) groupLength++;
    } else if (c === C_COMMA) {
      if (wholeDigits === 0 || (groupLength >= 0 ? groupLength !== 3 : wholeDigits > 3)) return notAmount();
      groupLength = 0;
    } else break;
  }
  if (groupLength >= 0 && groupLength !== 3) return notAmount();
  let fraction = '';
  if (i < end && s.charCodeAt(i) === C_DOT) {
    const from = ++i;
    while (i < end && s.charCodeAt(i) >= C_0 && s.charCodeAt(i) <= C_9) i++;
    fraction = s.slice(from, i);
    if (wholeDigits === 0 && fraction.length === 0) return notAmount();
  } else if (wholeDigits === 0) return notAmount();
  if (i !== end || wholeDigits > 15) return notAmount();
  let significant = fraction.length;
  while (significant > 0 && fraction.charCodeAt(significant - 1) === C_0) significant--;
  if (significant <= 2) {
    const hundredths = significant === 0 ? 0 : significant === 1 ? (fraction.charCodeAt(0) - C_0) * 10 : Number(fraction.slice(0, 2));
    const total = whole * 100 + hundredths;
    if (!Number.isSafeInteger(total)) return notAmount();
    return (negative && total !== 0 ? -total : total) as Cents;
  }
  return centsOfDecimal(new Decimal(`${negative ? '-' : ''}${whole}.${fraction}`));
}
