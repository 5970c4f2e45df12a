/**
 * The LineShares objects adjudicate() returns, and the facts their
 * explanations are written from.
 *
 * A result is a `LineSharesRecord`: one class, so every result of every run
 * has one shape and code reading results stays monomorphic.
 *
 * `explanation` is written when read, not during adjudication: building a
 * ~200-character sentence costs more than all the arithmetic of a line, and
 * findings, statements and KPIs never read it. It is a getter on the class,
 * reaching the run's facts through one private field (invisible to
 * Object.keys, spread, JSON, structuredClone and jest); `toJSON` puts the
 * text into JSON.stringify output like a field. Object spread and
 * structuredClone copy own fields only, so they do not carry the text.
 *
 * Measured alternatives (bench/adjudicate.ts, 1M lines): an own accessor
 * per result (Object.defineProperty) cost ~0.15 µs a result, and with one
 * getter closure per run V8 turned the second run's results into
 * dictionary-mode objects (two accessors under one name cannot share a
 * shape): +1 GB. A plain object literal with a per-run prototype is ~0.1 s
 * cheaper to allocate (V8 pretenures literals) but gives each run its own
 * shape: the code deoptimises at every run and goes megamorphic after four.
 *
 * What the text needs beyond the public fields (the accumulators as they
 * stood right after the line, the benefit, a few flags) is kept per run in
 * `RunFacts`: three dense columns and two sparse maps; the text never
 * depends on when it is read.
 */
import type { LedgerLine } from '../ledger';
import type { CoverageBasis, LineShares } from '../shareTypes';
import * as money from '../money';
import type { Cents } from '../money';
import type { ShareScratch } from './costSharing';
import type { BenefitInfo } from './planIndex';
import { familyDeductibleLimit } from './accumulators';
import { CoveredFacts, coveredText, noCoverageText, notCoveredText, selfPayText, unconfiguredText } from './explanation';

const { percentOf } = money;

/** Bits of a covered line's flags. */
export const FAMILY_DEDUCTIBLE = 1;
export const FAMILY_OOP = 2;
export const SECONDARY_NOT_COVERED = 4;
export const NON_DUPLICATION = 8;
export const SECONDARY_AS_PRIMARY = 16;
export const OOP_CUT = 32;
const FLAG_SPACE = 64;

/**
 * The same amount, as V8's optimiser sees it: a 32-bit integer when it is one.
 * Amounts come out of arithmetic typed as doubles (a fee × units, the
 * out-of-pocket cap against an Infinity room), and a double stored into an
 * object field is boxed in a 16-byte heap number of its own — eight per
 * result, +128 MB per million lines. Typed as an integer it is stored inline.
 * Exact: a value outside the 32-bit range is returned unchanged.
 */
const small = (c: Cents): Cents => ((c | 0) === c ? ((c | 0) as Cents) : c);

/**
 * A result: a class with one fixed shape for every run, so code reading
 * results stays monomorphic however many runs an app makes; its one private
 * field links it to its run's facts (invisible to Object.keys, spread, JSON,
 * structuredClone and jest), and `explanation` is a getter on the class.
 */
export class LineSharesRecord implements LineShares {
  readonly lineIndex: number;
  readonly basis: CoverageBasis;
  readonly allowed: Cents;
  readonly contractual: Cents;
  readonly feeScheduleAllowed: Cents | null;
  readonly category: string | null;
  readonly primaryPlanId: string | null;
  readonly secondaryPlanId: string | null;
  readonly copay: Cents | null;
  readonly deductible: Cents | null;
  readonly coinsurance: Cents | null;
  readonly patientShare: Cents | null;
  readonly insurerShare: Cents | null;
  readonly secondaryShare: Cents | null;
  readonly #facts: RunFacts;

  constructor(
    facts: RunFacts, lineIndex: number, basis: CoverageBasis, allowed: Cents, contractual: Cents,
    feeScheduleAllowed: Cents | null, category: string | null, primaryPlanId: string | null, secondaryPlanId: string | null,
    copay: Cents | null, deductible: Cents | null, coinsurance: Cents | null,
    patientShare: Cents | null, insurerShare: Cents | null, secondaryShare: Cents | null,
  ) {
    this.lineIndex = lineIndex;
    this.basis = basis;
    this.allowed = small(allowed);
    this.contractual = small(contractual);
    this.feeScheduleAllowed = feeScheduleAllowed === null ? null : small(feeScheduleAllowed);
    this.category = category;
    this.primaryPlanId = primaryPlanId;
    this.secondaryPlanId = secondaryPlanId;
    this.copay = copay === null ? null : small(copay);
    this.deductible = deductible === null ? null : small(deductible);
    this.coinsurance = coinsurance === null ? null : small(coinsurance);
    this.patientShare = patientShare === null ? null : small(patientShare);
    this.insurerShare = insurerShare === null ? null : small(insurerShare);
    this.secondaryShare = secondaryShare === null ? null : small(secondaryShare);
    this.#facts = facts;
  }

  /** Plain-English working, written on each read from the run's facts. */
  get explanation(): string {
    return this.#facts.text(this);
  }

  /** JSON.stringify sees the fields in LineShares order, the text last. */
  toJSON(): Record<string, unknown> {
    return {
      lineIndex: this.lineIndex, basis: this.basis, allowed: this.allowed, contractual: this.contractual,
      feeScheduleAllowed: this.feeScheduleAllowed, category: this.category, primaryPlanId: this.primaryPlanId,
      secondaryPlanId: this.secondaryPlanId, copay: this.copay, deductible: this.deductible, coinsurance: this.coinsurance,
      patientShare: this.patientShare, insurerShare: this.insurerShare, secondaryShare: this.secondaryShare,
      explanation: this.explanation,
    };
  }
}

/**
 * A first result whose every field is null, made once at load: V8 then types
 * the class's fields as "any value" (amounts stored inline as small
 * integers) from the start, so one amount beyond 32 bits can never retype an
 * always-numeric field as "double" — which boxes every amount of every later
 * result in a 16-byte heap number of its own.
 */
const NULL = null as unknown as Cents;
new LineSharesRecord(null as unknown as RunFacts, NULL, null as unknown as CoverageBasis, NULL, NULL,
  null, null, null, null, null, null, null, null, null, null);

/** Per-run facts, by the line's position in the input array. */
export class RunFacts {
  /** Covered lines: benefit id × 64 + flags. */
  private readonly info: number[];
  /** Covered lines with a deductible: the accumulator named by the flags, right after the line. */
  private readonly deductibleMet: number[];
  /** Lines the out-of-pocket maximum cut: the OOP accumulator after the line, and the coinsurance base. */
  private readonly oopMet = new Map<number, number>();
  private readonly coinsuranceBase = new Map<number, number>();
  /** Lines with a secondary plan: what it would pay as primary (a column made at the first such line). */
  private secondaryNormal: number[] | null = null;
  /** lineIndex → position, when lines are not numbered by position (built on first read). */
  private positions: Map<number, number> | null = null;
  /** When not numbered by position: the results as returned, to tell lines with one lineIndex apart. */
  private own: readonly LineShares[] | null = null;
  private identity = true;
  private readonly scratch = new CoveredFacts();

  constructor(private readonly lines: readonly LedgerLine[], private readonly benefits: readonly BenefitInfo[]) {
    const n = lines.length;
    this.info = new Array<number>(n);
    this.deductibleMet = new Array<number>(n);
  }

  /** Called once the run is complete. */
  finish(results: readonly LineShares[], identity: boolean): void {
    this.identity = identity;
    if (!identity) this.own = results.slice();
  }

  setCovered(at: number, benefit: BenefitInfo, s: ShareScratch, deductibleMet: Cents, oopMet: Cents, flags: number): void {
    this.info[at] = benefit.id * FLAG_SPACE + flags;
    if (s.deductible > 0) this.deductibleMet[at] = deductibleMet;
    if ((flags & OOP_CUT) !== 0) {
      this.oopMet.set(at, oopMet);
      this.coinsuranceBase.set(at, s.coinsuranceBase);
    }
  }

  setSecondaryNormal(at: number, normal: Cents): void {
    (this.secondaryNormal ?? (this.secondaryNormal = new Array<number>(this.lines.length)))[at] = normal;
  }

  private positionOf(r: LineShares): number {
    if (this.identity) return r.lineIndex;
    let p = this.positions;
    if (p === null) {
      p = this.positions = new Map();
      for (let i = this.lines.length - 1; i >= 0; i--) p.set(this.lines[i]!.index, i); // the first of equal indexes wins
    }
    const at = p.get(r.lineIndex);
    const own = this.own!;
    return at !== undefined && own[at] === r ? at : own.indexOf(r);
  }

  text(r: LineShares): string {
    const at = this.positionOf(r);
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
        return this.coveredLine(r, at, line);
    }
  }

  private coveredLine(r: LineShares, at: number, line: LedgerLine): string {
    const info = this.info[at]!;
    const f = info % FLAG_SPACE;
    const b = this.benefits[(info - f) / FLAG_SPACE]!;
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
      x.deductibleMet = this.deductibleMet[at]! as Cents;
      x.deductibleLimit = familyDeductible ? familyDeductibleLimit(plan)! : plan.deductibleIndividual;
    }
    x.secondaryActsAsPrimary = (f & SECONDARY_AS_PRIMARY) !== 0;
    x.secondaryPlanId = r.secondaryPlanId;
    x.secondaryNormal = ((this.secondaryNormal === null ? undefined : this.secondaryNormal[at]) ?? 0) as Cents;
    x.secondaryNotCovered = (f & SECONDARY_NOT_COVERED) !== 0;
    x.nonDuplication = (f & NON_DUPLICATION) !== 0;
    x.secondaryPays = r.secondaryShare;
    x.patient = r.patientShare;
    return coveredText(x);
  }
}
