import type { Cents } from './money';
import type { Day } from './day';

export const RULE_IDS = [
  'INSURER_UNDERPAID', 'INSURER_OVERPAID', 'PATIENT_OVERPAID', 'PATIENT_OVERBILLED', 'BALANCE_MISMATCH',
  'DUPLICATE_CHARGE', 'INVALID_PROCEDURE_CODE', 'INVALID_DIAGNOSIS_CODE', 'INVALID_MODIFIER',
  'MISSING_DIAGNOSIS', 'UNITS_OVER_LIMIT', 'ALLOWED_MISMATCH', 'NO_COVERAGE_ON_DOS', 'MISSING_MEMBER_ID',
  'DATE_ERROR', 'TIMELY_FILING_RISK', 'DENIED_UNWORKED', 'COLLECTIONS_CANDIDATE', 'CREDIT_BALANCE',
] as const;
/** The DESIGN §7 rule ids: each is at least a `warning` when it fires on a line or an account. */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Ids that only ever give `info` notices on a line, never a discrepancy to
 * work: COVERAGE_IN_DOUBT says a Coverage row could not be read and the
 * line's shares were therefore not computed (DESIGN §4).
 */
export const NOTICE_RULE_IDS = ['COVERAGE_IN_DOUBT'] as const;
export type NoticeRuleId = (typeof NOTICE_RULE_IDS)[number];
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly rule: RuleId | NoticeRuleId;
  readonly severity: Severity;
  readonly sheet: string;
  /** null only for workbook-level info notices ("this rule needs a FeeSchedule sheet"). */
  readonly row: number | null;
  readonly cell: string | null;
  readonly account: string | null;
  /** Money at stake, positive; null when none applies. */
  readonly amount: Cents | null;
  readonly message: string;
  readonly serviceDate: Day | null;
  /** The rule's inputs, for showing the working (display strings). */
  readonly inputs: Readonly<Record<string, string>>;
}
