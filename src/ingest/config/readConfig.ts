/**
 * All configuration sheets (DESIGN §4) → `Config` + input issues. Each
 * sheet is optional; `present` lists the ones the workbook has, so rules
 * that need one stay silent (or say so) when it is missing.
 */
import type { Config, ConfigSheetName } from '../../domain/config';
import { CONFIG_SHEETS } from './configSheets';
import type { InputIssue } from '../../domain/ledger';
import { DEFAULT_POLICY } from '../../domain/policyDefaults';
import type { CellGrid } from '../grid';
import { readBenefits } from './readBenefits';
import { readCoverage } from './readCoverage';
import { readFeeSchedule } from './readFeeSchedule';
import { readPatients } from './readPatients';
import { readPlans } from './readPlans';
import { readPolicy } from './readPolicy';

export { CONFIG_SHEETS, CONFIG_COLUMNS, configSheetName } from './configSheets';

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
