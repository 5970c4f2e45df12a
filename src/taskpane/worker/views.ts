/**
 * AnalysisResult → what the pane shows. Plain records, money in integer
 * cents, dates YYYY-MM-DD: small enough to cross back from the worker by
 * structured clone even for a 100,000-line ledger (the lines themselves stay
 * in the worker; an account's lines are asked for when it is opened).
 */
import type { AnalysisResult } from '../../app/analyze';
import type { LedgerLine } from '../../domain/ledger';
import { toIso } from '../../domain/day';
import { explainShares } from '../../domain/adjudication';
import { bucketFor, DUNNING_LABELS, statementLines } from '../../domain/statements';
import { lineBalance } from '../../domain/lineBalance';
import { cellOf } from '../../domain/ledger';
import type { ReportInput } from '../../report/reportInput';
import { columnLetters } from '../../ingest/grid';
import { ruleTotals } from '../../domain/findings/summary';
import type { AccountDetail, AccountSummary, FindingView, IssueView, MappingView, PaneView, RuleTotal } from './protocol';

/** Input issues sent to the pane (the rest are counted; the Run Log has the total). */
export const MAX_ISSUES_SHOWN = 500;

const AGING_LABEL: Record<string, string> = {
  current: '0–30 days',
  d31to60: '31–60 days',
  d61to90: '61–90 days',
  d91to120: '91–120 days',
  over120: 'Over 120 days',
};

type HeaderCells = readonly (string | number | boolean | null)[];

export function paneView(r: AnalysisResult, input: ReportInput, headers: ReadonlyMap<string, HeaderCells>): PaneView {
  const lineAt = new Map<string, LedgerLine>();
  for (const l of r.ledger.lines) lineAt.set(`${l.sheet}\u0001${l.row}`, l);

  const findings: FindingView[] = input.findings.map((f, id) => {
    const line = f.row === null ? undefined : lineAt.get(`${f.sheet}\u0001${f.row}`);
    return {
      id, rule: f.rule, severity: f.severity, sheet: f.sheet, row: f.row, cell: f.cell, account: f.account,
      patientName: f.patientName, payer: line?.payer ?? null, serviceDate: f.serviceDate, code: f.code,
      amount: f.amount, message: f.message, inputs: f.inputs,
    };
  });

  const totals: RuleTotal[] = ruleTotals(findings);

  const accounts = new Map<string, { patientName: string | null; lines: number }>();
  for (const l of r.ledger.lines) {
    const a = accounts.get(l.account);
    if (a) {
      a.lines++;
      if (a.patientName === null) a.patientName = l.patientName;
    } else accounts.set(l.account, { patientName: l.patientName, lines: 1 });
  }
  const statementOf = new Map(r.statements.map((s) => [s.account, s]));
  const accountList: AccountSummary[] = [...accounts].map(([account, a]) => {
    const s = statementOf.get(account);
    return {
      account,
      patientName: s?.patient.name ?? a.patientName,
      amountDue: s ? (s.kind === 'refund-notice' ? -s.creditBalance : s.amountDue) : 0,
      stage: s?.dunningStage ? DUNNING_LABELS[s.dunningStage] : null,
      lines: a.lines,
    };
  });

  const issues: IssueView[] = r.inputIssues.slice(0, MAX_ISSUES_SHOWN).map((i) => ({ sheet: i.sheet, row: i.row, cell: i.cell, message: i.message, severity: i.severity }));
  const sheets: MappingView[] = r.ledger.sheets.map((s) => {
    const cells = headers.get(s.sheet) ?? [];
    const fields: Record<string, readonly string[]> = {};
    for (const [k, v] of Object.entries(s.mapping.fields)) if (v) fields[k] = v;
    const headerTexts: Record<string, string> = { ...s.mapping.unmapped };
    cells.forEach((c, i) => {
      if (c !== null && String(c).trim() !== '') headerTexts[columnLetters(i + 1)] = String(c);
    });
    return {
      sheet: s.sheet, headerRow: s.headerRow, kind: s.kind, confidence: s.mapping.confidence, fields, headers: headerTexts,
      linesAnalyzed: s.counts.linesAnalyzed, excludedRows: s.counts.excludedRows,
    };
  });

  return {
    asOf: toIso(r.asOf),
    counts: { ...r.ledger.counts },
    sheets,
    configPresent: [...r.config.present],
    inputIssues: issues,
    inputIssueCount: r.inputIssues.length,
    findings,
    ruleTotals: totals,
    accounts: accountList,
    statementsTotal: r.statements.reduce((t, s) => t + s.amountDue, 0),
  };
}

export function accountDetail(r: AnalysisResult, account: string): AccountDetail | null {
  const lines = r.ledger.lines.filter((l) => l.account === account);
  if (lines.length === 0) return null;
  const st = r.statements.find((s) => s.account === account) ?? null;
  const patient = r.config.patients.find((p) => p.account === account) ?? null;
  const byIndex = new Map(st ? statementLines(st, r.ledger.lines, r.shares).map((l) => [l.lineIndex, l]) : []);
  return {
    account,
    patientName: st?.patient.name ?? patient?.name ?? lines[0]!.patientName,
    amountDue: st?.amountDue ?? 0,
    creditBalance: st?.creditBalance ?? 0,
    stage: st?.dunningStage ? DUNNING_LABELS[st.dunningStage] : null,
    stageMessage: st?.message ?? null,
    aging: st ? { ...st.aging } : { current: 0, d31to60: 0, d61to90: 0, d91to120: 0, over120: 0 },
    lines: lines.map((l) => {
      const sl = byIndex.get(l.index);
      const shares = r.shares[l.index];
      return {
        sheet: l.sheet,
        row: l.row,
        cell: cellOf(l, 'account') ?? `A${l.row}`,
        serviceDate: toIso(l.serviceDate),
        code: l.code,
        billed: l.billed,
        balance: lineBalance(l),
        patientBalance: sl && !sl.pending ? sl.patientBalance : null,
        pending: sl?.pending ?? false,
        aging: AGING_LABEL[bucketFor(r.asOf - l.serviceDate)] ?? '',
        explanation: shares ? explainShares(shares) : '',
      };
    }),
    monthlyIncome: patient?.monthlyIncome ?? null,
    householdSize: patient?.householdSize ?? null,
    state: patient?.state ?? st?.patient.state ?? null,
    flags: st?.flags ?? [],
  };
}
