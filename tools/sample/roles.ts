/**
 * Account-level situations, decided before adjudication because they move
 * dates or end coverage: patients on a payment plan with old balances
 * (clean), collections candidates, credit balances, coverage that ended
 * before the last visit. Each problem account gets no other injection, so
 * its account-level finding is the only one it can raise.
 */
import { addDays, type Day } from '../../src/domain/day';
import type { Person, SLine } from './model';
import type { Rng } from './prng';

/** Days an old visit is moved back: the clean window (20–100 days) becomes 125–205 days. */
export const OLD_SHIFT = 105;
/**
 * Collections accounts move further back: DESIGN §8 counts CollectionsDays
 * (120) from when the patient balance arose — the insurer's posting, which a
 * transaction export dates up to 34 days after the visit.
 */
export const COLLECTIONS_SHIFT = 150;
/** A visit this recent is pending with no timely-filing risk. */
export const RECENT_DAYS = 40;

export function lastVisit(p: Person): SLine[] {
  const lines = p.lines;
  if (lines.length === 0) return [];
  const last = lines[lines.length - 1]!.serviceDate;
  return lines.filter((l) => l.serviceDate === last);
}

function shift(lines: readonly SLine[], days: number): void {
  for (const l of lines) l.serviceDate = addDays(l.serviceDate, -days);
}

/** Up to `n` distinct persons satisfying `ok`, chosen at random. */
export function choosePersons(rng: Rng, persons: readonly Person[], n: number, ok: (p: Person) => boolean): Person[] {
  const out: Person[] = [];
  if (n <= 0 || persons.length === 0) return out;
  const tried = new Set<number>();
  const maxTries = n * 8 + 40;
  for (let t = 0; t < maxTries && out.length < n && tried.size < persons.length; t++) {
    const i = rng.int(0, persons.length - 1);
    if (tried.has(i)) continue;
    tried.add(i);
    const p = persons[i]!;
    if (ok(p)) out.push(p);
  }
  if (out.length < n) {
    // Small populations: sweep the rest in order so rare candidates are not missed.
    for (let i = 0; i < persons.length && out.length < n; i++) {
      if (tried.has(i)) continue;
      const p = persons[i]!;
      if (ok(p)) out.push(p);
    }
  }
  return out;
}

const available = (p: Person): boolean =>
  p.role === 'normal' && !p.touched && p.lines.length > 0 && !p.lines.some((l) => l.reserved);
const singleLastVisit = (p: Person): boolean => lastVisit(p).length === 1;

export interface RoleCounts {
  readonly planOld: number;
  readonly collections: number;
  readonly credit: number;
  /** Lines (not accounts) wanted for NO_COVERAGE_ON_DOS. */
  readonly noCoverageLines: number;
}

export interface Roles {
  readonly collections: Person[];
  readonly credit: Person[];
  readonly noCoverage: SLine[];
}

export function assignRoles(rng: Rng, persons: readonly Person[], asOf: Day, counts: RoleCounts): Roles {
  // Clean realism: a few patients on a payment plan still owe for visits 4–7 months old.
  for (const p of choosePersons(rng, persons, counts.planOld, (x) => available(x) && x.lines.length >= 2)) {
    p.role = 'planOld';
    p.onPaymentPlan = true;
    const first = p.lines[0]!.serviceDate;
    shift(p.lines.filter((l) => l.serviceDate === first), OLD_SHIFT);
  }

  const collections = choosePersons(rng, persons, counts.collections, (p) =>
    available(p) && !p.onPaymentPlan && singleLastVisit(p)
    && (p.planKind === 'self' || (p.planKind === 'hmo' && p.lines.some((l) => /^9921[2-5]$/.test(l.code)))));
  for (const p of collections) {
    p.role = 'collections';
    p.touched = true;
    shift(p.lines, COLLECTIONS_SHIFT);
  }

  const credit = choosePersons(rng, persons, counts.credit, (p) => available(p) && singleLastVisit(p));
  for (const p of credit) {
    p.role = 'credit';
    p.touched = true;
  }

  const noCoverage: SLine[] = [];
  const recent = addDays(asOf, -RECENT_DAYS);
  const nocovPeople = choosePersons(rng, persons, counts.noCoverageLines, (p) => {
    if (noCoverage.length >= counts.noCoverageLines) return false;
    if (!available(p) || p.primary === null) return false;
    const last = lastVisit(p);
    if (last[0]!.serviceDate < recent) return false;
    noCoverage.push(...last);
    return true;
  });
  for (const p of nocovPeople) {
    p.role = 'nocov';
    p.touched = true;
    const last = lastVisit(p);
    const lastDay = last[0]!.serviceDate;
    const before = p.lines.length > last.length ? p.lines[p.lines.length - last.length - 1]!.serviceDate : addDays(lastDay, -30);
    // Coverage ends between the previous visit (still covered) and the last one.
    const end = addDays(lastDay, -rng.int(1, Math.max(1, lastDay - before)));
    p.primary!.effectiveTo = end;
    if (p.secondary) p.secondary.effectiveTo = end;
    for (const l of last) {
      l.state = 'pending';
      l.injected = 'NO_COVERAGE_ON_DOS';
      // The payer cell: billing that payer is what has to change (DESIGN §7 leaves the cell to the rule).
      l.injectedField = 'payer';
    }
  }
  return { collections, credit, noCoverage };
}
