/**
 * Expected Shares: one row a ledger line (DESIGN §6) with the working in
 * words and a link to the line. A share the analysis could not compute
 * (`null`, DESIGN §4) is a blank cell, never 0.00. Past 65,530 lines (one
 * link each) it continues on `Expected Shares (2)`.
 */
import type { ReportInput, ReportLine } from './reportInput';
import {
  CURRENCY_FORMAT, DEFAULT_DATE_FORMAT, PLAN_LIMITS, columnLetters, dollars, rangeA1, text,
  type CellValue, type HyperlinkPlan, type SheetPlan,
} from './workbookPlan';
import { TABLE_STYLE, headerFormat } from './style';
import { cellLabel, linkTarget } from './links';

export const SHARES_HEADER = [
  'Sheet', 'Row', 'Account', 'Service Date', 'Code', 'Units', 'Billed', 'Allowed', 'Contractual', 'Copay', 'Deductible',
  'Coinsurance', 'Patient', 'Insurer', 'Secondary', 'Explanation', 'Line',
] as const;
const WIDTHS = [12, 6, 12, 12, 9, 6, 12, 12, 12, 11, 11, 12, 12, 12, 12, 80, 14];
const MONEY_FIRST = 7; // Billed
const MONEY_LAST = 15; // Secondary

const money = (c: number | null): CellValue => (c === null ? null : dollars(c));

export function buildSharesSheets(input: ReportInput): SheetPlan[] {
  const per = PLAN_LIMITS.maxHyperlinks;
  const chunks: ReportLine[][] = [];
  for (let i = 0; i < input.lines.length; i += per) chunks.push(input.lines.slice(i, i + per));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((chunk, i) => sharesSheet(input, chunk, i + 1));
}

function sharesSheet(input: ReportInput, lines: readonly ReportLine[], part: number): SheetPlan {
  const rows: CellValue[][] = [[...SHARES_HEADER]];
  const hyperlinks: HyperlinkPlan[] = [];
  const width = SHARES_HEADER.length;
  for (const l of lines) {
    const r = rows.length + 1;
    const target = linkTarget(input.links, l.sheet, l.cell);
    if (target) hyperlinks.push({ cell: `${columnLetters(width)}${r}`, target, tooltip: 'Go to the ledger line' });
    rows.push([
      text(l.sheet), l.row, text(l.account), { date: l.serviceDate }, text(l.code), l.units,
      money(l.billed), money(l.allowed), money(l.contractual), money(l.copay), money(l.deductible), money(l.coinsurance),
      money(l.patientShare), money(l.insurerShare), money(l.secondaryShare), text(l.explanation), text(cellLabel(l.sheet, l.cell)),
    ]);
  }
  const last = rows.length;
  const lastData = Math.max(last, 2);
  return {
    name: part === 1 ? 'Expected Shares' : `Expected Shares (${part})`,
    tag: 'expected-shares',
    key: part === 1 ? 'expected-shares' : `expected-shares:${part}`,
    blocks: [{ at: 'A1', rows }],
    columns: WIDTHS.map((w, i) => ({ column: columnLetters(i + 1), width: w })),
    formats: [
      headerFormat(rangeA1(1, 1, 1, width)),
      { range: rangeA1(2, 4, lastData, 4), numFmt: DEFAULT_DATE_FORMAT, alignment: { horizontal: 'left' } },
      { range: rangeA1(2, MONEY_FIRST, lastData, MONEY_LAST), numFmt: CURRENCY_FORMAT },
      { range: rangeA1(2, 16, lastData, 16), alignment: { wrapText: true, vertical: 'top' } },
      { range: rangeA1(2, width, lastData, width), font: { color: '#0563C1', underline: true } },
    ],
    freeze: { rows: 1, columns: 3 },
    ...(last > 1
      ? { tables: [{ name: part === 1 ? 'PL_ExpectedShares' : `PL_ExpectedShares_${part}`, range: rangeA1(1, 1, last, width), style: TABLE_STYLE, headerRow: true as const, autoFilter: true, bandedRows: true }] }
      : { autoFilter: rangeA1(1, 1, 1, width) }),
    hyperlinks,
    print: { orientation: 'landscape', paperSize: 'letter', fitTo: { width: 1, height: 0 }, titleRows: '1:1', footer: '&A — page &P of &N' },
    tabColor: '#2E75B6',
  };
}
