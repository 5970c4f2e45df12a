import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  cents, centsFromNumber, formatMoney, formatMoneyDisplay, mulDivHalfUp, parseCentsExact, percent, percentOf,
  decimalToCentsUp, decimalToCentsHalfUp, type Cents,
} from '../../src/domain/money';

describe('parseCentsExact', () => {
  it.each([
    ['1234.56', 123456], ['1234.5', 123450], ['-12', -1200], ['0.07', 7], ['.5', 50], ['12.', 1200], ['12.3400', 1234],
  ])('%s → %d cents', (text, expected) => {
    expect(parseCentsExact(text)).toBe(expected);
  });
  it.each(['12.345', 'abc', '', '-', '1,234.00', '1e3', '12.3.4'])('%s is not exact money', (text) => {
    expect(parseCentsExact(text)).toBeNull();
  });
});

describe('centsFromNumber', () => {
  it('takes Excel doubles that are whole cents', () => {
    expect(centsFromNumber(0.1 + 0.2)).toBeNull(); // 0.30000000000000004 has more than two decimals
    expect(centsFromNumber(19.99)).toBe(1999);
    expect(centsFromNumber(1e6)).toBe(100000000);
    expect(centsFromNumber(-0.01)).toBe(-1);
  });
  it('refuses more than two decimals', () => {
    expect(centsFromNumber(12.345)).toBeNull();
    expect(centsFromNumber(Number.NaN)).toBeNull();
  });
  it('agrees with decimal.js for every two-decimal value (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), (c) => {
      const asNumber = new Decimal(c).div(100).toNumber(); // what Excel would store
      expect(centsFromNumber(asNumber)).toBe(c);
    }));
  });
});

describe('rounding half-up', () => {
  it('percentOf rounds .5 cents up', () => {
    // 20 % of 0.125? use cents: 12.5 % of 1.00 = 0.125 → 0.13
    expect(percentOf(cents(100), percent('12.5'))).toBe(13);
    // 20 % of 100.00 = 20.00
    expect(percentOf(cents(10000), percent(20))).toBe(2000);
    // 15 % of 0.03 = 0.0045 → 0.00
    expect(percentOf(cents(3), percent(15))).toBe(0);
    // 15 % of 0.10 = 0.015 → 0.02
    expect(percentOf(cents(10), percent(15))).toBe(2);
  });
  it('mulDivHalfUp matches decimal.js half-up, including beyond 2^53 products (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }),
      (a, n, dd) => {
        const oracle = new Decimal(a).mul(n).div(dd).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
        expect(Object.is(mulDivHalfUp(a, n, dd), oracle === 0 ? 0 : oracle)).toBe(true);
      }));
  });
  it('decimal helpers: half-up and up', () => {
    expect(decimalToCentsHalfUp(new Decimal('10.005'))).toBe(1001);
    expect(decimalToCentsHalfUp(new Decimal('10.0049'))).toBe(1000);
    expect(decimalToCentsUp(new Decimal('10.0001'))).toBe(1001);
  });
  it('percent refuses more than four decimals', () => {
    expect(() => percent('12.34567')).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it.each([[0, '0.00'], [5, '0.05'], [123450, '1234.50'], [-1200, '-12.00'], [-5, '-0.05']])('%d → %s', (c, s) => {
    expect(formatMoney(c as Cents)).toBe(s);
  });
  it('display groups thousands', () => {
    expect(formatMoneyDisplay(cents(123456789))).toBe('1,234,567.89');
    expect(formatMoneyDisplay(cents(-100000))).toBe('-1,000.00');
  });
  it('round-trips (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => {
      expect(parseCentsExact(formatMoney(cents(c)))).toBe(c);
    }));
  });
  it('cents() refuses fractions', () => {
    expect(() => cents(1.5)).toThrow(RangeError);
  });
});
