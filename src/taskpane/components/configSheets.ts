/** DESIGN §4's configuration sheets, and what each adds to the analysis (shown when one is missing). */
export const CONFIG_SHEET_INFO: readonly { readonly name: string; readonly adds: string }[] = [
  { name: 'Plans', adds: 'deductibles, out-of-pocket maximums and coinsurance, so expected insurer and patient shares can be computed' },
  { name: 'Benefits', adds: 'copays and what each plan covers by service category' },
  { name: 'FeeSchedule', adds: 'contracted allowed amounts, to catch underpayments and allowed-amount mistakes' },
  { name: 'Coverage', adds: 'which plan covers each account on each date, with deductible already met' },
  { name: 'Patients', adds: 'mailing addresses for statements, and income and household size for assistance and payment plans' },
  { name: 'Policy', adds: 'your practice name, statement date, tolerances and payment-plan rules' },
];

/** Sheet names compare case-, space- and punctuation-insensitively (DESIGN §4). */
export function sheetKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function missingConfigSheets(sheetNames: readonly string[]): readonly { readonly name: string; readonly adds: string }[] {
  const have = new Set(sheetNames.map(sheetKey));
  return CONFIG_SHEET_INFO.filter((c) => !have.has(sheetKey(c.name)));
}

export function isConfigSheet(name: string): boolean {
  const k = sheetKey(name);
  return CONFIG_SHEET_INFO.some((c) => sheetKey(c.name) === k);
}
