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
import { cents, percentOf, ZERO, type Cents } from '../domain/money';
import { day, daysInMonth, ymd, type Day } from '../domain/day';
import { categoryKey, type BenefitConfig, type CoverageRow, type FeeScheduleRow, type PlanConfig } from '../domain/config';

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

interface Acc { ded: number; oop: number }

/** Accumulators of one member or one family under one plan, per plan year. */
class Accumulators {
  private readonly years = new Map<number, Acc>();
  private readonly start = new Map<number, Acc>();

  addStart(year: number, ded: number, oop: number): void {
    const s = this.start.get(year) ?? { ded: 0, oop: 0 };
    s.ded += ded;
    s.oop += oop;
    this.start.set(year, s);
  }

  get(year: number): Acc {
    let a = this.years.get(year);
    if (!a) {
      const s = this.start.get(year);
      a = { ded: s ? s.ded : 0, oop: s ? s.oop : 0 };
      this.years.set(year, a);
    }
    return a;
  }
}

interface Split { copay: number; deductible: number; coinsurance: number }

const INF = Number.POSITIVE_INFINITY;
const DEFAULT_CATEGORIES: readonly [RegExp, string][] = [
  [/^992[01]\d$/, 'Office'], [/^9928\d$/, 'Emergency'], [/^99(38|39)\d$|^G04\d\d$/, 'Preventive'],
  [/^8\d{4}$|^36415$/, 'Lab'], [/^7\d{4}$/, 'Imaging'], [/^[1-6]\d{4}$/, 'Surgery'], [/^J\d{4}$/, 'Drug'],
];

/** DESIGN §4 default category from the code, for codes the fee schedule does not categorise. */
export function defaultCategory(code: string): string {
  for (const [re, cat] of DEFAULT_CATEGORIES) if (re.test(code)) return cat;
  return 'Other';
}

export class SampleOracle {
  private readonly plans = new Map<string, PlanConfig>();
  private readonly benefits = new Map<string, BenefitConfig>();
  private readonly fees = new Map<string, FeeScheduleRow[]>();
  private readonly coverageByAccount = new Map<string, CoverageRow[]>();
  private readonly members = new Map<CoverageRow, Accumulators>();
  private readonly families = new Map<string, Accumulators>();
  private readonly yearCache = new Map<number, number>();
  private readonly feeCache = new Map<string, FeeScheduleRow | null>();

  constructor(config: OracleConfig, private readonly asOf: Day | null = null) {
    for (const p of config.plans) this.plans.set(p.planId.toLowerCase(), p);
    for (const b of config.benefits) {
      const k = `${b.planId.toLowerCase()}|${categoryKey(b.category)}`;
      if (!this.benefits.has(k)) this.benefits.set(k, b);
    }
    for (const f of config.feeSchedule) {
      const k = `${f.payer.trim().toLowerCase()}|${f.code.toUpperCase()}`;
      const list = this.fees.get(k);
      if (list) list.push(f);
      else this.fees.set(k, [f]);
    }
    for (const r of config.coverage) {
      const list = this.coverageByAccount.get(r.account);
      if (list) list.push(r);
      else this.coverageByAccount.set(r.account, [r]);
      const plan = this.plans.get(r.planId.toLowerCase());
      const acc = new Accumulators();
      this.members.set(r, acc);
      const startDay = r.asOf ?? this.asOf;
      if (!plan || startDay === null) continue;
      const year = this.planYear(plan, startDay);
      acc.addStart(year, r.deductibleMet, r.oopMet);
      if (r.familyId !== null) this.family(r).addStart(year, r.deductibleMet, r.oopMet);
    }
  }

  /** Adjudicates every line; results are in input (sheet) order, computed in service-date order. */
  adjudicateAll(lines: readonly OracleLine[]): OracleShares[] {
    const out = new Array<OracleShares>(lines.length);
    for (const i of serviceOrder(lines)) out[i] = this.adjudicate(lines[i]!);
    return out;
  }

  private family(r: CoverageRow): Accumulators {
    const k = `${r.planId.toLowerCase()}|${r.familyId}`;
    let f = this.families.get(k);
    if (!f) {
      f = new Accumulators();
      this.families.set(k, f);
    }
    return f;
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

  private coverageOn(account: string, d: Day, priority: 'Primary' | 'Secondary'): CoverageRow | null {
    const rows = this.coverageByAccount.get(account);
    if (!rows) return null;
    for (const r of rows) {
      if (r.priority !== priority) continue;
      if (r.effectiveFrom !== null && d < r.effectiveFrom) continue;
      if (r.effectiveTo !== null && d > r.effectiveTo) continue;
      return r;
    }
    return null;
  }

  private feeRow(plan: PlanConfig, code: string, modifiers: readonly string[]): FeeScheduleRow | null {
    const cacheKey = `${plan.planId}|${code}|${modifiers.join(',')}`;
    const hit = this.feeCache.get(cacheKey);
    if (hit !== undefined) return hit;
    const upper = code.toUpperCase();
    const lists = [plan.planId, plan.payer, '*'].map((p) => this.fees.get(`${p.trim().toLowerCase()}|${upper}`) ?? []);
    const byPlan = [...lists[0]!, ...lists[1]!];
    const any = lists[2]!;
    const withMod = (rows: FeeScheduleRow[]): FeeScheduleRow | undefined =>
      rows.find((r) => r.modifier !== null && modifiers.includes(r.modifier.toUpperCase()));
    const noMod = (rows: FeeScheduleRow[]): FeeScheduleRow | undefined => rows.find((r) => r.modifier === null);
    const found = withMod(byPlan) ?? noMod(byPlan) ?? withMod(any) ?? noMod(any) ?? null;
    this.feeCache.set(cacheKey, found);
    return found;
  }

  private notCovered(line: OracleLine, basis: OracleBasis, primaryPlanId: string | null, category: string | null): OracleShares {
    return {
      basis, allowed: line.billed, contractual: ZERO, feeScheduleAllowed: null, category, primaryPlanId, secondaryPlanId: null,
      copay: ZERO, deductible: ZERO, coinsurance: ZERO, patientShare: line.billed, insurerShare: ZERO, secondaryShare: ZERO,
    };
  }

  adjudicate(line: OracleLine): OracleShares {
    if (isSelfPay(line.payer)) return this.notCovered(line, 'self-pay', null, null);
    const primary = this.coverageOn(line.account, line.serviceDate, 'Primary');
    const plan = primary ? this.plans.get(primary.planId.toLowerCase()) : undefined;
    if (!primary || !plan) return this.notCovered(line, 'no-coverage', null, null);

    const fee = this.feeRow(plan, line.code, line.modifiers);
    const feeAllowed = fee ? minC(line.billed, feeTimesUnits(fee, line.units)) : null;
    const category = fee?.category ?? defaultCategory(line.code);
    const benefit = this.benefits.get(`${plan.planId.toLowerCase()}|${categoryKey(category)}`);
    if (benefit && !benefit.covered) return this.notCovered(line, 'not-covered', plan.planId, category);

    const allowed = line.allowed ?? feeAllowed ?? line.billed;
    const split = this.share(plan, primary, benefit, allowed, line.serviceDate);
    const patient = split.copay + split.deductible + split.coinsurance;

    let secondaryShare = 0;
    let secondaryPlanId: string | null = null;
    const secondary = this.coverageOn(line.account, line.serviceDate, 'Secondary');
    const secPlan = secondary ? this.plans.get(secondary.planId.toLowerCase()) : undefined;
    if (secondary && secPlan) {
      secondaryPlanId = secPlan.planId;
      const secFee = this.feeRow(secPlan, line.code, line.modifiers);
      const secCategory = secFee?.category ?? defaultCategory(line.code);
      const secBenefit = this.benefits.get(`${secPlan.planId.toLowerCase()}|${categoryKey(secCategory)}`);
      if (!secBenefit || secBenefit.covered) {
        const secAllowed = secFee ? minC(line.billed, feeTimesUnits(secFee, line.units)) : line.billed;
        const s = this.share(secPlan, secondary, secBenefit, secAllowed, line.serviceDate);
        const normalBenefit = secAllowed - (s.copay + s.deductible + s.coinsurance);
        secondaryShare = Math.max(0, Math.min(normalBenefit, patient));
      }
    }
    return {
      basis: 'covered', allowed, contractual: cents(line.billed - allowed), feeScheduleAllowed: feeAllowed, category,
      primaryPlanId: plan.planId, secondaryPlanId,
      copay: cents(split.copay), deductible: cents(split.deductible), coinsurance: cents(split.coinsurance),
      patientShare: cents(patient - secondaryShare), insurerShare: cents(allowed - patient), secondaryShare: cents(secondaryShare),
    };
  }

  /** Steps 3–7 for one plan; advances that plan's accumulators. */
  private share(plan: PlanConfig, cov: CoverageRow, benefit: BenefitConfig | undefined, allowed: number, d: Day): Split {
    const year = this.planYear(plan, d);
    const ind = this.members.get(cov)!.get(year);
    const fam = cov.familyId !== null ? this.family(cov).get(year) : null;

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
    let coinsurance: number = percentOf(cents(allowed - copay - deductible), pct);
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
    return { copay: cp, deductible, coinsurance };
  }
}

const minC = (a: number, b: number): Cents => cents(a < b ? a : b);

function feeTimesUnits(fee: FeeScheduleRow, units: number): number {
  // Whole units in the sample; fractional units round half-up to the cent.
  return Number.isInteger(units) ? fee.allowed * units : Math.round(fee.allowed * units);
}

/** Indices in service-date order, then input order — a counting sort when the date span is small. */
export function serviceOrder(lines: readonly OracleLine[]): Int32Array | number[] {
  const n = lines.length;
  if (n === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = lines[i]!.serviceDate;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const span = hi - lo + 1;
  if (span > 4 * n + 100_000) {
    return Array.from({ length: n }, (_, i) => i).sort((a, b) => lines[a]!.serviceDate - lines[b]!.serviceDate || a - b);
  }
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) counts[lines[i]!.serviceDate - lo + 1]!++;
  for (let k = 1; k <= span; k++) counts[k]! += counts[k - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[counts[lines[i]!.serviceDate - lo]!++] = i;
  return order;
}

/** Convenience: adjudicate a list of lines against a configuration in one call. */
export function oracleShares(config: OracleConfig, lines: readonly OracleLine[], asOf: Day | null = null): OracleShares[] {
  return new SampleOracle(config, asOf).adjudicateAll(lines);
}
