/**
 * Discrepancy findings (DESIGN §7 rule ids). Each rule is one function, in
 * the file a reader opens first:
 *
 * | rule | function | file | severity | amount | cell |
 * |---|---|---|---|---|---|
 * | INSURER_UNDERPAID | insurerUnderpaid | insurerPayment.ts | error | expected insurer share − paid | insurer paid |
 * | INSURER_OVERPAID | insurerOverpaid | insurerPayment.ts | error | paid − expected insurer share | insurer paid |
 * | PATIENT_OVERPAID | patientOverpaid | patientPayment.ts | error | patient paid (net of refunds) − share | patient paid |
 * | PATIENT_OVERBILLED | patientOverbilled | patientPayment.ts | error | balance − what the patient (and a secondary) still owe | balance |
 * | BALANCE_MISMATCH | balanceMismatch | balance.ts | error | the difference | balance |
 * | DUPLICATE_CHARGE | duplicateCharges | duplicates.ts | error | the copy's charge | the copy's charge |
 * | INVALID_PROCEDURE_CODE, INVALID_MODIFIER, INVALID_DIAGNOSIS_CODE, MISSING_DIAGNOSIS | invalidProcedureCode, invalidModifier, invalidDiagnosisCode, missingDiagnosis | codes.ts | error + the charge; warning + none on self-pay | | the code |
 * | UNITS_OVER_LIMIT | unitsOverLimit | units.ts | error | excess units × allowed per unit | units |
 * | ALLOWED_MISMATCH | allowedMismatch | allowed.ts | error | the difference | allowed |
 * | NO_COVERAGE_ON_DOS, MISSING_MEMBER_ID | noCoverageOnDos, missingMemberId | coverage.ts | error | the charge | payer / member id |
 * | COVERAGE_IN_DOUBT | coverageInDoubt | coverage.ts | info | none | service date |
 * | DATE_ERROR | dateError | dates.ts | as codes.ts | | service date |
 * | TIMELY_FILING_RISK | timelyFilingRisk | dates.ts | warning (≤ 30 days left), error (passed) | expected insurer share, else the charge | service date |
 * | DENIED_UNWORKED | deniedUnworked | denials.ts | error | expected insurer share, else the charge | denial code, else status |
 * | CREDIT_BALANCE | creditBalance | accounts.ts | error | the credit | latest line's balance |
 * | COLLECTIONS_CANDIDATE | collectionsCandidate | accounts.ts | warning | old patient balance, net of newer credits | latest line's balance |
 *
 * A difference up to Policy Tolerance is silent everywhere. A rule that
 * lacks the data it needs says so once, as an `info` notice with no row
 * (notices.ts).
 */
export { findDiscrepancies, type FindingsInput } from './findDiscrepancies';
export { summarizeFindingsByRule } from './summary';
export { compareFindings, sortFindings } from './order';
export { PROCEDURE_CODE, DIAGNOSIS_CODE, MODIFIER } from './codeShapes';
export { REPEAT_OR_DISTINCT_MODIFIERS } from './duplicates';
