/**
 * Sheet names and which sheets are the add-in's own (DESIGN §6, §7): the one
 * rule both renderers apply, so the add-in and the CLI agree on it.
 * Excel compares sheet names case-insensitively.
 */
import { PLAN_LIMITS, REGISTRY_SHEET, type WorkbookPlan } from './workbookPlan';

const BAD_CHARS = /[\\/?*[\]:]/g;

/** A name Excel accepts: no \ / ? * [ ] :, no apostrophe at either end, under 32 characters, not blank. */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(BAD_CHARS, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (s === '') s = 'Sheet';
  if (s.length > PLAN_LIMITS.maxSheetNameChars) s = s.slice(0, PLAN_LIMITS.maxSheetNameChars).replace(/'+$/, '').trimEnd();
  return s;
}

const key = (name: string): string => name.toLowerCase();

/** `base`, else `base (2)`, `base (3)`… — the first not in `taken`; the base is shortened to keep the suffix under 32 characters. */
export function nextFreeSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(key(t));
  const clean = sanitizeSheetName(base);
  if (!used.has(key(clean)) && key(clean) !== key(REGISTRY_SHEET)) return clean;
  const stem = clean.replace(/ \(\d+\)$/, '');
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${stem.slice(0, PLAN_LIMITS.maxSheetNameChars - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(key(name))) return name;
  }
}

/** One row of the registry sheet. */
export interface RegistryEntry {
  readonly name: string;
  readonly key: string;
  /** A1's text when written (`sheetSignature`); absent = not checked. */
  readonly a1?: string;
}

export interface SheetAssignment {
  readonly key: string;
  readonly name: string;
  /** The add-in wrote this sheet before: rewrite it in place. */
  readonly reuse: boolean;
}

export interface Reconciliation {
  /** One per plan sheet, in plan order. */
  readonly assignments: readonly SheetAssignment[];
  /** The add-in's own sheets the plan no longer has (e.g. a `Statements (2)` not needed now). */
  readonly remove: readonly string[];
}

/**
 * Decides each plan sheet's name. `existing` is every sheet in the workbook
 * (the registry sheet may be among them); `registry` the registry's rows.
 * Registry rows naming a sheet that no longer exists are ignored. A user's
 * sheet — anything not in the registry — is never reused nor removed.
 */
export function reconcileSheets(
  plan: Pick<WorkbookPlan, 'sheets'>, existing: readonly string[], registry: readonly RegistryEntry[],
  /** The A1 text of an existing sheet; a registry row whose `a1` differs is a user's sheet now. */
  a1Of?: (sheet: string) => string,
): Reconciliation {
  const present = new Map(existing.map((n) => [key(n), n]));
  const ours = new Map<string, string>();
  for (const r of registry) {
    const actual = present.get(key(r.name));
    if (actual === undefined || ours.has(r.key)) continue;
    if (r.a1 !== undefined && a1Of && a1Of(actual).trim() !== r.a1.trim()) continue;
    ours.set(r.key, actual);
  }
  const taken = new Set(existing.map(key));
  taken.add(key(REGISTRY_SHEET));
  const assignments: SheetAssignment[] = [];
  const planKeys = new Set<string>();
  for (const s of plan.sheets) {
    planKeys.add(s.key);
    const mine = ours.get(s.key);
    if (mine !== undefined) {
      assignments.push({ key: s.key, name: mine, reuse: true });
      continue;
    }
    const name = nextFreeSheetName(s.name, taken);
    taken.add(key(name));
    assignments.push({ key: s.key, name, reuse: false });
  }
  const remove = [...ours.entries()].filter(([k]) => !planKeys.has(k)).map(([, n]) => n);
  return { assignments, remove };
}
