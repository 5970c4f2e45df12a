/** Run Log: when, what was read, what came out, which version — counts only, no PHI (DESIGN §6, §7). */
import type { ReportInput } from './reportInput';
import { INTEGER_FORMAT, rangeA1, text, type SheetPlan } from './workbookPlan';
import { GridBuilder } from './grid';
import { TITLE_FONT, headerFormat } from './style';

export function buildRunLogSheet(input: ReportInput, sheetsWritten: number): SheetPlan {
  const g = new GridBuilder(7);
  g.push(['Run log']);
  g.format({ range: 'A1', font: TITLE_FONT });
  const facts: [string, string | number][] = [
    ['Run at', input.runAt],
    ['As of', input.asOf],
    ['Written by', input.producer],
    ['Version', input.version],
    ['Ledger sheets read', input.sheets.length],
    ['Service lines analysed', input.lines.length],
    ['Input issues', input.inputIssues],
    ['Findings', input.findings.length],
    ['Statements', input.statements.length],
    ['Payment plans', input.plans.length],
    ['Report sheets written', sheetsWritten],
  ];
  for (const [label, value] of facts) {
    const r = g.push([label, typeof value === 'string' ? text(value) : value]);
    g.format({ range: rangeA1(r, 1, r, 1), font: { bold: true } });
    g.format({ range: rangeA1(r, 2, r, 2), alignment: { horizontal: 'left' }, ...(typeof value === 'number' ? { numFmt: INTEGER_FORMAT } : {}) });
  }
  g.push();
  const h = g.push(['Ledger sheet', 'Header row', 'Rows read', 'Lines analysed', 'Excluded rows', 'Blank rows', 'Total rows']);
  g.format(headerFormat(rangeA1(h, 1, h, 7)));
  for (const s of input.sheets) g.push([text(s.sheet), s.headerRow, s.rowsRead, s.linesAnalyzed, s.excludedRows, s.blankRows, s.totalRows]);
  if (input.sheets.length > 0) g.format({ range: rangeA1(h + 1, 2, g.rows.length, 7), numFmt: INTEGER_FORMAT });
  return {
    name: 'Run Log',
    tag: 'run-log',
    key: 'run-log',
    blocks: [g.block()],
    columns: [28, 14, 12, 14, 14, 12, 12].map((w, i) => ({ column: String.fromCharCode(65 + i), width: w })),
    formats: g.formats,
    print: { orientation: 'portrait', paperSize: 'letter', fitTo: { width: 1, height: 0 } },
    tabColor: '#7F7F7F',
  };
}
