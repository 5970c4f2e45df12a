/**
 * Messages between the task pane (main thread) and the analysis worker.
 * Everything here is plain data: it crosses by structured clone. Money is
 * integer cents, dates YYYY-MM-DD, as in results.json's records.
 *
 * The worker never touches Excel: when analysis needs a sheet it asks the
 * pane (`needSheets` / `needGrid`); the pane reads it through the Office.js
 * port on the main thread and sends the grid back in row chunks, so no one
 * structured clone holds a whole 100,000-row sheet.
 */
import type { SheetInfo } from '../../app/port';
import type { CellGrid } from '../../ingest/grid';
import type { WorkbookPlan } from '../../report/workbookPlan';

export type Severity = 'error' | 'warning' | 'info';

export interface AnalyzeRequest {
  /** Ledger sheets the user picked; empty: every sheet that looks like a ledger. */
  readonly sheets: readonly string[];
  /** Field → column letter overrides (saved in the workbook's settings). */
  readonly map: Readonly<Record<string, string>>;
  /** YYYY-MM-DD. */
  readonly today: string;
  readonly version: string;
  /** ISO timestamp of the run (for the Run Log). */
  readonly runAt: string;
}

export interface FindingView {
  readonly id: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly row: number | null;
  readonly cell: string | null;
  readonly account: string | null;
  readonly patientName: string | null;
  readonly payer: string | null;
  readonly serviceDate: string | null;
  readonly code: string | null;
  readonly amount: number | null;
  readonly message: string;
  /** The rule's inputs (expected, actual, …) as display strings. */
  readonly inputs: Readonly<Record<string, string>>;
}

export interface RuleTotal {
  readonly rule: string;
  readonly count: number;
  readonly amount: number;
}

export interface IssueView {
  readonly sheet: string;
  readonly row: number;
  readonly cell: string;
  readonly message: string;
  readonly severity: Severity;
}

export interface MappingView {
  readonly sheet: string;
  readonly headerRow: number;
  readonly kind: 'service-line' | 'transaction';
  /** 0..1 */
  readonly confidence: number;
  /** field → column letters. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** column letter → header text, every column of the header row. */
  readonly headers: Readonly<Record<string, string>>;
  readonly linesAnalyzed: number;
  readonly excludedRows: number;
}

export interface AccountSummary {
  readonly account: string;
  readonly patientName: string | null;
  /** Cents the patient owes (statement amount due), or a credit as negative. */
  readonly amountDue: number;
  readonly stage: string | null;
  readonly lines: number;
}

export interface PaneView {
  readonly asOf: string;
  readonly counts: { readonly rowsRead: number; readonly linesAnalyzed: number; readonly excludedRows: number; readonly blankRows: number; readonly totalRows: number };
  readonly sheets: readonly MappingView[];
  readonly configPresent: readonly string[];
  readonly inputIssues: readonly IssueView[];
  readonly inputIssueCount: number;
  readonly findings: readonly FindingView[];
  readonly ruleTotals: readonly RuleTotal[];
  readonly accounts: readonly AccountSummary[];
  readonly statementsTotal: number;
}

export interface AccountLineView {
  readonly sheet: string;
  readonly row: number;
  readonly cell: string;
  readonly serviceDate: string;
  readonly code: string;
  readonly billed: number;
  readonly balance: number;
  /** What the patient owes on the line (statement), null while pending. */
  readonly patientBalance: number | null;
  readonly pending: boolean;
  readonly aging: string;
  readonly explanation: string;
}

export interface AccountDetail {
  readonly account: string;
  readonly patientName: string | null;
  readonly amountDue: number;
  readonly creditBalance: number;
  readonly stage: string | null;
  readonly stageMessage: string | null;
  readonly aging: Readonly<Record<'current' | 'd31to60' | 'd61to90' | 'd91to120' | 'over120', number>>;
  readonly lines: readonly AccountLineView[];
  /** From the Patients sheet, to prefill a payment plan (null when not on file). */
  readonly monthlyIncome: number | null;
  readonly householdSize: number | null;
  readonly state: string | null;
  readonly flags: readonly string[];
}

export interface PlanInputs {
  readonly account: string | null;
  readonly balance: string;
  readonly monthlyIncome: string;
  readonly householdSize: string;
  readonly state: string;
  readonly start: string;
  readonly apr: string;
}

export interface PlanPreview {
  readonly balance: string;
  readonly fplPercent: number | null;
  readonly assistanceDiscountPct: number;
  readonly balanceAfterAssistance: string;
  readonly monthlyPayment: string;
  readonly months: number;
  readonly apr: number;
  readonly totalInterest: string;
  readonly exceedsAffordability: boolean;
  readonly schedule: readonly { readonly n: number; readonly dueDate: string; readonly payment: string; readonly interest: string; readonly principal: string; readonly remaining: string }[];
}

export type PlanPreviewOutcome = { readonly ok: true; readonly plan: PlanPreview } | { readonly ok: false; readonly message: string; readonly field: keyof PlanInputs };

/** Sheets for the pane to write through the Office.js renderer. */
export type SheetsToWrite = WorkbookPlan;

export type ToWorker =
  | { readonly type: 'analyze'; readonly id: number; readonly request: AnalyzeRequest }
  | { readonly type: 'sheets'; readonly id: number; readonly sheets: readonly SheetInfo[] }
  | { readonly type: 'gridStart'; readonly id: number; readonly grid: Omit<CellGrid, 'values' | 'numberFormats'>; readonly hasFormats: boolean; readonly rows: number }
  | { readonly type: 'gridChunk'; readonly id: number; readonly values: readonly CellGrid['values'][number][]; readonly numberFormats: readonly (readonly (string | null)[])[] | null }
  | { readonly type: 'gridEnd'; readonly id: number }
  | { readonly type: 'portError'; readonly id: number; readonly message: string; readonly name: string }
  | { readonly type: 'account'; readonly id: number; readonly account: string }
  | { readonly type: 'preview'; readonly id: number; readonly inputs: PlanInputs }
  | { readonly type: 'statements'; readonly id: number; readonly accounts: readonly string[] | 'all' }
  | { readonly type: 'planSheet'; readonly id: number; readonly inputs: PlanInputs }
  | { readonly type: 'summary'; readonly id: number };

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly stage: string; readonly done: number; readonly total: number }
  | { readonly type: 'needSheets'; readonly id: number }
  | { readonly type: 'needGrid'; readonly id: number; readonly sheet: string; readonly table?: string }
  /**
   * The plan's blocks arrive empty (and the view's findings and accounts): their rows follow in
   * `viewRows` and `planRows` messages, then `planEnd` — no one message is big enough to hold the
   * pane's main thread while it is deserialised.
   */
  | { readonly type: 'analyzed'; readonly id: number; readonly view: PaneView; readonly write: SheetsToWrite }
  | { readonly type: 'planRows'; readonly id: number; readonly sheet: number; readonly block: number; readonly rows: SheetsToWrite['sheets'][number]['blocks'][number]['rows'] }
  /** An analysis's findings and accounts, sent after its head in chunks like a plan's rows. */
  | { readonly type: 'viewRows'; readonly id: number; readonly findings: readonly FindingView[]; readonly accounts: readonly AccountSummary[] }
  | { readonly type: 'planEnd'; readonly id: number }
  | { readonly type: 'account'; readonly id: number; readonly detail: AccountDetail | null }
  | { readonly type: 'preview'; readonly id: number; readonly outcome: PlanPreviewOutcome }
  | { readonly type: 'write'; readonly id: number; readonly write: SheetsToWrite }
  | { readonly type: 'failed'; readonly id: number; readonly name: string; readonly message: string };
