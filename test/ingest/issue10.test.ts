/**
 * Issue 10 on the ingest side, each built from its reproduction; expected
 * values worked by hand in the comments.
 */
import { cellOf } from '../../src/domain/ledger';
import { cellsOf } from '../support/builders';
import { ingestLedger } from '../../src/ingest/ledger/ingestLedger';
import { combineLedgers } from '../../src/ingest/ledger/workbookLedger';
import { configSheetName, readConfig } from '../../src/ingest/config/readConfig';
import { checkColumnMap, lastUsedColumn, mapPastLastColumn } from '../../src/ingest/headers/columnMap';
import type { Ledger } from '../../src/domain/ledger';
import { toIso } from '../../src/domain/day';
import { gridOf } from '../support/gridOf';

function ok(r: ReturnType<typeof ingestLedger>): Ledger {
  if (!r.ok) throw new Error(r.message);
  return r.ledger;
}

// 46083 = 2026-03-02, 46090 = 2026-03-09, 46100 = 2026-03-19, 46110 = 2026-03-29.
describe('DESIGN §3 values (reproductions 3 and 7)', () => {
  test('a Balance computed by =D2-E2-F2 (stored 20.029999999999998) is 20.03, not an excluded row', () => {
    const ledger = ok(ingestLedger(gridOf([
      ['Account', 'DOS', 'CPT', 'Charge', 'Ins Paid', 'Pt Paid', 'Balance'],
      ['1', 46083, '99213', 23.03, 2.74, 0.26, 23.03 - 2.74 - 0.26],
    ])));
    expect(23.03 - 2.74 - 0.26).toBe(20.029999999999998); // what Excel stores for 23.03 − 2.74 − 0.26
    expect(ledger.issues).toEqual([]);
    expect(ledger.lines[0]!.balance).toBe(2003);
  });

  test("Excel's accounting zero and USD amounts are amounts, in a CSV as in a sheet", () => {
    const ledger = ok(ingestLedger(gridOf([
      ['Account', 'DOS', 'CPT', 'Charge', 'Ins Paid', 'Pt Paid', 'Balance'],
      ['1', '03/02/2026', '99213', 'USD 100.00', '$ -', '–', '100.00 USD'],
      ['2', '03/02/2026', '99213', '100.125', '-', null, null],
    ], { allText: true })));
    expect(ledger.lines).toHaveLength(1);
    expect(ledger.lines[0]).toMatchObject({ billed: 10000, insurerPaid: 0, patientPaid: 0, balance: 10000 });
    // 100.125 has a real third decimal: an input issue at its cell, not rounded.
    expect(ledger.issues.map((i) => [i.cell, i.message])).toEqual([
      ['D3', 'Charge "100.125" has more than two decimals (expected whole cents like 125.50; amounts are never rounded)'],
    ]);
  });
});

describe('LedgerLine.insurerPostedOn (DESIGN §8 dunning)', () => {
  test('service lines: the Posting Date where the insurer paid or adjusted the line, else null', () => {
    const ledger = ok(ingestLedger(gridOf([
      ['Account', 'DOS', 'Posting Date', 'CPT', 'Charge', 'Ins Paid', 'Adjustment', 'Pt Paid'],
      ['1', 46083, 46110, '99213', 100, 60, 20, null], // paid → 2026-03-29
      ['2', 46083, 46100, '99213', 100, 0, 40, null], // all to the deductible, adjusted → 2026-03-19
      ['3', 46083, 46100, '99213', 100, null, null, 100], // self-pay, patient paid → null
      ['4', 46083, null, '99213', 100, 60, 40, null], // no posting date → null
    ])));
    expect(ledger.lines.map((l) => (l.insurerPostedOn === null ? null : toIso(l.insurerPostedOn)))).toEqual(['2026-03-29', '2026-03-19', null, null]);
  });

  test('transactions: the latest insurer payment, adjustment or denial row; a payment without a payer is the patient\'s', () => {
    const ledger = ok(ingestLedger(gridOf([
      ['Date', 'Account', 'DOS', 'CPT', 'Type', 'Amount', 'Payer', 'Denial Code'],
      [46083, 'A1', 46083, '99213', 'Charge', 100, 'Acme', null], // row 2
      [46090, 'A1', 46083, '99213', 'ins pmt', 60, 'Acme', null], // row 3: insurer, 03-09
      [46100, 'A1', 46083, '99213', 'Write-off', 20, null, null], // row 4: adjustment, 03-19
      [46110, 'A1', 46083, '99213', 'PMT', 20, null, null], // row 5: no payer → the patient's; not the insurer's date
      [46083, 'A2', 46083, '99214', 'CHG', 200, 'Acme', null], // row 6
      [46100, 'A2', 46083, '99214', 'Denial', null, 'Acme', 'CO-50'], // row 7: a denial row, no amount
      [46110, 'A2', 46083, '99214', 'Pt Pmt', 10, null, null], // row 8
    ], { sheet: 'Tx' })));
    expect(ledger.issues).toEqual([]);
    const [a1, a2] = ledger.lines;
    expect(a1).toMatchObject({ insurerPaid: 6000, adjustment: 2000, patientPaid: 2000 });
    expect(toIso(a1!.insurerPostedOn!)).toBe('2026-03-19');
    expect(a2).toMatchObject({ denialCode: 'CO-50', status: 'denied', patientPaid: 1000 });
    expect(toIso(a2!.insurerPostedOn!)).toBe('2026-03-19');
    expect(cellOf(a2!, 'denialCode')).toBe('H7');
  });
});

describe('several ledger sheets (reproduction 5)', () => {
  const header = ['Account', 'DOS', 'CPT', 'Charge'];
  const jan = ok(ingestLedger(gridOf([['January'], header, ['A1', 46030, '99213', 100], ['A1', 'junk', '99213', 100]], { sheet: 'Jan' })));
  const feb = ok(ingestLedger(gridOf([header, ['A1', 46060, '99213', 100], [], ['Total', null, null, 200]], { sheet: 'Feb' }), { firstLineIndex: jan.lines.length }));
  const book = combineLedgers([jan, feb]);

  test('lines run across sheets, numbered 0..n-1, each keeping its sheet and row', () => {
    expect(book.lines.map((l) => [l.index, l.sheet, l.row])).toEqual([[0, 'Jan', 3], [1, 'Feb', 2]]);
  });

  test('counts are totals; each sheet keeps its own header row and counts', () => {
    // Jan: 2 rows read = 1 analysed + 1 excluded; Feb: 3 rows read = 1 analysed + 1 blank + 1 total.
    expect(book.sheets.map((s) => [s.sheet, s.headerRow, s.counts])).toEqual([
      ['Jan', 2, { rowsRead: 2, linesAnalyzed: 1, excludedRows: 1, blankRows: 0, totalRows: 0 }],
      ['Feb', 1, { rowsRead: 3, linesAnalyzed: 1, excludedRows: 0, blankRows: 1, totalRows: 1 }],
    ]);
    expect(book.counts).toEqual({ rowsRead: 5, linesAnalyzed: 2, excludedRows: 1, blankRows: 1, totalRows: 1 });
    expect(book.issues.map((i) => [i.sheet, i.cell])).toEqual([['Jan', 'B4'], ['Feb', 'A4']]);
  });

  test('a sheet read without its first index is refused, not silently misnumbered', () => {
    expect(() => combineLedgers([jan, ok(ingestLedger(gridOf([header, ['A1', 46060, '99213', 100]], { sheet: 'Feb' })))])).toThrow(/Feb/);
  });

  test('the whole workbook ledger survives structuredClone', () => {
    expect(structuredClone(book)).toEqual(book);
  });
});

describe('configuration sheets (reproduction 7)', () => {
  test.each([['Fee Schedule'], ['fee_schedule'], ['FeeSchedule'], [' FEE-SCHEDULE ']])('%p is the FeeSchedule sheet', (name) => {
    expect(configSheetName(name)).toBe('FeeSchedule');
  });
  test('other sheets are not configuration', () => {
    expect(configSheetName('Ledger')).toBeNull();
    expect(configSheetName('Fee Schedules 2025')).toBeNull();
  });

  test('a Coverage row with an invalid date is reported and kept in coverageIssues, not dropped', () => {
    const { config, issues } = readConfig({
      Coverage: gridOf([
        ['Account', 'PlanId', 'MemberId', 'Priority', 'EffectiveFrom', 'EffectiveTo'],
        ['A1', 'P1', 'M1', 'Primary', '2026-13-45', '2026-12-31'], // row 2: bad EffectiveFrom (E2)
        ['A2', 'P1', 'M2', 'Primary', '2026-01-01', null], // row 3: fine
        [null, 'P1', 'M3', 'Primary', 'soon', null], // row 4: no account: nothing to attach it to
      ], { sheet: 'Coverage' }),
    });
    expect(config.coverage.map((c) => c.account)).toEqual(['A2']);
    expect(issues.map((i) => i.cell)).toEqual(['E2', 'A4', 'E4']);
    expect(config.coverageIssues).toHaveLength(1);
    const [issue] = config.coverageIssues;
    expect(issue).toMatchObject({ account: 'A1', effectiveFrom: null, row: 2, cell: 'E2' });
    expect(toIso(issue!.effectiveTo!)).toBe('2026-12-31');
  });
});

describe('--map checks (reproduction 4)', () => {
  test('an unknown field, or a column that is not letters, is refused with a message', () => {
    expect(checkColumnMap({ foo: 'B' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Unknown field "foo"/) });
    expect(checkColumnMap({ billed: 'Charge 2' })).toMatchObject({ ok: false, message: expect.stringMatching(/"Charge 2" given for billed is not a column letter/) });
    expect(checkColumnMap({ billed: 'XFE' })).toMatchObject({ ok: false });
    expect(checkColumnMap({ Charge: 'd', modifiers: 'e, f' })).toEqual({ ok: true, map: { billed: 'D', modifiers: 'E,F' } });
  });

  test('a column past the sheet\'s last used column names the column and the sheet', () => {
    const grid = gridOf([['Account', 'DOS', 'CPT', 'Charge', null], ['A1', 46083, '99213', 100, null]], { sheet: 'Ledger' });
    expect(lastUsedColumn(grid)).toBe(4);
    expect(mapPastLastColumn(grid, { billed: 'D' })).toBeNull();
    expect(mapPastLastColumn(grid, { billed: 'E' })).toBe('Column E given for billed lies past the last used column of sheet "Ledger" (D)');
  });
});
