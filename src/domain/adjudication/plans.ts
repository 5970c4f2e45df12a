/**
 * The Plans and Benefits sheets (DESIGN §4), looked up by PlanId or payer.
 * A category with no Benefits row is covered, no copay, deductible applies,
 * the plan's coinsurance.
 */
import type { BenefitConfig, Config, PlanConfig } from '../config';
import { categoryKey } from '../config';
import { nameKey } from '../nameKeys';
import type { Cents } from '../money';
import type { AppliedBenefit } from '../shareTypes';

/** A plan and how the cost-sharing rule reads its limits. */
export interface Plan {
  readonly config: PlanConfig;
  readonly planKey: string;
  readonly payerKey: string;
  /** The family deductible in force: Aggregate falls back to the individual amount; Embedded may have none. */
  readonly familyDeductible: Cents | null;
  readonly aggregate: boolean;
  /** PlanYearStart as month and day. */
  readonly yearStart: { readonly month: number; readonly day: number };
}

export class PlanBook {
  private readonly byPlanKey = new Map<string, Plan>();
  private readonly byPayerKey = new Map<string, Plan[]>();
  /** planKey → categoryKey → the first Benefits row. */
  private readonly benefits = new Map<string, Map<string, BenefitConfig>>();
  /** Each plan's benefit per category, worked out once and shared by the lines it applies to. */
  private readonly applied = new Map<Plan, Map<string, AppliedBenefit>>();

  constructor(config: Config) {
    for (const p of config.plans) {
      const planKey = nameKey(p.planId);
      if (planKey === '' || this.byPlanKey.has(planKey)) continue; // the first row wins
      const aggregate = p.deductibleType === 'Aggregate';
      const plan: Plan = {
        config: p,
        planKey,
        payerKey: nameKey(p.payer),
        aggregate,
        familyDeductible: aggregate ? p.deductibleFamily ?? p.deductibleIndividual : p.deductibleFamily,
        yearStart: { month: p.yearStartMonth, day: p.yearStartDay },
      };
      this.byPlanKey.set(planKey, plan);
      const samePayer = this.byPayerKey.get(plan.payerKey) ?? [];
      samePayer.push(plan);
      this.byPayerKey.set(plan.payerKey, samePayer);
    }
    for (const b of config.benefits) {
      const planKey = nameKey(b.planId);
      const byCategory = this.benefits.get(planKey) ?? new Map<string, BenefitConfig>();
      const key = categoryKey(b.category);
      if (!byCategory.has(key)) byCategory.set(key, b);
      this.benefits.set(planKey, byCategory);
    }
  }

  get size(): number {
    return this.byPlanKey.size;
  }

  /** The plan with this PlanId's nameKey; null when the Plans sheet has none. */
  byKey(planKey: string): Plan | null {
    return this.byPlanKey.get(planKey) ?? null;
  }

  /** The one plan whose Payer has this nameKey; null when none or several (the line then cannot say which). */
  onlyPlanOfPayer(payerKey: string): Plan | null {
    const plans = this.byPayerKey.get(payerKey);
    return plans !== undefined && plans.length === 1 ? plans[0]! : null;
  }

  /** The benefit the plan applies to a category (its Benefits row, else §4's default). */
  benefitFor(plan: Plan, category: string): AppliedBenefit {
    let byCategory = this.applied.get(plan);
    if (byCategory === undefined) this.applied.set(plan, (byCategory = new Map()));
    let benefit = byCategory.get(category);
    if (benefit === undefined) byCategory.set(category, (benefit = this.resolveBenefit(plan, category)));
    return benefit;
  }

  private resolveBenefit(plan: Plan, category: string): AppliedBenefit {
    const row = this.benefits.get(plan.planKey)?.get(categoryKey(category));
    if (row === undefined) {
      return {
        planId: plan.config.planId, category, covered: true, copay: 0 as Cents, deductibleApplies: true,
        coinsurancePct: plan.config.coinsurancePct, row: null,
      };
    }
    return {
      planId: plan.config.planId,
      category,
      covered: row.covered,
      copay: row.copay,
      deductibleApplies: row.deductibleApplies,
      coinsurancePct: row.coinsurancePct ?? plan.config.coinsurancePct,
      row: row.row,
    };
  }
}
