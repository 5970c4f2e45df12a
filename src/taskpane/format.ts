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

/** INSURER_UNDERPAID → "Insurer underpaid". */
export function ruleLabel(rule: string): string {
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
