/**
 * Visits and their charge lines: office visits (99212–99215) with labs,
 * imaging, joint injections, biopsies and drug injections; preventive visits
 * by age (Medicare: G0439) with flu shots in season; lab-only and B-12
 * visits; chiropractic series; the odd cosmetic filler. Within a visit a code
 * appears once (bilateral joint injections use RT / LT+59), so a clean
 * sample has no duplicate charges and no units over the daily maximum.
 */
import { addDays, ymd, type Day } from '../domain/day';
import { cents } from '../domain/money';
import { codeInfo, DX } from './catalog';
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

const ymdCache = new Map<number, { y: number; m: number; d: number }>();
function ymdOf(d: Day): { y: number; m: number; d: number } {
  let v = ymdCache.get(d);
  if (!v) {
    v = ymd(d);
    if (ymdCache.size < 100_000) ymdCache.set(d, v);
  }
  return v;
}

function ageOn(dob: Day, dos: Day): number {
  const a = ymdOf(dob);
  const b = ymdOf(dos);
  return b.y - a.y - (b.m < a.m || (b.m === a.m && b.d < a.d) ? 1 : 0);
}

function preventiveCode(person: Person, dos: Day): string {
  if (person.planKind === 'medicare') return 'G0439';
  const age = ageOn(person.dob, dos);
  if (age < 5) return '99392';
  if (age < 12) return '99393';
  if (age < 18) return '99394';
  if (age < 40) return '99395';
  if (age < 65) return '99396';
  return '99397';
}

function officeVisit(rng: Rng, person: Person, dos: Day): Item[] {
  const child = ageOn(person.dob, dos) < 18;
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

function preventiveVisit(rng: Rng, person: Person, dos: Day): Item[] {
  const child = ageOn(person.dob, dos) < 18;
  const items = [item(preventiveCode(person, dos), child ? DX.childWell : [rng.pick(DX.adultWell)])];
  const { m } = ymdOf(dos);
  if ((m >= 9 && m <= 11) && rng.chance(0.55)) items.push(item('90686', DX.vaccine), item('90471', DX.vaccine));
  if (!child && rng.chance(0.45)) {
    items.push(item('80061', DX.adultWell.slice(0, 1)), item('85025', DX.adultWell.slice(0, 1)), item('36415', DX.adultWell.slice(0, 1)));
  }
  return items;
}

function visitItems(rng: Rng, person: Person, dos: Day, kind: number): Item[] {
  switch (kind) {
    case 1: return preventiveVisit(rng, person, dos);
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
    default: return officeVisit(rng, person, dos);
  }
}

/** Distinct visit days in the clean window, oldest first. */
function visitDays(rng: Rng, asOf: Day, n: number): Day[] {
  const set = new Set<number>();
  const span = CLEAN_WINDOW.oldest - CLEAN_WINDOW.newest;
  while (set.size < n) set.add(rng.int(0, span));
  return [...set].sort((a, b) => a - b).map((k) => addDays(asOf, -CLEAN_WINDOW.oldest + k));
}

/** Adds the person's visits as lines, until the context's line budget runs out. */
export function addVisits(rng: Rng, person: Person, ctx: VisitContext): void {
  const adultAge = ageOn(person.dob, ctx.asOf) >= 18;
  const count = person.chiro ? rng.int(3, 8) : 1 + rng.weighted([30, 30, 20, 12, 8]);
  const days = visitDays(rng, ctx.asOf, count);
  let hadPreventive = false;
  for (const dos of days) {
    if (ctx.left <= 0) return;
    let kind: number;
    if (person.chiro && rng.chance(0.85)) kind = 4;
    else {
      kind = rng.weighted([62, 14, adultAge ? 10 : 0, adultAge ? 5 : 0, 0, adultAge && person.secondary === null ? 1.5 : 0]);
      if (kind === 1 && hadPreventive) kind = 0;
    }
    if (kind === 1) hadPreventive = true;
    const visit = ctx.nextVisit++;
    const claim = person.planKind === 'self' ? null : ctx.nextClaim++;
    for (const it of visitItems(rng, person, dos, kind)) {
      if (ctx.left <= 0) return;
      const info = codeInfo(it.code);
      const line = newLine(person, visit, dos, it.code, info.description, it.mods, it.units, it.dx, cents(info.charge * it.units), ctx.nextLineId++);
      line.claimId = claim;
      line.postLag = rng.int(1, 5);
      person.lines.push(line);
      ctx.left--;
    }
  }
}
