/**
 * The generator's workbook shapes (issue 10): service lines with configuration,
 * a bare export, a transaction export, one sheet a month. Each comes with the
 * model the oracle reads and its injected problems placed at their sheet and cell.
 */
import { generateWorkbook, type SampleWorkbook, type WorkbookShape } from '../../tools/sample';
import { oracleShares, money } from '../oracle';

const SHAPES: readonly WorkbookShape[] = ['service-lines', 'bare', 'transactions', 'monthly'];
const cache = new Map<WorkbookShape, SampleWorkbook>();
const wb = (shape: WorkbookShape): SampleWorkbook => {
  let w = cache.get(shape);
  if (!w) cache.set(shape, (w = generateWorkbook({ shape, seed: 11, lines: 400 })));
  return w;
};

describe.each(SHAPES)('%s', (shape) => {
  test('every sheet: rows read = analysed + excluded + blank + total; model lines sit on their sheet’s rows', () => {
    const w = wb(shape);
    for (const c of w.counts) {
      const analysed = w.model.lines.filter((l) => l.sheet === c.sheet).length;
      if (shape !== 'transactions') expect(c.rowsRead).toBe(analysed + c.excludedRows + c.blankRows + c.totalRows);
      const sheet = w.sheets.find((s) => s.name === c.sheet)!;
      expect(sheet.values.length - sheet.headerRow).toBe(c.rowsRead);
    }
    for (const l of w.model.lines) {
      const sheet = w.sheets.find((s) => s.name === l.sheet)!;
      expect(sheet.values[l.row - 1]).toBeDefined();
    }
  });

  test('each injected problem names a sheet, a row inside it and (when it has one) a cell on that row', () => {
    const w = wb(shape);
    expect(w.injected.length).toBeGreaterThan(0);
    for (const p of w.injected) {
      const sheet = w.sheets.find((s) => s.name === p.sheet)!;
      expect(p.row).toBeGreaterThan(sheet.headerRow);
      expect(p.row).toBeLessThanOrEqual(sheet.values.length);
      if (p.cell !== undefined) expect(p.cell).toMatch(new RegExp(`^[A-Z]+${p.row}$`));
    }
  });
});

test('service lines: the oracle over the posted model gives the generator’s expected shares on every clean line', () => {
  const w = wb('service-lines');
  const shares = oracleShares(w.model.tables, w.model.workbook, w.model.lines);
  const byRow = new Map(w.model.lines.map((l, i) => [l.row, shares[i]!]));
  expect(w.sample.expected.length).toBeGreaterThan(100);
  for (const e of w.sample.expected) {
    const s = byRow.get(e.row)!;
    expect([e.row, s.basis, money(s.patientShare!), money(s.insurerShare!), money(s.secondaryShare!)]).toEqual([e.row, e.basis, e.patientShare, e.insurerShare, e.secondaryShare]);
  }
});

test('bare: no Payer column, no configuration, every share unknown, only problems that need no configuration', () => {
  const w = wb('bare');
  expect(w.config).toBeNull();
  for (const s of w.sheets) expect(s.values[s.headerRow - 1]).not.toContain('Payer');
  expect(new Set(oracleShares(w.model.tables, w.model.workbook, w.model.lines).map((s) => s.basis))).toEqual(new Set(['unknown']));
  const needConfig = ['INSURER_UNDERPAID', 'INSURER_OVERPAID', 'PATIENT_OVERPAID', 'PATIENT_OVERBILLED', 'ALLOWED_MISMATCH', 'NO_COVERAGE_ON_DOS', 'MISSING_MEMBER_ID', 'TIMELY_FILING_RISK', 'UNITS_OVER_LIMIT'];
  for (const p of w.injected) expect(needConfig).not.toContain(p.kind);
});

test('transactions: a Type column and one Amount column', () => {
  const w = wb('transactions');
  const header = w.sheets[0]!.values[w.sheets[0]!.headerRow - 1]!;
  expect(header).toEqual(expect.arrayContaining(['Type', 'Amount']));
});

test('monthly: one sheet a month in calendar order, accumulators carried across sheets', () => {
  const w = wb('monthly');
  expect(w.sheets.length).toBeGreaterThan(2);
  const firstDos = w.sheets.map((s) => w.model.lines.filter((l) => l.sheet === s.name).map((l) => l.serviceDate).sort()[0] ?? '');
  expect([...firstDos].sort()).toEqual(firstDos);
  for (const s of w.sheets) {
    for (const l of w.model.lines.filter((x) => x.sheet === s.name)) expect(l.serviceDate.slice(0, 7)).toBe(w.model.lines.find((x) => x.sheet === s.name)!.serviceDate.slice(0, 7));
  }
  // Sheet by sheet (accumulators starting over on every sheet) would give other shares: the sheets are one ledger.
  const whole = oracleShares(w.model.tables, w.model.workbook, w.model.lines);
  const alone = w.sheets.flatMap((s) => oracleShares(w.model.tables, w.model.workbook, w.model.lines.filter((l) => l.sheet === s.name)));
  expect(alone.map((s) => s.patientShare)).not.toEqual(whole.map((s) => s.patientShare));
});
