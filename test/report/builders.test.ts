import { buildWorkbookPlan } from '../../src/report/buildPlan';
import { validatePlan } from '../../src/report/validatePlan';
import { FINDINGS_HEADER, STATUS_VALUES } from '../../src/report/findingsSheet';
import { PLAN_LIMITS, TRUNCATION_MARKER, looksLikeFormula, text, type CellValue } from '../../src/report/workbookPlan';
import { smallInput } from './fixture';
import { allValues, grid, records, sheet } from './helpers';

describe('report builders', () => {
  const plan = buildWorkbookPlan(smallInput());

  it('keeps every convention and limit', () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.sheets.map((s) => s.name)).toEqual(['Findings', 'Expected Shares', 'Statements', 'Payment Plan - A100', 'Summary', 'Run Log']);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('Findings: the contract header, one row a finding in results order, links into the ledger file, Status list', () => {
    const f = sheet(plan, 'findings');
    expect(grid(f)[0]).toEqual([...FINDINGS_HEADER]);
    for (const h of ['Severity', 'Rule', 'Account', 'Amount', 'Message', 'Cell', 'Status', 'Note']) expect(FINDINGS_HEADER).toContain(h);
    const rows = records(f);
    expect(rows.map((r) => r.Rule)).toEqual(['INSURER_UNDERPAID', 'INVALID_PROCEDURE_CODE', 'BALANCE_MISMATCH']);
    expect(rows[0]).toMatchObject({
      Severity: 'Error', Account: 'A100', Patient: 'Ann Smith', 'Service Date': { date: '2026-09-15' }, Code: '99214',
      Amount: 10, Expected: 80, Actual: 70, Cell: 'Ledger!M5', Status: 'Open', Note: null,
    });
    expect(rows[2]).toMatchObject({ Account: null, Amount: null, Cell: null, Status: 'Open' });
    expect(f.hyperlinks).toEqual([
      { cell: 'K2', target: { kind: 'file', file: 'ledger.xlsx', sheet: 'Ledger', cell: 'M5' }, tooltip: 'Go to the ledger cell' },
      { cell: 'K3', target: { kind: 'file', file: 'ledger.xlsx', sheet: 'Ledger', cell: 'E7' }, tooltip: 'Go to the ledger cell' },
    ]);
    expect(f.validations![0]).toMatchObject({ kind: 'list', range: 'L2:L504', values: [...STATUS_VALUES] });
    expect(STATUS_VALUES).toEqual(['Open', 'Working', 'Resolved', "Won't fix"]);
    expect(f.freeze).toEqual({ rows: 1, columns: 0 });
    expect(f.tables![0]).toMatchObject({ range: 'A1:M4', autoFilter: true });
    expect(f.conditionalFormats!.map((c) => c.kind === 'textEquals' && c.text)).toEqual(['Error', 'Warning', 'Info']);
    expect(f.carryOver).toEqual({ headerRow: 1, keyColumns: ['Rule', 'Account', 'Service Date', 'Code'], userColumns: ['Status', 'Note'] });
  });

  it('links stay inside the workbook for the add-in', () => {
    const p = buildWorkbookPlan(smallInput({ links: { kind: 'workbook' } }));
    expect(sheet(p, 'findings').hyperlinks![0]!.target).toEqual({ kind: 'cell', sheet: 'Ledger', cell: 'M5' });
  });

  it('Expected Shares: one row a line, dollars from cents, null shares blank', () => {
    const rows = records(sheet(plan, 'expected-shares'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      Sheet: 'Ledger', Row: 5, Account: 'A100', 'Service Date': { date: '2026-09-15' }, Code: '99214', Units: 1, Billed: 1000,
      Allowed: 600, Contractual: 400, Copay: 0, Deductible: 500, Coinsurance: 20, Patient: 520, Insurer: 80, Secondary: 0, Line: 'Ledger!A5',
    });
    expect(rows[1]).toMatchObject({ Billed: 250.5, Allowed: null, Contractual: null, Copay: null, Patient: null, Insurer: null, Secondary: null });
    // Worked check §5: patient + insurer + secondary = allowed.
    expect((rows[0]!.Patient as number) + (rows[0]!.Insurer as number)).toBe(rows[0]!.Allowed);
  });

  it('text that starts like a formula stays text, everywhere', () => {
    const bad = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(1)'];
    for (const s of plan.sheets) {
      for (const v of allValues(s)) if (typeof v === 'string') expect(looksLikeFormula(v)).toBe(false);
    }
    const texts = plan.sheets.flatMap((s) => allValues(s)).filter((v): v is { text: string } => typeof v === 'object' && v !== null && 'text' in v).map((v) => v.text);
    for (const b of bad) expect(texts).toContain(b);
    expect(text('\tx')).toEqual({ text: '\tx' });
    expect(text('\rx')).toEqual({ text: '\rx' });
    expect(text('plain')).toBe('plain');
  });

  it('cuts text over 32,767 characters with a marker', () => {
    const v = text('x'.repeat(40_000)) as string;
    expect(v).toHaveLength(PLAN_LIMITS.maxCellChars);
    expect(v.endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  it('Statements: one account a page, totals that foot, address block and stub', () => {
    const s = sheet(plan, 'statements');
    const g = grid(s);
    const starts = g.map((r, i) => (r[0] === 'Springfield Family Practice' && r[7] === 'STATEMENT' ? i + 1 : 0)).filter(Boolean);
    expect(starts).toHaveLength(3);
    expect(s.print!.pageBreaksBefore).toEqual(starts.slice(1));
    const flat = g.flat();
    expect(flat).toContain('12 Elm St');
    expect(flat).toContain('Springfield, IL 62701');
    expect(flat).toContain('Amount enclosed');
    const totals = g.filter((r) => r[2] === 'Totals');
    expect(totals[0]!.slice(3)).toEqual([530, 0, 0, 0, 530]);
    expect(s.print).toMatchObject({ orientation: 'portrait', fitTo: { width: 1, height: 0 } });
  });

  it('more than 1,000 accounts continue on Statements (2), every break kept', () => {
    const one = smallInput().statements[0]!;
    const statements = Array.from({ length: 1001 }, (_, i) => ({ ...one, account: `X${i}` }));
    const p = buildWorkbookPlan(smallInput({ statements }));
    const st = p.sheets.filter((s) => s.tag === 'statements');
    expect(st.map((s) => [s.name, s.key])).toEqual([['Statements', 'statements'], ['Statements (2)', 'statements:2']]);
    expect(st[0]!.print!.pageBreaksBefore).toHaveLength(999);
    expect(st[1]!.print!.pageBreaksBefore).toHaveLength(0);
    expect(validatePlan(p)).toEqual([]);
  });

  it('Payment Plan: the schedule', () => {
    const rows = grid(sheet(plan, 'payment-plan:A100'));
    const h = rows.findIndex((r) => r[0] === 'Payment');
    expect(rows.slice(h + 1).map((r) => r.slice(0, 6))).toEqual([
      [1, { date: '2026-12-01' }, 100, 0, 100, 165],
      [2, { date: '2027-01-01' }, 100, 0, 100, 65],
      [3, { date: '2027-02-01' }, 65, 0, 65, 0],
    ]);
  });

  it('Run Log: counts, version, no PHI', () => {
    const v = allValues(sheet(plan, 'run-log')).map((x) => (x === null ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x)));
    expect(v).toContain('0.1.0');
    expect(v).toContain('2026-11-01T12:00:00.000Z');
    for (const phi of ['Ann Smith', 'A100', 'B200', '12 Elm St', '+1+2']) expect(v.join('|')).not.toContain(phi);
  });
});

describe('Summary de-identification', () => {
  /** n accounts on one payer, m on another, 1 self-pay line each. */
  function input(counts: Record<string, number>) {
    const base = smallInput();
    const lines = Object.entries(counts).flatMap(([payer, n], p) =>
      Array.from({ length: n }, (_, i) => ({
        ...base.lines[0]!, account: `${p}-${i}`, row: 10 + p * 1000 + i, payer, patientName: `Patient ${p}-${i}`,
        billed: 10000, insurerShare: 8000, insurerPaid: 7000, balance: 1000,
      })));
    return smallInput({ lines, findings: [] });
  }
  const texts = (vs: CellValue[]): string[] => vs.map((v) => (v === null ? '' : typeof v === 'object' ? ('text' in v ? v.text : v.date) : String(v)));

  it('shows every figure of a ledger under SmallCellMin accounts as <11', () => {
    const s = sheet(buildWorkbookPlan(smallInput()), 'summary');
    const g = grid(s);
    const kpis = g.slice(4, 16).map((r) => r[1]);
    expect(kpis.every((v) => v === '<11')).toBe(true);
    const t = texts(allValues(s)).join('|');
    for (const phi of ['Ann Smith', 'A100', 'B200', 'C300', '12 Elm St', 'Springfield, IL']) expect(t).not.toContain(phi);
  });

  it('pools payers under the minimum and, when one group alone is hidden, hides another so no total gives it away', () => {
    const s = sheet(buildWorkbookPlan(input({ Aetna: 30, Cigna: 12, Humana: 4 })), 'summary');
    const g = grid(s);
    const h = g.findIndex((r) => r[0] === 'Payer mix');
    const mix = g.slice(h + 1, h + 4);
    expect(mix.map((r) => r[0])).toEqual(['Aetna', 'Cigna', 'Humana']);
    expect(mix[0]!.slice(1, 4)).toEqual([30, 30, 3000]);
    // Humana (4 accounts) is hidden; Cigna (12) too, or Total − Aetna would reveal Humana.
    expect(mix[1]!.slice(1, 5)).toEqual(['<11', '<11', '<11', '<11']);
    expect(mix[2]!.slice(1, 5)).toEqual(['<11', '<11', '<11', '<11']);
    const t = texts(allValues(s)).join('|');
    expect(t).not.toContain('Patient 0-1');
  });

  it('folds several small payers into one group that shows when it reaches the minimum', () => {
    const s = sheet(buildWorkbookPlan(input({ Aetna: 30, A: 5, B: 6 })), 'summary');
    const g = grid(s);
    const h = g.findIndex((r) => r[0] === 'Payer mix');
    expect(g[h + 2]!.slice(0, 3)).toEqual(['Other payers (each under 11 accounts)', 11, 11]);
  });

  it('charts: aging, payer mix, underpayment by payer, findings by rule; one landscape page', () => {
    const s = sheet(buildWorkbookPlan(input({ Aetna: 30 })), 'summary');
    expect(s.charts!.map((c) => c.title)).toEqual(['Outstanding by age', 'Payer mix (charges)', 'Underpayment by payer', 'Findings by rule (dollars)']);
    expect(s.print).toMatchObject({ orientation: 'landscape', fitTo: { width: 1, height: 1 } });
  });
});
