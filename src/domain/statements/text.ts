/**
 * Statement text goes into cells. A value that starts with = + - @ (or tab /
 * CR) could be read as a formula, so ledger- and patient-supplied text is
 * given a leading apostrophe — Excel's own "this is text" prefix. Our own
 * messages always start with a word and need no guard.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function safeOrNull(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  return t === '' ? null : safeText(t);
}

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
