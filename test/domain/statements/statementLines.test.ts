/**
 * A statement keeps its lines as positions into the ledger; statementLines
 * makes the printed rows from them. Two accounts, hand-worked, their lines
 * interleaved in the ledger and out of service-date order.
 */
import { buildStatements } from '../../../src/domain/statements/statement';
import { DENIAL_NOTE, PENDING_NOTE, statementLines } from '../../../src/domain/statements/lineAmounts';
import { $, config, d, inSheetOrder, line } from '../../support/builders';
import { shareFor, workbook } from '../../support/statementShares';

const ledgerLines = inSheetOrder([
  // 0 X1: insurer 120.00, adjustment 40.00, patient paid 10.00; share 40.00 → owes 30.00
  line({ account: 'X1', serviceDate: '2026-05-10', code: '99213', billed: '200.00', insurerPaid: '120.00', adjustment: '40.00', patientPaid: '10.00', status: 'paid' }),
  // 1 X2: self-pay 80.00
  line({ account: 'X2', serviceDate: '2026-06-01', code: '99212', billed: '80.00', payer: null }),
  // 2 X1: denied as the patient's to pay, all 150.00 owed
  line({ account: 'X1', serviceDate: '2026-04-02', code: '80053', billed: '150.00', insurerPaid: '0.00', denialCode: 'PR-96' }),
  // 3 X1: still with insurance: listed with the ledger's 25.00 adjustment, nothing owed
  line({ account: 'X1', serviceDate: '2026-06-20', code: '71046', billed: '300.00', adjustment: '25.00', status: 'pending' }),
  // 4 X2: insurers 5.00 + 3.00; patient paid 20.00 less 8.00 refunded = 12.00; share 10.00 → owes −2.00 (a credit)
  { ...line({ account: 'X2', serviceDate: '2026-05-15', code: '36415', billed: '20.00', insurerPaid: '5.00', secondaryPaid: '3.00', patientPaid: '20.00', status: 'paid' }), patientRefunded: $('8.00') },
  // 5 X1: self-pay 50.00, the same service date as line 0 (ledger order breaks the tie)
  line({ account: 'X1', serviceDate: '2026-05-10', code: '99212', billed: '50.00', payer: null }),
  // 6 X2: denied for the office to work, same date as line 4: listed, not billed
  line({ account: 'X2', serviceDate: '2026-05-15', code: '97110', billed: '60.00', insurerPaid: '0.00', denialCode: 'CO-50' }),
]);
const shares = [
  shareFor(ledgerLines[0]!, '40.00', { standing: 'decided' }),
  shareFor(ledgerLines[1]!, '80.00', { standing: 'decided' }),
  shareFor(ledgerLines[2]!, '150.00', { standing: 'denied-patient' }),
  shareFor(ledgerLines[3]!, '300.00', { standing: 'pending' }),
  shareFor(ledgerLines[4]!, '10.00', { standing: 'decided' }),
  shareFor(ledgerLines[5]!, '50.00', { standing: 'decided' }),
  shareFor(ledgerLines[6]!, '60.00', { standing: 'denied-office' }),
];
const ledger = workbook(ledgerLines);
const [x1, x2] = buildStatements({ ledger, shares, config: config(), asOf: d('2026-06-30') });

/** A printed row as [position, service date, code, charge, insurance paid, adjustments, patient paid, patient balance, pending, note]. */
const rows = (s: NonNullable<typeof x1>) => statementLines(s, ledger.lines, shares).map((l) => [
  l.lineIndex, l.serviceDate, l.code, l.charge, l.insurancePaid, l.adjustments, l.patientPaid, l.patientBalance, l.pending, l.note,
]);

test('a statement\'s linePositions are its account\'s ledger positions, in service-date order then ledger order', () => {
  expect([x1?.account, x2?.account]).toEqual(['X1', 'X2']);
  expect(x1!.linePositions).toEqual([2, 0, 5, 3]);
  expect(x2!.linePositions).toEqual([4, 6, 1]);
  for (const s of [x1!, x2!]) {
    for (const p of s.linePositions) {
      expect(ledger.lines[p]!.index).toBe(p);
      expect(ledger.lines[p]!.account).toBe(s.account);
    }
  }
});

test('statementLines gives the rows in service-date order with the hand-worked amounts', () => {
  // Billed rows foot: charge − insurance − adjustments − patient paid = patient balance.
  expect(rows(x1!)).toEqual([
    [2, d('2026-04-02'), '80053', $('150.00'), $('0.00'), $('0.00'), $('0.00'), $('150.00'), false, null],
    [0, d('2026-05-10'), '99213', $('200.00'), $('120.00'), $('40.00'), $('10.00'), $('30.00'), false, null],
    [5, d('2026-05-10'), '99212', $('50.00'), $('0.00'), $('0.00'), $('0.00'), $('50.00'), false, null],
    [3, d('2026-06-20'), '71046', $('300.00'), $('0.00'), $('25.00'), $('0.00'), $('0.00'), true, PENDING_NOTE],
  ]);
  // 20.00 − 8.00 − 12.00 − (−2.00) = 2.00 adjusted off
  expect(rows(x2!)).toEqual([
    [4, d('2026-05-15'), '36415', $('20.00'), $('8.00'), $('2.00'), $('12.00'), $('-2.00'), false, null],
    [6, d('2026-05-15'), '97110', $('60.00'), $('0.00'), $('0.00'), $('0.00'), $('0.00'), true, DENIAL_NOTE],
    [1, d('2026-06-01'), '99212', $('80.00'), $('0.00'), $('0.00'), $('0.00'), $('80.00'), false, null],
  ]);
  // The statement's own figures are the rows' sums: 150 + 30 + 50 = 230.00; −2 + 80 = 78.00.
  expect(x1!.amountDue).toBe($('230.00'));
  expect(x1!.totals).toEqual({ charges: $('400.00'), insurancePaid: $('120.00'), adjustments: $('40.00'), patientPaid: $('10.00'), patientBalance: $('230.00') });
  expect([x1!.pendingLines, x1!.pendingCharges]).toEqual([1, $('300.00')]);
  expect(x2!.amountDue).toBe($('78.00'));
  expect(x2!.totals).toEqual({ charges: $('100.00'), insurancePaid: $('8.00'), adjustments: $('2.00'), patientPaid: $('12.00'), patientBalance: $('78.00') });
  expect([x2!.pendingLines, x2!.pendingCharges]).toEqual([1, $('60.00')]);
});
