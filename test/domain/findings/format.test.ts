import fc from 'fast-check';
import { money, usd } from '../../../src/domain/findings/format';
import { cents, formatMoneyDisplay } from '../../../src/domain/money';

describe('findings money text', () => {
  it.each([
    [0, '0.00', '$0.00'],
    [5, '0.05', '$0.05'],
    [123456, '1,234.56', '$1,234.56'],
    [100000000, '1,000,000.00', '$1,000,000.00'],
    [-1250, '-12.50', '-$12.50'],
  ])('%d cents → %s / %s', (c, m, u) => {
    expect(money(c)).toBe(m);
    expect(usd(c)).toBe(u);
  });

  it('matches money.formatMoneyDisplay for any amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => money(c) === formatMoneyDisplay(cents(c))));
  });
});
