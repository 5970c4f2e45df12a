/**
 * Percentages → `Percent` (integer ten-thousandths of a percent). "20",
 * "20%", "20 %" and 20 all mean 20 %; a number in a cell formatted as a
 * percentage holds the fraction (0.2 shown as 20 %), so it is scaled by 100.
 * Decimal arithmetic only — 0.2 × 100 in binary floats is 20.000000000000004.
 */
import Decimal from 'decimal.js';
import { PERCENT_SCALE, type Percent } from '../../domain/money';
import type { CellValue } from '../grid';
import { Invalid } from './invalid';
import { trimFast } from './blank';

export const NOT_A_PERCENT = 'is not a percentage (expected a number like 20 or 20%)';

export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && format.includes('%');
}

function toPercent(d: Decimal, max: number): Percent | Invalid {
  const scaled = d.mul(PERCENT_SCALE);
  if (!scaled.isInteger()) return new Invalid('has more than four decimals (expected a percentage like 20 or 12.5)');
  if (d.isNegative() || d.greaterThan(max)) return new Invalid(`is not a percentage between 0 and ${max}`);
  return scaled.toNumber() as Percent;
}

/** Blank → null. `max` bounds the value (100 for coinsurance, more for FPL tiers). */
export function parsePercent(v: CellValue | undefined, format: string | null | undefined, max = 100): Percent | null | Invalid {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return new Invalid(NOT_A_PERCENT);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return new Invalid(NOT_A_PERCENT);
    const d = new Decimal(v);
    return toPercent(isPercentFormat(format) ? d.mul(100) : d, max);
  }
  let t = trimFast(v);
  if (t.length === 0) return null;
  if (t.endsWith('%')) t = t.slice(0, -1).trimEnd();
  if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(t)) return new Invalid(NOT_A_PERCENT);
  return toPercent(new Decimal(t), max);
}
