/**
 * DESIGN §7 / issue 11: no Summary or Run Log cell holds a name, an account,
 * a member id, a date of birth or an address, nor a figure for a group of
 * fewer than 11 accounts — and no total shown lets a reader subtract their
 * way to a hidden figure. Checked on what both renderers write: the Office.js
 * renderer into the strict fake, and the exceljs renderer's file read back.
 *
 * The case: Aetna 30 accounts, Cigna 14, Tiny Mutual 3, self-pay 12; Tiny
 * Mutual's lines are the only ones over 120 days old, and its accounts the
 * only ones with a DUPLICATE_CHARGE finding — so a payer, an aging bucket and
 * a rule each have a group of 3.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkbookPlan } from '../../src/report/buildPlan';
import { writeReport } from '../../src/cli/render/renderXlsx';
import { renderPlan } from '../../src/excel/renderPlan';
import type { ReportFinding, ReportInput, ReportLine, ReportStatement } from '../../src/report/reportInput';
import type { WorkbookPlan } from '../../src/report/workbookPlan';
import { FakeWorkbookModel, installFakeOffice } from '../support/fakeExcel';
import { smallInput } from './fixture';

type Cell = string | number | boolean | null;

interface Group {
  payer: string | null;
  prefix: string;
  accounts: number;
  billed: number;
  insurerShare: number | null;
  insurerPaid: number | null;
  balance: number;
  serviceDate: string;
}

const GROUPS: Group[] = [
  { payer: 'Aetna', prefix: 'AE', accounts: 30, billed: 10_000, insurerShare: 8_000, insurerPaid: 7_000, balance: 1_000, serviceDate: '2026-10-15' },
  { payer: 'Cigna', prefix: 'CI', accounts: 14, billed: 15_000, insurerShare: 12_000, insurerPaid: 11_000, balance: 2_000, serviceDate: '2026-09-20' },
  { payer: 'Tiny Mutual', prefix: 'TM', accounts: 3, billed: 27_500, insurerShare: 20_000, insurerPaid: 15_000, balance: 5_000, serviceDate: '2026-05-01' },
  { payer: null, prefix: 'SP', accounts: 12, billed: 9_000, insurerShare: null, insurerPaid: null, balance: 9_000, serviceDate: '2026-08-20' },
];
const FIRST = ['Maria', 'James', 'Aisha', 'Chen', 'Olivia', 'Mateo', 'Grace', 'Ravi'];
const LAST = ['Okafor', 'Lindqvist', 'Delgado', 'Whitfield', 'Nakamura', 'Brennan'];

/** Tiny Mutual's true figures: what a reader must not be able to work out. */
const TINY = {
  accounts: 3, lines: 3, charges: 825, chargesShare: 82_500 / 700_500, expected: 600, paid: 450, underpaid: 150,
  over120Amount: 150, duplicateFindings: 3, duplicateAmount: 825,
};

function caseInput(): { input: ReportInput; phi: string[] } {
  const base = smallInput();
  const lines: ReportLine[] = [];
  const statements: ReportStatement[] = [];
  const findings: ReportFinding[] = [];
  const phi: string[] = [];
  let row = 5;
  let n = 0;
  for (const g of GROUPS) {
    for (let i = 1; i <= g.accounts; i++, n++, row++) {
      const account = `${g.prefix}${String(1000 + i)}`;
      const name = `${FIRST[n % FIRST.length]} ${LAST[n % LAST.length]}-${g.prefix}${i}`;
      const address1 = `${100 + n} Cottonwood Ln`;
      const memberId = g.payer ? `MBR${g.prefix}${70_000 + i}` : null;
      phi.push(account, name, address1, ...(memberId ? [memberId] : []));
      lines.push({
        ...base.lines[0]!, sheet: 'Ledger', row, cell: `A${row}`, account, patientName: name, serviceDate: g.serviceDate, code: '99213',
        billed: g.billed, allowed: g.insurerShare === null ? null : g.billed, insurerShare: g.insurerShare, insurerPaid: g.insurerPaid,
        payer: g.payer, selfPay: g.payer === null, balance: g.balance, denied: false,
      });
      statements.push({
        ...base.statements[0]!, account, amountDue: g.balance,
        patient: { name, address1, address2: `Apt ${n + 1}`, city: 'Decatur', state: 'IL', zip: `625${String(n).padStart(2, '0')}`, addressMissing: false },
        insurance: g.payer ? [{ payer: g.payer, memberId, priority: 'primary' }] : [],
      });
      const finding = (rule: string, amount: number | null, cell: string): ReportFinding => ({
        rule, severity: 'warning', sheet: 'Ledger', row, cell, account, patientName: name, serviceDate: g.serviceDate, code: '99213',
        amount, message: `${rule} on the line`, inputs: {},
      });
      if (g.prefix === 'AE' && i <= 20) findings.push(finding('INSURER_UNDERPAID', 1_000, `S${row}`));
      if (g.prefix === 'CI' && i <= 12) findings.push(finding('DATE_ERROR', null, `D${row}`));
      if (g.prefix === 'TM') findings.push(finding('DUPLICATE_CHARGE', 27_500, `F${row}`));
    }
  }
  const input = smallInput({
    lines, statements, findings, plans: [],
    kpis: {
      totalCharges: 700_500, contractualAdjustments: 0, insurerPayments: 30 * 7_000 + 14 * 11_000 + 3 * 15_000, patientPayments: 12_300,
      arInsurer: 54_000, arPatient: 9 * 12_000, netCollectionRate: 91.3, denialRateCount: 0, denialRateAmount: 0, arOver90Pct: 5.56,
    },
  });
  return { input, phi };
}

/** The Summary's captioned tables on the left: caption row (header), rows until a blank first cell. */
const CAPTIONS = ['Key figures', 'Outstanding by age', 'Payer mix', 'Insurer payments by payer', 'Findings by rule'];

function tables(grid: Cell[][]): Map<string, { header: Cell[]; rows: Cell[][] }> {
  const out = new Map<string, { header: Cell[]; rows: Cell[][] }>();
  grid.forEach((r, i) => {
    const caption = r[0];
    if (typeof caption !== 'string' || !CAPTIONS.includes(caption)) return;
    // The table's columns: its header's cells up to the first blank (charts stand further right).
    const blank = r.findIndex((h, k) => k > 0 && (h === null || h === ''));
    const width = blank < 0 ? r.length : blank;
    const rows: Cell[][] = [];
    for (let j = i + 1; j < grid.length && grid[j]![0] !== null && grid[j]![0] !== ''; j++) rows.push(grid[j]!.slice(0, width));
    out.set(caption, { header: r.slice(0, width), rows });
  });
  return out;
}

const isHidden = (v: Cell): boolean => v === '<11';
const num = (v: Cell): number | null => (typeof v === 'number' ? v : null);

/** Every check, on one renderer's Summary and Run Log grids. */
function checkDeidentified(summary: Cell[][], runLog: Cell[][], phi: readonly string[]): void {
  // 1. No PHI text anywhere on either sheet.
  const leaks: string[] = [];
  for (const [name, grid] of [['Summary', summary], ['Run Log', runLog]] as const) {
    for (const row of grid) for (const v of row) {
      if (typeof v === 'string') for (const p of phi) if (v.includes(p)) leaks.push(`${name}: "${v}" holds "${p}"`);
      if (typeof v === 'string' && /Cottonwood|Decatur|MBR/.test(v)) leaks.push(`${name}: "${v}"`);
    }
  }
  expect(leaks).toEqual([]);

  const t = tables(summary);
  expect([...t.keys()]).toEqual(CAPTIONS);
  // 2. The groups of 3 show <11 in every figure, by name — never a number.
  const rowOf = (caption: string, label: string): Cell[] => {
    const r = t.get(caption)!.rows.find((x) => x[0] === label);
    if (!r) throw new Error(`${caption}: no row ${label} (${t.get(caption)!.rows.map((x) => x[0]).join(', ')})`);
    return r;
  };
  for (const [caption, label] of [['Payer mix', 'Tiny Mutual'], ['Insurer payments by payer', 'Tiny Mutual'], ['Outstanding by age', 'Over 120 days'], ['Findings by rule', 'DUPLICATE_CHARGE']] as const) {
    const figures = rowOf(caption, label).slice(1);
    expect([caption, figures.length > 0 && figures.every(isHidden)]).toEqual([caption, true]);
  }
  // Anywhere the label stands (a chart's data table in the CLI's Summary too), no number follows it before the next label.
  for (const row of summary) {
    row.forEach((v, c) => {
      if (v !== 'Tiny Mutual' && v !== 'DUPLICATE_CHARGE') return;
      for (let k = c + 1; k < row.length; k++) {
        const w = row[k] ?? null;
        if (w === null || w === '' || isHidden(w)) continue;
        expect([v, typeof w]).not.toEqual([v, 'number']);
        break;
      }
    });
  }
  // Groups of 11 or more show their figures.
  expect(num(rowOf('Payer mix', 'Aetna')[1]!)).toBe(30);
  expect(num(rowOf('Outstanding by age', 'Current (0–30 days)')[2]!)).toBe(30 * 10);
  // 3. No column hides exactly one figure: a total (or the other rows) would give it away.
  for (const [caption, { rows }] of t) {
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let c = 1; c < width; c++) {
      const hidden = rows.filter((r) => isHidden(r[c] ?? null)).length;
      expect([caption, c, hidden === 1]).toEqual([caption, c, false]);
    }
  }
  // 4. Subtracting what is shown from any total shown (a key figure, a Run Log count) never gives one of Tiny Mutual's figures.
  const totals = [
    ...t.get('Key figures')!.rows.map((r) => num(r[1] ?? null)),
    ...runLog.flat().map(num),
  ].filter((x): x is number => x !== null);
  const secrets = Object.values(TINY);
  const derivable: string[] = [];
  for (const [caption, { rows }] of t) {
    if (caption === 'Key figures') continue;
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let c = 1; c < width; c++) {
      if (!rows.some((r) => isHidden(r[c] ?? null))) continue;
      const shown = rows.reduce((s, r) => s + (num(r[c] ?? null) ?? 0), 0);
      for (const total of totals) for (const secret of secrets) {
        if (Math.abs(total - shown - secret) < 0.005) derivable.push(`${caption} column ${c}: ${total} − ${shown} = ${secret}`);
      }
    }
  }
  expect(derivable).toEqual([]);
}

function plainCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === 'object') return 'richText' in v ? v.richText.map((r) => r.text).join('') : JSON.stringify(v);
  return v;
}

describe('Summary and Run Log are de-identified, in both renderers', () => {
  const { input, phi } = caseInput();
  const plan: WorkbookPlan = buildWorkbookPlan(input);

  it('the case has the groups it means to have', () => {
    expect(new Set(input.lines.map((l) => l.account)).size).toBe(59);
    expect(input.lines.filter((l) => l.payer === 'Tiny Mutual')).toHaveLength(TINY.lines);
    expect(input.lines.reduce((s, l) => s + l.billed, 0)).toBe(input.kpis.totalCharges);
    expect(phi.length).toBeGreaterThan(150);
  });

  it('Office.js renderer (strict fake)', async () => {
    const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, new FakeWorkbookModel(['Ledger']));
    try {
      const r = await renderPlan(plan);
      const grid = (key: string): Cell[][] => {
        const s = fake.model.mustSheet(r.sheets.find((x) => x.key === key)!.name);
        const used = s.usedRect(true)!;
        return s.valuesAt({ r0: 0, c0: 0, rows: used.r0 + used.rows, cols: used.c0 + used.cols }).map((row) => row.map((v) => (v === '' ? null : v)));
      };
      checkDeidentified(grid('summary'), grid('run-log'), phi);
    } finally {
      fake.uninstall();
    }
  });

  it('exceljs renderer (the CLI report, read back)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pl-deid-')), 'report.xlsx');
    await writeReport(plan, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const grid = (name: string): Cell[][] => {
      const ws = wb.getWorksheet(name)!;
      const out: Cell[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row: Cell[] = [];
        for (let c = 1; c <= ws.columnCount; c++) row.push(plainCell(ws.getRow(r).getCell(c).value));
        out.push(row);
      }
      return out;
    };
    checkDeidentified(grid('Summary'), grid('Run Log'), phi);
  });
});
