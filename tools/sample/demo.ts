/**
 * The fixed options behind assets/sample-ledger.xlsx / .csv, so tests can
 * regenerate its answer key (injected problems, expected shares) exactly.
 */
import { day } from '../../src/domain/day';
import type { ConfigSheetName } from '../../src/domain/config';
import type { SampleOptions } from './types';

export const DEMO_SAMPLE_OPTIONS: SampleOptions = {
  seed: 20261101,
  lines: 300,
  asOf: day(2026, 11, 1),
  // 1 % per kind (3 of each at 300 lines): every rule shows, most lines stay clean, as in a real export.
  problems: 0.01,
  kind: 'service-line',
  titleRows: 3,
};

/** Config columns holding dates and money (for number formats when written to a workbook). */
export const CONFIG_DATE_COLUMNS: Partial<Record<ConfigSheetName, readonly string[]>> = {
  Coverage: ['EffectiveFrom', 'EffectiveTo', 'AsOf'],
  Patients: ['DOB'],
};

export const CONFIG_MONEY_COLUMNS: Partial<Record<ConfigSheetName, readonly string[]>> = {
  Plans: ['DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily'],
  Benefits: ['Copay'],
  FeeSchedule: ['Allowed'],
  Coverage: ['DeductibleMet', 'OOPMet'],
  Patients: ['MonthlyIncome'],
};

/** Policy keys whose Value is a date or money. */
export const POLICY_DATE_KEYS: readonly string[] = ['StatementDate'];
export const POLICY_MONEY_KEYS: readonly string[] = ['Tolerance', 'MinStatementBalance', 'MinPayment'];
