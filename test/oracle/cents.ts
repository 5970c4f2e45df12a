/**
 * The oracle's own money arithmetic: integer cents in plain numbers (every
 * amount in a ledger is far below 2^53 cents), and BigInt where a product
 * could lose exactness (percentages, fractional units). Nothing from src/.
 */

/** "1,234.50", "-12", "600" → integer cents; throws on more than two decimals. */
export function cents(text: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text.replace(/[,$\s]/g, ''));
  if (!m) throw new Error(`oracle: not an amount: "${text}"`);
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const v = whole * 100 + frac;
  return m[1] ? -v : v;
}

/** Integer cents → "1234.50" (DESIGN §7's money strings). */
export function money(c: number): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** A decimal number (20, 12.5, 1.25) as an exact fraction numerator / 10^scale. */
function fraction(x: number): { num: bigint; den: bigint } {
  const text = String(x);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`oracle: not a non-negative decimal: ${text}`);
  const [int, frac = ''] = text.split('.');
  return { num: BigInt(int! + frac), den: 10n ** BigInt(frac.length) };
}

/** round half up (a / b) for a ≥ 0, b > 0. */
function divHalfUp(a: bigint, b: bigint): number {
  return Number((2n * a + b) / (2n * b));
}

/** round half-up to the cent of base × pct / 100 (DESIGN §5 step 5). */
export function percentOf(base: number, pct: number): number {
  if (base < 0) throw new Error('oracle: percent of a negative base');
  const p = fraction(pct);
  return divHalfUp(BigInt(base) * p.num, p.den * 100n);
}

/** A per-unit amount times units, rounded half-up to the cent (fractional units). */
export function timesUnits(perUnit: number, units: number): number {
  const u = fraction(units);
  return divHalfUp(BigInt(perUnit) * u.num, u.den);
}

export const min = (a: number, b: number): number => (a < b ? a : b);
export const max = (a: number, b: number): number => (a > b ? a : b);
