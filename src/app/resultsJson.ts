/**
 * results.json (DESIGN §7): money as strings with exactly two decimals,
 * dates YYYY-MM-DD, rows 1-based, cells A1. The shape is a contract: tests
 * outside this repository read it.
 */
import { formatMoney, type Cents } from '../domain/money';
import { toIso as toIsoUncached, type Day } from '../domain/day';
import type { AnalysisResult } from './analyze';
import type { Finding } from '../domain/findingTypes';
import { statementToJson } from '../domain/statements/statement';
import { summaryToJson } from '../domain/kpis/summary';


const money = (c: Cents | null): string | null => (c === null ? null : c === 0 ? '0.00' : formatMoney(c));

/**
 * Dates as YYYY-MM-DD, remembered per day: a ledger spans a few hundred
 * distinct days over hundreds of thousands of lines, and toIso builds a Date
 * each time. One cache per results document.
 */
function isoCache(): (d: Day) => string {
  const seen = new Map<number, string>();
  return (d) => {
    let s = seen.get(d);
    if (s === undefined) {
      s = toIsoUncached(d);
      if (seen.size < 100_000) seen.set(d, s);
    }
    return s;
  };
}

/**
 * results.json as named parts in contract order; the arrays are lazy so a
 * writer can stream a million lines without holding them all as objects.
 */
export function resultsJsonParts(r: AnalysisResult): ReadonlyArray<readonly [string, unknown | Iterable<unknown>, 'value' | 'array']> {
  const { ledger } = r;
  const toIso = isoCache();
  const lineJson = (i: number): Record<string, unknown> => {
    const l = ledger.lines[i]!;
    const s = r.shares.at(i)!;
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
  };
  return [
    ['asOf', toIso(r.asOf), 'value'],
    ['input', {
      sheet: ledger.sheet,
      headerRow: ledger.headerRow,
      kind: ledger.kind,
      ...ledger.counts,
      serviceLines: ledger.lines.length,
      mapping: ledger.mapping.fields,
    }, 'value'],
    ['lines', mapLazy(ledger.lines.length, lineJson), 'array'],
    ['findings', mapLazy(r.findings.length, (i) => findingJson(r.findings[i]!, toIso)), 'array'],
    ['inputIssues', r.inputIssues.map((i) => ({ sheet: i.sheet, row: i.row, cell: i.cell, message: i.message, severity: i.severity })), 'array'],
    ['statements', mapLazy(r.statements.length, (i) => statementToJson(r.statements[i]!)), 'array'],
    ['summary', summaryToJson(r.summary), 'value'],
  ];
}

function* mapLazy<T>(n: number, f: (i: number) => T): Iterable<T> {
  for (let i = 0; i < n; i++) yield f(i);
}

function findingJson(f: Finding, toIso: (d: Day) => string): Record<string, unknown> {
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
 * object, one compact JSON object per line inside the arrays. Each array
 * item is its own chunk (its separator another), not concatenated into big
 * strings: a writer encodes them straight into its buffer, and the rare
 * item with a non-Latin-1 character ("×", "–") stays a small two-byte
 * string instead of turning a whole megabyte batch into one.
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
