/** Display helpers: integer cents and YYYY-MM-DD as a US billing office reads them. */
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(cents: number | null): string {
  return cents === null ? '—' : USD.format(cents / 100);
}

/** "1234.56" (plan.json money) → "$1,234.56". */
export function moneyText(amount: string): string {
  const n = Number(amount);
  return Number.isFinite(n) ? USD.format(n) : amount;
}

export function usDate(iso: string | null): string {
  if (iso === null) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

const RULE_LABELS: Readonly<Record<string, string>> = {
  INSURER_UNDERPAID: 'Insurer underpaid',
  INSURER_OVERPAID: 'Insurer overpaid',
  PATIENT_OVERPAID: 'Patient overpaid (refund due)',
  PATIENT_OVERBILLED: 'Patient overbilled',
  BALANCE_MISMATCH: 'Balance does not add up',
  DUPLICATE_CHARGE: 'Duplicate charge',
  INVALID_PROCEDURE_CODE: 'Invalid CPT/HCPCS code',
  INVALID_DIAGNOSIS_CODE: 'Invalid ICD-10 code',
  INVALID_MODIFIER: 'Invalid modifier',
  MISSING_DIAGNOSIS: 'Missing diagnosis',
  UNITS_OVER_LIMIT: 'Units over the daily limit',
  ALLOWED_MISMATCH: 'Allowed differs from fee schedule',
  NO_COVERAGE_ON_DOS: 'No coverage on the DOS',
  MISSING_MEMBER_ID: 'Missing member ID',
  DATE_ERROR: 'Date error',
  TIMELY_FILING_RISK: 'Timely filing risk',
  DENIED_UNWORKED: 'Denial not worked',
  COLLECTIONS_CANDIDATE: 'Collections candidate',
  CREDIT_BALANCE: 'Credit balance',
};

/** INSURER_UNDERPAID → "Insurer underpaid" (a rule added later: its id in words). */
export function ruleLabel(rule: string): string {
  const known = RULE_LABELS[rule];
  if (known) return known;
  const s = rule.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "A camelCase field" → "Camel case". */
export function fieldLabel(field: string): string {
  const s = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Sheet and cell as Excel writes a reference: 'Jan Ledger'!F14. */
export function cellRef(sheet: string, cell: string | null): string {
  const q = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell === null ? q : `${q}!${cell}`;
}
