/**
 * The command line as a user runs it: the real `bin`, real files, exit codes
 * and JSON read back. Expected values are worked by hand in the comments.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { builtCli } from '../support/cli';

const BIN = builtCli(); // bin/ runs the compiled CLI: build it first if the sources changed
const tmp = mkdtempSync(join(tmpdir(), 'pl-cli-'));

function run(args: string[], cwd = tmp): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate']],
    [['analyze']],
    [['plan', '--monthly-income', '3000']],
    [['analyze', 'x.csv', '--as-of', '11/01/2026']],
    [['analyze', 'x.csv', '--bogus', '1']],
  ])('%j', (args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/patient-ledger: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('unreadable input exits 1 with a one-line reason naming the file', () => {
  it('missing file', () => {
    const r = run(['analyze', join(tmp, 'nope.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.xlsx');
  });
  it('corrupt workbook', () => {
    const p = join(tmp, 'corrupt.xlsx');
    writeFileSync(p, 'this is not a zip file');
    const r = run(['analyze', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/corrupt\.xlsx.*not a readable \.xlsx/);
  });
  it('password-protected workbook (OLE container)', () => {
    const p = join(tmp, 'locked.xlsx');
    writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = run(['analyze', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/password-protected/);
  });
  it('a workbook with no ledger in it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Notes');
    ws.addRow(['Meeting notes']);
    ws.addRow(['Call the payer on Monday']);
    const p = join(tmp, 'notes.xlsx');
    await wb.xlsx.writeFile(p);
    const r = run(['analyze', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Notes/);
  });
  it('a --sheet that does not exist', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ledger').addRow(['Account', 'DOS', 'CPT', 'Charge']);
    const p = join(tmp, 'one.xlsx');
    await wb.xlsx.writeFile(p);
    const r = run(['analyze', p, '--sheet', 'Missing']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Missing');
  });
});

describe('analyze a CSV ledger', () => {
  // Row 1 header; row 2 an insured visit; row 3 self-pay with currency text; row 4 blank;
  // row 5 a total row; row 6 junk in the Charge cell (E6).
  const csv = [
    'Account,Patient,DOS,CPT,Charge,Allowed,Ins Paid,Pt Paid,Adjustment,Balance,Payer',
    'A1,Ann Example,03/02/2026,99213,150.00,100.00,80.00,0,50.00,20.00,Acme Health',
    'A1,Ann Example,3/9/2026,99213,"$1,000.00",,,,,1000.00,',
    ',,,,,,,,,,',
    'Total,,,,1150.00,,,,,,',
    'A2,Bob Example,2026-03-05,99214,abc,,,,,,Acme Health',
  ].join('\r\n');
  let results: any;
  let code: number;
  beforeAll(() => {
    const p = join(tmp, 'ledger.csv');
    writeFileSync(p, csv);
    const r = run(['analyze', p, '--as-of', '2026-04-01', '--json', join(tmp, 'results.json')]);
    code = r.code;
    results = JSON.parse(readFileSync(join(tmp, 'results.json'), 'utf8'));
  });
  it('exits 0 and counts every row once', () => {
    expect(code).toBe(0);
    expect(results.asOf).toBe('2026-04-01');
    expect(results.input).toMatchObject({ sheet: 'ledger', headerRow: 1, rowsRead: 5, linesAnalyzed: 2, excludedRows: 1, blankRows: 1, totalRows: 1 });
  });
  it('names the junk cell', () => {
    const issue = results.inputIssues.find((i: any) => i.row === 6);
    expect(issue).toMatchObject({ sheet: 'ledger', row: 6, cell: 'E6' });
    expect(issue.message).toMatch(/abc/);
  });
  it('reads text dates in US order and currency text', () => {
    expect(results.lines.map((l: any) => [l.row, l.serviceDate, l.billed])).toEqual([
      [2, '2026-03-02', '150.00'],
      [3, '2026-03-09', '1000.00'],
    ]);
  });
  it('no configuration: an insured line\'s share fields are null, allowed included (DESIGN §4); self-pay owes the charge in full (§5.2)', () => {
    const [insured, selfPay] = results.lines;
    // No configuration: every share field is null where no configuration allows it — the ledger's Allowed is
    // what the insurer said, not an expected amount.
    expect(insured).toMatchObject({ allowed: null, contractual: null, patientShare: null, insurerShare: null, secondaryShare: null });
    expect(selfPay).toMatchObject({ allowed: '1000.00', contractual: '0.00', patientShare: '1000.00', insurerShare: '0.00', secondaryShare: '0.00' });
  });
  it('money and dates follow the JSON contract everywhere', () => {
    const text = readFileSync(join(tmp, 'results.json'), 'utf8');
    const moneyKeys = /"(billed|allowed|contractual|copay|deductible|coinsurance|patientShare|insurerShare|secondaryShare|amount|amountDue)": ("[^"]*"|[-\d.]+)/g;
    for (const m of text.matchAll(moneyKeys)) expect(m[2]).toMatch(/^"-?\d+\.\d\d"$/);
  });
});

describe('CSV per RFC 4180', () => {
  it('quoted commas, doubled quotes and a line break inside a quoted cell are one cell', () => {
    const p = join(tmp, 'quoted.csv');
    writeFileSync(p, '\ufeffAccount,DOS,CPT,Charge,Description\r\nA9,03/02/2026,99213,"1,250.00","Visit, ""follow-up""\nsecond line"\r\n');
    const out = join(tmp, 'quoted.json');
    expect(run(['analyze', p, '--as-of', '2026-04-01', '--json', out]).code).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.input).toMatchObject({ rowsRead: 1, linesAnalyzed: 1 });
    expect(r.lines[0]).toMatchObject({ account: 'A9', billed: '1250.00' });
  });
  it('an unclosed quote is a clear error (exit 1)', () => {
    const p = join(tmp, 'broken.csv');
    writeFileSync(p, 'Account,DOS,CPT,Charge\nA9,03/02/2026,99213,"12.00\n');
    const r = run(['analyze', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.csv.*not valid CSV/);
  });
});

describe('plan', () => {
  it('assistance clears the balance: no schedule', () => {
    // Household 3, 2026 48-state guideline = 15,960 + 2 × 5,680 = 27,320.
    // 3,200 × 12 = 38,400 → 38,400 ÷ 27,320 × 100 = 140.556…% ≤ 200 % → 100 % off.
    const r = run(['plan', '--balance', '1234.56', '--monthly-income', '3200', '--household-size', '3', '--state', 'CA', '--start', '2026-12-01']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({
      balance: '1234.56', fplPercent: 140.56, assistanceDiscountPct: 100, balanceAfterAssistance: '0.00',
      monthlyPayment: '0.00', months: 0, totalInterest: '0.00', exceedsAffordability: false, schedule: [],
    });
  });
  it('5 % of income, last payment smaller, month-end due dates', () => {
    // Household 1: 6,000 × 12 = 72,000 ÷ 15,960 = 451.13 % → no discount.
    // Affordable = 5 % × 6,000.00 = 300.00; 1,000.00 ÷ 300.00 → 4 months: 300, 300, 300, 100.
    const out = join(tmp, 'plan.json');
    const r = run(['plan', '--balance', '1000.00', '--monthly-income', '6000', '--start', '2026-01-31', '--json', out]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan.fplPercent).toBe(451.13);
    expect(plan.monthlyPayment).toBe('300.00');
    expect(plan.months).toBe(4);
    expect(plan.apr).toBe(0);
    expect(plan.schedule.map((s: any) => [s.n, s.dueDate, s.payment, s.remaining])).toEqual([
      [1, '2026-01-31', '300.00', '700.00'],
      [2, '2026-02-28', '300.00', '400.00'],
      [3, '2026-03-31', '300.00', '100.00'],
      [4, '2026-04-30', '100.00', '0.00'],
    ]);
  });
});
