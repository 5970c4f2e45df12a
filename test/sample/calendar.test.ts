import { civil, daysFromCivil } from '../../src/sample/calendar';
import { day, ymd, type Day } from '../../src/domain/day';
import fc from 'fast-check';

describe('sample calendar arithmetic', () => {
  test('matches the domain calendar on known dates', () => {
    // 1970-01-01 is day 0; 2000-02-29 is day 11016 (30 years incl. 7 leap days = 10957, + 31 + 28).
    expect(civil(0)).toEqual({ y: 1970, m: 1, d: 1 });
    expect(civil(11016)).toEqual({ y: 2000, m: 2, d: 29 });
    expect(daysFromCivil(2026, 11, 1)).toBe(day(2026, 11, 1));
  });

  test('round-trips and agrees with domain/day for 1900–2100', () => {
    fc.assert(fc.property(fc.integer({ min: day(1900, 1, 1), max: day(2100, 12, 31) }), (n) => {
      const c = civil(n);
      expect(c).toEqual(ymd(n as Day));
      expect(daysFromCivil(c.y, c.m, c.d)).toBe(n);
    }), { numRuns: 2000 });
  });
});
