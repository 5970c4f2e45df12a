/**
 * Money is held as integer cents in a branded number. Integer arithmetic on
 * JS numbers is exact up to 2^53 (about 90 trillion dollars), which is far
 * beyond any ledger, and a plain number is what a spreadsheet cell and JSON
 * carry. decimal.js is used at the edges (parsing, rates, interest). Every constructor checks
 * `Number.isSafeInteger`, so a fractional or unsafe value can never enter.
 *
 * Rounding happens only through `percentOf` / `mulDivHalfUp` (half-up, i.e.
 * away from zero at exactly .5, as Excel's ROUND) — callers decide *where*,
 * following DESIGN §5 and §8.
 */
import Decimal from 'decimal.js';

declare const centsBrand: unique symbol;
export type Cents = number & { readonly [centsBrand]: true };

export const ZERO = 0 as Cents;

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n as Cents;
}

export const add = (a: Cents, b: Cents): Cents => cents(a + b);
export const sub = (a: Cents, b: Cents): Cents => cents(a - b);
export const neg = (a: Cents): Cents => cents(-a);
export const minCents = (a: Cents, b: Cents): Cents => (a < b ? a : b);
export const maxCents = (a: Cents, b: Cents): Cents => (a > b ? a : b);
export const absCents = (a: Cents): Cents => (a < 0 ? neg(a) : a);
export const clampZero = (a: Cents): Cents => (a < 0 ? ZERO : a);

export function sum(values: Iterable<Cents>): Cents {
  let t = 0;
  for (const v of values) t += v;
  return cents(t);
}

/** Multiply by an integer count (e.g. fee × units when units are whole). */
export function times(a: Cents, k: number): Cents {
  return cents(a * k);
}

/**
 * Exact `round_half_up(a × num / den)` for integers, den > 0. Uses BigInt only
 * when the product could leave the safe-integer range, so the common case
 * stays on fast number arithmetic.
 */
export function mulDivHalfUp(a: number, num: number, den: number): number {
  if (den <= 0 || !Number.isSafeInteger(den) || !Number.isSafeInteger(num) || !Number.isSafeInteger(a)) {
    throw new RangeError('mulDivHalfUp needs safe integers and den > 0');
  }
  const p = a * num;
  if (Math.abs(p) * 2 + den < Number.MAX_SAFE_INTEGER) {
    const q = Math.floor((Math.abs(p) * 2 + den) / (2 * den));
    return p < 0 && q !== 0 ? -q : q;
  }
  const bp = BigInt(a) * BigInt(num);
  const abs = bp < 0n ? -bp : bp;
  const q = (abs * 2n + BigInt(den)) / (2n * BigInt(den));
  return q === 0n ? 0 : Number(bp < 0n ? -q : q);
}

/**
 * A percentage held exactly as an integer number of ten-thousandths of a
 * percent (20 % → 200000, 12.5 % → 125000). Four decimals of a percent cover
 * every real coinsurance, APR or discount rate.
 */
declare const percentBrand: unique symbol;
export type Percent = number & { readonly [percentBrand]: true };
export const PERCENT_SCALE = 10_000;

export function percent(p: number | string | Decimal): Percent {
  const d = new Decimal(p);
  const scaled = d.mul(PERCENT_SCALE);
  if (!scaled.isInteger()) throw new RangeError(`percentage has more than 4 decimals: ${d.toString()}`);
  return scaled.toNumber() as Percent;
}

export function percentToDecimal(p: Percent): Decimal {
  return new Decimal(p).div(PERCENT_SCALE);
}

/** Percent as a plain number for display/JSON (e.g. 20, 12.5). */
export function percentToNumber(p: Percent): number {
  return percentToDecimal(p).toNumber();
}

/** round_half_up(base × pct / 100) to the cent. */
export function percentOf(base: Cents, pct: Percent): Cents {
  return cents(mulDivHalfUp(base, pct, 100 * PERCENT_SCALE));
}

/** JSON/contract form: exactly two decimals, no grouping, '-' for negatives. */
export function formatMoney(c: Cents): string {
  const neg = c < 0;
  const a = Math.abs(c);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  return `${neg ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Display form for people: 1,234.50 (negatives with a minus sign). */
export function formatMoneyDisplay(c: Cents): string {
  const s = formatMoney(c);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [w, f] = body.split('.');
  return `${neg ? '-' : ''}${w!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/**
 * Parse a plain decimal string ("1234.5", "-12", "0.07") to cents exactly.
 * Returns null when it is not a number or has more than two decimals —
 * DESIGN §3: such a value is an input issue, never rounded.
 */
export function parseCentsExact(text: string): Cents | null {
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const intPart = m[2] ?? '';
  let frac = m[3] ?? '';
  if (intPart === '' && frac === '') return null;
  frac = frac.replace(/0+$/, '');
  if (frac.length > 2) return null;
  const whole = intPart === '' ? 0 : Number(intPart);
  const c = whole * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(c)) return null;
  return cents(m[1] === '-' ? -c : c);
}

/**
 * Cents from an Excel number cell. Excel stores 12.34 as the nearest double;
 * we accept it when it is within 1e-9 of a whole number of cents, and report
 * more decimals as not money (returns null). Done through the shortest
 * round-trip decimal string so no binary-float arithmetic decides the value.
 */
export function centsFromNumber(n: number): Cents | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n)) return Number.isSafeInteger(n * 100) ? cents(n * 100) : null;
  // Fast path: most cells are like 125.5 whose shortest repr has ≤ 2 decimals.
  const s = String(n);
  if (!s.includes('e')) return parseCentsExact(s);
  return parseCentsExact(new Decimal(n).toFixed());
}

export function centsToDecimal(c: Cents): Decimal {
  return new Decimal(c).div(100);
}

/** Decimal → cents, rounding half-up (callers use this only where a rule says to round). */
export function decimalToCentsHalfUp(d: Decimal): Cents {
  return cents(d.mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** Decimal → cents, rounding up (away from zero) — DESIGN §8 "rounded up to the cent". */
export function decimalToCentsUp(d: Decimal): Cents {
  return cents(d.mul(100).toDecimalPlaces(0, Decimal.ROUND_UP).toNumber());
}
