import type { Cents } from './money';

/** How a line's shares were decided. */
export type CoverageBasis =
  | 'covered'          // a plan covered it: copay/deductible/coinsurance apply
  | 'not-covered'      // the benefit says Covered = N
  | 'no-coverage'      // billed to a payer but no coverage on the date of service
  | 'self-pay'         // no payer
  | 'unconfigured';    // a payer, but no configuration to compute shares from

/** Expected shares for one ledger line (DESIGN §5, §7). */
export interface LineShares {
  readonly lineIndex: number;
  readonly basis: CoverageBasis;
  readonly allowed: Cents;
  readonly contractual: Cents;
  /** The fee schedule's allowed × units (capped at billed), when a row matched — for ALLOWED_MISMATCH. */
  readonly feeScheduleAllowed: Cents | null;
  readonly category: string | null;
  readonly primaryPlanId: string | null;
  readonly secondaryPlanId: string | null;
  /** Primary plan's split; null where no configuration allows them. */
  readonly copay: Cents | null;
  readonly deductible: Cents | null;
  readonly coinsurance: Cents | null;
  /** What the patient owes after every payer. */
  readonly patientShare: Cents | null;
  readonly insurerShare: Cents | null;
  readonly secondaryShare: Cents | null;
  /** Plain-English working a representative can read to the patient. */
  readonly explanation: string;
}

/**
 * Expected shares by line position: `at(i)` belongs to `lines[i]`, undefined
 * where none were computed. adjudicate()'s SharesTable is one; so is any
 * array of LineShares.
 */
export interface SharesByLine {
  readonly length: number;
  at(i: number): LineShares | undefined;
}
