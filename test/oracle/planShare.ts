/**
 * DESIGN §5 steps 1 and 3–8 for one plan: the fee-schedule match, the
 * category and its benefit, then copay, deductible, coinsurance and the
 * out-of-pocket cap against accumulators that start from Coverage and reset
 * each plan year. Plain and slow on purpose; nothing from src/.
 */
import { max, min, percentOf, timesUnits } from './cents';
import { defaultCategory } from './defaultCategory';
import { planYearOf } from './isoDates';
import type { OracleBenefit, OracleFeeRow, OracleLine, OraclePlan, OracleTables } from './types';

/** Names and ids compare case-insensitively, spaces collapsed. */
export const nameKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
/** Categories compare case-insensitively (and without spaces or punctuation: `Urgent Care` = `UrgentCare`). */
export const categoryKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface Priced {
  readonly feeRow: OracleFeeRow | null;
  /** min(billed, fee allowed × units) when a row matched. */
  readonly feeAllowed: number | null;
  readonly category: string;
  readonly benefit: OracleBenefit | null;
}

export interface Split {
  readonly copay: number;
  readonly deductible: number;
  readonly coinsurance: number;
}

/** The fee schedule grouped by code, in sheet order (grouped once per table set: a sample has a million lines). */
const byCode = new WeakMap<OracleTables, Map<string, OracleFeeRow[]>>();
function feeRowsByCode(tables: OracleTables): Map<string, OracleFeeRow[]> {
  let m = byCode.get(tables);
  if (!m) {
    m = new Map();
    for (const r of tables.feeSchedule ?? []) {
      const k = r.code.trim().toUpperCase();
      m.set(k, [...(m.get(k) ?? []), r]);
    }
    byCode.set(tables, m);
  }
  return m;
}

/** Step 1's fee-schedule match, most specific first: plan's payer or PlanId + code + modifier, + code, `*` + code + modifier, `*` + code. */
export function feeRowFor(tables: OracleTables, plan: OraclePlan, line: OracleLine): OracleFeeRow | null {
  const code = line.code.trim().toUpperCase();
  const mods = line.modifiers.map((m) => m.trim().toUpperCase());
  const rows = feeRowsByCode(tables).get(code) ?? [];
  const byPlan = [
    ...rows.filter((r) => nameKey(r.payer) === nameKey(plan.planId)),
    ...rows.filter((r) => nameKey(r.payer) === nameKey(plan.payer) && nameKey(r.payer) !== nameKey(plan.planId)),
  ];
  const anyPayer = rows.filter((r) => r.payer.trim() === '*');
  const withModifier = (list: OracleFeeRow[]): OracleFeeRow | undefined =>
    list.find((r) => r.modifier !== null && mods.includes(r.modifier.trim().toUpperCase()));
  const withoutModifier = (list: OracleFeeRow[]): OracleFeeRow | undefined => list.find((r) => r.modifier === null);
  return withModifier(byPlan) ?? withoutModifier(byPlan) ?? withModifier(anyPayer) ?? withoutModifier(anyPayer) ?? null;
}

export function price(tables: OracleTables, plan: OraclePlan, line: OracleLine): Priced {
  const feeRow = feeRowFor(tables, plan, line);
  const feeAllowed = feeRow ? min(line.billed, timesUnits(feeRow.allowed, line.units)) : null;
  const category = feeRow?.category ?? defaultCategory(line.code);
  const benefit =
    (tables.benefits ?? []).find((b) => nameKey(b.planId) === nameKey(plan.planId) && categoryKey(b.category) === categoryKey(category)) ?? null;
  return { feeRow, feeAllowed, category, benefit };
}

interface Totals {
  ded: number;
  oop: number;
}

/** Deductible and out-of-pocket totals per member or family, per plan year. */
export class Accumulators {
  private readonly totals = new Map<string, Totals>();
  private readonly starts = new Map<string, Totals>();

  /** Step 8: what was met before the ledger's first line in that plan year; a family's start is the sum of its members'. */
  addStart(scope: string, planYear: string, ded: number, oop: number): void {
    const key = `${scope}@${planYear}`;
    const s = this.starts.get(key) ?? { ded: 0, oop: 0 };
    this.starts.set(key, { ded: s.ded + ded, oop: s.oop + oop });
  }

  at(scope: string, planYear: string): Totals {
    const key = `${scope}@${planYear}`;
    let t = this.totals.get(key);
    if (!t) {
      const s = this.starts.get(key);
      t = { ded: s ? s.ded : 0, oop: s ? s.oop : 0 };
      this.totals.set(key, t);
    }
    return t;
  }
}

export const memberScope = (plan: OraclePlan, account: string): string => `member|${nameKey(plan.planId)}|${account}`;
export const familyScope = (plan: OraclePlan, familyId: string): string => `family|${nameKey(plan.planId)}|${familyId}`;

/** Steps 3–7 under one plan for a member (familyId null = self-only coverage); the plan's accumulators grow. */
export function shareUnder(
  acc: Accumulators,
  who: { plan: OraclePlan; account: string; familyId: string | null },
  benefit: OracleBenefit | null,
  allowed: number,
  serviceDate: string,
): Split {
  const { plan } = who;
  const year = planYearOf(serviceDate, plan.planYearStart);
  const ind = acc.at(memberScope(plan, who.account), year);
  const fam = who.familyId !== null ? acc.at(familyScope(plan, who.familyId), year) : null;

  // Step 3.
  let copay = min(benefit ? benefit.copay : 0, allowed);
  // Step 4.
  let deductible = 0;
  if (benefit === null || benefit.deductibleApplies) {
    const individualLeft = max(0, plan.deductibleIndividual - ind.ded);
    const familyLeft = fam !== null && plan.deductibleFamily !== null ? max(0, plan.deductibleFamily - fam.ded) : null;
    let left: number;
    if (familyLeft === null) left = individualLeft;
    else if (plan.deductibleType === 'Aggregate') left = familyLeft;
    else left = min(individualLeft, familyLeft);
    deductible = min(allowed - copay, left);
  }
  // Step 5.
  const pct = benefit !== null && benefit.coinsurancePct !== null ? benefit.coinsurancePct : plan.coinsurancePct;
  let coinsurance = percentOf(allowed - copay - deductible, pct);
  // Step 6: the cut comes off coinsurance, then copay, then deductible.
  const lefts: number[] = [];
  if (plan.oopMaxIndividual !== null) lefts.push(max(0, plan.oopMaxIndividual - ind.oop));
  if (fam !== null && plan.oopMaxFamily !== null) lefts.push(max(0, plan.oopMaxFamily - fam.oop));
  if (lefts.length > 0) {
    let over = copay + deductible + coinsurance - Math.min(...lefts);
    if (over > 0) {
      const a = min(over, coinsurance);
      coinsurance -= a;
      over -= a;
      const b = min(over, copay);
      copay -= b;
      over -= b;
      deductible -= min(over, deductible);
    }
  }
  // Step 7.
  const patient = copay + deductible + coinsurance;
  ind.ded += deductible;
  ind.oop += patient;
  if (fam !== null) {
    fam.ded += deductible;
    fam.oop += patient;
  }
  return { copay, deductible, coinsurance };
}
