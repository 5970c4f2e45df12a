/**
 * What adjudicate() returns: every line's expected shares, held in one
 * Int32Array, a few numbers per line.
 *
 * Why not one object per line: a million retained result objects cost more
 * than all the arithmetic of adjudication — allocating them and having the
 * garbage collector copy each one out of the young generation took ~0.3 s
 * per million lines (bench/adjudicate.ts "floor"), and held ~140 MB. A
 * typed array is one allocation, never copied or scanned by the collector.
 *
 * Readers see `LineShares` objects all the same: `shares.at(i)` builds the
 * line's record (lineSharesRecord.ts) when it is asked for — short-lived
 * objects, which the young generation drops for free. An array of
 * LineShares is a `SharesByLine` too, so findings, statements and KPIs take
 * either.
 *
 * Only what adjudication decided is stored: the basis, the category, the
 * plans, the fee schedule's allowed, a covered line's copay, deductible
 * and coinsurance, and — for lines with a secondary plan — what that plan
 * would pay as primary. The rest follows, each by the rule that defines it:
 * allowed is the ledger's, else the fee schedule's, else billed (§5.1,
 * `allowedFor`), for every basis but those §5.2 bills in full (allowed =
 * billed); contractual = billed − allowed; a basis other than covered fixes
 * the split (§5.2); a covered line's insurer pays allowed − (copay +
 * deductible + coinsurance); the secondary pays `secondaryPayment` of its
 * normal benefit (§5.9) and the patient owes the rest.
 *
 * Why so sparing: bytes allocated outside the JavaScript heap count towards
 * V8's "external memory" limit, and each time a run's allocations pass it
 * V8 runs a full collection, which has to mark every ledger line in memory
 * — ~0.12 s per million lines. Seven slots (28 MB per million lines) let
 * runs pass without one; nine slots and two more arrays brought one every
 * other run (bench/adjudicate.ts).
 *
 * Names are stored as numbers: a category as its CategoryRef.id (with the
 * basis and the explanation's flags in the same slot), a line's plan ids
 * as the number of the pair in per-run lists.
 *
 * The explanation's facts (the accumulator as it stood right after the
 * line, a few flags) are kept here too, so the text can be written when it
 * is read and never depends on when that is; the benefit is found again
 * from the plan and category, as adjudication found it.
 */
import type { LedgerLine } from '../ledger';
import type { CoverageBasis, LineShares, SharesByLine } from '../shareTypes';
import * as money from '../money';
import type { Cents } from '../money';
import type { ShareScratch } from './costSharing';
import type { CobMethod } from '../config';
import type { PlanInfo } from './planIndex';
import { secondaryPayment } from './coordinationOfBenefits';
import { familyDeductibleLimit } from './accumulators';
import { allowedFor } from './allowedAmount';
import { CoveredFacts, coveredText, noCoverageText, notCoveredText, selfPayText, unconfiguredText } from './explanation';
import { LineSharesRecord } from './lineSharesRecord';
import type { CategoryRef } from './serviceCategory';

const { percentOf, ZERO } = money;

/** Bits of a covered line's flags. */
export const FAMILY_DEDUCTIBLE = 1;
export const FAMILY_OOP = 2;
export const SECONDARY_NOT_COVERED = 4;
export const NON_DUPLICATION = 8;
export const SECONDARY_AS_PRIMARY = 16;
export const OOP_CUT = 32;

/** The basis column's codes, in this order. */
export const SELF_PAY = 0;
export const NO_COVERAGE = 1;
export const UNCONFIGURED = 2;
export const NOT_COVERED = 3;
export const COVERED = 4;
const BASES: readonly CoverageBasis[] = ['self-pay', 'no-coverage', 'unconfigured', 'not-covered', 'covered'];

/**
 * A line's figures sit side by side, STRIDE slots per line (row-major):
 * writing a line touches one stretch of memory, not one place in each of
 * seven columns, and the run makes one allocation.
 *
 * Amounts are cents up to ±21,474,836.47, stored in place. Two values at
 * the bottom of the range are markers: NULL_AMOUNT for null, BIG for an
 * amount that does not fit, kept in a map by slot instead.
 */
const NULL_AMOUNT = -2147483648;
const BIG = -2147483647;
const MAX_IN_PLACE = 2147483647;
/**
 * Slots. KIND: the basis (3 bits), a covered line's flags (6 bits) and the
 * category's number (CategoryRef.id: at most one per fee-schedule row, so
 * below 2^21). PLANS: the (primary, secondary) pair's number. Then amounts,
 * and the deductible accumulator right after the line (for the explanation).
 */
const KIND = 0, PLANS = 1, FEE = 2, COPAY = 3, DEDUCTIBLE = 4, COINSURANCE = 5, DEDUCTIBLE_MET = 6;
const STRIDE = 7;
const FLAGS_SHIFT = 3;
const CATEGORY_SHIFT = 9;
/** A name's null. */
const NO_NAME = -1;

export class SharesTable implements SharesByLine, Iterable<LineShares> {
  readonly length: number;
  /** Line `at`'s slots are cells[at × STRIDE …]. */
  private readonly cells: Int32Array;
  /** Amounts that do not fit in place, by slot index (secondaryNormal's: negative, −1 − position). */
  private readonly big = new Map<number, number>();

  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private readonly primaryOf: number[] = [];
  private readonly secondaryOf: number[] = [];
  /** Each pair's primary plan (null: not configured), for finding a covered line's benefit again. */
  private readonly primaryPlanOf: (PlanInfo | null)[] = [];
  private readonly planPairs = new Map<number, number>();
  /** undefined: no pair named yet (null is a plan id's "none"). */
  private lastPrimary: string | null | undefined = undefined;
  private lastSecondary: string | null | undefined = undefined;
  private lastPlans = 0;

  // The explanations' facts beyond the slots.
  /** Lines the out-of-pocket maximum cut (few): the OOP accumulator after the line, and the coinsurance base. */
  private readonly oopMet = new Map<number, number>();
  private readonly coinsuranceBase = new Map<number, number>();
  /**
   * Lines with a secondary plan: what it would pay as primary, NULL_AMOUNT
   * when its plan is not configured (made at the first such line).
   */
  private secondaryNormal: Int32Array | null = null;
  private readonly scratch = new CoveredFacts();

  /** The run's CategoryList (filled as the run meets categories) and COB method. */
  private categories: readonly CategoryRef[] = [];
  private cobMethod: CobMethod = 'Traditional';

  constructor(private readonly lines: readonly LedgerLine[]) {
    this.length = lines.length;
    this.cells = new Int32Array(lines.length * STRIDE);
  }

  /** Where the run's category numbers point, and how its secondaries pay: given before any line is written. */
  explainWith(categories: readonly CategoryRef[], cobMethod: CobMethod): void {
    this.categories = categories;
    this.cobMethod = cobMethod;
  }

  /**
   * A line whose shares its basis fixes: self-pay, no coverage and not
   * covered (§5.2: the patient owes the charge, allowed = billed), or
   * unconfigured (allowed per §5.1, no split computable).
   */
  setUncovered(
    at: number, basis: number, feeScheduleAllowed: Cents | null, category: CategoryRef, primaryPlanId: string | null, primaryPlan: PlanInfo | null,
  ): void {
    const p = at * STRIDE;
    const c = this.cells;
    c[p + KIND] = (category.id << CATEGORY_SHIFT) | basis;
    c[p + PLANS] = this.planPairId(primaryPlanId, null, primaryPlan);
    c[p + FEE] = feeScheduleAllowed === null ? NULL_AMOUNT : this.inPlace(p + FEE, feeScheduleAllowed);
  }

  /**
   * A covered line: the primary plan's split. The patient's and insurers'
   * shares follow from it (and, with a secondary plan, setSecondaryNormal).
   */
  setCovered(
    at: number, feeScheduleAllowed: Cents | null, category: CategoryRef, primaryPlanId: string, secondaryPlanId: string | null,
    primaryPlan: PlanInfo, s: ShareScratch, deductibleMet: Cents, oopMet: Cents, flags: number,
  ): void {
    const p = at * STRIDE;
    const c = this.cells;
    c[p + KIND] = (category.id << CATEGORY_SHIFT) | (flags << FLAGS_SHIFT) | COVERED;
    c[p + PLANS] = this.planPairId(primaryPlanId, secondaryPlanId, primaryPlan);
    c[p + FEE] = feeScheduleAllowed === null ? NULL_AMOUNT : this.inPlace(p + FEE, feeScheduleAllowed);
    c[p + COPAY] = this.inPlace(p + COPAY, s.copay);
    c[p + DEDUCTIBLE] = this.inPlace(p + DEDUCTIBLE, s.deductible);
    c[p + COINSURANCE] = this.inPlace(p + COINSURANCE, s.coinsurance);
    if (s.deductible > 0) c[p + DEDUCTIBLE_MET] = this.inPlace(p + DEDUCTIBLE_MET, deductibleMet);
    if ((flags & OOP_CUT) !== 0) {
      this.oopMet.set(at, oopMet);
      this.coinsuranceBase.set(at, s.coinsuranceBase);
    }
  }

  /** A covered line's secondary plan: what it would pay as primary; null when that plan is not configured. */
  setSecondaryNormal(at: number, normal: Cents | null): void {
    const col = this.secondaryNormal ?? (this.secondaryNormal = new Int32Array(this.length));
    col[at] = normal === null ? NULL_AMOUNT : this.inPlace(-1 - at, normal);
  }

  /** lines[i]'s shares, as a record of its own; undefined unless i is a whole number in 0 … length − 1. */
  at(i: number): LineShares | undefined {
    if (!(i >= 0 && i < this.length && Number.isInteger(i))) return undefined;
    const line = this.lines[i]!;
    const p = i * STRIDE;
    const kind = this.cells[p + KIND]!;
    const basis = kind & 7;
    const categoryRef = this.categories[kind >>> CATEGORY_SHIFT]!;
    const fee = this.amount(p + FEE) as Cents | null;
    const allowed = basis === COVERED || basis === UNCONFIGURED ? allowedFor(line.allowed, fee, line.billed) : line.billed;
    const contractual = (line.billed - allowed) as Cents; // §5.1
    const plans = this.cells[p + PLANS]!;
    const primary = this.name(this.primaryOf[plans]!);
    const secondaryId = this.secondaryOf[plans]!;
    const secondary = this.name(secondaryId);
    let copay: Cents | null = null, deductible: Cents | null = null, coinsurance: Cents | null = null;
    let patient: Cents | null = null, insurer: Cents | null = null, secondaryPays: Cents | null = null;
    if (basis === COVERED) {
      copay = this.amount(p + COPAY) as Cents;
      deductible = this.amount(p + DEDUCTIBLE) as Cents;
      coinsurance = this.amount(p + COINSURANCE) as Cents;
      const primaryPatient = (copay + deductible + coinsurance) as Cents;
      insurer = (allowed - primaryPatient) as Cents;
      if (secondaryId === NO_NAME) {
        secondaryPays = ZERO;
      } else {
        const normal = this.secondaryNormalAt(i);
        secondaryPays = normal === null ? null : secondaryPayment(this.cobMethod, normal, insurer, primaryPatient);
      }
      patient = secondaryPays === null ? null : ((primaryPatient - secondaryPays) as Cents);
    } else if (basis !== UNCONFIGURED) {
      copay = deductible = coinsurance = insurer = secondaryPays = ZERO;
      patient = allowed;
    }
    return new LineSharesRecord(this, i, line.index, BASES[basis]!, allowed, contractual, fee, categoryRef.name, primary, secondary,
      copay, deductible, coinsurance, patient, insurer, secondaryPays);
  }

  /** Every line's record, in line order. */
  toArray(): LineShares[] {
    const out = new Array<LineShares>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i)!;
    return out;
  }

  *[Symbol.iterator](): Iterator<LineShares> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /** Plain-English working for line `at` (`r` is its record). */
  explanationOf(at: number, r: LineShares): string {
    const line = this.lines[at]!;
    switch (r.basis) {
      case 'self-pay':
        return selfPayText(line.billed);
      case 'no-coverage':
        return noCoverageText(line.billed, line.serviceDate, line.payer);
      case 'not-covered':
        return notCoveredText(line.billed, r.category ?? 'these', r.primaryPlanId ?? '');
      case 'unconfigured':
        return unconfiguredText(line.billed, r.allowed, r.contractual, r.primaryPlanId, line.payer);
      case 'covered':
        return this.coveredText(r, at, line);
    }
  }

  private coveredText(r: LineShares, at: number, line: LedgerLine): string {
    const kind = this.cells[at * STRIDE + KIND]!;
    const f = (kind >>> FLAGS_SHIFT) & 63;
    // The benefit adjudication used: the primary plan's row for the line's category, else its default (§4).
    const primaryPlan = this.primaryPlanOf[this.cells[at * STRIDE + PLANS]!]!;
    const b = primaryPlan.benefits.get(this.categories[kind >>> CATEGORY_SHIFT]!.key) ?? primaryPlan.defaultBenefit;
    const plan = b.plan;
    const x = this.scratch;
    const allowed = r.allowed;
    const copay = r.copay!;
    const deductible = r.deductible!;
    const coinsurance = r.coinsurance!;
    x.billed = line.billed;
    x.allowed = allowed;
    x.contractual = r.contractual;
    x.copay = copay;
    x.deductible = deductible;
    x.coinsurance = coinsurance;
    x.primaryPatient = (copay + deductible + coinsurance) as Cents;
    x.insurer = r.insurerShare!;
    x.benefit = b;
    if ((f & OOP_CUT) === 0 || allowed <= 0) {
      // No cap: the split is the one shareCost computed before capping.
      x.coinsuranceBase = (allowed <= 0 ? 0 : allowed - copay - deductible) as Cents;
      x.coinsuranceBeforeCap = coinsurance;
      x.oopCut = 0 as Cents;
    } else {
      // Re-derive the pre-cap split exactly as shareCost did: copay₀ = min(copay, allowed), deductible₀ = allowed − copay₀ − base.
      const base = this.coinsuranceBase.get(at)! as Cents;
      const copay0 = Math.max(0, Math.min(b.copay, allowed));
      const deductible0 = allowed - copay0 - base;
      const beforeCap = percentOf(base, b.coinsurancePct);
      x.coinsuranceBase = base;
      x.coinsuranceBeforeCap = beforeCap;
      x.oopCut = (copay0 + deductible0 + beforeCap - copay - deductible - coinsurance) as Cents;
      const familyOop = (f & FAMILY_OOP) !== 0;
      x.familyOop = familyOop;
      x.oopMet = this.oopMet.get(at)! as Cents;
      x.oopLimit = ((familyOop ? plan.oopMaxFamily : plan.oopMaxIndividual) ?? 0) as Cents;
    }
    if (deductible > 0) {
      const familyDeductible = (f & FAMILY_DEDUCTIBLE) !== 0;
      x.familyDeductible = familyDeductible;
      x.deductibleMet = this.amount(at * STRIDE + DEDUCTIBLE_MET) as Cents;
      x.deductibleLimit = familyDeductible ? familyDeductibleLimit(plan)! : plan.deductibleIndividual;
    }
    x.secondaryActsAsPrimary = (f & SECONDARY_AS_PRIMARY) !== 0;
    x.secondaryPlanId = r.secondaryPlanId;
    x.secondaryNormal = this.secondaryNormalAt(at) ?? ZERO;
    x.secondaryNotCovered = (f & SECONDARY_NOT_COVERED) !== 0;
    x.nonDuplication = (f & NON_DUPLICATION) !== 0;
    x.secondaryPays = r.secondaryShare;
    x.patient = r.patientShare;
    return coveredText(x);
  }

  /** What to store for amount `v` in slot `slot`: `v` itself, or BIG with `v` kept aside. `v` is whole cents (money.ts), so a range check tells whether it fits. */
  private inPlace(slot: number, v: number): number {
    if (v > BIG && v <= MAX_IN_PLACE) return v;
    this.big.set(slot, v);
    return BIG;
  }

  /** What line `at`'s secondary plan would pay as primary; null when that plan is not configured. */
  private secondaryNormalAt(at: number): Cents | null {
    if (this.secondaryNormal === null) return ZERO;
    const v = this.secondaryNormal[at]!;
    return (v > BIG ? v : v === NULL_AMOUNT ? null : this.big.get(-1 - at)!) as Cents | null;
  }

  /** The amount in slot `slot`, or null. */
  private amount(slot: number): number | null {
    const v = this.cells[slot]!;
    return v > BIG ? v : v === NULL_AMOUNT ? null : this.big.get(slot)!;
  }

  private name(id: number): string | null {
    return id === NO_NAME ? null : this.names[id]!;
  }

  /** The number of a (primary, secondary) pair of plan ids. */
  private planPairId(primary: string | null, secondary: string | null, primaryPlan: PlanInfo | null): number {
    if (primary === this.lastPrimary && secondary === this.lastSecondary) return this.lastPlans;
    this.lastPrimary = primary;
    this.lastSecondary = secondary;
    const p = primary === null ? NO_NAME : this.nameId(primary);
    const q = secondary === null ? NO_NAME : this.nameId(secondary);
    const key = (p + 1) * 2 ** 26 + (q + 1);
    let id = this.planPairs.get(key);
    if (id === undefined) {
      id = this.primaryOf.length;
      this.primaryOf.push(p);
      this.secondaryOf.push(q);
      this.primaryPlanOf.push(primaryPlan);
      this.planPairs.set(key, id);
    }
    return (this.lastPlans = id);
  }

  private nameId(s: string): number {
    let id = this.nameIds.get(s);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(s);
      this.nameIds.set(s, id);
    }
    return id;
  }
}
