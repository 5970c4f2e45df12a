/**
 * How findings show money, dates and typed-in text to people. Messages are
 * read by representatives (US billing: $1,234.50, MM/DD/YYYY); `inputs` use
 * the same forms so the working reads like the message.
 */
import { formatMoneyDisplay, type Cents } from '../money';
import { toUs, type Day } from '../day';

/** $1,234.50, or "-$12.00" for a negative (never at the start of a message). */
export function usd(c: number): string {
  const s = formatMoneyDisplay(c as Cents);
  return s.startsWith('-') ? `-$${s.slice(1)}` : `$${s}`;
}

/** Money for `inputs`: 1,234.50 (no currency sign, like the ledger's cells). */
export function money(c: number | null): string {
  return c === null ? '(blank)' : formatMoneyDisplay(c as Cents);
}

export const date = (d: Day | null): string => (d === null ? '(blank)' : toUs(d));

/**
 * Text the user typed (a code, a modifier), quoted and cut short: a junk
 * cell can hold anything, and a message should stay one readable line.
 */
export function quoted(text: string): string {
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  return `"${clean.length > 24 ? `${clean.slice(0, 24)}…` : clean}"`;
}

/** "1 line" / "3 lines". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Units as written (2, 1.5). */
export const unitsText = (u: number): string => (Number.isFinite(u) ? String(u) : '(invalid)');
