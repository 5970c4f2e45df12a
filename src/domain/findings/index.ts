/** Public API of the discrepancy findings. */
export { findDiscrepancies, type FindingsInput } from './findDiscrepancies';
export { summarizeFindingsByRule } from './summary';
export { compareFindings, sortFindings } from './order';
export { PROCEDURE_CODE, DIAGNOSIS_CODE, MODIFIER } from './codeRules';
export { REPEAT_OR_DISTINCT_MODIFIERS } from './duplicateRule';
