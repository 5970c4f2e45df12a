/**
 * The committed assets/sample-ledger.xlsx / .csv are exactly what the
 * generator makes from DEMO_SAMPLE_OPTIONS, so the sample's answer key
 * (injected problems, expected shares) applies to the files.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DEMO_SAMPLE_OPTIONS, generateSample, ledgerCsv, ledgerGrid } from '../../tools/sample';
import { RULE_IDS } from '../../src/domain/findingTypes';
import type { CellValue } from '../../src/ingest/grid';

const assets = path.resolve(__dirname, '..', '..', 'assets');
const sample = generateSample(DEMO_SAMPLE_OPTIONS);

/** exceljs cell value → what Excel's API would give: dates as 1900-system serials. */
function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25569;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

function sheetValues(ws: ExcelJS.Worksheet, width: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= width; c++) row.push(plain(ws.getRow(r).getCell(c).value));
    out.push(row);
  }
  return out;
}

describe('assets/sample-ledger', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(assets, 'sample-ledger.xlsx'));
  });

  test('the Ledger sheet holds the generated title rows, header and lines', () => {
    const ws = wb.getWorksheet('Ledger')!;
    const width = sample.ledger.header.length;
    const want = [...sample.ledger.titleRows, sample.ledger.header, ...sample.ledger.rows];
    expect(sheetValues(ws, width)).toEqual(want);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: sample.ledger.headerRow });
    const dos = ws.getRow(sample.ledger.headerRow + 1).getCell(sample.ledger.columns.serviceDate!);
    if (dos.value instanceof Date) expect(dos.numFmt).toBe('mm/dd/yyyy');
    expect(ws.getRow(sample.ledger.headerRow + 1).getCell(sample.ledger.columns.billed!).numFmt).toBe('#,##0.00');
  });

  test('configuration sheets match the generator, header row first', () => {
    for (const name of ['Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy'] as const) {
      const grid = sample.config[name];
      expect(sheetValues(wb.getWorksheet(name)!, grid[0]!.length)).toEqual(grid);
    }
    const policy = Object.fromEntries(sample.config.Policy.slice(1).map(([k, v]) => [k, v]));
    expect(policy.PracticeName).toBe('Springfield Family Practice');
    // 2026-11-01 is Excel serial 46327 (days since 1899-12-30).
    expect(policy.StatementDate).toBe(46327);
  });

  test('the CSV is the Ledger sheet as displayed text', () => {
    expect(fs.readFileSync(path.join(assets, 'sample-ledger.csv'), 'utf8')).toBe(ledgerCsv(sample));
  });

  test('CSV cells read as a person sees them: US dates, grouped money, quoted names', () => {
    const csv = ledgerCsv(sample).split('\r\n');
    expect(csv[sample.ledger.headerRow - 1]).toBe(sample.ledger.header.join(','));
    const first = sample.ledger.rows[0]!;
    const line = csv[sample.ledger.headerRow]!;
    const col = (f: keyof typeof sample.ledger.columns): number => sample.ledger.columns[f]! - 1;
    expect(line.startsWith(`${String(first[0])},"${String(first[1])}",`)).toBe(true);
    expect(line).toMatch(/^[^,]+,"[^"]+",(\d{2}\/\d{2}\/\d{4}|\d{1,2}\/\d{1,2}\/\d{4}),/);
    const billed = first[col('billed')];
    if (typeof billed === 'number') expect(line).toContain(`,${billed.toFixed(2)},`);
    // The total row's sums run into thousands: grouped with commas, so quoted.
    expect(csv.find((l) => l.startsWith('Total,'))).toMatch(/,"\d{1,3}(,\d{3})+\.\d{2}",/);
    const grid = ledgerGrid(sample, { numberFormats: true });
    expect(grid.numberFormats![sample.ledger.headerRow]![col('serviceDate')]).toMatch(/^(mm\/dd\/yyyy|General)$/);
    expect(grid.values[sample.ledger.headerRow - 1]).toEqual(sample.ledger.header);
  });

  test('the demo shows every rule and keeps most lines clean', () => {
    const kinds = new Set(sample.injected.map((i) => i.kind));
    for (const id of RULE_IDS) expect(kinds).toContain(id);
    expect(sample.expected.length).toBeGreaterThan(200);
  });
});
