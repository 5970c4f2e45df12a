/** Expected insurer and patient shares (DESIGN §5): `adjudicate(lines, config)`. */
export { adjudicate } from './adjudicate';
export { defaultCategory, DEFAULT_CATEGORIES, type DefaultCategory } from './serviceCategory';
export { feeTimesUnits } from './allowedAmount';
