/** Expected insurer and patient shares (DESIGN §4, §5): `adjudicate(ledger, config)`. */
export { adjudicate, type AdjudicationInput } from './adjudicate';
export { explainShares } from './explanation';
export { defaultCategory, DEFAULT_CATEGORIES, type DefaultCategory } from './serviceCategory';
export { feeTimesUnits } from './allowedAmount';
