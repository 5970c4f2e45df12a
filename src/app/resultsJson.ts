/**
 * results.json (DESIGN §7): money as strings with exactly two decimals,
 * dates YYYY-MM-DD, rows 1-based, cells A1. The shape is a contract: tests
 * outside this repository read it.
 */
import { formatMoney, type Cents } from '../domain/money';
import { toIso } from '../domain/day';
import type { AnalysisResult } from './analyze';
import type { Finding } from '../domain/findingTypes';
import type { LedgerLine, LedgerSheet } from '../domain/ledger';
import type { LineShares } from '../domain/shareTypes';
import { explainShares } from '../domain/adjudication/explanation';
import { statementToJson } from '../domain/statements/statementJson';
import { summaryToJson } from '../domain/kpis/summary';

const money = (c: Cents | null): string | null => (c === null ? null : formatMoney(c));

/** One entry of `input.sheets` (DESIGN §7). */
function sheetJson(s: LedgerSheet): Record<string, unknown> {
  return { sheet: s.sheet, headerRow: s.headerRow, ...s.counts, kind: s.kind, mapping: s.mapping.fields };
}

/** One entry of `lines`: the ledger line and its shares (money `null` where the share is). */
export function lineJson(line: LedgerLine, shares: LineShares): Record<string, unknown> {
  return {
    sheet: line.sheet,
    row: line.row,
    account: line.account,
    serviceDate: toIso(line.serviceDate),
    code: line.code,
    units: line.units,
    billed: formatMoney(line.billed),
    allowed: money(shares.allowed),
    contractual: money(shares.contractual),
    copay: money(shares.copay),
    deductible: money(shares.deductible),
    coinsurance: money(shares.coinsurance),
    patientShare: money(shares.patientShare),
    insurerShare: money(shares.insurerShare),
    secondaryShare: money(shares.secondaryShare),
    explanation: explainShares(shares),
    basis: shares.basis,
    whoPays: shares.whoPays,
    standing: shares.standing,
    category: shares.category,
  };
}

/**
 * results.json as named parts in contract order; the arrays are lazy so a
 * writer can stream a million lines without holding them all as objects.
 */
export function resultsJsonParts(r: AnalysisResult): ReadonlyArray<readonly [string, unknown | Iterable<unknown>, 'value' | 'array']> {
  const { ledger } = r;
  const first = ledger.sheets[0]!;
  return [
    ['asOf', toIso(r.asOf), 'value'],
    ['input', {
      sheet: first.sheet,
      headerRow: first.headerRow,
      ...ledger.counts,
      serviceLines: ledger.lines.length,
      sheets: ledger.sheets.map(sheetJson),
    }, 'value'],
    ['lines', mapLazy(ledger.lines.length, (i) => lineJson(ledger.lines[i]!, r.shares[i]!)), 'array'],
    ['findings', mapLazy(r.findings.length, (i) => findingJson(r.findings[i]!)), 'array'],
    ['inputIssues', r.inputIssues.map((i) => ({ sheet: i.sheet, row: i.row, cell: i.cell, message: i.message, severity: i.severity })), 'array'],
    ['statements', mapLazy(r.statements.length, (i) => statementToJson(r.statements[i]!, ledger.lines, r.shares)), 'array'],
    ['summary', summaryToJson(r.summary), 'value'],
  ];
}

function* mapLazy<T>(n: number, f: (i: number) => T): Iterable<T> {
  for (let i = 0; i < n; i++) yield f(i);
}

function findingJson(f: Finding): Record<string, unknown> {
  return {
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
  };
}

/** The whole results.json as one object (tests, small workbooks). */
export function toResultsJson(r: AnalysisResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value, kind] of resultsJsonParts(r)) out[key] = kind === 'array' ? [...(value as Iterable<unknown>)] : value;
  return out;
}

/**
 * Streams results.json as text chunks: two-space indentation for the outer
 * object, one compact JSON object per line inside the arrays, so a million
 * lines are never one string.
 */
export function* resultsJsonChunks(r: AnalysisResult): Iterable<string> {
  const parts = resultsJsonParts(r);
  yield '{\n';
  for (let p = 0; p < parts.length; p++) {
    const [key, value, kind] = parts[p]!;
    const comma = p < parts.length - 1 ? ',' : '';
    if (kind === 'value') {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [`;
    let first = true;
    for (const item of value as Iterable<unknown>) {
      yield first ? FIRST_ITEM : NEXT_ITEM;
      yield JSON.stringify(item);
      first = false;
    }
    yield `${first ? '' : '\n  '}]${comma}\n`;
  }
  yield '}\n';
}

const FIRST_ITEM = '\n    ';
const NEXT_ITEM = ',\n    ';
