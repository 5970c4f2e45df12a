/**
 * A cell that does not parse for its column. Parsers return the value, `null`
 * for a blank, or an `Invalid` — allocated only on failure so the hot path
 * (1M rows) creates no wrapper objects for good cells.
 */
export class Invalid {
  constructor(
    /** Why, phrased to follow `<Header> "<raw>"`, e.g. `is not an amount (expected a number like 125.00)`. */
    readonly reason: string,
  ) {}
}

export function isInvalid(v: unknown): v is Invalid {
  return v instanceof Invalid;
}

/** Cell text for messages: short, one line, never mistakable for a formula. */
export function showRaw(v: unknown): string {
  let s = typeof v === 'string' ? v : String(v);
  s = s.replace(/[\r\n\t]+/g, ' ');
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** `Charge "abc" is not an amount (…)` — header label + raw value + reason. */
export function cellMessage(label: string, raw: unknown, reason: string): string {
  return `${label} "${showRaw(raw)}" ${reason}`;
}

/** A header label safe to start a message with (messages begin with a word). */
export function safeLabel(headerText: string, fallback: string): string {
  const t = headerText.trim().replace(/\s+/g, ' ');
  return /^[A-Za-z]/.test(t) ? t : fallback;
}
