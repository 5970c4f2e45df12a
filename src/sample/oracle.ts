/**
 * An independent implementation of DESIGN §5 (cost sharing, one covered line,
 * in network), written only from the contract text so tests can compare the
 * real adjudication engine against it. Deliberately plain: no shared code
 * with src/domain/adjudication.
 *
 * Readings of the contract where it is silent (documented in the report):
 * - Fee-schedule modifier match: a row's Modifier matches when the line
 *   carries it in any position; PlanId rows are tried before payer-name rows
 *   at the same specificity.
 * - Coverage AsOf blank: the starting accumulators belong to the plan year
 *   containing `asOf` (the statement date), when given; else they are ignored.
 * - Secondary (traditional COB): the secondary's allowed comes from its own
 *   fee schedule (the ledger's allowed is the primary's); its accumulators
 *   advance as if it had been primary (NAIC model: it credits what it would
 *   have credited without other coverage). A line the primary does not
 *   cover (Covered = N) gets no secondary benefit.
 * - OOP accumulators grow by the primary's patient cost share.
 */
import { isSelfPay } from '../domain/ledger';
import { mulDivHalfUp, PERCENT_SCALE, type Cents, type Percent } from '../domain/money';
import { day, daysInMonth, ymd, type Day } from '../domain/day';
import { categoryKey, type BenefitConfig, type CoverageRow, type FeeScheduleRow, type PlanConfig } from '../domain/config';
import { Accumulators, defaultCategory, serviceOrder, UnionFind } from './oracleParts';

export { defaultCategory, serviceOrder } from './oracleParts';

/*
 * Local integer helpers: these run a million times per large sample, and
 * calls across modules are slower under the tsx loader the benchmarks use.
 * Every value passed here is a sum or difference of whole cents.
 */
const asCents = (n: number): Cents => n as Cents;
const ZERO_C = 0 as Cents;
const PCT_DEN = 100 * PERCENT_SCALE;
/** round_half_up(base × pct / 100) to the cent, exactly (DESIGN §5 step 5). */
function percentHalfUp(base: number, pct: Percent): number {
  const p = base * pct;
  if (p >= 0 && p < 1e12) return Math.floor((2 * p + PCT_DEN) / (2 * PCT_DEN));
  return mulDivHalfUp(base, pct, PCT_DEN);
}


export interface OracleConfig {
  readonly plans: readonly PlanConfig[];
  readonly benefits: readonly BenefitConfig[];
  readonly feeSchedule: readonly FeeScheduleRow[];
  readonly coverage: readonly CoverageRow[];
}

export interface OracleLine {
  readonly account: string;
  readonly serviceDate: Day;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly billed: Cents;
  /** The ledger's allowed, or null when the ledger gives none. */
  readonly allowed: Cents | null;
  /** null / blank / "Self Pay" = self-pay. */
  readonly payer: string | null;
}

export type OracleBasis = 'covered' | 'not-covered' | 'no-coverage' | 'self-pay';

export interface OracleShares {
  readonly basis: OracleBasis;
  readonly allowed: Cents;
  readonly contractual: Cents;
  /** Fee-schedule allowed × units capped at billed, when a row matched. */
  readonly feeScheduleAllowed: Cents | null;
  readonly category: string | null;
  readonly primaryPlanId: string | null;
  readonly secondaryPlanId: string | null;
  readonly copay: Cents;
  readonly deductible: Cents;
  readonly coinsurance: Cents;
  /** What the patient owes after every payer. */
  readonly patientShare: Cents;
  readonly insurerShare: Cents;
  readonly secondaryShare: Cents;
}

/** One coverage row with what adjudication needs from it, resolved once. */
interface CovState {
  readonly row: CoverageRow;
  readonly plan: PlanConfig;
  readonly benefits: Map<string, BenefitConfig>;
  readonly member: Accumulators;
  readonly family: Accumulators | null;
}

interface Split { copay: number; deductible: number; coinsurance: number }

const INF = Number.POSITIVE_INFINITY;

const NO_BENEFITS = new Map<string, BenefitConfig>();

export class SampleOracle {
  private readonly plans = new Map<string, PlanConfig>();
  private readonly benefitsByPlan = new Map<string, Map<string, BenefitConfig>>();
  private readonly fees = new Map<string, FeeScheduleRow[]>();
  private readonly coverageByAccount = new Map<string, CovState[]>();
  private readonly families = new Map<string, Accumulators>();
  private readonly planRefs = new Map<string, { plan: PlanConfig; key: string; benefits: Map<string, BenefitConfig> } | null>();
  private readonly yearCache = new Map<number, number>();
  private readonly feeCache = new Map<PlanConfig, Map<string, Map<readonly string[] | string, FeeScheduleRow | null>>>();
  private readonly categoryKeys = new Map<string, string>();
  private readonly groupByAccount = new Map<string, number>();
  private readonly groups = new UnionFind();
  private readonly selfPay = new Map<string | null, boolean>();
  /** Scratch result of `share` (read before the next call), to spare an allocation per line. */
  private readonly split: Split = { copay: 0, deductible: 0, coinsurance: 0 };

  constructor(config: OracleConfig, private readonly asOf: Day | null = null) {
    for (const p of config.plans) this.plans.set(p.planId.toLowerCase(), p);
    for (const b of config.benefits) {
      const planKey = b.planId.toLowerCase();
      let m = this.benefitsByPlan.get(planKey);
      if (!m) this.benefitsByPlan.set(planKey, (m = new Map()));
      const k = categoryKey(b.category);
      if (!m.has(k)) m.set(k, b);
    }
    for (const f of config.feeSchedule) {
      const k = `${f.payer.trim().toLowerCase()}|${f.code.toUpperCase()}`;
      const list = this.fees.get(k);
      if (list) list.push(f);
      else this.fees.set(k, [f]);
    }
    this.addCoverage(config.coverage);
  }

  /**
   * Starts over with new coverage rows (fresh accumulators), keeping the
   * plan, benefit and fee-schedule look-ups and their caches — the generator
   * adjudicates a large sample chunk by chunk of whole households.
   */
  replaceCoverage(coverage: readonly CoverageRow[]): void {
    this.coverageByAccount.clear();
    this.families.clear();
    this.groupByAccount.clear();
    this.groups.clear();
    this.addCoverage(coverage);
  }

  private addCoverage(coverage: readonly CoverageRow[]): void {
    for (const r of coverage) {
      const planRef = this.planRef(r.planId);
      if (!planRef) continue; // coverage under an unknown plan cannot be adjudicated: treated as none
      const plan = planRef.plan;
      let family: Accumulators | null = null;
      if (r.familyId !== null) {
        const fk = `${planRef.key}|${r.familyId}`;
        family = this.families.get(fk) ?? null;
        if (!family) this.families.set(fk, (family = new Accumulators(this.families.size)));
        this.groups.union(this.groupOf(r.account), family.id);
      }
      const state: CovState = { row: r, plan, benefits: planRef.benefits, member: new Accumulators(), family };
      const list = this.coverageByAccount.get(r.account);
      if (list) list.push(state);
      else this.coverageByAccount.set(r.account, [state]);
      const startDay = r.asOf ?? this.asOf;
      if (startDay === null) continue;
      const year = this.planYear(plan, startDay);
      state.member.addStart(year, r.deductibleMet, r.oopMet);
      if (family) family.addStart(year, r.deductibleMet, r.oopMet);
    }
  }

  /** A plan by its id as written (PlanIds match case-insensitively), with its benefits, resolved once per spelling. */
  private planRef(planId: string): { plan: PlanConfig; key: string; benefits: Map<string, BenefitConfig> } | null {
    let ref = this.planRefs.get(planId);
    if (ref === undefined) {
      const key = planId.toLowerCase();
      const plan = this.plans.get(key);
      ref = plan ? { plan, key, benefits: this.benefitsByPlan.get(key) ?? NO_BENEFITS } : null;
      this.planRefs.set(planId, ref);
    }
    return ref;
  }

  /**
   * Adjudicates every line; results are in input (sheet) order. Lines are
   * taken in service-date order (then sheet order) within each group of
   * accounts that share an accumulator (a family under a plan) — the only
   * state §5 carries between lines — so the result equals one global
   * service-date pass while touching memory account by account.
   */
  adjudicateAll(lines: readonly OracleLine[]): OracleShares[] {
    const out = new Array<OracleShares>(lines.length);
    const order = serviceOrder(lines);
    const groups = this.groupOrder(lines, order);
    for (let k = 0; k < groups.length; k++) {
      const i = groups[k]!;
      out[i] = this.adjudicate(lines[i]!);
    }
    return out;
  }

  /** Stable re-order of a service-date order by accumulator group (groups in order of first line). */
  private groupOrder(lines: readonly OracleLine[], byDate: Int32Array | number[]): Int32Array {
    const n = lines.length;
    const groupOfLine = new Int32Array(n);
    const rank = new Map<number, number>();
    let lastAccount: string | null = null;
    let lastRank = 0;
    for (let i = 0; i < n; i++) {
      const account = lines[i]!.account;
      if (account !== lastAccount) {
        const g = this.groupOf(account);
        let r = rank.get(g);
        if (r === undefined) rank.set(g, (r = rank.size));
        lastAccount = account;
        lastRank = r;
      }
      groupOfLine[i] = lastRank;
    }
    const counts = new Int32Array(rank.size + 1);
    for (let i = 0; i < n; i++) counts[groupOfLine[i]! + 1]!++;
    for (let g = 1; g <= rank.size; g++) counts[g]! += counts[g - 1]!;
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const i = byDate[k]!;
      out[counts[groupOfLine[i]!]!++] = i;
    }
    return out;
  }

  /** Accumulator group of an account: union of accounts sharing a plan + FamilyId. */
  private groupOf(account: string): number {
    let g = this.groupByAccount.get(account);
    if (g === undefined) {
      g = -1 - this.groupByAccount.size; // an account with no family: a group of its own
      this.groupByAccount.set(account, g);
    }
    return this.groups.find(g);
  }

  private catKey(category: string): string {
    let k = this.categoryKeys.get(category);
    if (k === undefined) this.categoryKeys.set(category, (k = categoryKey(category)));
    return k;
  }

  /** The first day of the plan year containing `d`, as a Day number. */
  private planYear(plan: PlanConfig, d: Day): number {
    const key = d * 1600 + plan.yearStartMonth * 40 + plan.yearStartDay;
    const hit = this.yearCache.get(key);
    if (hit !== undefined) return hit;
    const { y } = ymd(d);
    const clampDay = (yy: number): Day => day(yy, plan.yearStartMonth, Math.min(plan.yearStartDay, daysInMonth(yy, plan.yearStartMonth)));
    const thisYear = clampDay(y);
    const start = d >= thisYear ? thisYear : clampDay(y - 1);
    this.yearCache.set(key, start);
    return start;
  }

  private coverageOn(states: readonly CovState[] | undefined, d: Day, priority: 'Primary' | 'Secondary'): CovState | null {
    if (!states) return null;
    for (const s of states) {
      const r = s.row;
      if (r.priority !== priority) continue;
      if (r.effectiveFrom !== null && d < r.effectiveFrom) continue;
      if (r.effectiveTo !== null && d > r.effectiveTo) continue;
      return s;
    }
    return null;
  }

  private feeRow(plan: PlanConfig, code: string, modifiers: readonly string[]): FeeScheduleRow | null {
    let byCode = this.feeCache.get(plan);
    if (!byCode) this.feeCache.set(plan, (byCode = new Map()));
    let byMods = byCode.get(code);
    if (!byMods) byCode.set(code, (byMods = new Map()));
    // Modifier lists are mostly shared arrays: look them up by identity, else by content.
    let hit = byMods.get(modifiers);
    if (hit !== undefined) return hit;
    const modKey = modifiers.join(',');
    hit = byMods.get(modKey);
    if (hit !== undefined) {
      byMods.set(modifiers, hit);
      return hit;
    }
    const upper = code.toUpperCase();
    const lists = [plan.planId, plan.payer, '*'].map((p) => this.fees.get(`${p.trim().toLowerCase()}|${upper}`) ?? []);
    const byPlan = [...lists[0]!, ...lists[1]!];
    const anyPayer = lists[2]!;
    const withMod = (rows: FeeScheduleRow[]): FeeScheduleRow | undefined =>
      rows.find((r) => r.modifier !== null && modifiers.includes(r.modifier.toUpperCase()));
    const noMod = (rows: FeeScheduleRow[]): FeeScheduleRow | undefined => rows.find((r) => r.modifier === null);
    const found = withMod(byPlan) ?? noMod(byPlan) ?? withMod(anyPayer) ?? noMod(anyPayer) ?? null;
    byMods.set(modKey, found);
    if (byMods.size < 64) byMods.set(modifiers, found);
    return found;
  }

  private notCovered(line: OracleLine, basis: OracleBasis, primaryPlanId: string | null, category: string | null): OracleShares {
    return {
      basis, allowed: line.billed, contractual: ZERO_C, feeScheduleAllowed: null, category, primaryPlanId, secondaryPlanId: null,
      copay: ZERO_C, deductible: ZERO_C, coinsurance: ZERO_C, patientShare: line.billed, insurerShare: ZERO_C, secondaryShare: ZERO_C,
    };
  }

  private isSelfPay(payer: string | null): boolean {
    let v = this.selfPay.get(payer);
    if (v === undefined) this.selfPay.set(payer, (v = isSelfPay(payer)));
    return v;
  }

  adjudicate(line: OracleLine): OracleShares {
    if (this.isSelfPay(line.payer)) return this.notCovered(line, 'self-pay', null, null);
    const states = this.coverageByAccount.get(line.account);
    const primary = this.coverageOn(states, line.serviceDate, 'Primary');
    if (!primary) return this.notCovered(line, 'no-coverage', null, null);
    const plan = primary.plan;

    const fee = this.feeRow(plan, line.code, line.modifiers);
    const feeAllowed = fee ? minC(line.billed, feeTimesUnits(fee, line.units)) : null;
    const category = fee?.category ?? defaultCategory(line.code);
    const benefit = primary.benefits.get(this.catKey(category));
    if (benefit && !benefit.covered) return this.notCovered(line, 'not-covered', plan.planId, category);

    const allowed = line.allowed ?? feeAllowed ?? line.billed;
    const { copay, deductible, coinsurance } = this.share(primary, benefit, allowed, line.serviceDate);
    const patient = copay + deductible + coinsurance;

    let secondaryShare = 0;
    let secondaryPlanId: string | null = null;
    const secondary = this.coverageOn(states, line.serviceDate, 'Secondary');
    if (secondary) {
      const secPlan = secondary.plan;
      secondaryPlanId = secPlan.planId;
      const secFee = this.feeRow(secPlan, line.code, line.modifiers);
      const secCategory = secFee?.category ?? defaultCategory(line.code);
      const secBenefit = secondary.benefits.get(this.catKey(secCategory));
      if (!secBenefit || secBenefit.covered) {
        const secAllowed = secFee ? minC(line.billed, feeTimesUnits(secFee, line.units)) : line.billed;
        const s = this.share(secondary, secBenefit, secAllowed, line.serviceDate);
        const normalBenefit = secAllowed - (s.copay + s.deductible + s.coinsurance);
        secondaryShare = Math.max(0, Math.min(normalBenefit, patient));
      }
    }
    return {
      basis: 'covered', allowed, contractual: asCents(line.billed - allowed), feeScheduleAllowed: feeAllowed, category,
      primaryPlanId: plan.planId, secondaryPlanId,
      copay: asCents(copay), deductible: asCents(deductible), coinsurance: asCents(coinsurance),
      patientShare: asCents(patient - secondaryShare), insurerShare: asCents(allowed - patient), secondaryShare: asCents(secondaryShare),
    };
  }

  /**
   * What the fee schedule says for a line under its primary plan on its date,
   * without touching accumulators (the generator uses it to build an
   * ALLOWED_MISMATCH before adjudicating).
   */
  preview(line: OracleLine): { feeScheduleAllowed: Cents | null; covered: boolean } | null {
    if (this.isSelfPay(line.payer)) return null;
    const primary = this.coverageOn(this.coverageByAccount.get(line.account), line.serviceDate, 'Primary');
    if (!primary) return null;
    const fee = this.feeRow(primary.plan, line.code, line.modifiers);
    const category = fee?.category ?? defaultCategory(line.code);
    const benefit = primary.benefits.get(this.catKey(category));
    return { feeScheduleAllowed: fee ? minC(line.billed, feeTimesUnits(fee, line.units)) : null, covered: !benefit || benefit.covered };
  }

  /** Steps 3–7 for one plan; advances that plan's accumulators. */
  private share(cov: CovState, benefit: BenefitConfig | undefined, allowed: number, d: Day): Split {
    const out = this.split;
    const plan = cov.plan;
    const year = this.planYear(plan, d);
    const ind = cov.member.at(year);
    const fam = cov.family ? cov.family.at(year) : null;

    const copay = Math.min(benefit ? benefit.copay : 0, allowed);
    let deductible = 0;
    if (!benefit || benefit.deductibleApplies) {
      const indLeft = Math.max(0, plan.deductibleIndividual - ind.ded);
      const famLeft = fam && plan.deductibleFamily !== null ? Math.max(0, plan.deductibleFamily - fam.ded) : INF;
      let left: number;
      if (!fam) left = indLeft;
      else if (plan.deductibleType === 'Aggregate') left = famLeft === INF ? indLeft : famLeft;
      else left = Math.min(indLeft, famLeft);
      deductible = Math.min(allowed - copay, left);
    }
    const pct = benefit && benefit.coinsurancePct !== null ? benefit.coinsurancePct : plan.coinsurancePct;
    let coinsurance: number = percentHalfUp(allowed - copay - deductible, pct);
    let cp = copay;

    const oopIndLeft = plan.oopMaxIndividual === null ? INF : Math.max(0, plan.oopMaxIndividual - ind.oop);
    const oopFamLeft = fam && plan.oopMaxFamily !== null ? Math.max(0, plan.oopMaxFamily - fam.oop) : INF;
    const oopLeft = Math.min(oopIndLeft, oopFamLeft);
    let over = cp + deductible + coinsurance - oopLeft;
    if (over > 0) {
      const cut1 = Math.min(over, coinsurance); coinsurance -= cut1; over -= cut1;
      const cut2 = Math.min(over, cp); cp -= cut2; over -= cut2;
      const cut3 = Math.min(over, deductible); deductible -= cut3;
    }
    const patient = cp + deductible + coinsurance;
    ind.ded += deductible;
    ind.oop += patient;
    if (fam) {
      fam.ded += deductible;
      fam.oop += patient;
    }
    out.copay = cp;
    out.deductible = deductible;
    out.coinsurance = coinsurance;
    return out;
  }
}

const minC = (a: number, b: number): Cents => asCents(a < b ? a : b);

function feeTimesUnits(fee: FeeScheduleRow, units: number): number {
  // Whole units in the sample; fractional units round half-up to the cent.
  return Number.isInteger(units) ? fee.allowed * units : Math.round(fee.allowed * units);
}

/** Convenience: adjudicate a list of lines against a configuration in one call. */
export function oracleShares(config: OracleConfig, lines: readonly OracleLine[], asOf: Day | null = null): OracleShares[] {
  return new SampleOracle(config, asOf).adjudicateAll(lines);
}
