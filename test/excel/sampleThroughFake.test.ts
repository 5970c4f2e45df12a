/**
 * Issue 11's first acceptance point, end to end inside the strict fake of
 * Excel: assets/sample-ledger.xlsx (its Ledger and configuration sheets,
 * values and number formats) is read through the Office.js port, analysed,
 * planned and rendered with the Office.js renderer into the same workbook —
 * as the task pane does. Patients with names that Excel would take for a
 * formula stand in the ledger and the Patients sheet; a user's own sheet
 * named `Findings` is there before the first run.
 */
import * as path from 'node:path';
import { analyzeWorkbook, type AnalysisResult } from '../../src/app/analyze';
import { OfficeWorkbookPort } from '../../src/excel/officeWorkbookPort';
import { renderPlan, type RenderResult } from '../../src/excel/renderPlan';
import { selectCell } from '../../src/excel/selectCell';
import { reportInputFrom } from '../../src/report/adapter';
import { buildWorkbookPlan } from '../../src/report/buildPlan';
import { FINDINGS_HEADER } from '../../src/report/findingsSheet';
import {
  CURRENCY_FORMAT, DEFAULT_DATE_FORMAT, REGISTRY_SHEET, TEXT_FORMAT, excelSerial, isDateCell, isTextCell, parseA1, parseRange,
  type CellValue, type SheetPlan, type WorkbookPlan,
} from '../../src/report/workbookPlan';
import { RULE_IDS } from '../../src/domain/findingTypes';
import { day, toIso } from '../../src/domain/day';
import { DEMO_SAMPLE_OPTIONS, generateSample } from '../../tools/sample';
import type { FakeCell, FakeSheet, FakeWorkbookModel, InstalledFake } from '../support/fakeExcel';
import { freshExcel } from './helpers';
import { memoryPort, readXlsxSheets, seedSheets, type PlainSheet } from './sampleSheets';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample-ledger.xlsx');
const TRICKY = ['=HYPERLINK("http://x","y")', '+1+2', '@SUM(1)', '-2+3'];
const TODAY = day(2026, 11, 1);
const USER_FINDINGS: (string | null)[][] = [['My own findings', null], ['Call Aetna about the March claims', 'Tuesday']];

const runOptions = (runAt: string) => ({ links: { kind: 'workbook' as const }, runAt, version: '0.1.0', producer: 'Patient Ledger add-in' });

function planOf(result: AnalysisResult, runAt: string): WorkbookPlan {
  return buildWorkbookPlan(reportInputFrom(result, runOptions(runAt)));
}

/** Row index (0-based) of the sheet's header row: the first row holding `first`. */
function headerIndex(s: PlainSheet, first: string): number {
  const i = s.values.findIndex((r) => r.includes(first));
  if (i < 0) throw new Error(`no header "${first}" on ${s.name}`);
  return i;
}

/** Puts the tricky names on four accounts, in the ledger's Patient Name cells and the Patients sheet's Name cells. */
function nameAccounts(sheets: PlainSheet[], accounts: readonly string[]): void {
  const rename = (s: PlainSheet, keyHeader: string, nameHeader: string): void => {
    const h = headerIndex(s, keyHeader);
    const key = s.values[h]!.indexOf(keyHeader);
    const name = s.values[h]!.indexOf(nameHeader);
    for (const row of s.values.slice(h + 1)) {
      const at = accounts.indexOf(String(row[key]));
      if (at >= 0) row[name] = TRICKY[at]!;
    }
  };
  rename(sheets.find((s) => s.name === 'Ledger')!, 'Acct #', 'Patient Name');
  rename(sheets.find((s) => s.name === 'Patients')!, 'Account', 'Name');
}

/** The number format a plan gives each cell: range formats (later win) over column formats. */
function plannedFormats(sp: SheetPlan): (row: number, col: number) => string | null {
  const byCell = new Map<number, string>();
  for (const f of sp.formats ?? []) {
    if (!f.numFmt) continue;
    const b = parseRange(f.range);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) byCell.set(r * 20_000 + c, f.numFmt);
  }
  const byColumn = new Map((sp.columns ?? []).filter((x) => x.numFmt).map((x) => [parseA1(`${x.column}1`).col, x.numFmt!]));
  return (row, col) => byCell.get(row * 20_000 + col) ?? byColumn.get(col) ?? null;
}

/**
 * What a plan cell must be in Excel (DESIGN §7): text stays text under "@",
 * dates are serials under a date format, numbers under their planned format,
 * null an empty cell; never a formula. Null when the cell is right, else what is wrong.
 */
function cellProblem(got: FakeCell, want: CellValue, fmt: string | null): string | null {
  let v: string | number | boolean;
  let nf: string | null;
  if (want === null) {
    v = '';
    nf = null; // an empty cell keeps whatever format the plan gives it
  } else if (typeof want === 'string' || isTextCell(want)) {
    v = typeof want === 'string' ? want : want.text;
    nf = TEXT_FORMAT;
  } else if (isDateCell(want)) {
    v = excelSerial(want.date);
    nf = fmt && fmt !== TEXT_FORMAT && fmt !== 'General' ? fmt : DEFAULT_DATE_FORMAT;
  } else {
    v = want;
    nf = fmt && fmt !== TEXT_FORMAT ? fmt : 'General';
  }
  if (got.f === null && got.v === v && (nf === null || got.nf === nf)) return null;
  return `planned ${JSON.stringify(want)} (${nf ?? 'any format'}), found ${JSON.stringify(got)}`;
}

function cellOf(sheet: FakeSheet, row: number, col: number): FakeCell {
  return sheet.cell(row - 1, col - 1) ?? { v: '', f: null, nf: 'General' };
}

/** A sheet's rows from row 1 as plain values (the used range). */
function rowsOf(sheet: FakeSheet): (string | number | boolean)[][] {
  const used = sheet.usedRect(true);
  return used ? sheet.valuesAt({ r0: 0, c0: 0, rows: used.r0 + used.rows, cols: used.c0 + used.cols }) : [];
}

/** Findings rows as objects keyed by the header, with the sheet row. */
function findingRows(sheet: FakeSheet): (Record<string, string | number | boolean> & { sheetRow: number })[] {
  const [header, ...rows] = rowsOf(sheet);
  return rows.map((r, i) => ({ ...Object.fromEntries(header!.map((h, c) => [String(h), r[c] ?? ''])), sheetRow: i + 2 }));
}

describe('the sample ledger through the Office.js port and renderer (strict fake)', () => {
  let fake: InstalledFake;
  let m: FakeWorkbookModel;
  let sheets: PlainSheet[];
  let trickyAccounts: string[];
  let result: AnalysisResult;
  let plan: WorkbookPlan;
  let rendered: RenderResult;
  const names = () => Object.fromEntries(rendered.sheets.map((s) => [s.key, s.name]));

  beforeAll(async () => {
    sheets = await readXlsxSheets(SAMPLE);
    // Four accounts that have both a finding on a ledger cell and a bill get the formula-like names.
    const first = await analyzeWorkbook(memoryPort(sheets), { today: TODAY });
    const billed = new Set(first.statements.filter((s) => s.kind === 'statement').map((s) => s.account));
    trickyAccounts = [...new Set(first.findings.filter((f) => f.cell !== null && f.account !== null && billed.has(f.account)).map((f) => f.account!))].slice(0, 4);
    expect(trickyAccounts).toHaveLength(4);
    nameAccounts(sheets, trickyAccounts);

    fake = freshExcel(['Ledger']);
    m = fake.model;
    seedSheets(m, sheets);
    // A user's own sheet named Findings, there before the add-in ever ran.
    m.seed('Findings', USER_FINDINGS);
    result = await analyzeWorkbook(new OfficeWorkbookPort(), { today: TODAY });
    plan = planOf(result, '2026-11-01T09:00:00.000Z');
    fake.host.resetCounters();
    rendered = await renderPlan(plan);
  });

  afterAll(() => fake.uninstall());

  test('the port reads the sample as the file holds it: the same analysis as from memory', async () => {
    const direct = await analyzeWorkbook(memoryPort(sheets), { today: TODAY });
    expect(result.ledger.lines.length).toBe(direct.ledger.lines.length);
    expect(result.findings.map((f) => [f.rule, f.cell, f.amount])).toEqual(direct.findings.map((f) => [f.rule, f.cell, f.amount]));
    expect(result.statements.map((s) => [s.account, s.amountDue])).toEqual(direct.statements.map((s) => [s.account, s.amountDue]));
    expect(result.findings.length).toBeGreaterThan(20);
  });

  test("every DESIGN §6 sheet is there; the user's Findings made ours Findings (2); the user's sheet is untouched", () => {
    expect(rendered.sheets.map((s) => s.name)).toEqual(['Findings (2)', 'Expected Shares', 'Statements', 'Summary', 'Run Log']);
    expect(rendered.sheets.every((s) => !s.reused)).toBe(true);
    expect(m.sheets.map((s) => s.name)).toEqual([
      'Ledger', ...sheets.filter((s) => s.name !== 'Ledger').map((s) => s.name), 'Findings',
      'Findings (2)', 'Expected Shares', 'Statements', 'Summary', 'Run Log', REGISTRY_SHEET,
    ]);
    const theirs = m.mustSheet('Findings');
    expect(rowsOf(theirs)).toEqual(USER_FINDINGS.map((r) => r.map((v) => v ?? '')));
    expect(theirs.clears).toBe(0);
    expect(theirs.hyperlinks.size + theirs.dataValidations.length + theirs.conditionalFormats.length).toBe(0);
    // Tagged: the registry lists ours, not the user's.
    const reg = rowsOf(m.mustSheet(REGISTRY_SHEET)).slice(1).map((r) => r[0]);
    expect(reg).toEqual(['Findings (2)', 'Expected Shares', 'Statements', 'Summary', 'Run Log']);
  });

  test('every planned value stands in the fake with its planned number format; no cell holds a formula', () => {
    let cells = 0;
    const wrong: string[] = [];
    for (const sp of plan.sheets) {
      const sheet = m.mustSheet(names()[sp.key]!);
      const plannedFormat = plannedFormats(sp);
      for (const b of sp.blocks) {
        const at = parseA1(b.at);
        b.rows.forEach((row, i) => row.forEach((v, j) => {
          const r = at.row + i;
          const c = at.col + j;
          const problem = cellProblem(cellOf(sheet, r, c), v, plannedFormat(r, c));
          if (problem) wrong.push(`${sheet.name}!R${r}C${c}: ${problem}`);
          cells++;
        }));
      }
      for (const row of sheet.rows) for (const cell of row ?? []) if (cell?.f) wrong.push(`${sheet.name}: formula ${cell.f}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(10_000);
  });

  test('Findings: the contract header, one row a finding in results order, money as currency, dates as dates', () => {
    const sheet = m.mustSheet('Findings (2)');
    const header = rowsOf(sheet)[0]!;
    for (const h of ['Severity', 'Rule', 'Account', 'Amount', 'Message', 'Cell', 'Status', 'Note']) expect(header).toContain(h);
    expect(header).toEqual([...FINDINGS_HEADER]);
    const rows = findingRows(sheet);
    expect(rows).toHaveLength(result.findings.length);
    expect(rows.map((r) => [r.Rule, r.Account, r.Message])).toEqual(result.findings.map((f) => [f.rule, f.account ?? '', f.message]));
    const col = (h: string): number => header.indexOf(h) + 1;
    result.findings.forEach((f, i) => {
      const amount = cellOf(sheet, i + 2, col('Amount'));
      const date = cellOf(sheet, i + 2, col('Service Date'));
      if (f.amount === null) expect(amount.v).toBe('');
      else expect(amount).toMatchObject({ v: f.amount / 100, nf: CURRENCY_FORMAT });
      if (f.serviceDate === null) expect(date.v).toBe('');
      else expect(date).toMatchObject({ v: excelSerial(toIso(f.serviceDate)), nf: DEFAULT_DATE_FORMAT });
      expect(rows[i]!.Status).toBe('Open');
    });
    // Severity order: errors, then warnings, then info.
    const rank = { Error: 0, Warning: 1, Info: 2 } as Record<string, number>;
    const ranks = rows.map((r) => rank[String(r.Severity)]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(sheet.dataValidations[0]).toMatchObject({ address: `L2:L${rows.length + 1 + 500}` });
    expect(m.tables.find((t) => t.sheet === sheet)).toMatchObject({ name: 'PL_Findings', showFilterButton: true });
  });

  test('Expected Shares, Statements, Summary and Run Log hold the analysis in numbers, currency and dates', () => {
    const shares = m.mustSheet('Expected Shares');
    const sh = rowsOf(shares);
    expect(sh.length - 1).toBe(result.ledger.lines.length);
    const hdr = sh[0]!;
    const billed = hdr.indexOf('Billed');
    const dos = hdr.indexOf('Service Date');
    result.ledger.lines.forEach((l, i) => {
      expect(shares.cell(i + 1, billed)).toMatchObject({ v: l.billed / 100, nf: CURRENCY_FORMAT });
      expect(shares.cell(i + 1, dos)).toMatchObject({ v: excelSerial(toIso(l.serviceDate)), nf: DEFAULT_DATE_FORMAT });
    });
    // Statements: one bill an account, a page break above each next one.
    const st = m.mustSheet('Statements');
    const starts = rowsOf(st).map((r, i) => (r[7] === 'STATEMENT' || r[7] === 'REFUND NOTICE' ? i : -1)).filter((i) => i >= 0);
    expect(starts).toHaveLength(result.statements.length);
    expect(st.horizontalPageBreaks).toEqual(starts.slice(1));
    const firstDue = rowsOf(st).findIndex((r) => r[6] === 'Amount due');
    const firstBill = result.statements.find((s) => s.kind === 'statement')!;
    expect(st.cell(firstDue, 7)).toMatchObject({ v: firstBill.amountDue / 100, nf: CURRENCY_FORMAT });
    const firstDate = rowsOf(st).findIndex((r) => r[6] === 'Statement date');
    expect(st.cell(firstDate, 7)).toMatchObject({ v: excelSerial('2026-11-01'), nf: DEFAULT_DATE_FORMAT });
    // Summary: the key figures as numbers with their formats (the sample has more than 11 accounts).
    const sum = m.mustSheet('Summary');
    const label = (s: string): number => rowsOf(sum).findIndex((r) => r[0] === s);
    expect(sum.cell(label('Total charges'), 1)).toMatchObject({ v: result.summary.totalCharges / 100, nf: CURRENCY_FORMAT });
    expect(sum.cell(label('Accounts'), 1)).toMatchObject({ v: new Set(result.ledger.lines.map((l) => l.account)).size });
    expect(sum.cell(label('Net collection rate'), 1)!.nf).toBe('0.0%');
    expect(sum.charts).toHaveLength(4);
    expect(sum.pageLayout).toMatchObject({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } });
    const log = m.mustSheet('Run Log');
    const logRow = (s: string) => rowsOf(log).find((r) => r[0] === s)?.[1];
    expect(logRow('Findings')).toBe(result.findings.length);
    expect(logRow('Service lines analysed')).toBe(result.ledger.lines.length);
    expect(logRow('Statements')).toBe(result.statements.length);
  });

  test('each finding links to its ledger cell, the answer key agrees, and selectCell selects that cell', async () => {
    const sheet = m.mustSheet('Findings (2)');
    const cellCol = FINDINGS_HEADER.indexOf('Cell');
    const withCell = result.findings.map((f, i) => ({ f, row: i + 1 })).filter((x) => x.f.cell !== null);
    expect(withCell.length).toBeGreaterThan(20);
    for (const { f, row } of withCell) {
      expect(sheet.hyperlinks.get(`${row},${cellCol}`)).toMatchObject({ documentReference: `${f.sheet}!${f.cell}` });
      expect(sheet.cell(row, cellCol)!.v).toBe(`${f.sheet}!${f.cell}`);
    }
    // Findings with no cell (workbook notices) have no link.
    result.findings.forEach((f, i) => { if (f.cell === null) expect(sheet.hyperlinks.has(`${i + 1},${cellCol}`)).toBe(false); });
    // The generator's answer key: each injected rule problem is linked at the cell it was injected in.
    const injected = generateSample(DEMO_SAMPLE_OPTIONS).injected.filter((p) => (RULE_IDS as readonly string[]).includes(p.kind) && p.cell);
    expect(injected.length).toBeGreaterThan(20);
    const links = new Set(findingRows(sheet).map((r) => `${r.Rule} ${r.Cell}`));
    const missed = injected.filter((p) => !links.has(`${p.kind} Ledger!${p.cell}`));
    expect(missed).toEqual([]);
    // The code a code finding names is the ledger's value at the link.
    const code = withCell.find((x) => x.f.rule === 'INVALID_PROCEDURE_CODE')!;
    const ledgerValue = m.cellAt('Ledger', code.f.cell!).v;
    expect(findingRows(sheet)[code.row - 1]!.Code).toBe(ledgerValue);
    // Following a link: the task pane's selectCell shows the sheet and selects the cell.
    for (const { f } of withCell.slice(0, 5)) {
      await selectCell(f.sheet, f.cell!);
      expect(m.selection).toEqual({ sheet: 'Ledger', address: f.cell });
      expect(m.activeSheet?.name).toBe('Ledger');
    }
  });

  test('patients named like formulas stay text in Findings and Statements (and wherever else they are written)', () => {
    const sheetsWritten = rendered.sheets.map((s) => m.mustSheet(s.name));
    const seen = new Map<string, Set<string>>(TRICKY.map((t) => [t, new Set()]));
    for (const sheet of sheetsWritten) {
      sheet.rows.forEach((row, r) => row?.forEach((cell, c) => {
        if (!cell) return;
        expect(cell.f).toBeNull();
        if (typeof cell.v === 'string' && seen.has(cell.v)) {
          expect({ at: `${sheet.name} ${r},${c}`, nf: cell.nf }).toEqual({ at: `${sheet.name} ${r},${c}`, nf: TEXT_FORMAT });
          seen.get(cell.v)!.add(sheet.name);
        }
      }));
    }
    for (const t of TRICKY) expect([t, [...seen.get(t)!].sort()]).toEqual([t, ['Findings (2)', 'Statements']]);
    // On the Findings rows of those accounts, the Patient column is the name, as text.
    const rows = findingRows(m.mustSheet('Findings (2)'));
    trickyAccounts.forEach((a, i) => {
      const mine = rows.filter((r) => r.Account === a);
      expect(mine.length).toBeGreaterThan(0);
      for (const r of mine) expect(r.Patient).toBe(TRICKY[i]);
    });
  });

  test('Summary and Run Log hold no name, account, member id, date of birth or address from the sample', () => {
    const patients = sheets.find((s) => s.name === 'Patients')!;
    const coverage = sheets.find((s) => s.name === 'Coverage')!;
    const column = (s: PlainSheet, h: string) => s.values.slice(1).map((r) => r[s.values[0]!.indexOf(h)]).filter((v) => v !== null && v !== '');
    const phiText = new Set<string>([
      ...column(patients, 'Name'), ...column(patients, 'Address1'), ...column(patients, 'Address2'),
      ...column(patients, 'Account'), ...column(coverage, 'MemberId'), ...result.ledger.lines.map((l) => l.account),
      ...result.ledger.lines.map((l) => l.patientName ?? '').filter(Boolean),
    ].map(String));
    const dobs = new Set(column(patients, 'DOB').map(Number));
    expect(phiText.size).toBeGreaterThan(100);
    const found: string[] = [];
    let cells = 0;
    for (const name of ['Summary', 'Run Log']) {
      const sheet = m.mustSheet(name);
      for (const row of sheet.rows) for (const cell of row ?? []) {
        if (!cell || cell.v === '') continue;
        cells++;
        const v = cell.v;
        if (typeof v === 'string') {
          for (const p of phiText) if (p.length >= 4 && v.includes(p)) found.push(`${name}: "${v}" holds "${p}"`);
        } else if (typeof v === 'number' && /[dmy]/.test(cell.nf)) {
          if (dobs.has(v)) found.push(`${name}: a date of birth ${v}`);
        } else if (typeof v === 'number' && phiText.has(String(v))) {
          found.push(`${name}: ${v} is an account or member id`);
        }
      }
    }
    expect(found).toEqual([]);
    expect(cells).toBeGreaterThan(50);
  });

  test('a second run rewrites our sheets in place, keeps Status/Note with their findings, and leaves the user\'s Findings alone', async () => {
    const before = findingRows(m.mustSheet('Findings (2)'));
    const key = (r: Record<string, unknown>) => [r.Rule, r.Account, r['Service Date'], r.Code].join('|');
    const counts = new Map<string, number>();
    for (const r of before) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    // The representative works two findings late in the list (keys unique), and a ledger fix removes an earlier one.
    const fixable = before.find((r) => r.Rule === 'INVALID_MODIFIER')!;
    const worked = before.filter((r) => r.sheetRow > fixable.sheetRow && counts.get(key(r)) === 1 && r.Rule !== 'INVALID_MODIFIER').slice(-2);
    expect(worked).toHaveLength(2);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Findings (2)');
      ws.getRange(`L${worked[0]!.sheetRow}:M${worked[0]!.sheetRow}`).values = [['Working', 'Called the payer 11/02']];
      ws.getRange(`L${worked[1]!.sheetRow}:M${worked[1]!.sheetRow}`).values = [["Won't fix", "'+ written off by the manager"]];
      // The fix: the invalid modifier cleared on the ledger.
      ctx.workbook.worksheets.getItem('Ledger').getRange(String(fixable.Cell).split('!')[1]!).values = [['']];
      await ctx.sync();
    });
    const userBefore = rowsOf(m.mustSheet('Findings'));
    const again = await analyzeWorkbook(new OfficeWorkbookPort(), { today: TODAY });
    expect(again.findings.length).toBe(result.findings.length - 1);
    fake.host.resetCounters();
    const second = await renderPlan(planOf(again, '2026-11-02T09:00:00.000Z'));
    expect(second.sheets.map((s) => [s.name, s.reused])).toEqual(rendered.sheets.map((s) => [s.name, true]));
    expect(second.removed).toEqual([]);
    expect(m.deletedSheets).toEqual([]);
    // Rewritten: the new analysis's rows, the old last row gone.
    const after = findingRows(m.mustSheet('Findings (2)'));
    expect(after.map((r) => r.Rule)).toEqual(again.findings.map((f) => f.rule));
    expect(after.find((r) => r.Cell === fixable.Cell && r.Rule === 'INVALID_MODIFIER')).toBeUndefined();
    // Status/Note followed their findings, one row up.
    for (const [w, status, note] of [[worked[0]!, 'Working', 'Called the payer 11/02'], [worked[1]!, "Won't fix", '+ written off by the manager']] as const) {
      const now = after.filter((r) => key(r) === key(w));
      expect(now).toHaveLength(1);
      expect(now[0]!.sheetRow).toBe(w.sheetRow - 1);
      expect([now[0]!.Status, now[0]!.Note]).toEqual([status, note]);
      const noteCell = m.cellAt('Findings (2)', `M${now[0]!.sheetRow}`);
      expect(noteCell).toMatchObject({ f: null, nf: TEXT_FORMAT });
    }
    expect(after.filter((r) => r.Status !== 'Open')).toHaveLength(2);
    // The user's sheet: never cleared, never written.
    expect(rowsOf(m.mustSheet('Findings'))).toEqual(userBefore);
    expect(m.mustSheet('Findings').clears).toBe(0);
    expect(m.sheets.map((s) => s.name).filter((n) => n.startsWith('Findings'))).toEqual(['Findings', 'Findings (2)']);
    // Still text, still no formula, after the rewrite.
    for (const s of second.sheets) for (const row of m.mustSheet(s.name).rows) for (const cell of row ?? []) if (cell) expect(cell.f).toBeNull();
    const log = rowsOf(m.mustSheet('Run Log'));
    expect(log.find((r) => r[0] === 'Run at')?.[1]).toBe('2026-11-02T09:00:00.000Z');
    console.log(`sample re-run: ${fake.host.syncs.length} syncs, largest request ${fake.host.maxRequestBytes} bytes`);
  });
});
