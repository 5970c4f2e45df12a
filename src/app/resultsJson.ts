/**
 * results.json (DESIGN §7): money as strings with exactly two decimals,
 * dates YYYY-MM-DD, rows 1-based, cells A1. The shape is a contract: tests
 * outside this repository read it.
 */
import { formatMoney, type Cents } from '../domain/money';
import { toIso } from '../domain/day';
import type { AnalysisResult } from './analyze';
import { statementToJson } from '../domain/statements/statement';
import { summaryToJson } from '../domain/kpis/summary';

const money = (c: Cents | null): string | null => (c === null ? null : formatMoney(c));

export function toResultsJson(r: AnalysisResult): Record<string, unknown> {
  const { ledger } = r;
  return {
    asOf: toIso(r.asOf),
    input: {
      sheet: ledger.sheet,
      headerRow: ledger.headerRow,
      kind: ledger.kind,
      ...ledger.counts,
      serviceLines: ledger.lines.length,
      mapping: ledger.mapping.fields,
    },
    lines: ledger.lines.map((l, i) => {
      const s = r.shares[i]!;
      return {
        sheet: l.sheet,
        row: l.row,
        account: l.account,
        serviceDate: toIso(l.serviceDate),
        code: l.code,
        units: l.units,
        billed: formatMoney(l.billed),
        allowed: money(s.allowed),
        contractual: money(s.contractual),
        copay: money(s.copay),
        deductible: money(s.deductible),
        coinsurance: money(s.coinsurance),
        patientShare: money(s.patientShare),
        insurerShare: money(s.insurerShare),
        secondaryShare: money(s.secondaryShare),
        explanation: s.explanation,
        basis: s.basis,
        category: s.category,
      };
    }),
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      row: f.row,
      cell: f.cell,
      account: f.account,
      amount: money(f.amount),
      message: f.message,
      serviceDate: f.serviceDate === null ? null : toIso(f.serviceDate),
      inputs: f.inputs,
    })),
    inputIssues: r.inputIssues.map((i) => ({ sheet: i.sheet, row: i.row, cell: i.cell, message: i.message, severity: i.severity })),
    statements: r.statements.map(statementToJson),
    summary: summaryToJson(r.summary),
  };
}
