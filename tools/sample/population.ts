/**
 * Households and their coverage: single members and families (a FamilyId
 * shared by 2–4 accounts on one plan), Medicare members (some with a Medigap
 * secondary), PPO members with a spouse's HMO as secondary, self-pay
 * patients. Starting accumulators are realistic and never exceed the limits.
 */
import { addDays, type Day } from '../../src/domain/day';
import { civilFromDays as civil, daysFromCivil } from '../../src/domain/day';
import { cents, type Cents } from '../../src/domain/money';
import { planById, type PlanKind } from './catalog';
import { CALL_TIMES, CONTACTS, FIRST_FEMALE, FIRST_MALE, LAST, STREETS, TOWNS } from './names';
import type { CoverageDraft, Person } from './model';
import type { Rng } from './prng';

export interface PopulationContext {
  readonly asOf: Day;
  nextAccount: number;
  nextFamily: number;
  readonly persons: Person[];
}

export type HouseholdKind = 'self' | 'medicare' | 'hmo' | 'hmoFam' | 'hdhp' | 'hdhpFam' | 'ppo' | 'ppoFam' | 'oap' | 'oapFam';
const HOUSEHOLD_KINDS: readonly HouseholdKind[] = ['self', 'medicare', 'hmo', 'hmoFam', 'hdhp', 'hdhpFam', 'ppo', 'ppoFam', 'oap', 'oapFam'];
const HOUSEHOLD_WEIGHTS = [9, 16, 12, 12, 6, 7, 8, 8, 5, 5];

const PLAN_OF: Record<Exclude<PlanKind, 'medigap'>, string> = {
  hmo: 'AET-HMO', hdhp: 'BCBS-HDHP', ppo: 'UHC-PPO', oap: 'CIG-OAP', medicare: 'MCR-B',
};

/** `n` random digits (n ≤ 9), leading zeros kept. */
const digits = (rng: Rng, n: number): string => String(rng.int(0, 10 ** n - 1)).padStart(n, '0');

const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
/** A Medicare Beneficiary Identifier in the CMS shape (11 characters). */
function mbi(rng: Rng): string {
  const L = (): string => MBI_LETTERS[rng.int(0, MBI_LETTERS.length - 1)]!;
  const A = (): string => (rng.chance(0.5) ? L() : String(rng.int(0, 9)));
  return `${rng.int(1, 9)}${L()}${A()}${rng.int(0, 9)}${L()}${A()}${rng.int(0, 9)}${L()}${L()}${rng.int(0, 9)}${rng.int(0, 9)}`;
}

function subscriberId(rng: Rng, kind: PlanKind): string {
  switch (kind) {
    case 'hmo': return `W${digits(rng, 9)}`;
    case 'hdhp': return `XOF${digits(rng, 9)}`;
    case 'ppo': return digits(rng, 9);
    case 'oap': return `U${digits(rng, 8)}`;
    case 'medicare': return mbi(rng);
    case 'medigap': return `${digits(rng, 9)}11`;
  }
}

/** A date of birth giving an age in [minAge, maxAge] on `asOf`. */
function dobForAge(rng: Rng, asOf: Day, minAge: number, maxAge: number): Day {
  const age = rng.int(minAge, maxAge);
  return addDays(asOf, -(age * 365 + Math.floor(age / 4) + rng.int(30, 330)));
}

const dollars = (n: number): Cents => cents(n * 100);

/** Deductible met so far this plan year: none, part, or all of it. */
function metAmount(rng: Rng, limit: Cents): Cents {
  const r = rng.next();
  if (limit === 0 || r < 0.35) return cents(0);
  if (r < 0.8) return cents(rng.int(1, Math.floor(limit / 100) - 1) * 100 + rng.int(0, 99));
  return limit;
}

interface MemberSpec { first: string; last: string; dob: Day }
/** Adds one household (a random kind unless `forced`) and returns its members. */
export function addHousehold(rng: Rng, ctx: PopulationContext, forced?: HouseholdKind): Person[] {
  const kind = forced ?? HOUSEHOLD_KINDS[rng.weighted(HOUSEHOLD_WEIGHTS)]!;
  const family = kind.endsWith('Fam');
  const planKind: PlanKind | 'self' = kind === 'self' ? 'self' : (kind.replace('Fam', '') as PlanKind);
  const last = rng.pick(LAST);
  const members: MemberSpec[] = [];
  if (kind === 'medicare') {
    members.push({ first: rng.chance(0.5) ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE), last, dob: dobForAge(rng, ctx.asOf, 66, 91) });
  } else if (!family) {
    members.push({ first: rng.chance(0.5) ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE), last, dob: dobForAge(rng, ctx.asOf, 19, 63) });
  } else {
    const size = rng.int(2, 4);
    const parentAge = rng.int(28, 55);
    members.push({ first: rng.pick(FIRST_FEMALE), last, dob: dobForAge(rng, ctx.asOf, parentAge, parentAge + 3) });
    if (size >= 3 || rng.chance(0.5)) members.push({ first: rng.pick(FIRST_MALE), last, dob: dobForAge(rng, ctx.asOf, parentAge - 2, parentAge + 4) });
    while (members.length < size) {
      members.push({ first: rng.chance(0.5) ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE), last, dob: dobForAge(rng, ctx.asOf, 2, 17) });
    }
  }

  const [city, zip] = rng.pick(TOWNS);
  const address1 = `${rng.int(100, 4999)} ${rng.pick(STREETS)}`;
  const address2 = rng.chance(0.15) ? `Apt ${rng.int(1, 24)}${rng.chance(0.3) ? 'B' : ''}` : null;
  const householdSize = members.length + (family ? 0 : rng.weighted([60, 25, 10, 5]));
  const income: Cents | null = rng.chance(0.15) ? null : dollars(rng.int(9, 140) * 100 + (rng.chance(0.3) ? rng.int(1, 99) : 0));
  const familyId = family ? `F${String(ctx.nextFamily++).padStart(5, '0')}` : null;
  const covAsOf = addDays(ctx.asOf, -200 + rng.int(0, 30));
  const baseId = planKind === 'self' ? '' : subscriberId(rng, planKind);
  const plan = planKind === 'self' ? null : planById(PLAN_OF[planKind as Exclude<PlanKind, 'medigap'>]);

  // Family deductible/OOP met so far never exceed the family limits.
  let famDedLeft: number = plan?.deductibleFamily ?? Number.MAX_SAFE_INTEGER;
  let famOopLeft: number = (plan?.oopMaxFamily ?? Number.MAX_SAFE_INTEGER) - 1;

  const people: Person[] = [];
  members.forEach((spec, k) => {
    ctx.nextAccount += rng.int(1, 9);
    const account = String(ctx.nextAccount);
    let primary: CoverageDraft | null = null;
    let secondary: CoverageDraft | null = null;
    let dedMet = cents(0);
    if (plan) {
      dedMet = metAmount(rng, plan.deductibleIndividual);
      if (plan.kind === 'medicare') dedMet = rng.chance(0.7) ? plan.deductibleIndividual : dedMet;
      if (plan.kind === 'hdhp' && familyId) dedMet = cents(Math.min(dedMet, famDedLeft));
      famDedLeft -= dedMet;
      const extra = plan.kind === 'hmo' ? rng.int(0, 300) * 100 : dedMet >= plan.deductibleIndividual ? rng.int(0, 900) * 100 : rng.int(0, 150) * 100;
      let oopMet = dedMet + extra;
      if (plan.oopMaxIndividual !== null) oopMet = Math.min(oopMet, plan.oopMaxIndividual - 100);
      if (familyId) oopMet = Math.min(oopMet, Math.max(dedMet, famOopLeft));
      famOopLeft -= oopMet;
      primary = {
        account, planId: plan.planId, memberId: familyId ? `${baseId}0${k + 1}` : baseId, familyId, priority: 'Primary',
        effectiveFrom: effectiveFrom(rng, plan.kind, spec.dob, plan.yearStartMonth, ctx.asOf), effectiveTo: null,
        deductibleMet: dedMet, oopMet: cents(oopMet), asOf: covAsOf, row: 0,
      };
      // A known future termination (never on the HMO: its lines may carry a next-year date typo).
      if (plan.kind !== 'hmo' && rng.chance(0.1)) primary.effectiveTo = lastDayOfYear(ctx.asOf);
      // Secondary coverage: Medigap for Medicare; a spouse's HMO behind some UnitedHealthcare members.
      const secPlanId = plan.kind === 'medicare' && rng.chance(0.4) ? 'UHC-MSF' : plan.kind === 'ppo' && k < 2 && rng.chance(0.15) ? 'AET-HMO' : null;
      if (secPlanId) {
        const secKind = planById(secPlanId).kind;
        secondary = {
          account, planId: secPlanId, memberId: subscriberId(rng, secKind), familyId: null, priority: 'Secondary',
          effectiveFrom: primary.effectiveFrom, effectiveTo: null, deductibleMet: cents(0),
          oopMet: cents(secKind === 'hmo' ? rng.int(0, 100) * 100 : 0), asOf: covAsOf, row: 0,
        };
      }
    }
    const insensitive = planKind === 'self' || planKind === 'hmo'
      || (planKind === 'medicare' && plan !== null && dedMet === plan.deductibleIndividual);
    const person: Person = {
      index: ctx.persons.length, account, first: spec.first, last: spec.last, ledgerName: `${spec.last}, ${spec.first}`,
      dob: spec.dob, address1, address2, city, zip, monthlyIncome: income, householdSize,
      onPaymentPlan: rng.chance(0.04), preferredContact: rng.pick(CONTACTS), bestTimeToCall: rng.pick(CALL_TIMES),
      planKind, payer: plan ? plan.payer : rng.chance(0.7) ? 'Self Pay' : null, primary, secondary, familyId, role: 'normal',
      insensitive, chiro: k < 2 && rng.chance(0.07), lines: [], touched: false,
    };
    ctx.persons.push(person);
    people.push(person);
  });
  return people;
}

/**
 * Coverage starts on a plan-year start well before the oldest line the
 * sample can hold (asOf − 215), so every clean line is covered; Medicare
 * starts in the month of the 65th birthday (members are 66 or older).
 */
function effectiveFrom(rng: Rng, kind: PlanKind, dob: Day, yearStartMonth: number, asOf: Day): Day {
  if (kind === 'medicare') {
    const { y, m } = civil(dob);
    return daysFromCivil(y + 65, m, 1);
  }
  const limit = addDays(asOf, -220);
  let year = civil(limit).y - rng.pick(YEARS_BACK);
  while (daysFromCivil(year, yearStartMonth, 1) > limit) year--;
  return daysFromCivil(year, yearStartMonth, 1);
}

const YEARS_BACK = [0, 0, 1, 2, 3];

function lastDayOfYear(d: Day): Day {
  return daysFromCivil(civil(d).y, 12, 31);
}
