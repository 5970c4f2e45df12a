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

/** Procedure codes and modifiers are upper-cased by ingest; trim/upper again for config rows. */
export function codeKey(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Accounts and family ids are identifiers: only surrounding spaces are ignored. */
export function idKey(raw: string): string {
  return raw.trim();
}
