/** Expected insurer and patient shares (DESIGN §5): `adjudicate(lines, config)`. */
export { adjudicate, type AdjudicateOptions } from './adjudicate';
export type { SharesTable } from './sharesTable';
export { defaultCategory, DEFAULT_CATEGORIES, type DefaultCategory } from './serviceCategory';
export { feeTimesUnits } from './allowedAmount';
