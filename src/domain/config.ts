/**
 * Configuration that lives in the workbook's own sheets (DESIGN §4), typed.
 * Ingest fills these from the grids; the domain never reads a grid.
 */
import type { Cents, Percent } from './money';
import type { Day } from './day';

export type DeductibleType = 'Embedded' | 'Aggregate';

export interface PlanConfig {
  readonly planId: string;
  readonly payer: string;
  /** Plan year starts on this month/day each year (default 01-01). */
  readonly yearStartMonth: number;
  readonly yearStartDay: number;
  readonly deductibleIndividual: Cents;
  readonly deductibleFamily: Cents | null;
  readonly oopMaxIndividual: Cents | null;
  readonly oopMaxFamily: Cents | null;
  readonly coinsurancePct: Percent;
  readonly deductibleType: DeductibleType;
  readonly row: number;
}

export interface BenefitConfig {
  readonly planId: string;
  /** As written; match case-insensitively via `categoryKey`. */
  readonly category: string;
  readonly covered: boolean;
  readonly copay: Cents;
  readonly deductibleApplies: boolean;
  /** null = the plan's coinsurance. */
  readonly coinsurancePct: Percent | null;
  readonly row: number;
}

export interface FeeScheduleRow {
  /** A payer name, a PlanId, or '*' for any. */
  readonly payer: string;
  readonly code: string;
  /** null = any modifier. */
  readonly modifier: string | null;
  /** Allowed per unit. */
  readonly allowed: Cents;
  readonly category: string | null;
  readonly maxUnitsPerDay: number | null;
  readonly row: number;
}

export type Priority = 'Primary' | 'Secondary';

export interface CoverageRow {
  readonly account: string;
  readonly planId: string;
  readonly memberId: string | null;
  readonly familyId: string | null;
  readonly priority: Priority;
  readonly effectiveFrom: Day | null;
  readonly effectiveTo: Day | null;
  readonly deductibleMet: Cents;
  readonly oopMet: Cents;
  readonly asOf: Day | null;
  readonly row: number;
}

export interface PatientRow {
  readonly account: string;
  readonly name: string | null;
  readonly dob: Day | null;
  readonly address1: string | null;
  readonly address2: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly zip: string | null;
  readonly monthlyIncome: Cents | null;
  readonly householdSize: number | null;
  readonly onPaymentPlan: boolean;
  readonly preferredContact: string | null;
  readonly bestTimeToCall: string | null;
  readonly row: number;
}

export interface AssistanceTier {
  /** Up to and including this FPL percent… */
  readonly fplPctMax: Percent;
  /** …this discount percent applies. */
  readonly discountPct: Percent;
}

export type CobMethod = 'Traditional' | 'NonDuplication';

export interface Policy {
  readonly practiceName: string | null;
  readonly practiceAddress: string | null;
  readonly practicePhone: string | null;
  readonly statementDate: Day | null;
  readonly dueDays: number;
  readonly tolerance: Cents;
  readonly timelyFilingDays: number;
  /** Lower-cased payer name → days. */
  readonly timelyFilingDaysByPayer: Readonly<Record<string, number>>;
  readonly collectionsDays: number;
  readonly minStatementBalance: Cents;
  readonly minPayment: Cents;
  readonly maxIncomePct: Percent;
  readonly maxMonths: number;
  /** Annual percentage rate in percent (6 = 6 %). */
  readonly apr: Percent;
  readonly assistanceTiers: readonly AssistanceTier[];
  readonly cobMethod: CobMethod;
  readonly smallCellMin: number;
}

/**
 * A Coverage row ingest could not read (DESIGN §4: it covers nothing and
 * denies nothing). Whatever of it could be read says which lines it might
 * have covered: its account, and its dates where readable (null = unknown,
 * taken as open).
 */
export interface CoverageRowIssue {
  readonly account: string;
  readonly effectiveFrom: Day | null;
  readonly effectiveTo: Day | null;
  readonly row: number;
  /** The A1 address (on the Coverage sheet) of the first cell at fault. */
  readonly cell: string;
}

export type ConfigSheetName = 'Plans' | 'Benefits' | 'FeeSchedule' | 'Coverage' | 'Patients' | 'Policy';

export interface Config {
  /** Which configuration sheets the workbook has (rules needing one stay silent otherwise). */
  readonly present: ReadonlySet<ConfigSheetName>;
  readonly plans: readonly PlanConfig[];
  readonly benefits: readonly BenefitConfig[];
  readonly feeSchedule: readonly FeeScheduleRow[];
  readonly coverage: readonly CoverageRow[];
  /** Coverage rows with an input issue and a readable account. */
  readonly coverageIssues: readonly CoverageRowIssue[];
  readonly patients: readonly PatientRow[];
  readonly policy: Policy;
}

/**
 * Whether coverage comes from the Coverage sheet (DESIGN §4: "a workbook that
 * has a Coverage sheet" — then coverage comes only from it). A Coverage sheet
 * with no row read — only its header, as "Set up workbook" leaves it, or one
 * that could not be used at all — says nothing about anyone's coverage yet:
 * the lines are judged as in a workbook without one. Otherwise adding the
 * empty sheet would flag every insured line NO_COVERAGE_ON_DOS and turn every
 * line of a ledger without a Payer column self-pay. A row with an input issue
 * counts (it covers nothing and denies nothing, §4).
 */
export function coverageSheetInUse(config: Config): boolean {
  return config.present.has('Coverage') && (config.coverage.length > 0 || config.coverageIssues.length > 0);
}

/** Category names match case-, space- and punctuation-insensitively. */
export function categoryKey(category: string): string {
  return category.toLowerCase().replace(/[^a-z0-9]/g, '');
}
