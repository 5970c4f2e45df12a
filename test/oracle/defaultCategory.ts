/**
 * DESIGN §4: when the fee schedule gives no category, a default comes from
 * the code. The contract names the categories, not the codes; this is the
 * oracle's reading (CPT ranges as the AMA groups them).
 */
const DEFAULT_CATEGORIES: readonly (readonly [RegExp, string])[] = [
  [/^992[01]\d$/, 'Office'],
  [/^9928\d$/, 'Emergency'],
  [/^99(38|39)\d$|^G04\d\d$/, 'Preventive'],
  [/^8\d{4}$|^36415$/, 'Lab'],
  [/^7\d{4}$/, 'Imaging'],
  [/^[1-6]\d{4}$/, 'Surgery'],
  [/^J\d{4}$/, 'Drug'],
];

export function defaultCategory(code: string): string {
  const c = code.trim().toUpperCase();
  for (const [re, category] of DEFAULT_CATEGORIES) if (re.test(c)) return category;
  return 'Other';
}
