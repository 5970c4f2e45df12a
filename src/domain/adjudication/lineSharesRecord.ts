/**
 * The LineShares object adjudicate() returns.
 *
 * Its `explanation` is written on first read, not during adjudication:
 * building a ~200-character sentence is several times the cost of all the
 * arithmetic (measured in bench/adjudicate.ts), and findings, statements and
 * KPIs never read it. To still behave like the plain string field the type
 * promises, `explanation` is an *own, enumerable* accessor (one shared
 * getter, no per-line closure): JSON.stringify, object spread, Object.keys,
 * structuredClone and jest's toEqual all see a string. The facts the text
 * needs are captured as #private fields when the line is adjudicated (the
 * accumulators move on afterwards), so the text never depends on when it
 * is read; #private fields stay invisible to all of the above.
 */
import type { LedgerLine } from '../ledger';
import type { CoverageBasis, LineShares } from '../shareTypes';
import type { Cents } from '../money';
import type { CostShare } from './costSharing';
import type { BenefitInfo } from './planIndex';
import { coveredText, noCoverageText, notCoveredText, selfPayText, unconfiguredText } from './explanation';

/** Bits of `flags`. */
export const FAMILY_DEDUCTIBLE = 1;
export const FAMILY_OOP = 2;
export const SECONDARY_NOT_COVERED = 4;
export const NON_DUPLICATION = 8;
export const SECONDARY_AS_PRIMARY = 16;

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

  readonly #line: LedgerLine;
  #benefit: BenefitInfo | null = null;
  /** CostShare.coinsuranceBase / coinsuranceBeforeCap / oopCut (kept as numbers, not the object). */
  #coinsuranceBase = 0;
  #coinsuranceBeforeCap = 0;
  #oopCut = 0;
  /** Deductible / OOP accumulator that bound the line, after it (0 when not shown). */
  #deductibleMet = 0;
  #deductibleLimit = 0;
  #oopMet = 0;
  #oopLimit = 0;
  #secondaryNormal = 0;
  #flags = 0;
  #text: string | null = null;

  constructor(
    line: LedgerLine, basis: CoverageBasis, allowed: Cents, contractual: Cents, feeScheduleAllowed: Cents | null,
    category: string | null, primaryPlanId: string | null, secondaryPlanId: string | null,
    copay: Cents | null, deductible: Cents | null, coinsurance: Cents | null,
    patientShare: Cents | null, insurerShare: Cents | null, secondaryShare: Cents | null,
  ) {
    this.lineIndex = line.index;
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
    this.#line = line;
  }

  /** Facts of a covered line's working, captured when it was adjudicated. */
  tell(share: CostShare, benefit: BenefitInfo, deductibleMet: Cents, deductibleLimit: Cents, oopMet: Cents, oopLimit: Cents,
    secondaryNormal: Cents, flags: number): this {
    this.#coinsuranceBase = share.coinsuranceBase;
    this.#coinsuranceBeforeCap = share.coinsuranceBeforeCap;
    this.#oopCut = share.oopCut;
    this.#benefit = benefit;
    this.#deductibleMet = deductibleMet;
    this.#deductibleLimit = deductibleLimit;
    this.#oopMet = oopMet;
    this.#oopLimit = oopLimit;
    this.#secondaryNormal = secondaryNormal;
    this.#flags = flags;
    return this;
  }

  /** The explanation, built once on first read. */
  text(): string {
    return this.#text ?? (this.#text = this.build());
  }

  private build(): string {
    const line = this.#line;
    switch (this.basis) {
      case 'self-pay':
        return selfPayText(line.billed);
      case 'no-coverage':
        return noCoverageText(line.billed, line.serviceDate, line.payer);
      case 'not-covered':
        return notCoveredText(line.billed, this.category ?? 'these', this.primaryPlanId ?? '');
      case 'unconfigured':
        return unconfiguredText(line.billed, this.allowed, this.contractual, this.primaryPlanId, line.payer);
      case 'covered': {
        const f = this.#flags;
        const copay = this.copay!;
        const deductible = this.deductible!;
        const coinsurance = this.coinsurance!;
        const patient = (copay + deductible + coinsurance) as Cents;
        const share: CostShare = {
          copay, deductible, coinsurance, patient, insurer: this.insurerShare!,
          coinsuranceBase: this.#coinsuranceBase as Cents, coinsuranceBeforeCap: this.#coinsuranceBeforeCap as Cents, oopCut: this.#oopCut as Cents,
        };
        return coveredText({
          billed: line.billed, allowed: this.allowed, contractual: this.contractual, share, benefit: this.#benefit!,
          deductible: { met: this.#deductibleMet as Cents, limit: this.#deductibleLimit as Cents, family: (f & FAMILY_DEDUCTIBLE) !== 0 },
          oop: { met: this.#oopMet as Cents, limit: this.#oopLimit as Cents, family: (f & FAMILY_OOP) !== 0 },
          secondaryActsAsPrimary: (f & SECONDARY_AS_PRIMARY) !== 0,
          secondaryPlanId: this.secondaryPlanId,
          secondaryNormal: this.#secondaryNormal as Cents,
          secondaryNotCovered: (f & SECONDARY_NOT_COVERED) !== 0,
          nonDuplication: (f & NON_DUPLICATION) !== 0,
          secondaryPays: this.secondaryShare,
          patient: this.patientShare,
        });
      }
    }
  }
}
