/**
 * How findings show money, dates and typed-in text to people. Messages are
 * read by representatives (US billing: $1,234.50, MM/DD/YYYY); `inputs` use
 * the same forms so the working reads like the message.
 */
import { toUs, type Day } from '../day';

/**
 * 1,234.50 — the same text as money.formatMoneyDisplay (a test keeps them
 * in step), built without a regular expression: a million-line ledger can
 * produce 100,000 findings, each formatting a few amounts.
 */
function display(c: number): string {
  const a = Math.abs(c);
  const frac = a % 100;
  let whole = String((a - frac) / 100);
  if (whole.length > 3) {
    let grouped = whole.slice(0, whole.length % 3 || 3);
    for (let k = grouped.length; k < whole.length; k += 3) grouped += `,${whole.slice(k, k + 3)}`;
    whole = grouped;
  }
  return `${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** $1,234.50, or "-$12.00" for a negative (never at the start of a message). */
export function usd(c: number): string {
  return c < 0 ? `-$${display(c)}` : `$${display(c)}`;
}

/** Money for `inputs`: 1,234.50 (no currency sign, like the ledger's cells); negatives with a minus sign. */
export function money(c: number | null): string {
  return c === null ? '(blank)' : c < 0 ? `-${display(c)}` : display(c);
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
