import { cellOf } from '../../src/domain/ledger';
import { cellsOf } from '../support/builders';
import { ingestLedger } from '../../src/ingest/ledger/ingestLedger';
import type { Ledger } from '../../src/domain/ledger';
import { toIso } from '../../src/domain/day';
import { gridOf } from '../support/gridOf';

function ok(r: ReturnType<typeof ingestLedger>): Ledger {
  if (!r.ok) throw new Error(r.message);
  return r.ledger;
}

describe('transaction ledger folded into service lines', () => {
  // Columns: A Date (posting) | B Account | C DOS | D CPT | E Type | F Amount | G Payer | H Claim # | I Line # | J Balance
  const rows = [
    ['Date', 'Account', 'DOS', 'CPT', 'Type', 'Amount', 'Payer', 'Claim #', 'Line #', 'Balance'],
    [46085, 'A100', 46083, '99213', 'Ins Pmt', -80, 'Acme Health', 'C1', 1, 45], // row 2: before its charge
    [46083, 'A100', 46083, '99213', 'Charge', 125, 'Acme Health', 'C1', 1, 125], // row 3
    [46083, 'A100', 46083, '80053', 'CHG', 60, 'Acme Health', 'C1', 2, 185], // row 4
    [46090, 'A100', 46083, '99213', 'Adj', -25, 'Acme Health', 'C1', 1, 160], // row 5
    [46091, 'A100', 46083, '99213', 'Payment', -20, null, 'C1', 1, 140], // row 6: no payer → patient's
    [46092, 'A100', 46083, '99213', 'Pt Pmt', '(10.00)', null, null, null, 130], // row 7: account + DOS + code
    [46093, 'A100', 46083, '99213', 'Refund', 10, null, 'C1', 1, 140], // row 8
    [46094, 'A100', 46083, null, 'Payment', 5, 'Self Pay', 'C1', 2, 135], // row 9: self-pay payer → patient; claim + line
    [46095, 'A100', 46083, '80053', 'Sec Pmt', 12, 'Blue Plan', null, null, 123], // row 10
    [46095, 'A100', 46083, '80053', 'Write-off', 3, null, null, null, 120], // row 11
    [46096, 'A200', 46083, '99213', 'Payment', 50, 'Acme Health', null, null, 0], // row 12: no such charge
    [46096, 'A100', 46083, null, 'Ins Pmt', 7, 'Acme Health', null, null, 0], // row 13: two charges that day → ambiguous
    [46096, 'A100', 46083, '99213', 'Transfer', 7, null, null, null, 0], // row 14: unknown type
    [],
    ['Totals:', null, null, null, null, 302, null, null, null, null], // row 16
  ];
  const ledger = ok(ingestLedger(gridOf(rows, { sheet: 'Transactions' })));

  test('is recognised as a transaction ledger; Date is the posting date because DOS exists', () => {
    expect(ledger.kind).toBe('transaction');
    expect(ledger.mapping.fields.postingDate).toEqual(['A']);
    expect(ledger.mapping.fields.serviceDate).toEqual(['C']);
    expect(ledger.mapping.fields.type).toEqual(['E']);
    expect(ledger.mapping.fields.amount).toEqual(['F']);
  });

  test('each charge row becomes one line; other rows fold into it', () => {
    expect(ledger.lines).toHaveLength(2);
    const [l1, l2] = ledger.lines;
    expect(l1!.row).toBe(3);
    expect(l1!.code).toBe('99213');
    expect(toIso(l1!.serviceDate)).toBe('2026-03-02');
    expect(l1!.billed).toBe(12500);
    expect(l1!.insurerPaid).toBe(8000); // row 2
    expect(l1!.adjustment).toBe(2500); // row 5
    expect(l1!.patientPaid).toBe(3000); // rows 6 (20.00) + 7 (10.00); the refund does not reduce it
    expect(l1!.patientRefunded).toBe(1000); // row 8
    expect(l1!.balance).toBeNull(); // a running balance is not a line's balance
    expect(cellOf(l1!, 'insurerPaid')).toBe('F2');
    expect(cellOf(l1!, 'patientPaid')).toBe('F7');
    expect(cellOf(l1!, 'adjustment')).toBe('F5');
    expect(cellOf(l1!, 'billed')).toBe('F3');
    expect(cellOf(l1!, 'account')).toBe('B3');
    expect(cellOf(l1!, 'balance')).toBeNull();

    expect(l2!.row).toBe(4);
    expect(l2!.billed).toBe(6000);
    expect(l2!.patientPaid).toBe(500); // row 9
    expect(l2!.secondaryPaid).toBe(1200); // row 10
    expect(l2!.adjustment).toBe(300); // row 11
    expect(l2!.insurerPaid).toBeNull();
  });

  test('unmatched, ambiguous and unknown rows are issues on their rows; the total row is one info', () => {
    const byRow = ledger.issues.map((i) => [i.row, i.cell, i.severity]);
    expect(byRow).toEqual([
      [12, 'F12', 'error'],
      [13, 'F13', 'error'],
      [14, 'E14', 'error'],
      [16, 'A16', 'info'],
    ]);
    expect(ledger.issues[0]!.message).toBe('Payment of 50.00 matches no charge line (date of service 03/02/2026, code 99213); add the claim/line id or the account, date of service and code of its charge');
    expect(ledger.issues[1]!.message).toMatch(/^Insurance payment of 7.00 matches several charge lines/);
    expect(ledger.issues[2]!.message).toBe('Type "Transfer" is not a transaction type (expected Charge, Payment, Ins Pmt, Pt Pmt, Sec Pmt, Adjustment, Refund or Denial)');
  });

  test('counts: transaction rows analysed + excluded + blank + total = rows read', () => {
    // Rows 2–16 = 15 read: 10 analysed (charges 3, 4 + folded 2, 5–11), 3 excluded (12–14), 1 blank (15), 1 total (16).
    expect(ledger.counts).toEqual({ rowsRead: 15, linesAnalyzed: 10, excludedRows: 3, blankRows: 1, totalRows: 1 });
  });
});

test('a claim-level payment on a claim with several lines and no code is ambiguous, not guessed', () => {
  const ledger = ok(ingestLedger(gridOf([
    ['Account', 'DOS', 'CPT', 'Transaction Type', 'Amount', 'Claim'],
    ['A1', 46083, '99213', 'Charge', 100, 'C9'],
    ['A1', 46083, '36415', 'Charge', 20, 'C9'],
    ['A1', null, null, 'Insurance Payment', 90, 'C9'],
    ['A1', null, null, 'Insurance Refund', 10, 'C9'],
  ])));
  expect(ledger.counts).toMatchObject({ linesAnalyzed: 2, excludedRows: 2 });
  expect(ledger.issues.map((i) => i.row)).toEqual([4, 5]);
});

test('a negative charge amount is an issue', () => {
  const ledger = ok(ingestLedger(gridOf([
    ['Account', 'DOS', 'CPT', 'Type', 'Amount'],
    ['A1', 46083, '99213', 'Charge', -100],
  ])));
  expect(ledger.lines).toHaveLength(0);
  expect(ledger.issues[0]!.message).toBe('Amount "-100" is negative on a charge (expected the amount charged, 0.00 or more)');
});

test('a payment with only an account folds into the account\'s only charge; with several it is an issue', () => {
  const ledger = ok(ingestLedger(gridOf([
    ['Account', 'DOS', 'CPT', 'Type', 'Amount'],
    ['A1', 46083, '99213', 'Charge', 100],
    ['A1', null, null, 'Pt Pmt', 30],
    ['A2', 46083, '99213', 'Charge', 100],
    ['A2', 46084, '99213', 'Charge', 100],
    ['A2', null, null, 'Pt Pmt', 30],
  ])));
  expect(ledger.lines[0]!.patientPaid).toBe(3000);
  expect(ledger.issues.map((i) => [i.row, i.message.slice(0, 50)])).toEqual([[6, 'Patient payment of 30.00 matches several charge li']]);
  expect(ledger.counts).toEqual({ rowsRead: 5, linesAnalyzed: 4, excludedRows: 1, blankRows: 0, totalRows: 0 });
});

describe('a second insurer on a transaction ledger', () => {
  // The charge is billed to Acme Health; Acme pays 80.00, then a Medigap plan pays 16.00:
  // the second insurer's payment is the secondary's, not more from Acme.
  const rows = [
    ['Account', 'DOS', 'CPT', 'Type', 'Amount', 'Payer'],
    ['A100', 46083, '99213', 'Charge', 125, 'Acme Health'], // row 2
    ['A100', 46083, '99213', 'Ins Pmt', -80, 'ACME  health '], // row 3: same payer, other case and spacing
    ['A100', 46083, '99213', 'Payment', -16, 'Medigap Plus'], // row 4
  ];
  test('its payment lands in secondaryPaid', () => {
    const r = ingestLedger(gridOf(rows, { sheet: 'Tx' }));
    if (!r.ok) throw new Error(r.message);
    const [l] = r.ledger.lines;
    expect(l!.insurerPaid).toBe(8000);
    expect(l!.secondaryPaid).toBe(1600);
    expect(cellOf(l!, 'secondaryPaid')).toBe('E4');
  });
});

describe('a Line # without a Claim # folds a posting onto its own charge (DESIGN §3: by claim/line id first)', () => {
  // Two same-day charges of one code (bilateral injections: RT and LT), told apart only by Line #.
  const rows = [
    ['Date', 'Account', 'DOS', 'CPT', 'Type', 'Amount', 'Payer', 'Claim #', 'Line #'],
    [46230, 'A1', 46230, '20610', 'Charge', 185, 'Self Pay', null, 33], // row 2
    [46230, 'A1', 46230, '20610', 'Charge', 185, 'Self Pay', null, 34], // row 3
    [46231, 'A1', 46230, '20610', 'Pt Pmt', 185, null, null, 33], // row 4 → row 2
    [46231, 'A1', 46230, '20610', 'Pt Pmt', 100, null, null, 34], // row 5 → row 3
  ];
  const ledger = ok(ingestLedger(gridOf(rows, { sheet: 'Transactions' })));
  test('each payment lands on the charge with its Line #', () => {
    expect(ledger.lines.map((l) => [l.row, l.patientPaid])).toEqual([[2, 18500], [3, 10000]]);
  });
});
