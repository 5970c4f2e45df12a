/**
 * Statements come out in account order as an Intl.Collator (numeric, base)
 * sorts the account texts — the oracle here. buildStatements compares plain
 * account numbers without the collator; mixed lists must still match it.
 */
import fc from 'fast-check';
import { buildStatements } from '../../../src/domain/statements/statement';
import { config, d, inSheetOrder, line } from '../../support/builders';
import { shareFor, workbook } from '../../support/statementShares';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function orderOf(accounts: readonly string[]): string[] {
  // One self-pay 50.00 line per account: every account gets a bill.
  const ls = inSheetOrder(accounts.map((account) => line({ account, serviceDate: '2026-06-01', code: '99213', billed: '50.00', payer: null })));
  const out = buildStatements({ ledger: workbook(ls), shares: ls.map((l) => shareFor(l, '50.00')), config: config(), asOf: d('2026-06-30') });
  return out.map((s) => s.account);
}

describe('statement order', () => {
  test('hand list: numbers by value, leading zeros, letters, long numbers', () => {
    const accounts = ['100', '99', '0099x', '1000', 'A-5', 'a-10', '9', '123456789012345678', '100200', '0', '10'];
    // By value: 0 < 9 < 10 < 99 < 100 < 1000 < 100200 < 123456789012345678; then "0099x" by its number 99 sits among them
    // per the collator; letters after digits.
    expect(orderOf(accounts)).toEqual([...accounts].sort((a, b) => collator.compare(a, b)));
    expect(orderOf(['100', '99', '9', '1000'])).toEqual(['9', '99', '100', '1000']);
  });

  test('random account texts (property)', () => {
    const account = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map(String),
      fc.stringMatching(/^[0-9A-Za-z-]{1,8}$/),
      fc.integer({ min: 0, max: 999 }).map((n) => `00${n}`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(account, { maxLength: 25, selector: (a) => a.trim().toUpperCase() }), (accounts) => {
        const got = orderOf(accounts);
        for (let i = 1; i < got.length; i++) expect(collator.compare(got[i - 1]!, got[i]!)).toBeLessThanOrEqual(0);
        expect([...got].sort()).toEqual([...accounts].sort());
      }),
      { numRuns: 100 },
    );
  });
});
