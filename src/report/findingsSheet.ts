/**
 * Findings: the representative's worklist (DESIGN §6, §7) — one row a
 * finding in results order, a link to the cell at fault, Status (a list:
 * Open, Working, Resolved, Won't fix) and Note carried over re-runs by rule,
 * account, service date and code. More rows than a sheet may hold links
 * (65,530) continue on `Findings (2)`.
 */
import type { ReportFinding, ReportInput } from './reportInput';
import {
  CURRENCY_FORMAT, DEFAULT_DATE_FORMAT, PLAN_LIMITS, dollars, rangeA1, text,
  type CellValue, type HyperlinkPlan, type SheetPlan,
} from './workbookPlan';
import { SEVERITY_STYLES, TABLE_STYLE, headerFormat } from './style';
import { cellLabel, linkTarget } from './links';

export const FINDINGS_HEADER = [
  'Severity', 'Rule', 'Account', 'Patient', 'Service Date', 'Code', 'Amount', 'Expected', 'Actual', 'Message', 'Cell', 'Status', 'Note',
] as const;
export const STATUS_VALUES = ['Open', 'Working', 'Resolved', "Won't fix"] as const;
const COL = Object.fromEntries(FINDINGS_HEADER.map((h, i) => [h, i + 1])) as Record<(typeof FINDINGS_HEADER)[number], number>;
const WIDTHS = [9, 24, 12, 22, 12, 9, 12, 12, 12, 70, 14, 11, 30];

/** Which of a rule's inputs are its expected and actual figures. */
const EXPECTED_ACTUAL: Readonly<Record<string, readonly [string, string]>> = {
  INSURER_UNDERPAID: ['expectedInsurerShare', 'insurerPaid'],
  INSURER_OVERPAID: ['expectedInsurerShare', 'insurerPaid'],
  PATIENT_OVERPAID: ['patientShare', 'patientPaid'],
  PATIENT_OVERBILLED: ['patientShare', 'balance'],
  BALANCE_MISMATCH: ['expectedBalance', 'balance'],
  ALLOWED_MISMATCH: ['feeScheduleAllowed', 'ledgerAllowed'],
};

/** A rule input for a cell: money strings (1,234.50) become dollars, others text. */
export function inputValue(s: string | undefined): CellValue {
  if (s === undefined) return null;
  const m = /^(-?)\$?([\d,]+)\.(\d{2})$/.exec(s.trim());
  if (m) {
    const cents = Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]);
    return dollars(m[1] ? -cents : cents);
  }
  return text(s);
}

function expectedActual(f: ReportFinding): [CellValue, CellValue] {
  const keys = EXPECTED_ACTUAL[f.rule];
  if (!keys) return [null, null];
  return [inputValue(f.inputs[keys[0]]), inputValue(f.inputs[keys[1]])];
}

const severityLabel = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function buildFindingsSheets(input: ReportInput): SheetPlan[] {
  const per = PLAN_LIMITS.maxHyperlinks;
  const chunks: ReportFinding[][] = [];
  for (let i = 0; i < input.findings.length; i += per) chunks.push(input.findings.slice(i, i + per));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((chunk, i) => findingsSheet(input, chunk, i + 1));
}

function findingsSheet(input: ReportInput, findings: readonly ReportFinding[], part: number): SheetPlan {
  const rows: CellValue[][] = [[...FINDINGS_HEADER]];
  const hyperlinks: HyperlinkPlan[] = [];
  for (const f of findings) {
    const [expected, actual] = expectedActual(f);
    const r = rows.length + 1;
    let cell: CellValue = null;
    if (f.cell !== null) {
      cell = text(cellLabel(f.sheet, f.cell));
      const target = linkTarget(input.links, f.sheet, f.cell);
      if (target) hyperlinks.push({ cell: `K${r}`, target, tooltip: 'Go to the ledger cell' });
    }
    rows.push([
      severityLabel(f.severity), f.rule, text(f.account), text(f.patientName),
      f.serviceDate === null ? null : { date: f.serviceDate }, text(f.code),
      f.amount === null ? null : dollars(f.amount), expected, actual, text(f.message), cell, 'Open', null,
    ]);
  }
  const last = rows.length;
  const lastData = Math.max(last, 2);
  const width = FINDINGS_HEADER.length;
  const money = (c: number): string => rangeA1(2, c, lastData, c);
  return {
    name: part === 1 ? 'Findings' : `Findings (${part})`,
    tag: 'findings',
    key: part === 1 ? 'findings' : `findings:${part}`,
    blocks: [{ at: 'A1', rows }],
    columns: WIDTHS.map((width, i) => ({ column: String.fromCharCode(65 + i), width })),
    formats: [
      headerFormat(rangeA1(1, 1, 1, width)),
      { range: money(COL.Amount), numFmt: CURRENCY_FORMAT },
      { range: money(COL.Expected), numFmt: CURRENCY_FORMAT },
      { range: money(COL.Actual), numFmt: CURRENCY_FORMAT },
      { range: rangeA1(2, COL['Service Date'], lastData, COL['Service Date']), numFmt: DEFAULT_DATE_FORMAT, alignment: { horizontal: 'left' } },
      { range: rangeA1(2, COL.Message, lastData, COL.Message), alignment: { wrapText: true, vertical: 'top' } },
      { range: rangeA1(2, COL.Cell, lastData, COL.Cell), font: { color: '#0563C1', underline: true } },
      { range: rangeA1(2, 1, lastData, width), alignment: { vertical: 'top' } },
    ],
    freeze: { rows: 1, columns: 0 },
    ...(last > 1
      ? { tables: [{ name: part === 1 ? 'PL_Findings' : `PL_Findings_${part}`, range: rangeA1(1, 1, last, width), style: TABLE_STYLE, headerRow: true as const, autoFilter: true, bandedRows: true }] }
      : { autoFilter: rangeA1(1, 1, 1, width) }),
    conditionalFormats: (['Error', 'Warning', 'Info'] as const).map((s) => ({
      kind: 'textEquals' as const, range: rangeA1(2, 1, lastData, 1), text: s, style: SEVERITY_STYLES[s],
    })),
    hyperlinks,
    validations: [{
      kind: 'list', range: rangeA1(2, COL.Status, Math.max(last, 2) + 500, COL.Status), values: [...STATUS_VALUES], allowBlank: true, strict: true,
      prompt: 'Where this finding stands', error: "Choose Open, Working, Resolved or Won't fix",
    }],
    print: { orientation: 'landscape', paperSize: 'letter', fitTo: { width: 1, height: 0 }, titleRows: '1:1', footer: '&A — page &P of &N' },
    carryOver: { headerRow: 1, keyColumns: ['Rule', 'Account', 'Service Date', 'Code'], userColumns: ['Status', 'Note'] },
    tabColor: '#C00000',
  };
}
