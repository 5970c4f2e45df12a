/**
 * Plans with their Benefits rows attached, looked up by normalised PlanId or
 * payer. Everything a line needs from its plan is precomputed here once.
 */
import type { BenefitConfig, Config, PlanConfig } from '../config';
import { categoryKey } from '../config';
import { ZERO, percentToNumber, type Cents, type Percent } from '../money';
import { nameKey } from './keys';
import type { FeeEntry } from './feeScheduleIndex';
import type { CategoryRef } from './serviceCategory';
import { PlanYears } from './planYear';
import { CodeMemo } from './codeMemo';
import { planLimits, type PlanLimits } from './accumulators';

/** A Benefits row with what the hot path needs precomputed. */
export interface BenefitInfo {
  readonly config: BenefitConfig;
  /** The plan it belongs to (its limits, for the explanation). */
  readonly plan: PlanConfig;
  readonly covered: boolean;
  readonly copay: Cents;
  readonly deductibleApplies: boolean;
  /** The row's coinsurance, else the plan's. */
  readonly coinsurancePct: Percent;
  readonly coinsuranceLabel: string;
}

export interface PlanInfo {
  readonly config: PlanConfig;
  /** nameKey of PlanId and payer, for the fee schedule. */
  readonly planKey: string;
  readonly payerKey: string;
  /** categoryKey → the first Benefits row for this plan and category. */
  readonly benefits: ReadonlyMap<string, BenefitInfo>;
  /** §4: a category with no Benefits row is covered, no copay, deductible applies, the plan's coinsurance. */
  readonly defaultBenefit: BenefitInfo;
  /** Plan year start as month × 100 + day (e.g. 701 for 07-01). */
  readonly yearStartMd: number;
  /** Its plan years' day ranges, computed once each. */
  readonly years: PlanYears;
  /** Its limits as the accumulator rules read them. */
  readonly limits: PlanLimits;
  /** Code (and modifier) → its fee-schedule row, category and benefit under this plan, found once per run. */
  readonly facts: CodeMemo<CodeFacts>;
}

/** What a procedure code means for the fee schedule (the row's allowed still depends on the line's units). */
export interface FeeFacts {
  readonly fee: FeeEntry | null;
  readonly category: CategoryRef;
}

/** …and under one plan. */
export interface CodeFacts extends FeeFacts {
  readonly benefit: BenefitInfo;
}

export class PlanIndex {
  private readonly byPlanKey = new Map<string, PlanInfo>();
  /** payer key → plans with that payer (several plans may share a payer). */
  private readonly byPayerKey = new Map<string, PlanInfo[]>();

  constructor(config: Config) {
    const benefitsByPlan = new Map<string, BenefitConfig[]>();
    for (const b of config.benefits) {
      const pk = nameKey(b.planId);
      let list = benefitsByPlan.get(pk);
      if (!list) benefitsByPlan.set(pk, (list = []));
      list.push(b);
    }
    for (const p of config.plans) {
      const planKey = nameKey(p.planId);
      if (planKey === '' || this.byPlanKey.has(planKey)) continue; // first row wins
      const info: PlanInfo = {
        config: p,
        planKey,
        payerKey: nameKey(p.payer),
        benefits: benefitMap(p, benefitsByPlan.get(planKey) ?? []),
        defaultBenefit: {
          config: { planId: p.planId, category: '', covered: true, copay: ZERO, deductibleApplies: true, coinsurancePct: null, row: 0 },
          plan: p,
          covered: true, copay: ZERO, deductibleApplies: true, coinsurancePct: p.coinsurancePct, coinsuranceLabel: percentLabel(p.coinsurancePct),
        },
        yearStartMd: p.yearStartMonth * 100 + p.yearStartDay,
        years: new PlanYears(p.yearStartMonth * 100 + p.yearStartDay),
        limits: planLimits(p),
        facts: new CodeMemo(),
      };
      this.byPlanKey.set(planKey, info);
      let list = this.byPayerKey.get(info.payerKey);
      if (!list) this.byPayerKey.set(info.payerKey, (list = []));
      list.push(info);
    }
  }

  get size(): number {
    return this.byPlanKey.size;
  }

  byPlan(planKey: string): PlanInfo | null {
    return this.byPlanKey.get(planKey) ?? null;
  }

  /** The one plan whose Payer is this payer; null when none or several. */
  uniqueByPayer(payerKey: string): PlanInfo | null {
    const list = this.byPayerKey.get(payerKey);
    return list !== undefined && list.length === 1 ? list[0]! : null;
  }
}

function benefitMap(plan: PlanConfig, rows: readonly BenefitConfig[]): Map<string, BenefitInfo> {
  const m = new Map<string, BenefitInfo>();
  for (const b of rows) {
    const key = categoryKey(b.category);
    if (m.has(key)) continue; // first row wins
    const pct = b.coinsurancePct ?? plan.coinsurancePct;
    const info: BenefitInfo = {
      config: b, plan, covered: b.covered, copay: b.copay, deductibleApplies: b.deductibleApplies,
      coinsurancePct: pct, coinsuranceLabel: percentLabel(pct),
    };
    m.set(key, info);
  }
  return m;
}

const pctText = new Map<number, string>();

/** "20%" / "12.5%" for explanations, memoised (Decimal is too slow per line). */
export function percentLabel(p: Percent): string {
  let s = pctText.get(p);
  if (s === undefined) {
    s = `${percentToNumber(p)}%`;
    pctText.set(p, s);
  }
  return s;
}
