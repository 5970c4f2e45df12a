/**
 * What the analysis worker does, as plain functions over one analysis: run
 * it, turn it into the pane's views, and build the sheets the pane writes.
 * No worker globals here, so jest can test it directly.
 */
import { analyzeWorkbook, type AnalysisResult } from '../../app/analyze';
import type { RunControl, WorkbookPort } from '../../app/port';
import { parseIso, toIso } from '../../domain/day';
import { reportInputFrom, paymentPlanOf } from '../../report/adapter';
import type { ReportInput } from '../../report/reportInput';
import { PLAN_VERSION, type SheetPlan, type WorkbookPlan } from '../../report/workbookPlan';
import { buildFindingsSheets } from '../../report/findingsSheet';
import { buildSharesSheets } from '../../report/sharesSheet';
import { buildRunLogSheet } from '../../report/runLogSheet';
import { buildStatementsSheets } from '../../report/statementsSheet';
import { buildSummarySheet } from '../../report/summarySheet';
import { buildPaymentPlanSheet } from '../../report/planSheet';
import type { AccountDetail, AnalyzeRequest, PaneView, PlanInputs, PlanPreviewOutcome } from './protocol';
import { accountDetail, paneView } from './views';
import { planFromInputs } from './planInputs';

export const PRODUCER = 'Patient Ledger add-in';

export class AnalysisSession {
  private constructor(
    readonly result: AnalysisResult,
    readonly input: ReportInput,
    private readonly headers: ReadonlyMap<string, readonly (string | number | boolean | null)[]>,
  ) {}

  /** Runs the analysis over `port`; the grids it read give each sheet's header texts. */
  static async run(port: WorkbookPort & { headerRow(sheet: string, row: number): readonly (string | number | boolean | null)[] | null }, req: AnalyzeRequest, control: RunControl): Promise<AnalysisSession> {
    const today = parseIso(req.today);
    if (today === null) throw new Error(`today is not YYYY-MM-DD: ${req.today}`);
    const result = await analyzeWorkbook(
      port,
      { sheets: req.sheets, map: req.map, today },
      control,
    );
    const headers = new Map<string, readonly (string | number | boolean | null)[]>();
    for (const s of result.ledger.sheets) headers.set(s.sheet, port.headerRow(s.sheet, s.headerRow) ?? []);
    const input = reportInputFrom(result, { links: { kind: 'workbook' }, runAt: req.runAt, version: req.version, producer: PRODUCER });
    return new AnalysisSession(result, input, headers);
  }

  view(): PaneView {
    return paneView(this.result, this.input, this.headers);
  }

  /** What Analyze writes: the worklist, the line-by-line shares and the run log. */
  analysisSheets(): WorkbookPlan {
    const sheets: SheetPlan[] = [...buildFindingsSheets(this.input), ...buildSharesSheets(this.input)];
    sheets.push(buildRunLogSheet(this.input, sheets.length + 1));
    return this.plan(sheets);
  }

  account(account: string): AccountDetail | null {
    return accountDetail(this.result, account);
  }

  statements(accounts: readonly string[] | 'all'): WorkbookPlan {
    const keep = accounts === 'all' ? null : new Set(accounts);
    const statements = this.input.statements.filter((s) => (keep === null ? s.amountDue > 0 || s.creditBalance > 0 : keep.has(s.account)));
    if (statements.length === 0) throw new Error(accounts === 'all' ? 'No account has a balance to bill.' : `Account ${[...(keep ?? [])].join(', ')} has no statement: nothing is owed on it.`);
    return this.plan(buildStatementsSheets({ ...this.input, statements }));
  }

  preview(inputs: PlanInputs): PlanPreviewOutcome {
    const r = planFromInputs(inputs, this.result.asOf, this.result.config.policy);
    return r.ok ? { ok: true, plan: r.json } : { ok: false, message: r.message, field: r.field };
  }

  planSheet(inputs: PlanInputs): WorkbookPlan {
    const r = planFromInputs(inputs, this.result.asOf, this.result.config.policy);
    if (!r.ok) throw new Error(r.message);
    const account = inputs.account ?? 'Plan';
    const name = this.result.statements.find((s) => s.account === account)?.patient.name ?? null;
    return this.plan([buildPaymentPlanSheet(paymentPlanOf(account, name, r.plan))]);
  }

  summary(): WorkbookPlan {
    return this.plan([buildSummarySheet(this.input)]);
  }

  private plan(sheets: SheetPlan[]): WorkbookPlan {
    return { version: PLAN_VERSION, sheets, createdAt: new Date().toISOString() };
  }
}

export { toIso };
