import { cellOf } from '../../src/domain/ledger';
import { cellsOf } from '../support/builders';
import { ingestLedger, scoreLedgerGrid } from '../../src/ingest/ledger/ingestLedger';
import type { Ledger } from '../../src/domain/ledger';
import { toIso } from '../../src/domain/day';
import { gridOf } from '../support/gridOf';

function ok(r: ReturnType<typeof ingestLedger>): Ledger {
  if (!r.ok) throw new Error(r.message);
  return r.ledger;
}

describe('ingestLedger: a messy service-line export', () => {
  // Header on row 4 under a title block; columns shuffled; synonyms; Mod 1/Mod 2 and Dx 1/ICD-10 2 merged;
  // serial and text dates; currency text; a subtotal row; a blank row; junk in a money cell.
  const rows = [
    ['Springfield Family Practice — Patient Ledger', null, null],
    ['Run date: 11/01/2026'],
    [],
    ['Charges', 'CPT/HCPCS', 'Mod 1', 'Mod 2', 'Date of Service', 'Acct #', 'Patient', 'Dx 1', 'ICD-10 2', 'Ins Paid', 'Pt Paid', 'Adj', 'Balance Due', 'Insurance', 'Claim Status', 'Notes'],
    [125, '99213', '25', null, 46083, 'A100', 'Pat Example', 'j06.9', 'R05.9', -80, '(20.00)', 25, 0, 'Acme Health', 'Partially Paid', 'x'],
    ['$1,234.56', '80053', null, null, '03/02/2026', 'A100', 'Pat Example', 'E11.9', null, 0, null, null, '1,234.56', 'Acme Health', 'Rejected', null],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    ['abc', '36415', null, null, '3/2/2026', 'A101', 'Jo Sample', 'Z00.00', null, null, null, null, null, 'Self Pay', 'Submitted', null],
    [1359.56, null, null, null, null, 'Subtotal', null, null, null, 80, 20, 25, 1234.56, null, null, null],
    [50, '99212', null, null, '02-Mar-2026', 12345, 'Lee Test', null, null, null, null, null, 50, null, 'In Process', null],
    ['12.345', '99211', null, null, '13/45/2026', 'A103', 'Sam Demo', null, null, null, null, null, null, null, null, null],
  ];
  const ledger = ok(ingestLedger(gridOf(rows, { sheet: 'Export' })));

  test('finds the header on row 4 and maps synonyms, merged columns and leaves Notes unmapped', () => {
    expect(ledger.headerRow).toBe(4);
    expect(ledger.kind).toBe('service-line');
    const f = ledger.mapping.fields;
    expect(f.billed).toEqual(['A']);
    expect(f.code).toEqual(['B']);
    expect(f.modifiers).toEqual(['C', 'D']);
    expect(f.serviceDate).toEqual(['E']);
    expect(f.account).toEqual(['F']);
    expect(f.patientName).toEqual(['G']);
    expect(f.diagnoses).toEqual(['H', 'I']);
    expect(f.insurerPaid).toEqual(['J']);
    expect(f.patientPaid).toEqual(['K']);
    expect(f.adjustment).toEqual(['L']);
    expect(f.balance).toEqual(['M']);
    expect(f.payer).toEqual(['N']);
    expect(f.status).toEqual(['O']);
    expect(ledger.mapping.unmapped).toEqual({ P: 'Notes' });
    expect(ledger.mapping.confidence).toBeGreaterThan(0.9);
  });

  test('counts: rows 5–11 read = 3 lines + 2 excluded + 1 blank + 1 total', () => {
    expect(ledger.counts).toEqual({ rowsRead: 7, linesAnalyzed: 3, excludedRows: 2, blankRows: 1, totalRows: 1 });
  });

  test('first line: serial date, negatives read as received, merged codes upper-cased, cells', () => {
    const l = ledger.lines[0]!;
    expect(l.row).toBe(5);
    expect(l.index).toBe(0);
    expect(toIso(l.serviceDate)).toBe('2026-03-02');
    expect(l.billed).toBe(12500);
    expect(l.insurerPaid).toBe(8000);
    expect(l.patientPaid).toBe(2000);
    expect(l.adjustment).toBe(2500);
    expect(l.balance).toBe(0);
    expect(l.modifiers).toEqual(['25']);
    expect(l.diagnoses).toEqual(['J06.9', 'R05.9']);
    expect(l.status).toBe('paid');
    expect(l.statusText).toBe('Partially Paid');
    expect(l.units).toBe(1);
    expect(l.allowed).toBeNull();
    expect(cellsOf(l)).toEqual({
      account: 'F5', patientName: 'G5', serviceDate: 'E5', code: 'B5', modifiers: 'C5', diagnoses: 'H5',
      billed: 'A5', insurerPaid: 'J5', patientPaid: 'K5', adjustment: 'L5', balance: 'M5', payer: 'N5', status: 'O5',
    });
  });

  test('currency text and text dates; numeric account becomes text without ".0"', () => {
    const l = ledger.lines[1]!;
    expect(l.billed).toBe(123456);
    expect(l.balance).toBe(123456);
    expect(toIso(l.serviceDate)).toBe('2026-03-02');
    expect(l.status).toBe('denied');
    const l3 = ledger.lines[2]!;
    expect(l3.row).toBe(10);
    expect(l3.account).toBe('12345');
    expect(toIso(l3.serviceDate)).toBe('2026-03-02');
    expect(l3.status).toBe('pending');
    expect(l3.payer).toBeNull();
  });

  test('junk in a money cell: exact address and message; the row is excluded once', () => {
    const issues = ledger.issues.filter((i) => i.row === 8);
    expect(issues).toEqual([
      { sheet: 'Export', row: 8, cell: 'A8', message: 'Charges "abc" is not an amount (expected a number like 125.00)', severity: 'error' },
    ]);
  });

  test('several bad cells on one row: one issue each, one excluded row', () => {
    const issues = ledger.issues.filter((i) => i.row === 11);
    expect(issues.map((i) => i.cell)).toEqual(['A11', 'E11']);
    expect(issues[0]!.message).toBe('Charges "12.345" has more than two decimals (expected whole cents like 125.50; amounts are never rounded)');
    expect(issues[1]!.message).toMatch(/^Date of Service "13\/45\/2026" is not a real date/);
  });

  test('the subtotal row is an info issue at its label', () => {
    const t = ledger.issues.filter((i) => i.row === 9);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ cell: 'F9', severity: 'info' });
    expect(t[0]!.message).toBe('Row 9 is a total row ("Subtotal") and is left out of the analysis');
  });

  test('scoreLedgerGrid: positive for the ledger', () => {
    expect(scoreLedgerGrid(gridOf(rows))).toBeGreaterThan(0.9);
  });
});

describe('ingestLedger: no ledger', () => {
  test('a notes sheet names the sheet and what was expected', () => {
    const r = ingestLedger(gridOf([['Call notes'], ['Called patient about balance']], { sheet: 'Notes' }));
    expect(r).toEqual({ ok: false, message: 'Sheet "Notes" has no ledger: no header row with an Account column in rows 1–30' });
    expect(scoreLedgerGrid(gridOf([['Call notes']], { sheet: 'Notes' }))).toBe(0);
  });

  test('an Account column alone is not enough: the missing columns are named', () => {
    const r = ingestLedger(gridOf([['Account', 'Name', 'DOB'], ['A1', 'X', 30000]], { sheet: 'Patients' }));
    expect(r).toEqual({ ok: false, message: 'Sheet "Patients" has no ledger: the header row (row 1) has no Date of Service, Code or Charge column' });
    expect(scoreLedgerGrid(gridOf([['Account', 'Name', 'DOB']]))).toBe(0);
  });

  test('the header must be within the first 30 rows', () => {
    const rows: (string | null)[][] = Array.from({ length: 30 }, () => ['filler']);
    rows.push(['Account', 'DOS', 'CPT', 'Charge']);
    expect(ingestLedger(gridOf(rows)).ok).toBe(false);
    rows.splice(0, 1);
    expect(ok(ingestLedger(gridOf(rows))).headerRow).toBe(30);
  });
});

describe('required cells and counts', () => {
  test('a charge line missing account, date, code or charge is excluded with one issue per blank', () => {
    const l = ingestLedger(gridOf([
      ['Account', 'DOS', 'CPT', 'Charge', 'Description'],
      [null, 46083, '99213', 100, 'Office visit'],
      ['A1', null, null, 100, 'Office visit'],
      ['A1', 46083, '99213', null, 'Office visit'],
      ['A1', 46083, '99213', 100, 'Office visit'],
    ]));
    const led = ok(l);
    expect(led.counts).toEqual({ rowsRead: 4, linesAnalyzed: 1, excludedRows: 3, blankRows: 0, totalRows: 0 });
    expect(led.issues.map((i) => [i.cell, i.message])).toEqual([
      ['A2', 'Account is blank (required for a charge line)'],
      ['B3', 'DOS is blank (required for a charge line)'],
      ['C3', 'CPT is blank (required for a charge line)'],
      ['D4', 'Charge is blank (required for a charge line)'],
    ]);
  });

  test('blank rows at the end are not read; blank rows in between are counted', () => {
    const led = ok(ingestLedger(gridOf([
      ['Account', 'DOS', 'CPT', 'Charge'],
      ['A1', 46083, '99213', 100],
      [null, '  ', null],
      ['A1', 46083, '99214', 150],
      [],
      [null, null],
    ])));
    expect(led.counts).toEqual({ rowsRead: 3, linesAnalyzed: 2, excludedRows: 0, blankRows: 1, totalRows: 0 });
  });

  test('a row with amounts but no account, code or date is an unlabelled total', () => {
    const led = ok(ingestLedger(gridOf([
      ['Account', 'DOS', 'CPT', 'Charge'],
      ['A1', 46083, '99213', 100],
      [null, null, null, 100],
    ])));
    expect(led.counts.totalRows).toBe(1);
    expect(led.issues[0]).toMatchObject({ cell: 'D3', severity: 'info' });
  });

  test('"Total knee arthroplasty" with a code is a line, not a total', () => {
    const led = ok(ingestLedger(gridOf([
      ['Account', 'DOS', 'CPT', 'Charge', 'Description'],
      ['A1', 46083, '27447', 30000, 'Total knee arthroplasty'],
      ['Grand Total', null, null, 30000, null],
    ])));
    expect(led.counts).toMatchObject({ linesAnalyzed: 1, totalRows: 1 });
  });
});

test('an Excel table (header = its first row, placed anywhere) ingests the same way', () => {
  const led = ok(ingestLedger(gridOf([
    ['Acct', 'DOS', 'CPT', 'Charge'],
    ['A1', 46083, '99213', 100],
    ['A2', '3/2/2026', '99214', '$150.00'],
  ], { tableName: 'tblLedger', top: 6, left: 3, sheet: 'Data' })));
  expect(led.headerRow).toBe(6);
  expect(led.mapping.fields.account).toEqual(['C']);
  expect(led.lines.map((l) => [l.row, l.billed, cellOf(l, 'billed')])).toEqual([[7, 10000, 'F7'], [8, 15000, 'F8']]);
});

test('a CSV grid (every cell text) reads numbers, dates and money from text', () => {
  const led = ok(ingestLedger(gridOf([
    ['Account #', 'Date of Service', 'CPT', 'Units', 'Billed Amount', 'Ins Paid', 'DOB'],
    ['00123', '03/02/2026', '99213', '2', '250.00', '-80.00', '1/15/1970'],
  ], { allText: true })));
  const l = led.lines[0]!;
  expect([l.account, toIso(l.serviceDate), l.units, l.billed, l.insurerPaid, toIso(l.dob!)]).toEqual(['00123', '2026-03-02', 2, 25000, 8000, '1970-01-15']);
});

test('a note row (text only, no account, date, code or charge) is one issue, not four', () => {
  const led = ok(ingestLedger(gridOf([
    ['Account', 'DOS', 'CPT', 'Charge', 'Description'],
    ['A1', 46083, '99213', 100, 'Office visit'],
    [null, null, null, null, 'Patient moved to Ohio'],
  ])));
  expect(led.counts).toMatchObject({ linesAnalyzed: 1, excludedRows: 1 });
  expect(led.issues).toEqual([{ sheet: 'Ledger', row: 3, cell: 'E3', severity: 'error', message: 'Row 3 is not a charge line: it has no account, date of service, code or charge' }]);
});

test('a 1904-system workbook reads serials from 1904-01-01; the 1900 phantom day is no issue there', () => {
  // 2026-03-02 is serial 46083 in the 1900 system and 46083 − 1462 = 44621 in the 1904 system; 60 = 1904-03-01.
  const led = ok(ingestLedger(gridOf([
    ['Account', 'DOS', 'CPT', 'Charge', 'DOB'],
    ['A1', 44621, '99213', 100, 60],
  ], { date1904: true })));
  expect(toIso(led.lines[0]!.serviceDate)).toBe('2026-03-02');
  expect(toIso(led.lines[0]!.dob!)).toBe('1904-03-01');
});

test('serial 60 in a 1900 workbook is an issue naming the phantom day', () => {
  const led = ok(ingestLedger(gridOf([['Account', 'DOS', 'CPT', 'Charge'], ['A1', 60, '99213', 100]])));
  expect(led.issues.map((i) => [i.cell, i.message])).toEqual([
    ['B2', 'DOS "60" is serial 60, the 29 February 1900 that only Excel has (not a real date)'],
  ]);
});

test('a row\'s issues come in column order whatever the kinds of the cells', () => {
  const led = ok(ingestLedger(gridOf([
    ['DOS', 'Units', 'Charge', 'Account', 'CPT'],
    ['soon', 'two', 'abc', 'A1', '99213'],
  ])));
  expect(led.issues.map((i) => i.cell)).toEqual(['A2', 'B2', 'C2']);
  expect(led.counts.excludedRows).toBe(1);
});

test('lines with the same codes share one frozen list, whether the codes are in one cell or several', () => {
  const led = ok(ingestLedger(gridOf([
    ['Account', 'DOS', 'CPT', 'Charge', 'Dx 1', 'Dx 2', 'Mod'],
    ['A1', 46083, '99213', 100, 'j06.9', 'R05.9', '25'],
    ['A2', 46083, '99213', 100, 'J06.9', 'r05.9', null],
    ['A3', 46083, '99213', 100, 'J06.9, R05.9', null, '25'],
    ['A4', 46083, '99213', 100, 'J06.9', null, null],
  ])));
  const [a, b, c, d] = led.lines;
  expect(a!.diagnoses).toEqual(['J06.9', 'R05.9']);
  expect(b!.diagnoses).toBe(a!.diagnoses);
  expect(c!.diagnoses).toBe(a!.diagnoses);
  expect(d!.diagnoses).toEqual(['J06.9']);
  expect(c!.modifiers).toBe(a!.modifiers);
  expect(b!.modifiers).toEqual([]);
  expect(b!.modifiers).toBe(d!.modifiers);
  for (const l of led.lines) expect(Object.isFrozen(l.diagnoses) && Object.isFrozen(l.modifiers)).toBe(true);
});
