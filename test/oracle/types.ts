/**
 * What the oracle reads: plain data, as a ledger's cells and configuration
 * rows say it — money in integer cents, dates as ISO strings, percents as
 * numbers (20 = 20 %). The generator's model converts to these; a test can
 * write them by hand. Nothing here comes from src/.
 */

export interface OraclePlan {
  readonly planId: string;
  readonly payer: string;
  /** "MM-DD" (default "01-01"). */
  readonly planYearStart: string;
  readonly deductibleIndividual: number;
  readonly deductibleFamily: number | null;
  readonly oopMaxIndividual: number | null;
  readonly oopMaxFamily: number | null;
  readonly coinsurancePct: number;
  readonly deductibleType: 'Embedded' | 'Aggregate';
}

export interface OracleBenefit {
  readonly planId: string;
  readonly category: string;
  readonly covered: boolean;
  readonly copay: number;
  readonly deductibleApplies: boolean;
  /** null = the plan's. */
  readonly coinsurancePct: number | null;
}

export interface OracleFeeRow {
  /** A payer name, a PlanId, or "*". */
  readonly payer: string;
  readonly code: string;
  /** null = any modifier. */
  readonly modifier: string | null;
  /** Allowed per unit, cents. */
  readonly allowed: number;
  readonly category: string | null;
}

export interface OracleCoverage {
  readonly account: string;
  readonly planId: string;
  readonly familyId: string | null;
  readonly priority: 'Primary' | 'Secondary';
  readonly effectiveFrom: string | null;
  readonly effectiveTo: string | null;
  readonly deductibleMet: number;
  readonly oopMet: number;
  readonly asOf: string | null;
  /** The row had an input issue (DESIGN §4: it covers nothing and denies nothing). */
  readonly invalid?: boolean;
}

/** The configuration sheets the oracle needs; a sheet the workbook lacks is `null`. */
export interface OracleTables {
  readonly plans: readonly OraclePlan[] | null;
  readonly benefits: readonly OracleBenefit[] | null;
  readonly feeSchedule: readonly OracleFeeRow[] | null;
}

/** One charge line, in sheet order (several sheets: in workbook order). */
export interface OracleLine {
  readonly account: string;
  readonly serviceDate: string;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly billed: number;
  /** The ledger's Allowed, or null. */
  readonly allowed: number | null;
  /** The Payer cell's text (null = blank, or no Payer column). */
  readonly payer: string | null;
  readonly insurerPaid?: number | null;
  readonly secondaryPaid?: number | null;
  readonly denialCode?: string | null;
  readonly status?: string | null;
}

/** What the workbook as a whole says (DESIGN §4 "Who pays a line" depends on it). */
export interface OracleWorkbook {
  readonly hasPayerColumn: boolean;
  /** The Coverage sheet's rows, or null when the workbook has no Coverage sheet. */
  readonly coverage: readonly OracleCoverage[] | null;
  /** The statement date: the plan year of a Coverage row with a blank AsOf. */
  readonly asOf: string | null;
}

export type OracleBasis =
  /** Steps 1–9 under the primary. */
  | 'covered'
  /** Step 10: the secondary acted as primary. */
  | 'secondary-as-primary'
  /** Step 2: the plan(s) do not cover the service (or a PR-group denial). */
  | 'not-covered'
  /** Step 2: insured, but no Coverage row on the DOS. */
  | 'no-coverage'
  /** Step 2: self-pay. */
  | 'self-pay'
  /** Shares are null (coverage unknown, no configuration, an out-of-date or unreadable Coverage sheet). */
  | 'unknown';

export interface OracleShares {
  readonly basis: OracleBasis;
  readonly allowed: number | null;
  readonly contractual: number | null;
  readonly copay: number | null;
  readonly deductible: number | null;
  readonly coinsurance: number | null;
  readonly patientShare: number | null;
  readonly insurerShare: number | null;
  readonly secondaryShare: number | null;
  /** The fee-schedule amount (× units, at most billed) of the plan that adjudicated first, when a row matched. */
  readonly feeScheduleAllowed: number | null;
  readonly category: string | null;
  readonly primaryPlanId: string | null;
  readonly secondaryPlanId: string | null;
}
