/**
 * DESIGN §5's worked check through the real command line, from real .xlsx
 * files: the configuration in the ledger workbook, then in a separate
 * --config workbook. Billed 1,000.00, allowed 600.00 (fee schedule),
 * deductible left 500.00 (1,800.00 − 1,300.00 met), 20 % coinsurance:
 * deductible 500.00 + 20 % × 100.00 = 520.00 patient, 80.00 insurer,
 * 400.00 contractual.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { builtCli } from '../support/cli';

const BIN = builtCli(); // bin/ runs the compiled CLI: build it first if the sources changed
const tmp = mkdtempSync(join(tmpdir(), 'pl-contract-'));

function addConfig(wb: ExcelJS.Workbook): void {
  const sheet = (name: string, rows: unknown[][]) => rows.forEach((r) => wb.getWorksheet(name)!.addRow(r));
  ['Plans', 'FeeSchedule', 'Coverage', 'Policy'].forEach((n) => wb.addWorksheet(n));
  sheet('Plans', [
    ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType'],
    ['PPO1', 'Acme Health', '01-01', 1800, 3600, 6000, 12000, 20, 'Embedded'],
  ]);
  sheet('FeeSchedule', [
    ['Payer', 'Code', 'Modifier', 'Allowed', 'Category', 'MaxUnitsPerDay'],
    ['*', '45378', null, 600, 'Surgery', 1],
  ]);
  sheet('Coverage', [
    ['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf'],
    ['A-1001', 'PPO1', 'XJ100200', null, 'Primary', '2026-01-01', null, 1300, 1300, '2026-03-01'],
  ]);
  sheet('Policy', [['Key', 'Value'], ['StatementDate', '2026-06-01']]);
}

function addLedger(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Export');
  ws.addRow(['Springfield Clinic — ledger export']);
  ws.addRow([]);
  ws.addRow(['Acct', 'Patient Name', 'Svc Date', 'CPT/HCPCS', 'Dx 1', 'Billed Amount', 'Ins Paid', 'Pt Paid', 'Payer', 'Member ID', 'Claim Status']);
  const row = ws.addRow(['A-1001', 'Pat Example', new Date(Date.UTC(2026, 2, 10)), '45378', 'Z12.11', 1000, 80, 0, 'Acme Health', 'XJ100200', 'Paid']);
  row.getCell(3).numFmt = 'mm/dd/yyyy';
}

function analyze(args: string[]): any {
  const json = join(tmp, `r${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, [BIN, 'analyze', ...args, '--json', json], { encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/unexpected error/);
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8'));
}

const expectWorkedCheck = (results: any) => {
  expect(results.asOf).toBe('2026-06-01');
  expect(results.input).toMatchObject({ sheet: 'Export', headerRow: 3, rowsRead: 1, linesAnalyzed: 1 });
  expect(results.lines[0]).toMatchObject({
    sheet: 'Export', row: 4, account: 'A-1001', serviceDate: '2026-03-10', code: '45378', units: 1,
    billed: '1000.00', allowed: '600.00', contractual: '400.00', copay: '0.00', deductible: '500.00', coinsurance: '20.00',
    patientShare: '520.00', insurerShare: '80.00', secondaryShare: '0.00',
  });
  // The insurer paid exactly its share: no payment finding on the line.
  expect(results.findings.filter((f: any) => /^INSURER_/.test(f.rule))).toEqual([]);
};

describe('DESIGN §5 worked check through the CLI', () => {
  it('configuration sheets in the ledger workbook', async () => {
    const wb = new ExcelJS.Workbook();
    addLedger(wb);
    addConfig(wb);
    const p = join(tmp, 'ledger-with-config.xlsx');
    await wb.xlsx.writeFile(p);
    expectWorkedCheck(analyze([p]));
  });
  it('configuration from --config, ledger sheet named by --sheet', async () => {
    const ledger = new ExcelJS.Workbook();
    ledger.addWorksheet('Notes').addRow(['nothing here']);
    addLedger(ledger);
    const config = new ExcelJS.Workbook();
    addConfig(config);
    const lp = join(tmp, 'ledger.xlsx');
    const cp = join(tmp, 'config.xlsx');
    await ledger.xlsx.writeFile(lp);
    await config.xlsx.writeFile(cp);
    expectWorkedCheck(analyze([lp, '--config', cp, '--sheet', 'Export']));
  });
  it('a ledger with no Payer column: coverage comes from the Coverage sheet alone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(['Springfield Clinic — ledger export']);
    ws.addRow([]);
    ws.addRow(['Account', 'DOS', 'CPT', 'Charge']);
    ws.addRow(['A-1001', '03/10/2026', '45378', 1000]); // covered by PPO1: the worked check
    ws.addRow(['B-2002', '03/10/2026', '45378', 1000]); // no Coverage row: the patient's in full
    addConfig(wb);
    const p = join(tmp, 'no-payer.xlsx');
    await wb.xlsx.writeFile(p);
    const r = analyze([p]);
    expect(r.lines.map((l: any) => [l.account, l.allowed, l.patientShare, l.insurerShare])).toEqual([
      ['A-1001', '600.00', '520.00', '80.00'],
      ['B-2002', '1000.00', '1000.00', '0.00'],
    ]);
  });
  it('--as-of wins over Policy StatementDate; --map points a field at a column', async () => {
    const wb = new ExcelJS.Workbook();
    addLedger(wb);
    addConfig(wb);
    const ws = wb.getWorksheet('Export')!;
    ws.getCell('L3').value = 'Svc Total'; // an unrecognised header …
    ws.getCell('L4').value = 1000;
    ws.getCell('F3').value = 'Notes'; // … and the charge column renamed out of recognition
    ws.getCell('F4').value = 'see chart';
    const p = join(tmp, 'mapped.xlsx');
    await wb.xlsx.writeFile(p);
    const r = analyze([p, '--as-of', '2026-07-15', '--map', 'billed=L']);
    expect(r.asOf).toBe('2026-07-15');
    expect(r.lines[0]).toMatchObject({ billed: '1000.00', patientShare: '520.00', insurerShare: '80.00' });
  });
});
