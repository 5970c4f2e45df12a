/**
 * Discrepancy findings (DESIGN §7 rule ids). Public API.
 *
 * Severity and money at stake, rule by rule (each module's header says why):
 *
 * | rule | severity | amount | cell |
 * |---|---|---|---|
 * | INSURER_UNDERPAID | error | expected insurer share − paid | insurer paid |
 * | INSURER_OVERPAID | error | paid − expected insurer share | insurer paid |
 * | PATIENT_OVERPAID | error | patient paid (net of refunds) − patient share | patient paid |
 * | PATIENT_OVERBILLED | error | balance − what the patient (and a secondary) still owe | balance |
 * | BALANCE_MISMATCH | error | the difference, either way | balance |
 * | DUPLICATE_CHARGE | error | the copy's charge | the copy's charge |
 * | INVALID_PROCEDURE_CODE, INVALID_DIAGNOSIS_CODE, INVALID_MODIFIER, MISSING_DIAGNOSIS, DATE_ERROR | error + the charge on a payer line (the claim is rejected); warning + null on self-pay | | code / dx / modifier / dx / service date |
 * | NO_COVERAGE_ON_DOS, MISSING_MEMBER_ID | error | the charge | payer / member id |
 * | UNITS_OVER_LIMIT | error | excess units × allowed per unit | units |
 * | ALLOWED_MISMATCH | error | the difference, either way | allowed |
 * | TIMELY_FILING_RISK | warning (≤ 30 days left), error (passed) | expected insurer share, else the charge | service date |
 * | DENIED_UNWORKED | error | expected insurer share, else the charge | denial code, else status |
 * | CREDIT_BALANCE | error | the credit | latest line's balance |
 * | COLLECTIONS_CANDIDATE | warning | old patient balance (net of newer credits) | latest line's balance |
 *
 * A difference up to Policy Tolerance is silent everywhere. A rule that
 * lacks the data it needs says so once, as an `info` notice with no row.
 */
export { findDiscrepancies, type FindingsInput } from './findDiscrepancies';
export { summarizeFindingsByRule } from './summary';
export { compareFindings, sortFindings } from './order';
export { PROCEDURE_CODE, DIAGNOSIS_CODE, MODIFIER } from './codeRules';
export { REPEAT_OR_DISTINCT_MODIFIERS } from './duplicateRule';
