/**
 * All configuration sheets (DESIGN §4) → `Config` + input issues. Each
 * sheet is optional; `present` lists the ones the workbook has, so rules
 * that need one stay silent (or say so) when it is missing.
 */
import type { Config, ConfigSheetName } from '../../domain/config';
import type { InputIssue } from '../../domain/ledger';
import { DEFAULT_POLICY } from '../../domain/policyDefaults';
import type { CellGrid } from '../grid';
import { BENEFITS_COLUMNS, readBenefits } from './readBenefits';
import { COVERAGE_COLUMNS, readCoverage } from './readCoverage';
import { FEE_SCHEDULE_COLUMNS, readFeeSchedule } from './readFeeSchedule';
import { PATIENTS_COLUMNS, readPatients } from './readPatients';
import { PLANS_COLUMNS, readPlans } from './readPlans';
import { POLICY_COLUMNS, readPolicy } from './readPolicy';

export const CONFIG_SHEETS: readonly ConfigSheetName[] = ['Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy'];

/** Each configuration sheet's columns, in DESIGN §4's order: what the readers look for in its header row. */
export const CONFIG_COLUMNS: Readonly<Record<ConfigSheetName, readonly string[]>> = {
  Plans: PLANS_COLUMNS,
  Benefits: BENEFITS_COLUMNS,
  FeeSchedule: FEE_SCHEDULE_COLUMNS,
  Coverage: COVERAGE_COLUMNS,
  Patients: PATIENTS_COLUMNS,
  Policy: POLICY_COLUMNS,
};

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

export interface ConfigResult {
  readonly config: Config;
  readonly issues: InputIssue[];
}

export function readConfig(grids: Partial<Record<ConfigSheetName, CellGrid>>): ConfigResult {
  const issues: InputIssue[] = [];
  const present = new Set<ConfigSheetName>();
  for (const name of CONFIG_SHEETS) if (grids[name]) present.add(name);
  const coverage = grids.Coverage ? readCoverage(grids.Coverage, issues) : { rows: [], rowIssues: [] };
  const config: Config = {
    present,
    plans: grids.Plans ? readPlans(grids.Plans, issues) : [],
    benefits: grids.Benefits ? readBenefits(grids.Benefits, issues) : [],
    feeSchedule: grids.FeeSchedule ? readFeeSchedule(grids.FeeSchedule, issues) : [],
    coverage: coverage.rows,
    coverageIssues: coverage.rowIssues,
    patients: grids.Patients ? readPatients(grids.Patients, issues) : [],
    policy: grids.Policy ? readPolicy(grids.Policy, issues) : DEFAULT_POLICY,
  };
  return { config, issues };
}
