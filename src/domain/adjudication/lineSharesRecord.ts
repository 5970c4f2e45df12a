/**
 * One line's expected shares as an object: what `SharesTable.at(i)` hands
 * out (sharesTable.ts keeps the figures as columns).
 *
 * One class, so every record of every run has one shape and code reading
 * records stays monomorphic. `explanation` is a getter on the class, written
 * from the table's facts when read: building a ~200-character sentence
 * costs more than all the arithmetic of a line, and findings, statements
 * and KPIs never read it. The link to the table is two private fields,
 * invisible to Object.keys, spread, JSON, structuredClone and jest; `toJSON`
 * puts the text into JSON.stringify output like a field. Object spread and
 * structuredClone copy own fields only, so they do not carry the text.
 */
import type { CoverageBasis, LineShares } from '../shareTypes';
import type { Cents } from '../money';

/** Where a record's explanation comes from (the SharesTable that made it). */
export interface ExplanationSource {
  explanationOf(at: number, r: LineShares): string;
}

/**
 * The same amount, as V8's optimiser sees it: a 32-bit integer when it is
 * one, stored inline in the object rather than boxed in a heap number of its
 * own. Exact: a value outside the 32-bit range is returned unchanged.
 */
const small = (c: Cents): Cents => ((c | 0) === c ? ((c | 0) as Cents) : c);
const smallOrNull = (c: Cents | null): Cents | null => (c === null ? null : small(c));

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
  readonly #source: ExplanationSource;
  readonly #at: number;

  constructor(
    source: ExplanationSource, at: number, lineIndex: number, basis: CoverageBasis, allowed: Cents, contractual: Cents,
    feeScheduleAllowed: Cents | null, category: string | null, primaryPlanId: string | null, secondaryPlanId: string | null,
    copay: Cents | null, deductible: Cents | null, coinsurance: Cents | null,
    patientShare: Cents | null, insurerShare: Cents | null, secondaryShare: Cents | null,
  ) {
    this.lineIndex = lineIndex;
    this.basis = basis;
    this.allowed = small(allowed);
    this.contractual = small(contractual);
    this.feeScheduleAllowed = smallOrNull(feeScheduleAllowed);
    this.category = category;
    this.primaryPlanId = primaryPlanId;
    this.secondaryPlanId = secondaryPlanId;
    this.copay = smallOrNull(copay);
    this.deductible = smallOrNull(deductible);
    this.coinsurance = smallOrNull(coinsurance);
    this.patientShare = smallOrNull(patientShare);
    this.insurerShare = smallOrNull(insurerShare);
    this.secondaryShare = smallOrNull(secondaryShare);
    this.#source = source;
    this.#at = at;
  }

  /** Plain-English working, written on each read. */
  get explanation(): string {
    return this.#source.explanationOf(this.#at, this);
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
