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

/**
 * Bill text that many bills share, kept once per run and found by two
 * number-like keys (a stage and an amount, a discount percent and an
 * amount). Maps of Maps rather than one Map keyed by a joined string: the
 * joined key would be built and hashed for every bill (statements at 1M
 * lines: 245 ms of a run for the dunning messages alone).
 */
export type SharedTexts<A, B> = Map<A, Map<B, string>>;

/** The text for (a, b): written by `write` the first time, the same string after. */
export function sharedText<A, B>(texts: SharedTexts<A, B>, a: A, b: B, write: () => string): string {
  let byB = texts.get(a);
  if (byB === undefined) texts.set(a, (byB = new Map()));
  let text = byB.get(b);
  if (text === undefined) byB.set(b, (text = write()));
  return text;
}
