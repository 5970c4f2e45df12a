/**
 * planYearOf (DESIGN §5.8: accumulators reset at each PlanYearStart) against
 * hand-worked cases and against JavaScript's own calendar (Date.UTC) for any
 * day and start — month ends and 02-29 included.
 */
import fc from 'fast-check';
import { planYearOf } from '../../../src/domain/adjudication/planYear';
import { day, type Day } from '../../../src/domain/day';

const start = (month: number, d: number) => ({ month, day: d });

describe('planYearOf', () => {
  test('hand-worked: a 07-01 plan', () => {
    expect(planYearOf(day(2026, 3, 2), start(7, 1))).toBe(2025);
    expect(planYearOf(day(2026, 6, 30), start(7, 1))).toBe(2025);
    expect(planYearOf(day(2026, 7, 1), start(7, 1))).toBe(2026);
  });

  test('hand-worked: a 02-29 start means 03-01 in common years', () => {
    expect(planYearOf(day(2024, 2, 29), start(2, 29))).toBe(2024);
    expect(planYearOf(day(2024, 2, 28), start(2, 29))).toBe(2023);
    expect(planYearOf(day(2025, 2, 28), start(2, 29))).toBe(2024);
    expect(planYearOf(day(2025, 3, 1), start(2, 29))).toBe(2025);
  });

  test('agrees with Date.UTC: the plan year is the latest start on or before the day', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: -50_000, max: 50_000 }),
      (month, dom, offset) => {
        const d = (day(2000, 1, 1) + offset) as Day;
        const date = new Date(Date.UTC(2000, 0, 1 + offset));
        const y = date.getUTCFullYear();
        // The start in a given year: that month and day, or the next month's first day when the month is shorter.
        const startIn = (year: number): number => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          return dom <= last ? Date.UTC(year, month - 1, dom) : Date.UTC(year, month, 1);
        };
        const expected = date.getTime() >= startIn(y) ? y : y - 1;
        expect(planYearOf(d, start(month, dom))).toBe(expected);
      },
    ), { numRuns: 3000 });
  });
});
