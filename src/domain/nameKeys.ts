/**
 * How names typed by people are compared. Config sheets and ledgers are
 * typed by hand, so "Acme Health", " acme  health" and "ACME HEALTH" must
 * meet in one Map slot — in adjudication, in findings, in the Policy's
 * per-payer keys and when ingest folds a transaction ledger's payments.
 */

/** Payer names and PlanIds: case- and spacing-insensitive. */
export function nameKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * `nameKey` remembered for one run: a ledger repeats a handful of payers and
 * PlanIds over a million lines, so each distinct text is keyed once (the
 * regular expression per line was 0.3 s of computing shares at 1M lines).
 */
export function nameKeyMemo(): (raw: string) => string {
  const keys = new Map<string, string>();
  return (raw) => {
    let key = keys.get(raw);
    if (key === undefined) keys.set(raw, (key = nameKey(raw)));
    return key;
  };
}

/** Procedure codes and modifiers are upper-cased by ingest; trim/upper again for config rows. */
export function codeKey(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Accounts and family ids are identifiers: only surrounding spaces are ignored. */
export function idKey(raw: string): string {
  return raw.trim();
}
