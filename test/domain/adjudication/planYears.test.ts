/**
 * PlanYears (the memoised plan-year bounds accumulators use) must agree with
 * the direct calendar functions it stands in for, for every start — month
 * ends, 02-29, and starts that are not calendar dates.
 */
import fc from 'fast-check';
import { PlanYears, planYearOf, planYearStart } from '../../../src/domain/adjudication/planYear';
import { day, type Day } from '../../../src/domain/day';

describe('PlanYears', () => {
  test('hand-worked: a 07-01 plan', () => {
    const y = new PlanYears(701);
    expect(y.yearOf(day(2026, 3, 2))).toBe(2025);
    expect(y.yearOf(day(2026, 6, 30))).toBe(2025);
    expect(y.yearOf(day(2026, 7, 1))).toBe(2026);
    expect(y.startOf(2026)).toBe(day(2026, 7, 1));
  });

  test('hand-worked: a 02-29 start means 03-01 in common years', () => {
    const y = new PlanYears(229);
    expect(y.startOf(2024)).toBe(day(2024, 2, 29));
    expect(y.startOf(2025)).toBe(day(2025, 3, 1));
    expect(y.yearOf(day(2025, 2, 28))).toBe(2024);
    expect(y.yearOf(day(2025, 3, 1))).toBe(2025);
  });

  test('agrees with planYearOf and planYearStart on any day and start', () => {
    const md = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([m, d]) => m * 100 + d),
      fc.constantFrom(101, 229, 230, 1231, 1232, 0, 1301),
    );
    fc.assert(fc.property(md, fc.integer({ min: -200_000, max: 200_000 }), (startMd, d) => {
      const y = new PlanYears(startMd);
      const py = y.yearOf(d as Day);
      expect(py).toBe(planYearOf(d as Day, startMd));
      expect(Object.is(y.startOf(py), planYearStart(py, startMd))).toBe(true);
      expect(Object.is(y.startOf(py + 1), planYearStart(py + 1, startMd))).toBe(true);
    }), { numRuns: 3000 });
  });
});
