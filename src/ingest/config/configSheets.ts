/**
 * The configuration sheets (DESIGN §4): their names, the rule that matches a
 * workbook's sheet to one, and the columns each is read by. A leaf module
 * (no reader, no parser) so the task pane can ask "which sheets are
 * missing?" and "Set up workbook" can write the headers without pulling in
 * ingestion.
 */
import type { ConfigSheetName } from '../../domain/config';

export const CONFIG_SHEETS: readonly ConfigSheetName[] = ['Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy'];

const sheetKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const CONFIG_SHEET_BY_KEY: ReadonlyMap<string, ConfigSheetName> = new Map(CONFIG_SHEETS.map((n) => [sheetKey(n), n]));

/**
 * The configuration sheet a workbook sheet is, matched case-, space- and
 * punctuation-insensitively (DESIGN §4: `Fee Schedule`, `fee_schedule` and
 * `FeeSchedule` are one sheet); null for any other sheet.
 */
export function configSheetName(sheetName: string): ConfigSheetName | null {
  return CONFIG_SHEET_BY_KEY.get(sheetKey(sheetName)) ?? null;
}

export const PLANS_COLUMNS = ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily',
  'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType'] as const;
export const BENEFITS_COLUMNS = ['PlanId', 'Category', 'Covered', 'Copay', 'DeductibleApplies', 'CoinsurancePct'] as const;
export const FEE_SCHEDULE_COLUMNS = ['Payer', 'Code', 'Modifier', 'Allowed', 'Category', 'MaxUnitsPerDay'] as const;
export const COVERAGE_COLUMNS = ['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom',
  'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf'] as const;
export const PATIENTS_COLUMNS = ['Account', 'Name', 'DOB', 'Address1', 'Address2', 'City', 'State', 'Zip',
  'MonthlyIncome', 'HouseholdSize', 'OnPaymentPlan', 'PreferredContact', 'BestTimeToCall'] as const;
export const POLICY_COLUMNS = ['Key', 'Value'] as const;

/** Each sheet's column names, as types: a reader asking for a column its sheet lacks does not compile. */
export type PlansColumn = (typeof PLANS_COLUMNS)[number];
export type CoverageColumn = (typeof COVERAGE_COLUMNS)[number];
export type PatientsColumn = (typeof PATIENTS_COLUMNS)[number];

/** The Policy keys the reader knows (besides `TimelyFilingDays:<Payer>`), in DESIGN §4's order. */
export const POLICY_KEYS = ['PracticeName', 'PracticeAddress', 'PracticePhone', 'StatementDate', 'DueDays',
  'Tolerance', 'TimelyFilingDays', 'CollectionsDays', 'MinStatementBalance', 'MinPayment', 'MaxIncomePct',
  'MaxMonths', 'APR', 'AssistanceTiers', 'COBMethod', 'SmallCellMin'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** Each configuration sheet's columns, in DESIGN §4's order: what the readers look for in its header row. */
export const CONFIG_COLUMNS: Readonly<Record<ConfigSheetName, readonly string[]>> = {
  Plans: PLANS_COLUMNS,
  Benefits: BENEFITS_COLUMNS,
  FeeSchedule: FEE_SCHEDULE_COLUMNS,
  Coverage: COVERAGE_COLUMNS,
  Patients: PATIENTS_COLUMNS,
  Policy: POLICY_COLUMNS,
};
