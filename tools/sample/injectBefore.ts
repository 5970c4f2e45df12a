/**
 * Problems that change what the payer adjudicated (units, allowed, dates,
 * claim state, duplicates) or take a row out of the analysis (junk, impossible
 * dates, 3-decimal money). They are applied before the oracle runs so the
 * expected shares of every other line already account for them.
 *
 * Where the engine's treatment of an injected line is open to reading
 * (pending, denied, duplicate, excluded, future-dated), the line is taken
 * from an "insensitive" account — copay-only HMO, Medicare with the
 * deductible met, or self-pay — whose shares cannot move any accumulator
 * another line depends on, nor depend on one.
 */
import { addDays, day, daysInMonth, ymd, type Day } from '../../src/domain/day';
import { cents } from '../../src/domain/money';
import { codeInfo } from './catalog';
import type { InjectedKind, Person, SampleField, SLine } from './model';
import type { SampleAdjudicator } from './adjudicate';
import type { Rng } from './prng';

export type BeforeKind =
  | 'UNITS_OVER_LIMIT' | 'ALLOWED_MISMATCH' | 'DATE_ERROR' | 'TIMELY_FILING_RISK' | 'DENIED_UNWORKED'
  | 'MISSING_MEMBER_ID' | 'DUPLICATE_CHARGE' | 'JUNK_CELL' | 'BAD_DATE' | 'MONEY_3_DECIMALS';

export const TIMELY_AGE = { min: 76, max: 84 } as const;
export const DENIED_AGE = { min: 40, max: 60 } as const;
const DENIAL_CODES = ['CO-16', 'CO-197', 'CO-50', 'CO-11', 'CO-4'] as const;
const JUNK = ['N/A', 'TBD', '#VALUE!', '$1O5.00', '12..50', 'see EOB', '??'] as const;

/** A line no injection or role has claimed yet. */
export const free = (l: SLine): boolean => !l.person.touched && l.injected === null && !l.reserved && !l.excluded && l.state === 'paid';

const insensitiveInsured = (p: Person): boolean => p.insensitive && p.planKind !== 'self';

/**
 * Up to `n` lines from `pool` satisfying `ok`, at random; probes first, then
 * sweeps (small samples). Lines `held` for this kind come first.
 */
export function chooseLines(rng: Rng, pool: readonly SLine[], n: number, ok: (l: SLine) => boolean, held: readonly SLine[] = []): SLine[] {
  const out: SLine[] = [];
  if (n <= 0) return out;
  const taken = new Set<SLine>();
  for (const l of held) {
    if (out.length < n && ok(l)) {
      taken.add(l);
      out.push(l);
    }
  }
  if (pool.length === 0) return out;
  const maxTries = n * 8 + 40;
  for (let t = 0; t < maxTries && out.length < n; t++) {
    const l = pool[rng.int(0, pool.length - 1)]!;
    if (!taken.has(l) && ok(l)) {
      taken.add(l);
      out.push(l);
    }
  }
  // Rare candidates: one sweep from a random start, so they are still found (and not always the first ones).
  const start = rng.int(0, pool.length - 1);
  for (let k = 0; k < pool.length && out.length < n; k++) {
    const l = pool[(start + k) % pool.length]!;
    if (!taken.has(l) && ok(l)) {
      taken.add(l);
      out.push(l);
    }
  }
  return out;
}

/** Lines set aside so that every kind gets at least one site even where its pool is small. */
export type Held = Map<InjectedKind, SLine[]>;

/** Takes the lines held for `kind` out of reserve. */
export function release(held: Held, kind: InjectedKind): SLine[] {
  const list = held.get(kind) ?? [];
  held.delete(kind);
  for (const l of list) l.reserved = false;
  return list;
}

/**
 * Holds one site per kind whose pool is narrow, scarcest first, before any
 * kind takes its share — so a 300-line sample still shows every rule.
 */
export function holdSites(rng: Rng, lines: readonly SLine[], kinds: ReadonlySet<InjectedKind>): Held {
  const held: Held = new Map();
  const specs: [InjectedKind, (l: SLine) => boolean][] = [
    ['TIMELY_FILING_RISK', (l) => l.person.planKind === 'hmo' && visitSize(l) === 1],
    ['INVALID_PROCEDURE_CODE', (l) => l.person.planKind === 'self'],
    ['DATE_ERROR', (l) => l.person.planKind === 'self' || l.person.planKind === 'hmo'],
    ['DENIED_UNWORKED', (l) => insensitiveInsured(l.person)],
    ['MISSING_MEMBER_ID', (l) => insensitiveInsured(l.person)],
    ['UNITS_OVER_LIMIT', (l) => l.person.planKind !== 'self' && codeInfo(l.code).maxUnitsPerDay !== null],
    ['DUPLICATE_CHARGE', (l) => l.person.insensitive && roomForCopy(l)],
    ['JUNK_CELL', (l) => l.person.insensitive],
    ['BAD_DATE', (l) => l.person.insensitive],
    ['MONEY_3_DECIMALS', (l) => l.person.insensitive],
  ];
  for (const [kind, ok] of specs) {
    if (!kinds.has(kind)) continue;
    const [l] = chooseLines(rng, lines, 1, (x) => free(x) && ok(x));
    if (!l) continue;
    l.reserved = true;
    held.set(kind, [l]);
  }
  return held;
}

/** Repeat-procedure and distinct-service modifiers make a same-day copy legitimate (not a duplicate). */
const DUPLICATE_EXEMPT = new Set(['76', '77', '91', '59', 'XE', 'XS', 'XP', 'XU']);

/**
 * A copy must be a plain duplicate: not one a modifier makes legitimate, and
 * not one that also pushes the day's units over MaxUnitsPerDay (that would
 * be UNITS_OVER_LIMIT too).
 */
function roomForCopy(l: SLine): boolean {
  if (l.modifiers.some((m) => DUPLICATE_EXEMPT.has(m))) return false;
  const max = codeInfo(l.code).maxUnitsPerDay;
  return max === null || 2 * l.units <= max;
}

function mark(l: SLine, kind: InjectedKind, field: SampleField): void {
  l.injected = kind;
  l.injectedField = field;
}

function visitSize(l: SLine): number {
  let n = 0;
  for (const o of l.person.lines) if (o.visit === l.visit) n++;
  return n;
}

/** Moving a line to `d` must not make it a duplicate of another line of the account. */
const canMoveTo = (l: SLine, d: Day): boolean => !l.person.lines.some((o) => o !== l && o.serviceDate === d && o.code === l.code);

function nextYear(d: Day): Day {
  const { y, m, d: dd } = ymd(d);
  return day(y + 1, m, Math.min(dd, daysInMonth(y + 1, m)));
}

function impossibleDate(rng: Rng, d: Day): string {
  const { y, m } = ymd(d);
  const mm = String(m).padStart(2, '0');
  switch (rng.int(0, 3)) {
    case 0: return `02/30/${y}`;
    case 1: return `${['04', '06', '09', '11'][rng.int(0, 3)]}/31/${y}`;
    case 2: return `13/${String(rng.int(1, 28)).padStart(2, '0')}/${y}`;
    default: return `${mm}/00/${y}`;
  }
}

export interface BeforeContext {
  readonly rng: Rng;
  readonly held: Held;
  readonly asOf: Day;
  readonly lines: readonly SLine[];
  readonly oracle: SampleAdjudicator;
  nextLineId: number;
  nextClaim: number;
}

/** Applies one kind `n` times (fewer when the sample has too few suitable lines). */
export function injectBefore(ctx: BeforeContext, kind: BeforeKind, n: number): void {
  const { rng, asOf, lines } = ctx;
  const mine = release(ctx.held, kind);
  const pick = (count: number, ok: (l: SLine) => boolean): SLine[] => chooseLines(rng, lines, count, ok, mine);
  switch (kind) {
    case 'UNITS_OVER_LIMIT':
      for (const l of pick(n, (x) => free(x) && x.payer !== null && x.person.planKind !== 'self' && codeInfo(x.code).maxUnitsPerDay !== null)) {
        const info = codeInfo(l.code);
        l.units = info.maxUnitsPerDay! + rng.int(1, 2);
        l.billed = cents(info.charge * l.units);
        mark(l, kind, 'units');
      }
      return;
    case 'ALLOWED_MISMATCH':
      for (const l of pick(n, (x) => {
        if (!free(x) || x.person.planKind === 'self') return false;
        const p = ctx.oracle.preview(x);
        return p !== null && p.covered && p.feeScheduleAllowed !== null && p.feeScheduleAllowed >= 1000;
      })) {
        const fee = ctx.oracle.preview(l)!.feeScheduleAllowed!;
        // The payer priced the line below contract (3–15 %, at least 2.00) — allowed differs, all else consistent.
        l.allowed = cents(fee - Math.max(200, Math.round((fee * rng.int(3, 15)) / 100)));
        mark(l, kind, 'allowed');
      }
      return;
    case 'DATE_ERROR':
      // A next-year typo in the date of service; the posting date keeps the real one.
      for (const l of pick(n, (x) => free(x) && (x.person.planKind === 'self' || x.person.planKind === 'hmo'))) {
        l.posting = addDays(l.serviceDate, l.postLag);
        l.serviceDate = nextYear(l.serviceDate);
        mark(l, kind, 'serviceDate');
      }
      return;
    case 'TIMELY_FILING_RISK':
    case 'DENIED_UNWORKED': {
      const timely = kind === 'TIMELY_FILING_RISK';
      // Timely filing: Aetna (90 days) only — Medicare's limit is a year. Denials: any insensitive insured line.
      const ok = (x: SLine): boolean => free(x) && (timely ? x.person.planKind === 'hmo' : insensitiveInsured(x.person));
      const single = pick(n, (x) => ok(x) && visitSize(x) === 1);
      const chosen = single.length < n ? [...single, ...pick(n - single.length, (x) => ok(x) && !single.includes(x))] : single;
      for (const l of chosen) {
        const age = timely ? rng.int(TIMELY_AGE.min, TIMELY_AGE.max) : rng.int(DENIED_AGE.min, DENIED_AGE.max);
        const d = addDays(asOf, -age);
        if (!canMoveTo(l, d)) continue;
        l.serviceDate = d;
        l.claimId = ctx.nextClaim++;
        if (timely) {
          l.state = rng.chance(0.3) ? 'pending-blank' : 'pending';
          mark(l, kind, 'serviceDate');
        } else {
          l.state = 'denied';
          l.postLag = rng.int(10, 18);
          l.denialCode = rng.pick(DENIAL_CODES);
          mark(l, kind, 'denialCode');
        }
      }
      return;
    }
    case 'MISSING_MEMBER_ID':
      // Missing everywhere a claim could take it from: the line and the account's Coverage rows
      // (the account's other lines still carry it on the ledger, so only this line is at fault).
      for (const l of pick(n, (x) => free(x) && insensitiveInsured(x.person))) {
        l.memberId = null;
        l.person.primary!.memberId = null;
        if (l.person.secondary) l.person.secondary.memberId = null;
        mark(l, kind, 'memberId');
      }
      return;
    case 'DUPLICATE_CHARGE':
      for (const l of pick(n, (x) => free(x) && x.person.insensitive && roomForCopy(x))) {
        l.reserved = true;
        const copy: SLine = { ...l, lineId: ctx.nextLineId++, duplicateOf: l, reserved: false };
        mark(copy, kind, 'billed');
        const list = l.person.lines;
        list.splice(list.indexOf(l) + 1, 0, copy);
      }
      return;
    case 'JUNK_CELL':
    case 'BAD_DATE':
    case 'MONEY_3_DECIMALS':
      for (const l of pick(n, (x) => free(x) && x.person.insensitive)) {
        l.excluded = true;
        if (kind === 'JUNK_CELL') {
          l.override = { field: 'billed', value: rng.pick(JUNK) };
          mark(l, kind, 'billed');
        } else if (kind === 'BAD_DATE') {
          l.override = { field: 'serviceDate', value: impossibleDate(rng, l.serviceDate) };
          mark(l, kind, 'serviceDate');
        } else {
          // e.g. a unit price with a tenth of a cent carried into the charge: 165.004
          l.override = { field: 'billed', value: (l.billed * 10 + rng.int(1, 9)) / 1000 };
          mark(l, kind, 'billed');
        }
      }
      return;
  }
}
