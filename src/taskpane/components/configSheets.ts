/**
 * DESIGN §4's configuration sheets, and what each adds to the analysis (shown
 * when one is missing). Which sheet is which comes from the use case
 * (app/setUpWorkbook.ts, ingest's matching rule), so the pane calls a sheet
 * missing exactly when the analysis would not read one.
 */
import type { ConfigSheetName } from '../../domain/config';
import { isConfigSheet as isConfig, missingConfigSheets as missingNames } from '../../app/setUpWorkbook';

const ADDS: Readonly<Record<ConfigSheetName, string>> = {
  Plans: 'deductibles, out-of-pocket maximums and coinsurance, so expected insurer and patient shares can be computed',
  Benefits: 'copays and what each plan covers by service category',
  FeeSchedule: 'contracted allowed amounts, to catch underpayments and allowed-amount mistakes',
  Coverage: 'which plan covers each account on each date, with deductible already met',
  Patients: 'mailing addresses for statements, and income and household size for assistance and payment plans',
  Policy: 'your practice name, statement date, tolerances and payment-plan rules',
};

export function missingConfigSheets(sheetNames: readonly string[]): readonly { readonly name: ConfigSheetName; readonly adds: string }[] {
  return missingNames(sheetNames).map((name) => ({ name, adds: ADDS[name] }));
}

export function isConfigSheet(name: string): boolean {
  return isConfig(name);
}
