/** Small WorkbookPlans for the renderer's tests, built by hand (the report's builders are tested on their own). */
import { CURRENCY_FORMAT, PLAN_VERSION, text, type CellValue, type SheetPlan, type WorkbookPlan } from '../../src/report/workbookPlan';

export const FINDINGS_HEADER = ['Severity', 'Rule', 'Account', 'Patient', 'Service Date', 'Code', 'Amount', 'Message', 'Cell', 'Status', 'Note'];

export interface FindingRow {
  rule: string;
  account: string;
  patient: string;
  date: string;
  code: string;
  amount: number;
  status?: string;
  note?: string;
}

export function findingsSheet(rows: readonly FindingRow[], name = 'Findings'): SheetPlan {
  const body: CellValue[][] = rows.map((f, i) => [
    'warning', f.rule, text(f.account), text(f.patient), { date: f.date }, text(f.code), f.amount,
    `Line ${i + 1}: insurer paid less than expected`, `D${i + 2}`, f.status ?? 'Open', f.note ? text(f.note) : null,
  ]);
  const last = rows.length + 1;
  return {
    name,
    tag: 'findings',
    key: 'findings',
    blocks: [{ at: 'A1', rows: [FINDINGS_HEADER, ...body] }],
    columns: [{ column: 'G', width: 12, numFmt: CURRENCY_FORMAT }, { column: 'H', width: 60 }, { column: 'E', width: 12 }],
    formats: [{ range: 'A1:K1', font: { bold: true }, fill: '#DDEBF7' }],
    freeze: { rows: 1, columns: 0 },
    tables: [{ name: 'PL_Findings', range: `A1:K${last}`, style: 'TableStyleMedium2', headerRow: true, autoFilter: true, bandedRows: true }],
    conditionalFormats: [{ kind: 'textEquals', range: `A2:A${last}`, text: 'error', style: { fill: '#F8CBAD' } }],
    hyperlinks: rows.map((_, i) => ({ cell: `I${i + 2}`, target: { kind: 'cell', sheet: 'Ledger', cell: `D${i + 2}` } as const })),
    validations: [{ kind: 'list', range: `J2:J${last}`, values: ['Open', 'Working', 'Resolved', "Won't fix"], allowBlank: true, strict: true }],
    carryOver: { headerRow: 1, keyColumns: ['Rule', 'Account', 'Service Date', 'Code'], userColumns: ['Status', 'Note'] },
  };
}

export function summarySheet(): SheetPlan {
  return {
    name: 'Summary',
    tag: 'summary',
    key: 'summary',
    blocks: [{ at: 'A1', rows: [['Bucket', 'Amount'], ['0-30', 100], ['31-60', 50], ['61-90', 25]] }],
    charts: [{ type: 'column', title: 'Aging', categories: 'A2:A4', series: [{ name: 'Amount', values: 'B2:B4' }], from: 'D2', to: 'J15', categoryHeading: 'Bucket', numFmt: CURRENCY_FORMAT }],
    print: { orientation: 'landscape', paperSize: 'letter', fitTo: { width: 1, height: 1 }, printArea: 'A1:J20', titleRows: '1:1', pageBreaksBefore: [30, 60] },
  };
}

export function planOf(sheets: SheetPlan[], createdAt = '2026-11-01T10:00:00Z'): WorkbookPlan {
  return { version: PLAN_VERSION, sheets, createdAt };
}

export function manyFindings(n: number): FindingRow[] {
  const out: FindingRow[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ rule: 'INSURER_UNDERPAID', account: `A${String(10000 + i).padStart(6, '0')}`, patient: `Patient ${i}`, date: `2026-0${1 + (i % 9)}-1${i % 10}`, code: '99213', amount: 12.5 + (i % 100) });
  }
  return out;
}
