import { parseMoney, parseMoneyReceived, parseMoneyNonNegative, NOT_AN_AMOUNT, TOO_MANY_DECIMALS } from '../../src/ingest/values/parseMoney';
import { Invalid } from '../../src/ingest/values/invalid';

const reason = (v: unknown): string | null => (v instanceof Invalid ? v.reason : null);

describe('parseMoney', () => {
  test.each<[string | number, number]>([
    [125, 12500],
    [125.5, 12550],
    [0.07, 7],
    [-12, -1200],
    [1234.56, 123456],
  ])('number %p → %p cents', (v, c) => {
    expect(parseMoney(v)).toBe(c);
  });

  test('a number with more real decimals is an issue, not rounded', () => {
    expect(reason(parseMoney(12.345))).toBe(TOO_MANY_DECIMALS);
    expect(reason(parseMoney(100.125))).toBe(TOO_MANY_DECIMALS);
    expect(reason(parseMoney(0.001))).toBe(TOO_MANY_DECIMALS);
    // 0.0000011 is just past the 0.000001 a binary remainder may be.
    expect(reason(parseMoney(5.0000011))).toBe(TOO_MANY_DECIMALS);
  });

  // DESIGN §3 (issue 10, reproduction 3): a formula's binary remainder is the cent it stands for.
  test('a number within 0.000001 of a whole cent is that cent', () => {
    expect(parseMoney(20.029999999999998)).toBe(2003); // =D2-E2-F2 for 100.00 − 60.00 − 19.97
    expect(parseMoney(100 - 60 - 19.97)).toBe(2003);
    expect(parseMoney(0.1 + 0.2)).toBe(30); // 0.30000000000000004
    expect(parseMoney(-(0.1 + 0.2))).toBe(-30);
    expect(parseMoney(5.000001)).toBe(500);
    expect(parseMoney(5.009999)).toBe(501);
    expect(parseMoney('20.029999999999998')).toBe(2003); // the same value through a CSV
    expect(reason(parseMoney('100.125'))).toBe(TOO_MANY_DECIMALS);
  });

  // DESIGN §3 (issue 10, reproduction 7): Excel's accounting zero and currency words.
  test.each<[string, number]>([
    ['-', 0],
    ['–', 0],
    ['—', 0],
    ['$ -', 0],
    ['$-', 0],
    [' $ -   ', 0],
    ['USD 100.00', 10000],
    ['100.00 USD', 10000],
    ['usd 12.5', 1250],
    ['USD 1,234.56', 123456],
  ])('accounting zero / currency word %p → %p cents', (v, c) => {
    expect(parseMoney(v)).toBe(c);
  });

  test.each<[string, number]>([
    ['$1,234.56', 123456],
    ['-12.00', -1200],
    ['(12.00)', -1200],
    ['($1,234.50)', -123450],
    ['1,234', 123400],
    [' 12.5 ', 1250],
    ['$-12.00', -1200],
    ['-$12.00', -1200],
    ['12.00-', -1200],
    ['.5', 50],
    ['12.500', 1250],
    ['1,234,567.89', 123456789],
    ['+3', 300],
    ['0', 0],
  ])('text %p → %p cents', (v, c) => {
    expect(parseMoney(v)).toBe(c);
  });

  test.each(['abc', '12.34.5', '1,23', '12,3456', '$', '- -', '()', '(12', 'USD', '12 EUR', '1e3', '--5', '(-5)', 'NaN'])(
    'junk %p is an issue',
    (v) => {
      expect(reason(parseMoney(v))).toBe(NOT_AN_AMOUNT);
    },
  );

  test('more than two decimals in text is an issue', () => {
    expect(reason(parseMoney('12.345'))).toBe(TOO_MANY_DECIMALS);
    expect(reason(parseMoney('$1,000.001'))).toBe(TOO_MANY_DECIMALS);
  });

  test('blank is null, booleans are not money', () => {
    expect(parseMoney(null)).toBeNull();
    expect(parseMoney('   ')).toBeNull();
    expect(parseMoney(undefined)).toBeNull();
    expect(reason(parseMoney(true))).toBe(NOT_AN_AMOUNT);
  });

  test('amounts received drop the export sign; charges must not be negative', () => {
    expect(parseMoneyReceived(-80)).toBe(8000);
    expect(parseMoneyReceived('(80.00)')).toBe(8000);
    expect(parseMoneyReceived(80)).toBe(8000);
    expect(parseMoneyNonNegative(-5)).toBeInstanceOf(Invalid);
    expect(parseMoneyNonNegative(5)).toBe(500);
  });
});
