/**
 * Default service category from the procedure code (DESIGN §4), used when the
 * matched fee-schedule row gives none. Ranges follow the CPT sections; the
 * preventive visit codes sit inside the E/M range, and venipuncture (36415)
 * inside the surgery range, so the specific lists are checked first.
 */
export const DEFAULT_CATEGORIES = [
  'Preventive', 'Office', 'Specialist', 'Emergency', 'UrgentCare', 'Lab', 'Imaging', 'Surgery', 'Inpatient', 'Drug', 'Other',
] as const;
export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number];

/** Preventive HCPCS: annual wellness (G0438/G0439), Welcome to Medicare (G0402), screenings. */
const PREVENTIVE_HCPCS = new Set([
  'G0101', 'G0102', 'G0104', 'G0105', 'G0121', 'G0402', 'G0438', 'G0439', 'G0442', 'G0443', 'G0444', 'G0446', 'G0447',
]);
const URGENT_CARE = new Set(['S9083', 'S9088']);
/** Screening mammography is preventive although it sits in the radiology range. */
const PREVENTIVE_CPT = new Set(['77067']);
const LAB_SPECIAL = new Set(['36415']);

export function defaultCategory(code: string): DefaultCategory {
  if (PREVENTIVE_HCPCS.has(code) || PREVENTIVE_CPT.has(code)) return 'Preventive';
  if (URGENT_CARE.has(code)) return 'UrgentCare';
  if (LAB_SPECIAL.has(code)) return 'Lab';
  if (/^J\d{4}$/.test(code)) return 'Drug';
  if (!/^\d{5}$/.test(code)) return 'Other';
  const n = Number(code);
  if ((n >= 99381 && n <= 99397) || (n >= 99401 && n <= 99412)) return 'Preventive';
  if (n >= 99202 && n <= 99215) return 'Office';
  if (n >= 99221 && n <= 99239) return 'Inpatient';
  if (n >= 99241 && n <= 99255) return 'Specialist';
  if (n >= 99281 && n <= 99285) return 'Emergency';
  if (n >= 80047 && n <= 89398) return 'Lab';
  if (n >= 70010 && n <= 79999) return 'Imaging';
  if (n >= 10004 && n <= 69990) return 'Surgery';
  return 'Other';
}
