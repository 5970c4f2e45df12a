/**
 * The readable `analyze` report (DESIGN §7, issue 10): what a person reads in
 * a terminal when no --json / --out is given — counts per sheet, findings by
 * rule (count and dollars), the ten largest findings with their cells, and
 * the statements' total, in aligned columns.
 */
import type { AnalysisResult } from '../app/analyze';
import type { Finding } from '../domain/findingTypes';
import type { LedgerCounts } from '../domain/ledger';
import { formatMoneyDisplay, type Cents } from '../domain/money';
import { toIso } from '../domain/day';
import { ruleTotals } from '../domain/findings/summary';

type Align = 'left' | 'right';

interface Column {
  readonly title: string;
  readonly align: Align;
}

/** Rows under a header line, each column as wide as its widest cell. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((text, i) => (columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const left = (title: string): Column => ({ title, align: 'left' });
const right = (title: string): Column => ({ title, align: 'right' });
const count = (n: number): string => n.toLocaleString('en-US');
const dollars = (c: Cents): string => formatMoneyDisplay(c);

/** A cell as a person finds it in Excel: `Jan!G5`, `'Jan 2026'!G5`. */
export function sheetCell(sheet: string, cell: string | null): string {
  if (cell === null) return sheet;
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${cell}`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function countsRow(name: string, headerRow: string, c: LedgerCounts): string[] {
  return [name, headerRow, count(c.rowsRead), count(c.linesAnalyzed), count(c.excludedRows), count(c.blankRows), count(c.totalRows)];
}

function sheetsSection(r: AnalysisResult): string[] {
  const rows = r.ledger.sheets.map((s) => countsRow(s.sheet, String(s.headerRow), s.counts));
  if (r.ledger.sheets.length > 1) rows.push(countsRow('All sheets', '', r.ledger.counts));
  return [
    'Sheets read',
    ...table([left('Sheet'), right('Header row'), right('Rows read'), right('Analysed'), right('Excluded'), right('Blank'), right('Total rows')], rows),
  ];
}

function byRuleSection(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['Findings by rule: none'];
  const ordered = ruleTotals(findings);
  const total = ordered.reduce((sum, e) => sum + e.amount, 0);
  const rows = ordered.map((e) => [e.rule, count(e.count), dollars(e.amount as Cents)]);
  rows.push(['All rules', count(findings.length), dollars(total as Cents)]);
  return ['Findings by rule', ...table([left('Rule'), right('Count'), right('Amount')], rows)];
}

/** The ten findings with the most money at stake (findings without an amount come last, in results order). */
export function largestFindings(findings: readonly Finding[], howMany = 10): Finding[] {
  return findings
    .map((f, order) => ({ f, order }))
    .sort((a, b) => (b.f.amount ?? -1) - (a.f.amount ?? -1) || a.order - b.order)
    .slice(0, howMany)
    .map((x) => x.f);
}

function largestSection(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const top = largestFindings(findings);
  const rows = top.map((f) => [
    f.severity, f.rule, sheetCell(f.sheet, f.cell), f.account ?? '', f.amount === null ? '' : dollars(f.amount), oneLine(f.message, 80),
  ]);
  return [
    `Largest findings (${top.length} of ${count(findings.length)})`,
    ...table([left('Severity'), left('Rule'), left('Cell'), left('Account'), right('Amount'), left('Message')], rows),
  ];
}

/** Workbook-level notices ("this rule needs a FeeSchedule sheet"): what was not checked, and why. */
function noticesSection(notices: readonly Finding[]): string[] {
  if (notices.length === 0) return [];
  return [`Notices (${notices.length})`, ...notices.map((f) => `  ${f.rule}: ${oneLine(f.message, 110)}`)];
}

function statementsSection(r: AnalysisResult): string[] {
  const bills = r.statements.filter((s) => s.amountDue > 0);
  const due = bills.reduce((sum, s) => sum + s.amountDue, 0);
  const credits = r.statements.reduce((sum, s) => sum + s.creditBalance, 0);
  const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;
  const lines = [`Statements: ${plural(r.statements.length, 'account', 'accounts')}; total due ${dollars(due as Cents)} on ${plural(bills.length, 'bill', 'bills')}`];
  if (credits > 0) lines.push(`Refunds owed to patients: ${dollars(credits as Cents)}`);
  return lines;
}

export function analysisReport(r: AnalysisResult): string {
  const errors = r.inputIssues.filter((i) => i.severity === 'error').length;
  const inputNotices = r.inputIssues.length - errors;
  // Findings on lines and accounts; `info` findings are notices about the workbook.
  const onLines = r.findings.filter((f) => f.severity !== 'info');
  const notices = r.findings.filter((f) => f.severity === 'info');
  const sections = [
    [`Patient ledger analysis as of ${toIso(r.asOf)}`],
    sheetsSection(r),
    [`Input issues: ${count(r.inputIssues.length)} (${count(errors)} errors, ${count(inputNotices)} notices); --json - lists each cell`],
    byRuleSection(onLines),
    largestSection(onLines),
    noticesSection(notices),
    statementsSection(r),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
