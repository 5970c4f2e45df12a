/**
 * Summary: a manager's de-identified page (DESIGN §6, §7) — KPIs, aging,
 * payer mix, expected vs actual insurer payments by payer, findings by rule,
 * and four native charts; one landscape page. No names, accounts, member
 * ids, dates of birth or addresses: only payer names, rule ids and figures,
 * with small groups suppressed (suppress.ts).
 */
import { bucketFor, type AgingBucket } from '../domain/statements/aging';
import type { ReportInput } from './reportInput';
import {
  CURRENCY_FORMAT, INTEGER_FORMAT, PERCENT_FORMAT, columnLetters, dollars, rangeA1, text,
  type CellValue, type ChartPlan, type SheetPlan,
} from './workbookPlan';
import { GridBuilder } from './grid';
import { TITLE_FONT, headerFormat } from './style';
import { poolSmallGroups, suppressedGroups, suppressedLabel, type Group } from './suppress';

const BUCKETS: readonly [AgingBucket, string][] = [
  ['current', 'Current (0–30 days)'], ['d31to60', '31–60 days'], ['d61to90', '61–90 days'], ['d91to120', '91–120 days'], ['over120', 'Over 120 days'],
];
/** Left tables in A..E, charts from G. */
const WIDTHS = [36, 10, 12, 14, 14, 13];
const CHART_COL = 8;
const CHART_COLS = 7;
const CHART_COL_WIDTH = 11;

interface Money extends Group {
  lines: number;
  a: number;
  b: number;
}

const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

function addTo(map: Map<string, Money>, label: string, account: string, a: number, b: number): void {
  let g = map.get(label);
  if (!g) map.set(label, (g = { label, accounts: new Set<string>(), lines: 0, a: 0, b: 0 }));
  (g.accounts as Set<string>).add(account);
  g.lines++;
  g.a += a;
  g.b += b;
}

const mergeMoney = (x: Money, y: Money): Money => ({
  label: x.label, accounts: new Set([...x.accounts, ...y.accounts]), lines: x.lines + y.lines, a: x.a + y.a, b: x.b + y.b,
});

export function buildSummarySheet(input: ReportInput): SheetPlan {
  const min = input.policy.smallCellMin;
  const hide = suppressedLabel(min);
  const accounts = new Set(input.lines.map((l) => l.account));
  const tooFew = accounts.size < min;
  const g = new GridBuilder(WIDTHS.length);
  const charts: ChartPlan[] = [];

  g.push(['Patient ledger summary']);
  g.format({ range: 'A1', font: TITLE_FONT });
  g.push([text(`As of ${input.asOf}. De-identified: no patient names or accounts; a group of fewer than ${min} accounts shows ${hide}.`)]);
  g.format({ range: 'A2', font: { italic: true, size: 9, color: '#595959' } });
  g.push();

  // Key figures.
  const k = input.kpis;
  const cap = g.push(['Key figures', 'Value']);
  g.format(headerFormat(rangeA1(cap, 1, cap, 2)));
  const kpi = (label: string, v: number | null, fmt: string, asPercent = false): void => {
    const value: CellValue = tooFew ? hide : v === null ? 'n/a' : asPercent ? v / 100 : v;
    const r = g.push([label, value]);
    g.format({ range: rangeA1(r, 2, r, 2), numFmt: fmt, alignment: { horizontal: 'right' } });
  };
  kpi('Accounts', accounts.size, INTEGER_FORMAT);
  kpi('Service lines', input.lines.length, INTEGER_FORMAT);
  kpi('Total charges', dollars(k.totalCharges), CURRENCY_FORMAT);
  kpi('Contractual adjustments', dollars(k.contractualAdjustments), CURRENCY_FORMAT);
  kpi('Insurer payments', dollars(k.insurerPayments), CURRENCY_FORMAT);
  kpi('Patient payments', dollars(k.patientPayments), CURRENCY_FORMAT);
  kpi('A/R with insurers', dollars(k.arInsurer), CURRENCY_FORMAT);
  kpi('A/R with patients', dollars(k.arPatient), CURRENCY_FORMAT);
  kpi('Net collection rate', k.netCollectionRate, PERCENT_FORMAT, true);
  kpi('Denial rate (claim lines)', k.denialRateCount, PERCENT_FORMAT, true);
  kpi('Denial rate (dollars)', k.denialRateAmount, PERCENT_FORMAT, true);
  kpi('A/R over 90 days', k.arOver90Pct, PERCENT_FORMAT, true);
  g.push();

  // Aging of what is outstanding, by date of service.
  const asOf = dayOf(input.asOf);
  const aging = new Map<string, Money>(BUCKETS.map(([, label]) => [label, { label, accounts: new Set<string>(), lines: 0, a: 0, b: 0 }]));
  for (const l of input.lines) {
    if (l.balance === 0) continue;
    const label = BUCKETS.find(([b]) => b === bucketFor(asOf - dayOf(l.serviceDate)))![1];
    addTo(aging, label, l.account, l.balance, 0);
  }
  const agingRows = table(g, ['Outstanding by age', 'Accounts', 'Amount'], [...aging.values()], min, accounts.size, (m) => [m.accounts.size, dollars(m.a)], [INTEGER_FORMAT, CURRENCY_FORMAT]);
  g.push();

  // Payer mix.
  const payers = new Map<string, Money>();
  for (const l of input.lines) addTo(payers, l.selfPay ? 'Self-pay' : (l.payer ?? '').trim() || 'Self-pay', l.account, l.billed, 0);
  const totalCharges = input.lines.reduce((s, l) => s + l.billed, 0);
  const mix = poolSmallGroups([...payers.values()].sort((a, b) => b.a - a.a), min, `Other payers (each under ${min} accounts)`, mergeMoney);
  const mixRows = table(g, ['Payer mix', 'Accounts', 'Lines', 'Charges', '% of charges'], mix, min, accounts.size,
    (m) => [m.accounts.size, m.lines, dollars(m.a), totalCharges === 0 ? 0 : m.a / totalCharges], [INTEGER_FORMAT, INTEGER_FORMAT, CURRENCY_FORMAT, PERCENT_FORMAT]);
  g.push();

  // Expected vs actual insurer payments by payer.
  const byPayer = new Map<string, Money>();
  for (const l of input.lines) {
    if (l.selfPay || l.insurerShare === null || l.payer === null) continue;
    addTo(byPayer, l.payer.trim(), l.account, l.insurerShare, l.insurerPaid ?? 0);
  }
  const exp = poolSmallGroups([...byPayer.values()].sort((a, b) => (b.a - b.b) - (a.a - a.b)), min, `Other payers (each under ${min} accounts)`, mergeMoney);
  const expRows = table(g, ['Insurer payments by payer', 'Accounts', 'Expected', 'Paid', 'Underpaid'], exp, min, accounts.size,
    (m) => [m.accounts.size, dollars(m.a), dollars(m.b), dollars(m.a - m.b)], [INTEGER_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT]);
  g.push();

  // Findings by rule (account findings; workbook notices have no account).
  const rules = new Map<string, Money>();
  for (const f of input.findings) if (f.account !== null) addTo(rules, f.rule, f.account, f.amount ?? 0, 0);
  const ruleGroups = [...rules.values()].sort((a, b) => b.a - a.a || b.lines - a.lines);
  const ruleRows = table(g, ['Findings by rule', 'Accounts', 'Findings', 'Amount'], ruleGroups, min, accounts.size,
    (m) => [m.accounts.size, m.lines, dollars(m.a)], [INTEGER_FORMAT, INTEGER_FORMAT, CURRENCY_FORMAT]);

  // Charts, two by two to the right of the tables.
  const h1 = Math.max(16, agingRows.count + 4, mixRows.count + 4);
  const h2 = Math.max(16, expRows.count + 4, ruleRows.count + 4);
  /** Slots 0, 1 on the top row of charts, 2, 3 below. */
  const at = (row: number, slot: number): { from: string; to: string } => {
    const left = CHART_COL + (slot % 2) * (CHART_COLS + 1);
    return { from: `${columnLetters(left)}${row}`, to: `${columnLetters(left + CHART_COLS - 1)}${row + (slot < 2 ? h1 : h2) - 1}` };
  };
  const top1 = cap;
  const top2 = cap + h1 + 1;
  charts.push({ type: 'column', title: 'Outstanding by age', categoryHeading: 'Age', numFmt: CURRENCY_FORMAT, categories: agingRows.col(1), series: [{ name: 'Amount', values: agingRows.col(3) }], ...at(top1, 0) });
  charts.push({ type: 'pie', title: 'Payer mix (charges)', categoryHeading: 'Payer', numFmt: CURRENCY_FORMAT, categories: mixRows.col(1), series: [{ name: 'Charges', values: mixRows.col(4) }], ...at(top1, 1) });
  charts.push({ type: 'bar', title: 'Underpayment by payer', categoryHeading: 'Payer', numFmt: CURRENCY_FORMAT, categories: expRows.col(1), series: [{ name: 'Underpaid', values: expRows.col(5) }], ...at(top2, 2) });
  charts.push({ type: 'bar', title: 'Findings by rule (dollars)', categoryHeading: 'Rule', numFmt: CURRENCY_FORMAT, categories: ruleRows.col(1), series: [{ name: 'Amount', values: ruleRows.col(4) }], ...at(top2, 3) });

  const lastRow = Math.max(g.rows.length, top2 + h2 - 1);
  const lastCol = CHART_COL + 2 * CHART_COLS;
  const columns = [
    ...WIDTHS.map((w, i) => ({ column: columnLetters(i + 1), width: w })),
    { column: columnLetters(WIDTHS.length + 1), width: 2 },
    ...Array.from({ length: 2 * CHART_COLS + 1 }, (_, i) => ({ column: columnLetters(CHART_COL + i), width: i === CHART_COLS ? 2 : CHART_COL_WIDTH })),
  ];
  return {
    name: 'Summary',
    tag: 'summary',
    key: 'summary',
    blocks: [g.block()],
    columns,
    formats: g.formats,
    charts,
    showGridLines: false,
    print: {
      orientation: 'landscape', paperSize: 'letter', fitTo: { width: 1, height: 1 }, printArea: rangeA1(1, 1, lastRow, lastCol),
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 }, centerHorizontally: true,
    },
    tabColor: '#7030A0',
  };
}

/** Writes a captioned table of groups, suppressing small ones; returns where its rows are. */
function table<T extends Group>(
  g: GridBuilder, header: readonly string[], groups: readonly T[], min: number, totalAccounts: number,
  figures: (t: T) => number[], formats: readonly string[],
): { count: number; col: (c: number) => string } {
  const h = g.push([...header]);
  g.format(headerFormat(rangeA1(h, 1, h, header.length)));
  g.format({ range: rangeA1(h, 2, h, header.length), alignment: { horizontal: 'right', wrapText: true } });
  const hidden = suppressedGroups(groups, min, totalAccounts);
  const label = suppressedLabel(min);
  groups.forEach((grp, i) => {
    const values: CellValue[] = hidden.has(i) ? figures(grp).map(() => label) : figures(grp);
    g.push([text(grp.label), ...values]);
  });
  if (groups.length === 0) g.push(['None']);
  const first = h + 1;
  const last = Math.max(first, g.rows.length);
  formats.forEach((f, i) => g.format({ range: rangeA1(first, i + 2, last, i + 2), numFmt: f, alignment: { horizontal: 'right' } }));
  return { count: Math.max(1, groups.length), col: (c) => rangeA1(first, c, last, c) };
}
