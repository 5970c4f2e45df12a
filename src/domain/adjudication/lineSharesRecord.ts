/**
 * The LineShares objects adjudicate() returns, and the facts their
 * explanations are written from.
 *
 * `explanation` is written on first read, not during adjudication: building
 * a ~200-character sentence costs more than all the arithmetic of a line
 * (bench/adjudicate.ts measures both), and findings, statements and KPIs
 * never read it. To behave like the plain string field the type promises,
 * it is an *own, enumerable* accessor (one shared getter, no per-line
 * closure): JSON.stringify, object spread, Object.keys, structuredClone and
 * jest's toEqual all see a string.
 *
 * What the text needs beyond the public fields (the accumulators as they
 * stood right after the line, the coinsurance base, …) is captured when the
 * line is adjudicated into one column table per run (`RunFacts`), so a
 * line allocates one object, and the text never depends on when it is read.
 * The record reaches its row through two #private fields, invisible to all
 * of the above.
 */
import type { LedgerLine } from '../ledger';
import type { CoverageBasis, LineShares } from '../shareTypes';
import * as money from '../money';
import type { Cents } from '../money';
import type { CostShare } from './costSharing';
import type { BenefitInfo } from './planIndex';
import { familyDeductibleLimit } from './accumulators';
import { coveredText, noCoverageText, notCoveredText, selfPayText, unconfiguredText } from './explanation';

const { percentOf } = money;

/** Bits of a covered line's flags. */
export const FAMILY_DEDUCTIBLE = 1;
export const FAMILY_OOP = 2;
export const SECONDARY_NOT_COVERED = 4;
export const NON_DUPLICATION = 8;
export const SECONDARY_AS_PRIMARY = 16;

/** Per-run columns, indexed by the line's position in the input array. */
export class RunFacts {
  private readonly benefit: (BenefitInfo | undefined)[];
  /** allowed − copay − deductible before the OOP cap (CostShare.coinsuranceBase). */
  private readonly base: Float64Array;
  /** The deductible / OOP accumulator named by the flags, right after the line. */
  private readonly deductibleMet: Float64Array;
  private readonly oopMet: Float64Array;
  /** What the secondary would pay as primary. */
  private readonly secondaryNormal: Float64Array;
  private readonly flags: Uint8Array;
  private texts: (string | undefined)[] | null = null;

  constructor(private readonly lines: readonly LedgerLine[]) {
    const n = lines.length;
    this.benefit = new Array<BenefitInfo | undefined>(n);
    this.base = new Float64Array(n);
    this.deductibleMet = new Float64Array(n);
    this.oopMet = new Float64Array(n);
    this.secondaryNormal = new Float64Array(n);
    this.flags = new Uint8Array(n);
  }

  setCovered(at: number, benefit: BenefitInfo, share: CostShare, deductibleMet: Cents, oopMet: Cents, secondaryNormal: Cents, flags: number): void {
    this.benefit[at] = benefit;
    this.base[at] = share.coinsuranceBase;
    this.deductibleMet[at] = deductibleMet;
    this.oopMet[at] = oopMet;
    this.secondaryNormal[at] = secondaryNormal;
    this.flags[at] = flags;
  }

  text(r: LineShares, at: number): string {
    const texts = this.texts ?? (this.texts = new Array<string | undefined>(this.lines.length));
    return texts[at] ?? (texts[at] = this.build(r, at));
  }

  private build(r: LineShares, at: number): string {
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
    const b = this.benefit[at]!;
    const plan = b.plan;
    const f = this.flags[at]!;
    const copay = r.copay!;
    const deductible = r.deductible!;
    const coinsurance = r.coinsurance!;
    // Re-derive the pre-cap split exactly as shareCost did: copay₀ = min(copay, allowed), deductible₀ = allowed − copay₀ − base.
    const base = this.base[at]! as Cents;
    const copay0 = r.allowed <= 0 ? 0 : Math.max(0, Math.min(b.copay, r.allowed));
    const deductible0 = r.allowed <= 0 ? 0 : r.allowed - copay0 - base;
    const coinsuranceBeforeCap = percentOf(base, b.coinsurancePct);
    const share: CostShare = {
      copay, deductible, coinsurance, coinsuranceBase: base, coinsuranceBeforeCap,
      oopCut: (copay0 + deductible0 + coinsuranceBeforeCap - copay - deductible - coinsurance) as Cents,
      patient: (copay + deductible + coinsurance) as Cents, insurer: r.insurerShare!,
    };
    const familyDeductible = (f & FAMILY_DEDUCTIBLE) !== 0;
    const familyOop = (f & FAMILY_OOP) !== 0;
    return coveredText({
      billed: line.billed, allowed: r.allowed, contractual: r.contractual, share, benefit: b,
      deductible: {
        met: this.deductibleMet[at]! as Cents,
        limit: familyDeductible ? familyDeductibleLimit(plan)! : plan.deductibleIndividual,
        family: familyDeductible,
      },
      oop: {
        met: this.oopMet[at]! as Cents,
        limit: (familyOop ? plan.oopMaxFamily : plan.oopMaxIndividual) ?? (0 as Cents),
        family: familyOop,
      },
      secondaryActsAsPrimary: (f & SECONDARY_AS_PRIMARY) !== 0,
      secondaryPlanId: r.secondaryPlanId,
      secondaryNormal: this.secondaryNormal[at]! as Cents,
      secondaryNotCovered: (f & SECONDARY_NOT_COVERED) !== 0,
      nonDuplication: (f & NON_DUPLICATION) !== 0,
      secondaryPays: r.secondaryShare,
      patient: r.patientShare,
    });
  }
}

const explanationProperty: PropertyDescriptor = {
  get(this: LineSharesRecord): string {
    return this.text();
  },
  enumerable: true,
  configurable: false,
};

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
  declare readonly explanation: string;

  readonly #facts: RunFacts;
  readonly #at: number;

  constructor(
    facts: RunFacts, at: number, lineIndex: number, basis: CoverageBasis, allowed: Cents, contractual: Cents,
    feeScheduleAllowed: Cents | null, category: string | null, primaryPlanId: string | null, secondaryPlanId: string | null,
    copay: Cents | null, deductible: Cents | null, coinsurance: Cents | null,
    patientShare: Cents | null, insurerShare: Cents | null, secondaryShare: Cents | null,
  ) {
    this.lineIndex = lineIndex;
    this.basis = basis;
    this.allowed = allowed;
    this.contractual = contractual;
    this.feeScheduleAllowed = feeScheduleAllowed;
    this.category = category;
    this.primaryPlanId = primaryPlanId;
    this.secondaryPlanId = secondaryPlanId;
    this.copay = copay;
    this.deductible = deductible;
    this.coinsurance = coinsurance;
    this.patientShare = patientShare;
    this.insurerShare = insurerShare;
    this.secondaryShare = secondaryShare;
    Object.defineProperty(this, 'explanation', explanationProperty);
    this.#facts = facts;
    this.#at = at;
  }

  /** The explanation, built once on first read. */
  text(): string {
    return this.#facts.text(this, this.#at);
  }
}
