/**
 * Deductible and out-of-pocket accumulators (DESIGN §5.4, §5.7, §5.8).
 *
 * One `Accumulator` per member (account + plan: the Coverage row's member)
 * and one per family (FamilyId + plan). Each holds the running totals for the
 * plan year it is in; entering another plan year resets it to what Coverage
 * says was met before the ledger's first line in that year, else to zero.
 */
import type { PlanConfig } from '../config';
import * as money from '../money';
import type { Cents } from '../money';
import type { Day } from '../day';
import * as planYears from './planYear';

// Hot path: bind imported functions once. tsx/esbuild compile each use of a named import to a
// getter call on the module object (~20 ns a call, measured in bench/adjudicate.ts's runner).
const { ZERO, add } = money;

/**
 * "None yet" markers. Small integers rather than NaN: V8 stores a field that
 * only ever holds small integers in place, while one NaN makes it a double
 * field, boxed in a heap number of its own — four per accumulator, and
 * there are one or two accumulators per Coverage row.
 */
const NO_YEAR = -2147483648;

export class Accumulator {
  /** The Coverage seed group this member's rows belong to (CoverageLookup notes a member in two). */
  group: object | null = null;
  // The running state, set by `reset` (its one definition).
  planYear!: number;
  deductibleMet!: Cents;
  oopMet!: Cents;
  /**
   * Met before the ledger's first line in a plan year (from Coverage, §5.8):
   * one year in fields — a Coverage export is one snapshot, so nearly every
   * member has one — and any further years in a map. (A Map per member was
   * most of what building the coverage index allocated.)
   */
  private startYear!: number;
  private startDeductible!: Cents;
  private startOop!: Cents;
  private moreStarts!: Map<number, { deductibleMet: Cents; oopMet: Cents }> | null;
  /** Days [yearFrom, yearTo) of `planYear` (an empty range: not known). */
  private yearFrom!: number;
  private yearTo!: number;

  constructor() {
    this.reset();
  }

  /** Back to its state before any line, without starting totals (CoverageLookup.resetComponent places them again). */
  reset(): void {
    this.planYear = NO_YEAR;
    this.deductibleMet = ZERO;
    this.oopMet = ZERO;
    this.startYear = NO_YEAR;
    this.startDeductible = ZERO;
    this.startOop = ZERO;
    this.moreStarts = null;
    this.yearFrom = 1;
    this.yearTo = 0;
  }

  /** Enter the plan year of `d` under the plan's `years`; usually two comparisons. */
  enterDay(d: Day, years: planYears.PlanYears): void {
    if (d >= this.yearFrom && d < this.yearTo) return;
    const py = years.yearOf(d);
    this.enter(py);
    const from = years.startOf(py);
    const to = years.startOf(py + 1);
    // Keep the range only when it provably brackets d (it always does for a valid start).
    const ok = d >= from && d < to;
    this.yearFrom = ok ? from : 1;
    this.yearTo = ok ? to : 0;
  }

  enter(planYear: number): void {
    if (this.planYear === planYear) return;
    this.planYear = planYear;
    this.yearFrom = 1;
    this.yearTo = 0;
    if (planYear === this.startYear) {
      this.deductibleMet = this.startDeductible;
      this.oopMet = this.startOop;
      return;
    }
    const s = this.moreStarts === null ? undefined : this.moreStarts.get(planYear);
    this.deductibleMet = s === undefined ? ZERO : s.deductibleMet;
    this.oopMet = s === undefined ? ZERO : s.oopMet;
  }

  /** Whether starting totals were given for `planYear`. */
  hasStart(planYear: number): boolean {
    return planYear === this.startYear || (this.moreStarts !== null && this.moreStarts.has(planYear));
  }

  /** Adds starting totals for `planYear` (a family sums its members'). */
  addStart(planYear: number, deductibleMet: Cents, oopMet: Cents): void {
    const none = this.startYear === NO_YEAR;
    if (none || planYear === this.startYear) {
      this.startDeductible = add(none ? ZERO : this.startDeductible, deductibleMet);
      this.startOop = add(none ? ZERO : this.startOop, oopMet);
      this.startYear = planYear;
      return;
    }
    const m = this.moreStarts ?? (this.moreStarts = new Map());
    const had = m.get(planYear);
    m.set(planYear, had === undefined ? { deductibleMet, oopMet } : { deductibleMet: add(had.deductibleMet, deductibleMet), oopMet: add(had.oopMet, oopMet) });
  }

  record(deductible: Cents, patient: Cents): void {
    this.deductibleMet = add(this.deductibleMet, deductible);
    this.oopMet = add(this.oopMet, patient);
  }
}

const left = (limit: Cents, met: Cents): Cents => (met >= limit ? ZERO : ((limit - met) as Cents));

/**
 * A plan's limits as the rules below read them, worked out once per plan:
 * the hot path then compares no strings (Embedded/Aggregate) per line.
 */
export interface PlanLimits {
  readonly deductibleIndividual: Cents;
  /** The family deductible in force (familyDeductibleLimit). */
  readonly deductibleFamily: Cents | null;
  readonly aggregate: boolean;
  readonly oopMaxIndividual: Cents | null;
  readonly oopMaxFamily: Cents | null;
}

export function planLimits(plan: PlanConfig): PlanLimits {
  return {
    deductibleIndividual: plan.deductibleIndividual,
    deductibleFamily: familyDeductibleLimit(plan),
    aggregate: plan.deductibleType === 'Aggregate',
    oopMaxIndividual: plan.oopMaxIndividual,
    oopMaxFamily: plan.oopMaxFamily,
  };
}

/**
 * Deductible still to meet. Self-only (no family): the individual deductible.
 * Embedded: the smaller of the member's and the family's remainder.
 * Aggregate: the family's remainder alone (a plan with no family deductible
 * falls back to the individual amount as the family's).
 */
export function remainingDeductible(plan: PlanLimits, member: Accumulator, family: Accumulator | null): Cents {
  if (family === null) return left(plan.deductibleIndividual, member.deductibleMet);
  const famLimit = plan.deductibleFamily;
  if (plan.aggregate) return left(famLimit!, family.deductibleMet);
  const ind = left(plan.deductibleIndividual, member.deductibleMet);
  if (famLimit === null) return ind;
  const fam = left(famLimit, family.deductibleMet);
  return fam < ind ? fam : ind;
}

/** The family deductible in force: Aggregate falls back to the individual amount; Embedded may have none. */
export function familyDeductibleLimit(plan: PlanConfig): Cents | null {
  return plan.deductibleType === 'Aggregate' ? plan.deductibleFamily ?? plan.deductibleIndividual : plan.deductibleFamily;
}

/** For the explanation: is it the family deductible that limits this member (after the line)? */
export function familyDeductibleBinds(plan: PlanLimits, member: Accumulator, family: Accumulator | null): boolean {
  if (family === null) return false;
  const famLimit = plan.deductibleFamily;
  if (famLimit === null) return false;
  if (plan.aggregate) return true;
  return famLimit - family.deductibleMet < plan.deductibleIndividual - member.deductibleMet;
}

/** For the explanation: is it the family out-of-pocket maximum that limits this member (after the line)? */
export function familyOopBinds(plan: PlanLimits, member: Accumulator, family: Accumulator | null): boolean {
  if (family === null || plan.oopMaxFamily === null) return false;
  if (plan.oopMaxIndividual === null) return true;
  return plan.oopMaxFamily - family.oopMet < plan.oopMaxIndividual - member.oopMet;
}

/** Out-of-pocket room left: min of individual and family; Infinity when the plan has no maximum. */
export function remainingOop(plan: PlanLimits, member: Accumulator, family: Accumulator | null): number {
  let r = plan.oopMaxIndividual === null ? Number.POSITIVE_INFINITY : left(plan.oopMaxIndividual, member.oopMet);
  if (family !== null && plan.oopMaxFamily !== null) {
    const f = left(plan.oopMaxFamily, family.oopMet);
    if (f < r) r = f;
  }
  return r;
}
