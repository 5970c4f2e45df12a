/**
 * Covered lines between the two passes of adjudicate(): what the first pass
 * (sheet order) found for each line, in columns by input position, so the
 * second pass (service-date order) reads compact arrays with independent
 * loads instead of chasing a million line objects in random order — on a
 * large heap that random pointer-chasing was most of the run time.
 */
import type { CoverageEntry } from './coverageLookup';
import type { BenefitInfo } from './planIndex';

export class PendingLines {
  /** The primary coverage; undefined when the line is not waiting for the second pass. */
  readonly entry: (CoverageEntry | undefined)[];
  readonly benefit: (BenefitInfo | undefined)[];
  readonly category: (string | undefined)[];
  /** Secondary coverage (null: none). */
  readonly secondary: (CoverageEntry | null | undefined)[];
  /** The secondary's benefit for the line (undefined when no secondary or its plan is unknown). */
  readonly secondaryBenefit: (BenefitInfo | undefined)[];
  readonly lineIndex: Int32Array;
  readonly day: Float64Array;
  readonly allowed: Float64Array;
  readonly contractual: Float64Array;
  /** The fee schedule's allowed; NaN for none. */
  readonly schedule: Float64Array;
  readonly secondaryAllowed: Float64Array;

  constructor(n: number) {
    this.entry = new Array<CoverageEntry | undefined>(n);
    this.benefit = new Array<BenefitInfo | undefined>(n);
    this.category = new Array<string | undefined>(n);
    this.secondary = new Array<CoverageEntry | null | undefined>(n);
    this.secondaryBenefit = new Array<BenefitInfo | undefined>(n);
    this.lineIndex = new Int32Array(n);
    this.day = new Float64Array(n);
    this.allowed = new Float64Array(n);
    this.contractual = new Float64Array(n);
    this.schedule = new Float64Array(n);
    this.secondaryAllowed = new Float64Array(n);
  }
}
