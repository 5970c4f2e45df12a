/**
 * Which fields one header cell could be, best first. Ranks decide between
 * columns competing for a field: an exact, early-listed synonym ("Account")
 * beats a later one ("MRN"), which beats a generic word ("Date"), which beats
 * a fallback reading ("Insurance Paid Amt" → "insurancepaid").
 *
 * The fallback only strips noise words at the ends and retries the exact
 * table; it never matches on "contains", which is how "Payment Plan" would
 * become a plan id or "Insurance Balance" a payer.
 */
import { MERGED_FIELDS, SYNONYMS, WEAK, numberedField, type MappedField } from './synonyms';

export interface HeaderCandidate {
  readonly field: MappedField;
  /** Lower is better. */
  readonly rank: number;
}

const TIER_EXACT = 0;
const TIER_NUMBERED = 1000;
const TIER_WEAK = 2000;
const TIER_FALLBACK = 3000;

const RANK_IN_FIELD: ReadonlyMap<string, { field: MappedField; index: number }> = (() => {
  const m = new Map<string, { field: MappedField; index: number }>();
  for (const [field, names] of Object.entries(SYNONYMS) as [MappedField, readonly string[]][]) {
    names.forEach((n, index) => {
      if (!m.has(n)) m.set(n, { field, index });
    });
  }
  return m;
})();

/** Money words: stripping one may only yield a money field ("Line Total" is not a line id). */
const MONEY_SUFFIXES = ['amount', 'amt', 'total', 'usd', 'dollars', 'value'];
const MONEY_PREFIXES = ['total'];
const PLAIN_PREFIXES = ['line', 'service', 'svc', 'current', 'claim'];
const MONEY_FIELDS: ReadonlySet<MappedField> = new Set<MappedField>([
  'billed', 'allowed', 'insurerPaid', 'secondaryPaid', 'patientPaid', 'adjustment', 'balance', 'amount',
]);

const onlyMoney = (c: HeaderCandidate[]): HeaderCandidate[] => c.filter((x) => MONEY_FIELDS.has(x.field));

function exactCandidates(norm: string, tierShift: number): HeaderCandidate[] {
  const weak = WEAK.get(norm);
  if (weak) return weak.map((field, i) => ({ field, rank: TIER_WEAK + tierShift + i * 100 }));
  const hit = RANK_IN_FIELD.get(norm);
  if (hit) return [{ field: hit.field, rank: TIER_EXACT + tierShift + hit.index }];
  const numbered = numberedField(norm);
  if (numbered && MERGED_FIELDS.has(numbered)) return [{ field: numbered, rank: TIER_NUMBERED + tierShift }];
  return [];
}

export function headerCandidates(norm: string): HeaderCandidate[] {
  if (norm.length === 0) return [];
  const direct = exactCandidates(norm, 0);
  if (direct.length > 0) return direct;
  for (const suf of MONEY_SUFFIXES) {
    if (norm.length > suf.length + 1 && norm.endsWith(suf)) {
      const c = onlyMoney(exactCandidates(norm.slice(0, -suf.length), TIER_FALLBACK));
      if (c.length > 0) return c;
    }
  }
  for (const pre of MONEY_PREFIXES) {
    if (norm.length > pre.length + 1 && norm.startsWith(pre)) {
      const c = onlyMoney(exactCandidates(norm.slice(pre.length), TIER_FALLBACK));
      if (c.length > 0) return c;
    }
  }
  for (const pre of PLAIN_PREFIXES) {
    if (norm.length > pre.length + 1 && norm.startsWith(pre)) {
      const c = exactCandidates(norm.slice(pre.length), TIER_FALLBACK);
      if (c.length > 0) return c;
    }
  }
  return [];
}
