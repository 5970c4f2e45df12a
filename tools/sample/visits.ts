/**
 * Visits and their charge lines: office visits (99212–99215) with labs,
 * imaging, joint injections, biopsies and drug injections; preventive visits
 * by age (Medicare: G0439) with flu shots in season; lab-only and B-12
 * visits; chiropractic series; the odd cosmetic filler. Within a visit a code
 * appears once (bilateral joint injections use RT / LT+59), so a clean
 * sample has no duplicate charges and no units over the daily maximum.
 */
import { addDays, type Day } from '../../src/domain/day';
import { civilFromDays as civil } from '../../src/domain/day';
import type { Cents } from '../../src/domain/money';
import { CODE_BY_ID, DX } from './catalog';
import { newLine, type Person, type SLine } from './model';
import type { Rng } from './prng';

export interface VisitContext {
  readonly asOf: Day;
  /** Charge lines still to generate. */
  left: number;
  nextLineId: number;
  nextClaim: number;
  nextVisit: number;
}

interface Item { code: string; mods: readonly string[]; units: number; dx: readonly string[] }

const NO_MODS: readonly string[] = [];
const MOD_25: readonly string[] = ['25'];
const MOD_RT: readonly string[] = ['RT'];
const MOD_LT: readonly string[] = ['LT'];
const MOD_LT_59: readonly string[] = ['LT', '59'];
const MOD_26: readonly string[] = ['26'];
const MOD_AT: readonly string[] = ['AT'];
const EM_CODES = ['99212', '99213', '99214', '99215'] as const;
const EM_WEIGHTS = [15, 45, 32, 8];
const LAB_CODES = ['80053', '85025', '80061', '83036'] as const;

const VISIT_COUNT_WEIGHTS = [30, 30, 20, 12, 8];
// Visit kinds: office, preventive, lab only, B-12 injection, chiropractic (chiro patients only), cosmetic.
const KIND_WEIGHTS_ADULT = [62, 14, 10, 5, 0, 1.5];
const KIND_WEIGHTS_ADULT_SECONDARY = [62, 14, 10, 5, 0, 0];
const KIND_WEIGHTS_CHILD = [62, 14, 0, 0, 0, 0];
const CODES_BY_ID = CODE_BY_ID;

/** Clean lines fall in [asOf − 100, asOf − 20]: adjudicated, not near timely filing, not yet in collections. */
export const CLEAN_WINDOW = { oldest: 100, newest: 20 } as const;

const item = (code: string, dx: readonly string[], mods: readonly string[] = NO_MODS, units = 1): Item => ({ code, mods, units, dx });

function pickDx(rng: Rng, list: readonly string[], max: number): string[] {
  const n = rng.int(1, max);
  const out: string[] = [];
  for (let i = 0; i < n * 3 && out.length < n; i++) {
    const d = rng.pick(list);
    if (!out.includes(d)) out.push(d);
  }
  return out;
}

/** y·10000 + m·100 + d: whole years between two keys are (b − a) ÷ 10000, rounded down. */
function ymdKey(d: Day): number {
  const { y, m, d: dd } = civil(d);
  return y * 10000 + m * 100 + dd;
}

// Service dates repeat (a few hundred days), so their keys are cached.
const dayKeys = new Map<number, number>();
function dayKey(d: Day): number {
  let k = dayKeys.get(d);
  if (k === undefined) {
    k = ymdKey(d);
    if (dayKeys.size < 100_000) dayKeys.set(d, k);
  }
  return k;
}

/** Age in whole years on `dos` of someone whose birth-date key is `dobKey`. */
const ageOn = (dobKey: number, dos: Day): number => Math.floor((dayKey(dos) - dobKey) / 10000);

function preventiveCode(person: Person, dobKey: number, dos: Day): string {
  if (person.planKind === 'medicare') return 'G0439';
  const age = ageOn(dobKey, dos);
  if (age < 5) return '99392';
  if (age < 12) return '99393';
  if (age < 18) return '99394';
  if (age < 40) return '99395';
  if (age < 65) return '99396';
  return '99397';
}

function officeVisit(rng: Rng, dobKey: number, dos: Day): Item[] {
  const child = ageOn(dobKey, dos) < 18;
  const dx = child ? pickDx(rng, DX.acute, 2) : rng.chance(0.5) ? pickDx(rng, DX.acute, 2) : pickDx(rng, DX.chronic, 3);
  const em = EM_CODES[rng.weighted(EM_WEIGHTS)]!;
  const extras: Item[] = [];
  let procedure = false;
  if (!child && rng.chance(0.25)) {
    const labs = pickDx(rng, LAB_CODES, 3);
    const labDx = pickDx(rng, DX.lab, 2);
    for (const code of labs) extras.push(item(code, labDx));
    extras.push(item('36415', labDx));
  }
  if (rng.chance(0.1)) {
    if (rng.chance(0.5)) extras.push(item('71046', pickDx(rng, DX.chest, 2)));
    else extras.push(item('73030', pickDx(rng, DX.shoulder, 1), rng.chance(0.15) ? MOD_26 : rng.chance(0.5) ? MOD_RT : MOD_LT));
  }
  if (!child && rng.chance(0.09)) {
    procedure = true;
    if (rng.chance(0.6)) {
      const kneeDx = pickDx(rng, DX.knee, 1);
      if (rng.chance(0.2)) {
        extras.push(item('20610', kneeDx, MOD_RT), item('20610', kneeDx, MOD_LT_59));
      } else {
        extras.push(item('20610', kneeDx, rng.chance(0.5) ? MOD_RT : MOD_LT));
      }
    } else {
      extras.push(item('11102', pickDx(rng, DX.skin, 1)));
    }
  }
  if (!child && rng.chance(0.07)) {
    procedure = true;
    extras.push(item('J1100', pickDx(rng, DX.steroid, 1), NO_MODS, rng.int(4, 10)), item('96372', pickDx(rng, DX.steroid, 1)));
  }
  return [item(em, dx, procedure ? MOD_25 : NO_MODS), ...extras];
}

function preventiveVisit(rng: Rng, person: Person, dobKey: number, dos: Day): Item[] {
  const child = ageOn(dobKey, dos) < 18;
  const items = [item(preventiveCode(person, dobKey, dos), child ? DX.childWell : [rng.pick(DX.adultWell)])];
  const m = Math.floor(dayKey(dos) / 100) % 100;
  if ((m >= 9 && m <= 11) && rng.chance(0.55)) items.push(item('90686', DX.vaccine), item('90471', DX.vaccine));
  if (!child && rng.chance(0.45)) {
    items.push(item('80061', DX.adultWell.slice(0, 1)), item('85025', DX.adultWell.slice(0, 1)), item('36415', DX.adultWell.slice(0, 1)));
  }
  return items;
}

function visitItems(rng: Rng, person: Person, dobKey: number, dos: Day, kind: number): Item[] {
  switch (kind) {
    case 1: return preventiveVisit(rng, person, dobKey, dos);
    case 2: {
      const dx = pickDx(rng, DX.lab, 2);
      const labs = pickDx(rng, LAB_CODES, 2);
      return [...labs.map((code) => item(code, dx)), item('36415', dx)];
    }
    case 3: {
      const dx = [rng.pick(DX.b12)];
      return [item('J3420', dx), item('96372', dx)];
    }
    case 4: return [item('98940', pickDx(rng, DX.chiro, 2), person.planKind === 'medicare' ? MOD_AT : NO_MODS)];
    case 5: return [item('11950', DX.cosmetic)];
    default: return officeVisit(rng, dobKey, dos);
  }
}

/** Distinct visit days in the clean window, oldest first. */
function visitDays(rng: Rng, asOf: Day, n: number): Day[] {
  const span = CLEAN_WINDOW.oldest - CLEAN_WINDOW.newest;
  const picked: number[] = [];
  while (picked.length < n) {
    const k = rng.int(0, span);
    if (!picked.includes(k)) picked.push(k);
  }
  picked.sort((a, b) => a - b);
  const days = new Array<Day>(n);
  for (let i = 0; i < n; i++) days[i] = addDays(asOf, -CLEAN_WINDOW.oldest + picked[i]!);
  return days;
}

/** Adds the person's visits as lines, until the context's line budget runs out. */
export function addVisits(rng: Rng, person: Person, ctx: VisitContext): void {
  const dobKey = ymdKey(person.dob);
  const adultAge = ageOn(dobKey, ctx.asOf) >= 18;
  const count = person.chiro ? rng.int(3, 8) : 1 + rng.weighted(VISIT_COUNT_WEIGHTS);
  const kindWeights = !adultAge ? KIND_WEIGHTS_CHILD : person.secondary === null ? KIND_WEIGHTS_ADULT : KIND_WEIGHTS_ADULT_SECONDARY;
  const make = newLine; // one look-up per person, not per line (cross-module calls cost under tsx)
  const days = visitDays(rng, ctx.asOf, count);
  let hadPreventive = false;
  for (const dos of days) {
    if (ctx.left <= 0) return;
    let kind: number;
    if (person.chiro && rng.chance(0.85)) kind = 4;
    else {
      kind = rng.weighted(kindWeights);
      if (kind === 1 && hadPreventive) kind = 0;
    }
    if (kind === 1) hadPreventive = true;
    const visit = ctx.nextVisit++;
    const claim = person.planKind === 'self' ? null : ctx.nextClaim++;
    for (const it of visitItems(rng, person, dobKey, dos, kind)) {
      if (ctx.left <= 0) return;
      const info = CODES_BY_ID.get(it.code)!;
      const line = make(person, visit, dos, it.code, info.description, it.mods, it.units, it.dx, (info.charge * it.units) as Cents, ctx.nextLineId++);
      line.claimId = claim;
      line.postLag = rng.int(1, 5);
      person.lines.push(line);
      ctx.left--;
    }
  }
}
