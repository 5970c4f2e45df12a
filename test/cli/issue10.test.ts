/**
 * Issue 10's command-line reproductions, through `main()` (in process) and
 * one through the real bin; real .xlsx files written with exceljs. Expected
 * values are worked by hand in the comments.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const tmp = mkdtempSync(join(tmpdir(), 'pl-issue10-'));
const BIN = resolve(__dirname, '../../bin/patient-ledger.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const capture = (into: 'out' | 'err') => (chunk: unknown, ...rest: unknown[]): boolean => {
    if (into === 'out') stdout += String(chunk);
    else stderr += String(chunk);
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture('out') as never);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture('err') as never);
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function csvFile(name: string, lines: string[]): string {
  const p = join(tmp, name);
  writeFileSync(p, lines.join('\n'));
  return p;
}

const bareCsv = (): string => csvFile('bare.csv', ['Account,DOS,CPT,Charge,Ins Paid,Pt Paid,Balance', '1,03/02/2026,99213,100,60,20,20']);

describe('usage errors exit 2 (DESIGN §7)', () => {
  test('reproduction 4: --map foo=B names the unknown field (not "No sheet looks like a patient ledger")', async () => {
    const r = await cli(['analyze', bareCsv(), '--map', 'foo=B']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown field "foo"/);
    expect(r.stderr).not.toMatch(/No sheet looks like/);
  });

  test('a --map column that is not a column letter', async () => {
    const r = await cli(['analyze', bareCsv(), '--map', 'billed=Charge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"Charge" given for billed is not a column letter/);
  });

  test("a --map column past the sheet's last used column (G)", async () => {
    const r = await cli(['analyze', bareCsv(), '--map', 'billed=H']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Column H given for billed lies past the last used column of sheet "bare" \(G\)/);
  });

  test('plan --state XX', async () => {
    const r = await cli(['plan', '--balance', '100', '--monthly-income', '3200', '--state', 'XX']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--state .*"XX"/);
  });

  test('a --config workbook with no configuration sheet names the sheets it has', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['nothing here']);
    wb.addWorksheet('Rates 2026').addRow(['Code', 'Fee']);
    const config = join(tmp, 'no-config.xlsx');
    await wb.xlsx.writeFile(config);
    const r = await cli(['analyze', bareCsv(), '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-config.xlsx has no configuration sheet');
    expect(r.stderr).toContain('"Sheet1", "Rates 2026"');
  });
});

test('plan --state AK uses the Alaska table', async () => {
  // 3,200 × 12 = 38,400 ÷ 19,950 (2026 Alaska, household 1) × 100 = 192.48 % ≤ 200 % → 100 % off.
  const r = await cli(['plan', '--balance', '500.00', '--monthly-income', '3200', '--state', 'ak', '--start', '2026-12-01']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ fplPercent: 192.48, assistanceDiscountPct: 100, balanceAfterAssistance: '0.00' });
});

test("reproduction 7: Excel's accounting zero and USD amounts in a CSV are amounts", async () => {
  const p = csvFile('usd.csv', ['Account,DOS,CPT,Charge,Ins Paid,Pt Paid,Balance', '1,03/02/2026,99213,USD 100.00,$ -,-,100.00 USD']);
  const out = join(tmp, 'usd.json');
  expect((await cli(['analyze', p, '--as-of', '2026-04-01', '--json', out])).code).toBe(0);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r.inputIssues).toEqual([]);
  expect(r.input).toMatchObject({ rowsRead: 1, linesAnalyzed: 1 });
  expect(r.lines[0]).toMatchObject({ billed: '100.00' });
});

describe('reproduction 5: monthly sheets Jan and Feb are one ledger', () => {
  // Plan P1: deductible 500.00, 20 % coinsurance; A1 covered from 2026-01-01, nothing met.
  // Jan (header on row 3): 99213 billed 300.00 → allowed 300.00, all to the deductible: patient 300.00, insurer 0.00.
  // Feb: 99214 billed 400.00, the "Fee Schedule" sheet allows 350.00 → contractual 50.00;
  //   deductible left 500.00 − 300.00 = 200.00; coinsurance 20 % × (350.00 − 200.00) = 30.00;
  //   patient 230.00, insurer 120.00.
  // The "Findings" sheet (the add-in's own) and "Notes" are not ledgers.
  let results: any;
  let report: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const header = ['Account', 'DOS', 'CPT', 'Charge', 'Payer', 'Member ID'];
    const jan = wb.addWorksheet('Jan');
    jan.addRow(['January 2026 ledger']);
    jan.addRow([]);
    jan.addRow(header);
    jan.addRow(['A1', new Date(Date.UTC(2026, 0, 15)), '99213', 300, 'Acme', 'M1']);
    const notes = wb.addWorksheet('Notes');
    notes.addRow(['Call Acme about February']);
    const feb = wb.addWorksheet('Feb');
    feb.addRow(header);
    feb.addRow(['A1', new Date(Date.UTC(2026, 1, 10)), '99214', 400, 'Acme', 'M1']);
    feb.addRow([]);
    feb.addRow(['Total', null, null, 400]);
    const findings = wb.addWorksheet('Findings');
    findings.addRow(header);
    findings.addRow(['A9', new Date(Date.UTC(2026, 1, 10)), '99214', 999, 'Acme', 'M9']);
    wb.addWorksheet('Plans').addRows([
      ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType'],
      ['P1', 'Acme', '01-01', 500, null, 5000, null, 20, 'Embedded'],
    ]);
    wb.addWorksheet('Coverage').addRows([
      ['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf'],
      ['A1', 'P1', 'M1', null, 'Primary', '2026-01-01', null, 0, 0, null],
    ]);
    wb.addWorksheet('Fee Schedule').addRows([
      ['Payer', 'Code', 'Modifier', 'Allowed', 'Category', 'MaxUnitsPerDay'],
      ['*', '99214', null, 350, 'Office', null],
    ]);
    const p = join(tmp, 'monthly.xlsx');
    await wb.xlsx.writeFile(p);
    const out = join(tmp, 'monthly.json');
    expect((await cli(['analyze', p, '--as-of', '2026-04-01', '--json', out])).code).toBe(0);
    results = JSON.parse(readFileSync(out, 'utf8'));
    const r = await cli(['analyze', p, '--as-of', '2026-04-01']);
    expect(r.code).toBe(0);
    report = r.stdout;
  });

  test('input: totals over both sheets, the first sheet\'s name and header row, one entry per sheet', () => {
    // Jan: 1 row read (1 analysed); Feb: 3 rows read (1 analysed, 1 blank, 1 total).
    expect(results.input).toMatchObject({ sheet: 'Jan', headerRow: 3, rowsRead: 4, linesAnalyzed: 2, excludedRows: 0, blankRows: 1, totalRows: 1 });
    expect(results.input.sheets.map((s: any) => [s.sheet, s.headerRow, s.rowsRead, s.linesAnalyzed, s.excludedRows, s.blankRows, s.totalRows])).toEqual([
      ['Jan', 3, 1, 1, 0, 0, 0],
      ['Feb', 1, 3, 1, 0, 1, 1],
    ]);
  });

  test('the deductible met in January is remembered in February', () => {
    expect(results.lines.map((l: any) => [l.sheet, l.row, l.allowed, l.contractual, l.deductible, l.coinsurance, l.patientShare, l.insurerShare])).toEqual([
      ['Jan', 4, '300.00', '0.00', '300.00', '0.00', '300.00', '0.00'],
      ['Feb', 2, '350.00', '50.00', '200.00', '30.00', '230.00', '120.00'],
    ]);
  });

  test('reproduction 6: without --json the report shows counts per sheet, findings by rule and the statements', () => {
    expect(report).toMatch(/Sheets read/);
    expect(report).toMatch(/^\s+Jan\s+3\s+1\s+1\s+0\s+0\s+0$/m);
    expect(report).toMatch(/^\s+Feb\s+1\s+3\s+1\s+0\s+1\s+1$/m);
    expect(report).toMatch(/^\s+All sheets\s+4\s+2\s+0\s+1\s+1$/m);
    expect(report).toMatch(/Findings by rule/);
    expect(report).toMatch(/^Statements: /m);
  });
});

test('reproduction 7: a Coverage row with an invalid date is an input issue and leaves its lines\' shares null', async () => {
  // A1's only Coverage row has EffectiveFrom "2026-13-01" (F2): it covers nothing and denies nothing.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Ledger').addRows([
    ['Account', 'DOS', 'CPT', 'Charge', 'Ins Paid', 'Balance'],
    ['A1', new Date(Date.UTC(2026, 2, 2)), '99213', 200, 30, 170],
  ]);
  wb.addWorksheet('Plans').addRows([
    ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType'],
    ['P1', 'Acme', '01-01', 500, null, 5000, null, 20, 'Embedded'],
  ]);
  wb.addWorksheet('Coverage').addRows([
    ['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf'],
    ['A1', 'P1', 'M1', null, 'Primary', '2026-13-01', null, 0, 0, null],
  ]);
  const p = join(tmp, 'bad-coverage.xlsx');
  await wb.xlsx.writeFile(p);
  const out = join(tmp, 'bad-coverage.json');
  expect((await cli(['analyze', p, '--as-of', '2026-04-01', '--json', out])).code).toBe(0);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r.inputIssues).toEqual([expect.objectContaining({ sheet: 'Coverage', row: 2, cell: 'F2' })]);
  expect(r.lines[0]).toMatchObject({ allowed: null, patientShare: null, insurerShare: null, secondaryShare: null });
  // Before: "no coverage" → a false INSURER_OVERPAID on the 30.00 paid and a 170.00 bill.
  expect(r.findings.filter((f: any) => f.severity !== 'info').map((f: any) => f.rule)).not.toContain('INSURER_OVERPAID');
});

test('reproduction 1: a bare export (no Payer column, no configuration) bills the line\'s balance, finds no overpayment', async () => {
  // Ins Paid 60.00 makes the line insured (DESIGN §4), with no configuration to compute shares from: the patient's
  // part is the balance plus what the patient paid (20.00 + 20.00), less the 20.00 paid → 20.00 due.
  const out = join(tmp, 'bare.json');
  expect((await cli(['analyze', bareCsv(), '--as-of', '2026-04-01', '--json', out])).code).toBe(0);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r.findings.filter((f: any) => f.severity !== 'info')).toEqual([]);
  expect(r.statements).toEqual([expect.objectContaining({ account: '1', amountDue: '20.00', balanceSince: '2026-03-02', stage: 'first-statement' })]);
  expect(r.lines[0]).toMatchObject({ allowed: null, patientShare: null, insurerShare: null, secondaryShare: null });
});

test('reproduction 2: a line wholly to the deductible (insurer paid 0.00, adjustment posted, no Status) is billed, not pending', async () => {
  // Allowed 600.00 all to the deductible: insurer 0.00, contractual 400.00 written off; the patient owes 600.00 since 03/20.
  const p = csvFile('deductible.csv', [
    'Account,DOS,Posting Date,CPT,Charge,Allowed,Adjustment,Ins Paid,Pt Paid,Balance,Payer',
    'D1,03/02/2026,03/20/2026,99214,1000.00,600.00,400.00,0.00,0.00,600.00,Acme Health',
  ]);
  const out = join(tmp, 'deductible.json');
  expect((await cli(['analyze', p, '--as-of', '2026-04-01', '--json', out])).code).toBe(0);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r.findings.map((f: any) => f.rule)).not.toContain('TIMELY_FILING_RISK');
  expect(r.statements).toEqual([expect.objectContaining({ account: 'D1', amountDue: '600.00', balanceSince: '2026-03-20' })]);
});

test('--json - writes the JSON to stdout through the real bin; progress stays on stderr', () => {
  const p = csvFile('stdout.csv', ['Account,DOS,CPT,Charge,Balance', 'A1,03/02/2026,99213,100.00,100.00']);
  const r = spawnSync(process.execPath, [BIN, 'analyze', p, '--as-of', '2026-04-01', '--json', '-'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.input).toMatchObject({ sheet: 'stdout', rowsRead: 1, linesAnalyzed: 1 });
  expect(json.lines[0]).toMatchObject({ row: 2, billed: '100.00' });
  expect(r.stderr).toMatch(/Reading/);
});
