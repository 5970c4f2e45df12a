/**
 * What the report builders read: plain records, results.json-like, so the
 * builders do not follow the domain's result types while those are being
 * reworked. Money is integer CENTS (plain numbers), dates are YYYY-MM-DD.
 * `reportInputFrom` (adapter.ts) is the one place that maps an
 * AnalysisResult onto this.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Where the Findings/Expected Shares links go. */
export type LinkBase =
  /** The ledger sheets are in the workbook the report is written to (the add-in). */
  | { readonly kind: 'workbook' }
  /** The ledger is another file (the CLI): a path relative to the report (or absolute). */
  | { readonly kind: 'file'; readonly file: string }
  /** No links (a CSV ledger has no cells to go to). */
  | { readonly kind: 'none' };

export interface ReportFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly row: number | null;
  readonly cell: string | null;
  readonly account: string | null;
  readonly patientName: string | null;
  readonly serviceDate: string | null;
  readonly code: string | null;
  readonly amount: number | null;
  readonly message: string;
  /** The rule's inputs as display strings (money as 1,234.50). */
  readonly inputs: Readonly<Record<string, string>>;
}

export interface ReportLine {
  readonly sheet: string;
  readonly row: number;
  /** The cell a link to the line goes to (its account cell, else column A). */
  readonly cell: string;
  readonly account: string;
  readonly patientName: string | null;
  readonly serviceDate: string;
  readonly code: string;
  readonly units: number;
  readonly billed: number;
  readonly allowed: number | null;
  readonly contractual: number | null;
  readonly copay: number | null;
  readonly deductible: number | null;
  readonly coinsurance: number | null;
  readonly patientShare: number | null;
  readonly insurerShare: number | null;
  readonly secondaryShare: number | null;
  readonly explanation: string;
  /** For the Summary: payer as written (null = self-pay), what the insurer paid, the line's balance. */
  readonly payer: string | null;
  readonly selfPay: boolean;
  readonly insurerPaid: number | null;
  readonly balance: number;
  readonly denied: boolean;
}

export interface ReportStatementLine {
  readonly serviceDate: string;
  readonly code: string;
  readonly description: string | null;
  readonly charge: number;
  readonly insurancePaid: number;
  readonly adjustments: number;
  readonly patientPaid: number;
  readonly patientBalance: number;
  readonly pending: boolean;
  readonly note: string | null;
}

export interface ReportPlanOption {
  readonly kind: 'equal' | 'income-based';
  readonly months: number;
  readonly monthlyPayment: number;
  readonly lastPayment: number;
  readonly total: number;
}

export interface ReportAging {
  readonly current: number;
  readonly d31to60: number;
  readonly d61to90: number;
  readonly d91to120: number;
  readonly over120: number;
}

export interface ReportStatement {
  readonly kind: 'statement' | 'refund-notice';
  readonly account: string;
  readonly statementDate: string;
  readonly dueDate: string;
  readonly amountDue: number;
  readonly creditBalance: number;
  readonly aging: ReportAging;
  readonly patient: {
    readonly name: string | null;
    readonly address1: string | null;
    readonly address2: string | null;
    readonly city: string | null;
    readonly state: string | null;
    readonly zip: string | null;
    readonly addressMissing: boolean;
  };
  readonly insurance: readonly { readonly payer: string; readonly memberId: string | null; readonly priority: string | null }[];
  readonly lines: readonly ReportStatementLine[];
  readonly totals: { readonly charges: number; readonly insurancePaid: number; readonly adjustments: number; readonly patientPaid: number; readonly patientBalance: number };
  readonly pendingLines: number;
  readonly pendingCharges: number;
  readonly stageLabel: string | null;
  readonly message: string;
  readonly planOptions: readonly ReportPlanOption[];
  readonly assistanceMessage: string | null;
}

export interface ReportInstallment {
  readonly n: number;
  readonly dueDate: string;
  readonly payment: number;
  readonly interest: number;
  readonly principal: number;
  readonly remaining: number;
}

export interface ReportPaymentPlan {
  readonly account: string;
  readonly patientName: string | null;
  readonly balance: number;
  readonly fplPercent: number | null;
  readonly assistanceDiscountPct: number;
  readonly balanceAfterAssistance: number;
  readonly monthlyPayment: number;
  readonly months: number;
  /** Percent (6 = 6 %). */
  readonly apr: number;
  readonly totalInterest: number;
  readonly exceedsAffordability: boolean;
  readonly schedule: readonly ReportInstallment[];
}

/** The headline KPIs (domain summary); percents as percent numbers (95.23), null when undefined. */
export interface ReportKpis {
  readonly totalCharges: number;
  readonly contractualAdjustments: number;
  readonly insurerPayments: number;
  readonly patientPayments: number;
  readonly arInsurer: number;
  readonly arPatient: number;
  readonly netCollectionRate: number | null;
  readonly denialRateCount: number | null;
  readonly denialRateAmount: number | null;
  readonly arOver90Pct: number | null;
}

export interface ReportSheetCounts {
  readonly sheet: string;
  readonly headerRow: number;
  readonly rowsRead: number;
  readonly linesAnalyzed: number;
  readonly excludedRows: number;
  readonly blankRows: number;
  readonly totalRows: number;
}

export interface ReportPolicy {
  readonly practiceName: string | null;
  readonly practiceAddress: string | null;
  readonly practicePhone: string | null;
  readonly smallCellMin: number;
}

export interface ReportInput {
  readonly asOf: string;
  /** ISO timestamp of the run. */
  readonly runAt: string;
  readonly version: string;
  /** "Patient Ledger add-in" or "patient-ledger CLI". */
  readonly producer: string;
  readonly links: LinkBase;
  readonly sheets: readonly ReportSheetCounts[];
  readonly inputIssues: number;
  readonly policy: ReportPolicy;
  readonly lines: readonly ReportLine[];
  readonly findings: readonly ReportFinding[];
  readonly statements: readonly ReportStatement[];
  readonly plans: readonly ReportPaymentPlan[];
  readonly kpis: ReportKpis;
}
