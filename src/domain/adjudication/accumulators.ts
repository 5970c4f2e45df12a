/**
 * Deductible and out-of-pocket accumulators (DESIGN §5.4, §5.7, §5.8).
 *
 * One `Accumulator` per member (account + plan) and one per family
 * (FamilyId + plan). Each holds the running totals of the plan year it is
 * in; entering another plan year starts it from what Coverage says was met
 * in that year before the ledger's first line in it, else from zero.
 */
import { add, type Cents } from '../money';
import type { Plan } from './plans';

/** What Coverage says was met in one plan year before the ledger's first line in it. */
interface StartingTotals {
  readonly planYear: number;
  deductibleMet: Cents;
  oopMet: Cents;
}

export class Accumulator {
  planYear: number | null = null;
  deductibleMet = 0 as Cents;
  oopMet = 0 as Cents;
  /**
   * What was met in a plan year before the ledger's first line in it (§5.8),
   * one entry per plan year given; null until a Coverage row gives one. A
   * member has one or two such years, so a short list is searched (a Map per
   * accumulator was a fifth of what the Coverage book kept at 1M lines).
   */
  private starts: StartingTotals[] | null = null;

  /** Move into `planYear`, starting from its starting totals when it is a new year. */
  enter(planYear: number): void {
    if (this.planYear === planYear) return;
    this.planYear = planYear;
    const start = this.startOf(planYear);
    this.deductibleMet = start?.deductibleMet ?? (0 as Cents);
    this.oopMet = start?.oopMet ?? (0 as Cents);
  }

  hasStart(planYear: number): boolean {
    return this.startOf(planYear) !== undefined;
  }

  /** Adds starting totals for `planYear` (a family sums its members'). */
  addStart(planYear: number, met: { readonly deductibleMet: Cents; readonly oopMet: Cents }): void {
    const had = this.startOf(planYear);
    if (had === undefined) {
      const start = { planYear, deductibleMet: met.deductibleMet, oopMet: met.oopMet };
      this.starts = this.starts === null ? [start] : [...this.starts, start];
    } else {
      had.deductibleMet = add(had.deductibleMet, met.deductibleMet);
      had.oopMet = add(had.oopMet, met.oopMet);
    }
  }

  private startOf(planYear: number): StartingTotals | undefined {
    return this.starts?.find((s) => s.planYear === planYear);
  }

  /** Step 7: the deductible grows by `deductible`, the out-of-pocket total by what the patient owes. */
  record(deductible: Cents, patient: Cents): void {
    this.deductibleMet = add(this.deductibleMet, deductible);
    this.oopMet = add(this.oopMet, patient);
  }
}

/** A member's accumulators under one plan: its own, and its family's (null: self-only coverage). */
export interface MemberAccumulators {
  readonly member: Accumulator;
  readonly family: Accumulator | null;
}

const left = (limit: Cents, met: Cents): Cents => (met >= limit ? 0 : limit - met) as Cents;

/**
 * Step 4: deductible still to meet. Self-only (no family): the individual
 * deductible. Embedded: the smaller of the member's and the family's
 * remainder. Aggregate: the family's remainder alone.
 */
export function remainingDeductible(plan: Plan, acc: MemberAccumulators): Cents {
  const individual = left(plan.config.deductibleIndividual, acc.member.deductibleMet);
  if (acc.family === null || plan.familyDeductible === null) return individual;
  const family = left(plan.familyDeductible, acc.family.deductibleMet);
  if (plan.aggregate) return family;
  return family < individual ? family : individual;
}

/** Step 6: out-of-pocket room left, the smaller of individual and family; null when the plan has no maximum. */
export function remainingOutOfPocket(plan: Plan, acc: MemberAccumulators): Cents | null {
  const { oopMaxIndividual, oopMaxFamily } = plan.config;
  const individual = oopMaxIndividual === null ? null : left(oopMaxIndividual, acc.member.oopMet);
  const family = acc.family === null || oopMaxFamily === null ? null : left(oopMaxFamily, acc.family.oopMet);
  if (individual === null) return family;
  if (family === null) return individual;
  return family < individual ? family : individual;
}

/** For the explanation: is it the family deductible that limits this member (after the line)? */
export function familyDeductibleBinds(plan: Plan, acc: MemberAccumulators): boolean {
  if (acc.family === null || plan.familyDeductible === null) return false;
  if (plan.aggregate) return true;
  return plan.familyDeductible - acc.family.deductibleMet < plan.config.deductibleIndividual - acc.member.deductibleMet;
}

/** For the explanation: is it the family out-of-pocket maximum that limits this member (after the line)? */
export function familyOopBinds(plan: Plan, acc: MemberAccumulators): boolean {
  const { oopMaxIndividual, oopMaxFamily } = plan.config;
  if (acc.family === null || oopMaxFamily === null) return false;
  if (oopMaxIndividual === null) return true;
  return oopMaxFamily - acc.family.oopMet < oopMaxIndividual - acc.member.oopMet;
}
