import { sheet, shares, run, $, d } from '../../support/findings';
import type { Finding } from '../../../src/domain/findingTypes';
import { RULE_IDS } from '../../../src/domain/findingTypes';
import { compareFindings, summarizeFindingsByRule } from '../../../src/domain/findings';

const f = (p: Partial<Finding>): Finding => ({
  rule: 'BALANCE_MISMATCH', severity: 'error', sheet: 'Ledger', row: 2, cell: 'N2', account: 'A1',
  amount: null, message: 'Test', serviceDate: null, inputs: {}, ...p,
});

describe('DESIGN §7 order', () => {
  it('orders by severity, then amount descending with null last, then service date', () => {
    const list = [
      f({ severity: 'info', row: null, cell: null }),
      f({ severity: 'warning', amount: $('900.00') }),
      f({ severity: 'error', amount: null, serviceDate: d('2026-01-01') }),
      f({ severity: 'error', amount: $('10.00'), serviceDate: d('2026-03-02') }),
      f({ severity: 'error', amount: $('10.00'), serviceDate: d('2026-02-01') }),
      f({ severity: 'error', amount: $('500.00') }),
      f({ severity: 'warning', amount: null }),
    ];
    const sorted = [...list].sort(compareFindings);
    expect(sorted.map((x) => [x.severity, x.amount, x.serviceDate])).toEqual([
      ['error', $('500.00'), null],
      ['error', $('10.00'), d('2026-02-01')],
      ['error', $('10.00'), d('2026-03-02')],
      ['error', null, d('2026-01-01')],
      ['warning', $('900.00'), null],
      ['warning', null, null],
      ['info', null, null],
    ]);
  });

  it('breaks full ties by row, so the order never depends on input order', () => {
    const a = f({ row: 7, cell: 'N7' });
    const b = f({ row: 3, cell: 'N3' });
    expect([a, b].sort(compareFindings)).toEqual([b, a]);
    expect([b, a].sort(compareFindings)).toEqual([b, a]);
  });

  it('findDiscrepancies returns findings in that order', () => {
    const lines = sheet(
      { account: 'A1', code: '9921', billed: '50.00' }, // INVALID_PROCEDURE_CODE error 50.00, DOS 03/02
      { account: 'A2', serviceDate: '2026-02-01', postingDate: '2026-01-31', billed: '50.00' }, // DATE_ERROR error 50.00, DOS 02/01
      { account: 'A3', status: 'paid', insurerPaid: '60.00' }, // INSURER_UNDERPAID error 20.00
      { account: 'A4', payer: null, code: '9921' }, // INVALID_PROCEDURE_CODE warning, no amount
    );
    const sh = lines.map((_, i) => shares(i, { insurerShare: i === 3 ? '0.00' : '80.00', patientShare: i === 3 ? '100.00' : '20.00' }));
    const fs = run(lines, { shares: sh });
    expect(fs.filter((x) => x.severity !== 'info').map((x) => [x.rule, x.row])).toEqual([
      ['DATE_ERROR', 3],
      ['INVALID_PROCEDURE_CODE', 2],
      ['INSURER_UNDERPAID', 4],
      ['INVALID_PROCEDURE_CODE', 5],
    ]);
    // Notices come last.
    const firstInfo = fs.findIndex((x) => x.severity === 'info');
    expect(fs.slice(firstInfo).every((x) => x.severity === 'info')).toBe(true);
  });
});

describe('summarizeFindingsByRule', () => {
  it('lists every rule id, counts and sums fired findings, and leaves notices out', () => {
    const s = summarizeFindingsByRule([
      f({ rule: 'DUPLICATE_CHARGE', amount: $('120.00') }),
      f({ rule: 'DUPLICATE_CHARGE', amount: $('30.50') }),
      f({ rule: 'INVALID_PROCEDURE_CODE', severity: 'warning', amount: null }),
      f({ rule: 'ALLOWED_MISMATCH', severity: 'info', row: null, cell: null }),
    ]);
    expect(Object.keys(s)).toEqual([...RULE_IDS]);
    expect(s.DUPLICATE_CHARGE).toEqual({ count: 2, amount: $('150.50') });
    expect(s.INVALID_PROCEDURE_CODE).toEqual({ count: 1, amount: $('0.00') });
    expect(s.ALLOWED_MISMATCH).toEqual({ count: 0, amount: $('0.00') });
    expect(s.CREDIT_BALANCE).toEqual({ count: 0, amount: $('0.00') });
  });
});

describe('ruleTotals (the worklist\'s totals by rule)', () => {
  it('counts and sums per rule, most money first, then most findings, then rule id', async () => {
    const { ruleTotals } = await import('../../../src/domain/findings/summary');
    const totals = ruleTotals([
      { rule: 'B', amount: 1000 }, { rule: 'A', amount: 500 }, { rule: 'A', amount: 500 },
      { rule: 'C', amount: null }, { rule: 'C', amount: null }, { rule: 'D', amount: null },
    ]);
    // A and B both 10.00: A has two findings, so first; C (two, none in money) before D (one).
    expect(totals).toEqual([
      { rule: 'A', count: 2, amount: 1000 }, { rule: 'B', count: 1, amount: 1000 },
      { rule: 'C', count: 2, amount: 0 }, { rule: 'D', count: 1, amount: 0 },
    ]);
  });
});
