/**
 * Writes assets/sample-ledger.xlsx (sheet "Ledger" plus the configuration
 * sheets) and assets/sample-ledger.csv (the ledger as CSV text) from the
 * fixed demo options. Run: npm run sample (compiles to build/, then runs build/scripts/make-sample.js)
 *
 * Dates are written as JS Dates at UTC midnight: exceljs converts a Date to
 * an Excel serial from its epoch milliseconds, so UTC midnight gives the
 * whole-day serial on every machine whatever its time zone.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { dayFromExcelSerial, type Day } from '../src/domain/day';
import type { CellValue } from '../src/ingest/grid';
import { generateSample, ledgerCsv, DATE_FORMAT, MONEY_FORMAT } from '../tools/sample';
import { formatColumns } from '../tools/sample/grids';
import { CONFIG_DATE_COLUMNS, CONFIG_MONEY_COLUMNS, DEMO_SAMPLE_OPTIONS, POLICY_DATE_KEYS, POLICY_MONEY_KEYS } from '../tools/sample/demo';
import { CONFIG_SHEETS } from '../src/ingest';

const MS_PER_DAY = 86_400_000;

function utcDate(serial: number): Date {
  const d = dayFromExcelSerial(serial) as Day;
  return new Date(d * MS_PER_DAY);
}

function put(cell: ExcelJS.Cell, value: CellValue, kind: 'date' | 'money' | 'plain'): void {
  if (value === null) return;
  if (typeof value === 'number' && kind === 'date') {
    cell.value = utcDate(value);
    cell.numFmt = DATE_FORMAT;
  } else if (typeof value === 'number' && kind === 'money') {
    cell.value = value;
    cell.numFmt = MONEY_FORMAT;
  } else {
    cell.value = value;
  }
}

const WIDTHS: Record<string, number> = {
  'Acct #': 9, 'Patient Name': 22, DOB: 11, DOS: 11, 'Posting Date': 12, CPT: 7, Description: 44, 'Mod 1': 6, 'Mod 2': 6,
  Units: 6, 'Dx 1': 8, 'Dx 2': 8, 'Dx 3': 8, 'Dx 4': 8, POS: 5, Charge: 10, Allowed: 10, Adjustment: 11, 'Ins Paid': 10,
  'Sec Paid': 10, 'Pt Paid': 10, Balance: 10, Payer: 16, 'Member ID': 16, 'Claim #': 10, Status: 8, 'Denial Code': 11,
};

async function main(): Promise<void> {
  const sample = generateSample(DEMO_SAMPLE_OPTIONS);
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(sample.asOf * MS_PER_DAY);
  wb.creator = 'patient-ledger sample generator';
  wb.created = fixed;
  wb.modified = fixed;

  // Ledger: title rows, header, lines.
  const ws = wb.addWorksheet('Ledger', { views: [{ state: 'frozen', ySplit: sample.ledger.headerRow }] });
  const { dates, money } = formatColumns(sample);
  sample.ledger.titleRows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, c) => put(r.getCell(c + 1), v, 'plain'));
    if (i === 0) r.font = { bold: true, size: 14 };
  });
  const headerRow = ws.getRow(sample.ledger.headerRow);
  sample.ledger.header.forEach((h, c) => {
    const cell = headerRow.getCell(c + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sample.ledger.rows.forEach((row, i) => {
    const r = ws.getRow(sample.ledger.headerRow + 1 + i);
    row.forEach((v, c) => put(r.getCell(c + 1), v, dates.has(c) ? 'date' : money.has(c) ? 'money' : 'plain'));
  });
  sample.ledger.header.forEach((h, c) => { ws.getColumn(c + 1).width = WIDTHS[h] ?? 12; });
  ws.autoFilter = { from: { row: sample.ledger.headerRow, column: 1 }, to: { row: sample.ledger.headerRow, column: sample.ledger.header.length } };

  // Configuration sheets.
  for (const name of CONFIG_SHEETS) {
    const grid = sample.config[name];
    const header = (grid[0] ?? []).map(String);
    const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const dateCols = new Set((CONFIG_DATE_COLUMNS[name] ?? []).map((h) => header.indexOf(h)));
    const moneyCols = new Set((CONFIG_MONEY_COLUMNS[name] ?? []).map((h) => header.indexOf(h)));
    grid.forEach((row, i) => {
      const r = sheet.getRow(i + 1);
      const policyKey = name === 'Policy' ? String(row[0]) : '';
      row.forEach((v, c) => {
        let kind: 'date' | 'money' | 'plain' = 'plain';
        if (i > 0 && (dateCols.has(c) || (c === 1 && POLICY_DATE_KEYS.includes(policyKey)))) kind = 'date';
        else if (i > 0 && (moneyCols.has(c) || (c === 1 && POLICY_MONEY_KEYS.includes(policyKey)))) kind = 'money';
        put(r.getCell(c + 1), v, kind);
      });
      if (i === 0) r.font = { bold: true };
    });
    header.forEach((h, c) => { sheet.getColumn(c + 1).width = Math.max(10, Math.min(40, h.length + 4)); });
    if (name === 'Policy') sheet.getColumn(2).width = 40;
    if (name === 'Patients') sheet.getColumn(4).width = 24;
  }

  const assets = path.join(packageRoot(), 'assets');
  fs.mkdirSync(assets, { recursive: true });
  await wb.xlsx.writeFile(path.join(assets, 'sample-ledger.xlsx'));
  fs.writeFileSync(path.join(assets, 'sample-ledger.csv'), ledgerCsv(sample), 'utf8');
  const kinds = new Set(sample.injected.map((x) => x.kind));
  process.stderr.write(
    `wrote assets/sample-ledger.xlsx and .csv: ${sample.ledger.rows.length} rows, ${sample.injected.length} injected problems of ${kinds.size} kinds, ${sample.expected.length} clean lines\n`,
  );
}

/** The package's root: the nearest folder up holding bin/patient-ledger.js (this file runs from scripts/ or build/scripts/). */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'bin', 'patient-ledger.js')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

main().catch((err: unknown) => {
  process.stderr.write(`make-sample: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
