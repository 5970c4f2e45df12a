/**
 * FPL percent and assistance tier at the 200 % boundary, for household sizes
 * 1–8 in each region and both guideline years.
 *
 * Guidelines are written out from DESIGN §8 (not read from the code):
 *   G = base + perExtra × (size − 1) dollars.
 * 200 % of G per month = 2G / 12 = G / 6 dollars = G × 50 / 3 cents — a whole
 * cent only when 3 divides G (e.g. 2026, 48 states, size 1: 15,960 / 6 =
 * 2,660.00). Otherwise the boundary lies between two cents: the cent below is
 * ≤ 200 % (100 % off), the cent above is > 200 % (75 % off) although both
 * report 200.00 — the tier comes from the unrounded figure.
 * 200.01 %: the smallest income ≥ G × 2.0001 / 12 = ceil(G × 20001 / 1200) cents;
 * one cent of income moves FPL by 1200 / (G × 100) % < 0.001 %, so it reports 200.01.
 */
import { computePaymentPlan, paymentPlanToJson } from '../../../src/domain/plans';
import { cents } from '../../../src/domain/money';
import { DEFAULT_POLICY } from '../../../src/domain/policyDefaults';
import { $, d } from '../../support/builders';

const TABLE: Record<number, Record<string, [number, number]>> = {
  2025: { contiguous: [15_650, 5_500], AK: [19_550, 6_880], HI: [17_990, 6_330] },
  2026: { contiguous: [15_960, 5_680], AK: [19_950, 7_100], HI: [18_360, 6_530] },
};
const STATE_FOR: Record<string, string | null> = { contiguous: 'CA', AK: 'AK', HI: 'HI' };

function planFor(year: number, state: string | null, size: number, income: number) {
  return paymentPlanToJson(computePaymentPlan({
    balance: $('1000.00'), monthlyIncome: cents(income), householdSize: size, state,
    start: d(`${year}-06-01`), policy: DEFAULT_POLICY,
  }));
}

const cases: [number, string, number][] = [];
for (const year of [2025, 2026]) for (const region of ['contiguous', 'AK', 'HI']) for (let size = 1; size <= 8; size++) cases.push([year, region, size]);

describe.each(cases)('%i %s household of %i', (year, region, size) => {
  const [base, per] = TABLE[year]![region]!;
  const G = base + per * (size - 1);
  const state = STATE_FOR[region]!;

  if ((G * 50) % 3 === 0) {
    const at = (G * 50) / 3;
    test(`exactly 200 % (${at} cents) → 100 % off; one cent more → 75 % off`, () => {
      const p = planFor(year, state, size, at);
      expect(p.fplPercent).toBe(200);
      expect(p.assistanceDiscountPct).toBe(100);
      expect(p.balanceAfterAssistance).toBe('0.00');
      const q = planFor(year, state, size, at + 1);
      expect(q.fplPercent).toBe(200);
      expect(q.assistanceDiscountPct).toBe(75);
      expect(q.balanceAfterAssistance).toBe('250.00');
    });
  } else {
    const below = Math.floor((G * 50) / 3);
    test(`200 % falls between cents: ${below} → 100 % off, ${below + 1} → 75 % off, both report 200`, () => {
      const p = planFor(year, state, size, below);
      expect(p.fplPercent).toBe(200);
      expect(p.assistanceDiscountPct).toBe(100);
      const q = planFor(year, state, size, below + 1);
      expect(q.fplPercent).toBe(200);
      expect(q.assistanceDiscountPct).toBe(75);
    });
  }

  test('200.01 % → 75 % off', () => {
    const income = Math.ceil((G * 20001) / 1200);
    const p = planFor(year, state, size, income);
    expect(p.fplPercent).toBe(200.01);
    expect(p.assistanceDiscountPct).toBe(75);
    expect(p.balanceAfterAssistance).toBe('250.00');
  });
});

describe('hand-worked FPL cases', () => {
  test('2026, 48 states, household of 2: 3,606.66 is 199.9996 % (100 % off), 3,606.67 is 200.0002 % (75 % off)', () => {
    // G = 15,960 + 5,680 = 21,640; 3,606.66 × 12 = 43,279.92 → 199.99963 %; 3,606.67 × 12 = 43,280.04 → 200.00018 %
    expect(planFor(2026, null, 2, 360_666).assistanceDiscountPct).toBe(100);
    expect(planFor(2026, null, 2, 360_667).assistanceDiscountPct).toBe(75);
  });

  test('the 250 % and 300 % tiers are inclusive; above 300 % there is no discount', () => {
    // 2026, size 1: 250 % = 39,900 / 12 = 3,325.00; 300 % = 47,880 / 12 = 3,990.00
    expect(planFor(2026, 'TX', 1, 332_500)).toMatchObject({ fplPercent: 250, assistanceDiscountPct: 75 });
    expect(planFor(2026, 'TX', 1, 332_501)).toMatchObject({ fplPercent: 250, assistanceDiscountPct: 50 });
    expect(planFor(2026, 'TX', 1, 399_000)).toMatchObject({ fplPercent: 300, assistanceDiscountPct: 50, balanceAfterAssistance: '500.00' });
    expect(planFor(2026, 'TX', 1, 399_001)).toMatchObject({ fplPercent: 300, assistanceDiscountPct: 0, balanceAfterAssistance: '1000.00' });
  });

  test('fplPercent is rounded half-up to two decimals', () => {
    // 3,000.00 × 12 = 36,000 / 15,960 = 2.255639… → 225.56 %
    expect(planFor(2026, null, 1, 300_000).fplPercent).toBe(225.56);
    // 2025 Alaska size 1: 19,550; 1,000.00 × 12 / 19,550 = 61.3810… → 61.38
    expect(planFor(2025, 'Alaska', 1, 100_000).fplPercent).toBe(61.38);
  });

  test('the table year is the first due date\'s year; later years use the newest; earlier years the oldest (2025)', () => {
    // 2,660.00 is exactly 200 % of 15,960 (2026) but 2,660 × 12 / 15,650 = 203.96 % of 2025's.
    const at = (start: string) => paymentPlanToJson(computePaymentPlan({
      balance: $('1000.00'), monthlyIncome: $('2660.00'), householdSize: 1, state: null, start: d(start), policy: DEFAULT_POLICY,
    })).fplPercent;
    expect(at('2026-01-01')).toBe(200);
    expect(at('2031-05-01')).toBe(200);
    expect(at('2025-12-31')).toBe(203.96);
    expect(at('2023-03-01')).toBe(203.96);
  });

  test('state names and codes pick the region; unknown or blank states use the 48-state table', () => {
    // 2026 size 1: 1,662.50 × 12 = 19,950 = 100 % of Alaska's guideline; of 15,960 it is 125 %.
    const fpl = (state: string | null) => planFor(2026, state, 1, 166_250).fplPercent;
    expect(fpl('ak')).toBe(100);
    expect(fpl(' Alaska ')).toBe(100);
    expect(fpl('DC')).toBe(125);
    expect(fpl('ZZ')).toBe(125);
    expect(fpl(null)).toBe(125);
    // Hawaii: 1,530.00 × 12 = 18,360 = 100 %
    expect(planFor(2026, 'HI', 1, 153_000).fplPercent).toBe(100);
  });
});
