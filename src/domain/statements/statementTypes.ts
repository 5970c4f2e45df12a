/** The patient statement model (what a printed bill shows), typed: Cents and Day inside. */
import type { Cents, Percent } from '../money';
import type { Day } from '../day';
import type { PlanOption } from '../plans/planOptions';
import type { Aging } from './aging';
import type { DunningStage } from './dunning';

/** Where a line's patient balance came from (see lineAmounts.ts). */
export type BalanceSource = 'patient-share' | 'ledger-balance' | 'computed';

export interface StatementLine {
  readonly lineIndex: number;
  readonly sheet: string;
  readonly row: number;
  readonly serviceDate: Day;
  readonly code: string;
  readonly description: string | null;
  readonly charge: Cents;
  /** Primary + secondary insurer payments on the ledger. */
  readonly insurancePaid: Cents;
  /**
   * Billed lines: charge − insurance paid − patient paid − patient balance, so
   * the row foots (contractual write-off and other adjustments). Pending
   * lines: the ledger's adjustment.
   */
  readonly adjustments: Cents;
  /** Patient payments net of refunds already sent. */
  readonly patientPaid: Cents;
  /** What the patient owes on the line (negative: overpaid); 0.00 on a line not billed. */
  readonly patientBalance: Cents;
  /** Not billed to the patient: still with insurance, or a denial the office is working (listed, not billed). */
  readonly pending: boolean;
  /** Why a line is not billed ("Pending with insurance", or an office denial), else null. */
  readonly note: string | null;
  readonly balanceSource: BalanceSource;
  /** DESIGN §8: the day the patient's balance on the line arose. */
  readonly balanceArose: Day;
}

export interface StatementTotals {
  readonly charges: Cents;
  readonly insurancePaid: Cents;
  readonly adjustments: Cents;
  readonly patientPaid: Cents;
  /** = amount due for a statement (charges − insurance − adjustments − patient paid). */
  readonly patientBalance: Cents;
}

export interface PracticeInfo {
  readonly name: string | null;
  readonly address: string | null;
  readonly phone: string | null;
}

export interface PatientInfo {
  readonly name: string | null;
  readonly address1: string | null;
  readonly address2: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly zip: string | null;
  /** No Patients row, or no street / city-state-zip on it: the bill cannot be mailed as is. */
  readonly addressMissing: boolean;
  /** Row of the Patients sheet used, null when none. */
  readonly patientsRow: number | null;
}

export interface InsuranceOnFile {
  readonly payer: string;
  readonly planId: string | null;
  readonly memberId: string | null;
  readonly priority: 'Primary' | 'Secondary' | null;
}

export type AssistanceNoticeKind = 'may-qualify' | 'apply';

export interface AssistanceNotice {
  /** may-qualify: income on file within a tier; apply: income unknown. */
  readonly kind: AssistanceNoticeKind;
  readonly message: string;
  /** Rounded FPL percent × 100 (income on file); null when unknown. */
  readonly fplHundredths: number | null;
  readonly discountPct: Percent | null;
  readonly estimatedDiscount: Cents | null;
}

export interface Remittance {
  readonly account: string;
  readonly patientName: string | null;
  readonly amountDue: Cents;
  readonly dueDate: Day;
  readonly payToName: string | null;
  readonly payToAddress: string | null;
}

export type StatementKind = 'statement' | 'refund-notice';

export interface Statement {
  /** A bill, or a refund notice for an account with a credit balance. */
  readonly kind: StatementKind;
  readonly account: string;
  readonly statementDate: Day;
  readonly dueDate: Day;
  /** Σ (patient's part − patientPaid) over the account's billed lines (DESIGN §7); 0 on a refund notice. */
  readonly amountDue: Cents;
  /** DESIGN §7/§8: the earliest day a still-unpaid patient balance arose; null on a refund notice. */
  readonly balanceSince: Day | null;
  /** Refund owed to the patient (refund notice); 0 on a bill. */
  readonly creditBalance: Cents;
  readonly aging: Aging;
  readonly practice: PracticeInfo;
  readonly patient: PatientInfo;
  readonly insurance: readonly InsuranceOnFile[];
  /**
   * Every line of the account, pending ones included, as positions into the
   * run's ledger in service-date order (ledger order on a tie): `ledger.lines[p]`
   * and `shares[p]` for each p; `statementLines` turns them into the printed rows.
   */
  readonly linePositions: readonly number[];
  /** Over billed (not pending) lines only. */
  readonly totals: StatementTotals;
  readonly pendingLines: number;
  readonly pendingCharges: Cents;
  /** From the days since balanceSince; null on a refund notice. */
  readonly dunningStage: DunningStage | null;
  /** Age by service date of the oldest balance still open after credits (aging); null on a refund notice. */
  readonly oldestOpenDays: number | null;
  readonly message: string;
  readonly planOptions: readonly PlanOption[];
  readonly assistanceNotice: AssistanceNotice | null;
  readonly remittance: Remittance;
  readonly onPaymentPlan: boolean;
  /** For the representative: missing address, unusable household size, … (start with a word). */
  readonly flags: readonly string[];
}
