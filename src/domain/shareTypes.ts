/**
 * What adjudication decides for one ledger line (DESIGN §4, §5, §7) — plain
 * data: no getters, no back-pointers, nothing a structured clone would lose.
 * Findings, statements, KPIs and the reports read these decisions instead of
 * working them out again.
 */
import type { Cents, Percent } from './money';
import type { Day } from './day';
import type { FeeScheduleRow } from './config';

/** §4 "Who pays a line". */
export type WhoPays = 'insured' | 'self-pay' | 'unknown';

/**
 * §4 "Where a line stands".
 * - `pending`: still with insurance (not billed to the patient);
 * - `denied-office`: denied, the office's to work (DENIED_UNWORKED), not billed;
 * - `denied-patient`: a PR-group denial: the patient's to pay, decided as §5.2;
 * - `decided`: everything else.
 */
export type LineStanding = 'pending' | 'denied-office' | 'denied-patient' | 'decided';

/** How a line's shares were decided. */
export type CoverageBasis =
  | 'covered'              // a plan computed copay/deductible/coinsurance (the secondary's under §5 step 10)
  | 'not-covered'          // §5.2: Covered = N under every plan in effect, or a PR-group denial
  | 'no-coverage'          // insured, but the Coverage sheet has no row on the DOS: the patient owes it all
  | 'coverage-out-of-date' // …and yet an insurer payment is posted: the sheet is out of date, shares null
  | 'coverage-in-doubt'    // a Coverage row with an input issue might cover it: shares null
  | 'self-pay'             // §5.2: no insurance
  | 'unknown'              // §4.3: no Payer column and no Coverage sheet: shares null
  | 'unconfigured';        // insured, but no Plans row to compute from: allowed known, split null

/** The benefit a plan applied to the line's category (a Benefits row, or §4's default). */
export interface AppliedBenefit {
  readonly planId: string;
  readonly category: string;
  readonly covered: boolean;
  readonly copay: Cents;
  readonly deductibleApplies: boolean;
  /** The row's coinsurance, else the plan's. */
  readonly coinsurancePct: Percent;
  /** The Benefits sheet row; null when §4's default applied (no row for the category). */
  readonly row: number | null;
}

/** What the secondary did on a line the primary shared (§5 step 9). */
export interface SecondaryWorking {
  readonly planId: string;
  /** What it would pay as primary; null when it has no Plans row. */
  readonly normalBenefit: Cents | null;
  /** What it pays; null when it has no Plans row. */
  readonly pays: Cents | null;
  readonly notCovered: boolean;
  readonly nonDuplication: boolean;
}

/**
 * An accumulator right after a line: what is met of its limit, and whether it
 * is the family's (a line that touches neither says nothing, so most lines
 * carry null — a million lines' working is a large part of an analysis's memory).
 */
export interface AccumulatorAfter {
  readonly met: Cents;
  readonly limit: Cents;
  readonly family: boolean;
}

/**
 * The working of a line's shares, as data; `explainShares` (explanation.ts)
 * is the one function that turns it into the sentence a representative reads.
 */
export type ShareWorking =
  | { readonly kind: 'self-pay'; readonly billed: Cents }
  | { readonly kind: 'unknown'; readonly billed: Cents }
  | { readonly kind: 'no-coverage'; readonly billed: Cents; readonly serviceDate: Day; readonly payer: string | null }
  | { readonly kind: 'coverage-out-of-date'; readonly serviceDate: Day; readonly payer: string | null }
  | { readonly kind: 'coverage-in-doubt'; readonly coverageCell: string }
  | { readonly kind: 'not-covered'; readonly billed: Cents; readonly category: string; readonly planId: string; readonly secondaryPlanId: string | null }
  | { readonly kind: 'denied-patient'; readonly billed: Cents; readonly denialCode: string }
  | {
      readonly kind: 'unconfigured';
      readonly billed: Cents;
      /** null when neither the ledger nor a fee-schedule row gives one. */
      readonly allowed: Cents | null;
      readonly contractual: Cents | null;
      readonly planId: string | null;
      readonly payer: string | null;
    }
  | {
      /**
       * What only the working knows; the amounts themselves (allowed,
       * contractual, copay, deductible, coinsurance, what the patient owes,
       * the benefit) are the line's shares, not repeated here.
       */
      readonly kind: 'covered';
      /** The plan's individual deductible is zero (nothing to say about a deductible). */
      readonly planHasDeductible: boolean;
      /** allowed − copay − deductible before the cap, and its coinsurance before the cap. */
      readonly coinsuranceBase: Cents;
      readonly coinsuranceBeforeCap: Cents;
      /** The deductible accumulator that bound the line, after it; null when the line took no deductible. */
      readonly deductibleAfter: AccumulatorAfter | null;
      /** What the out-of-pocket maximum took off and that maximum after the line; null when it took nothing. */
      readonly outOfPocketCap: (AccumulatorAfter & { readonly cut: Cents }) | null;
      /** What the adjudicating plan leaves to the patient, and pays. */
      readonly planPatient: Cents;
      readonly planPays: Cents;
      /**
       * §5 step 10: the secondary adjudicated the line as primary, because
       * only a Secondary row was in effect, or the primary does not cover
       * the service; null when the primary did.
       */
      readonly secondaryAsPrimary: null | 'only-secondary-in-effect' | 'primary-does-not-cover';
      readonly secondary: SecondaryWorking | null;
    };

/** Expected shares for one ledger line (DESIGN §5, §7). */
export interface LineShares {
  /** The line's position in the analysed ledger (`ledger.lines[lineIndex]`). */
  readonly lineIndex: number;
  readonly whoPays: WhoPays;
  readonly standing: LineStanding;
  readonly basis: CoverageBasis;
  /** null where the basis computes no shares (§4). */
  readonly allowed: Cents | null;
  readonly contractual: Cents | null;
  /** The adjudicating plan's split (the secondary's under §5 step 10). */
  readonly copay: Cents | null;
  readonly deductible: Cents | null;
  readonly coinsurance: Cents | null;
  /** What the patient owes after every payer. */
  readonly patientShare: Cents | null;
  readonly insurerShare: Cents | null;
  readonly secondaryShare: Cents | null;
  /** The fee-schedule row §5.1 matched for the adjudicating plan (else the line's payer); null for none. */
  readonly feeRow: FeeScheduleRow | null;
  /** That row's allowed × units, capped at billed (for ALLOWED_MISMATCH); null when no row matched. */
  readonly feeScheduleAllowed: Cents | null;
  /** The service category (the fee row's, else the default from the code). */
  readonly category: string;
  /** The benefit applied; null where no plan decided the line. */
  readonly benefit: AppliedBenefit | null;
  readonly primaryPlanId: string | null;
  readonly secondaryPlanId: string | null;
  /** The Coverage row (1-based sheet row) that decided the line's coverage, if any. */
  readonly coverageRow: number | null;
  /** A Coverage cell with an input issue that might cover this line (basis `coverage-in-doubt`). */
  readonly coverageIssueCell: string | null;
  readonly working: ShareWorking;
}

/** Shares by line position: `shares[i]` belongs to `lines[i]`. */
export type SharesByLine = readonly LineShares[];
