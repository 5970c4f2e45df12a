/**
 * Payment-plan schedules, hand-worked (DESIGN §8). Most cases turn assistance
 * off (no tiers) so the arithmetic is about the schedule alone.
 */
import { PMT } from '@formulajs/formulajs';
import Decimal from 'decimal.js';
import { computePaymentPlan, paymentPlanToJson, planOptions } from '../../../src/domain/plans';
import { percent, type Cents, type Percent } from '../../../src/domain/money';
import { DEFAULT_POLICY } from '../../../src/domain/policyDefaults';
import type { Policy } from '../../../src/domain/config';
import { $, d } from '../../support/builders';

const NO_TIERS: Policy = { ...DEFAULT_POLICY, assistanceTiers: [] };

function plan(balance: string, income: string | null, opts: { start?: string; apr?: number; policy?: Policy; size?: number; state?: string | null } = {}) {
  return paymentPlanToJson(computePaymentPlan({
    balance: $(balance),
    monthlyIncome: income === null ? null : $(income),
    householdSize: opts.size ?? 1,
    state: opts.state ?? null,
    start: d(opts.start ?? '2026-12-01'),
    ...(opts.apr === undefined ? {} : { apr: percent(opts.apr) }),
    policy: opts.policy ?? NO_TIERS,
  }));
}

describe('no interest', () => {
  test('a plan whose last payment is smaller', () => {
    // 5 % of 4,000.00 = 200.00; 1,050.00 / 200.00 = 5.25 → 6 months; 5 × 200 = 1,000, last 50.00
    const p = plan('1050.00', '4000.00');
    expect(p).toMatchObject({ monthlyPayment: '200.00', months: 6, exceedsAffordability: false, totalInterest: '0.00', apr: 0 });
    expect(p.schedule.map((r) => r.payment)).toEqual(['200.00', '200.00', '200.00', '200.00', '200.00', '50.00']);
    expect(p.schedule.map((r) => r.remaining)).toEqual(['850.00', '650.00', '450.00', '250.00', '50.00', '0.00']);
    expect(p.schedule.every((r) => r.interest === '0.00' && r.principal === r.payment)).toBe(true);
  });

  test('5 % of income rounds half-up to the cent', () => {
    // 5 % of 3,333.30 = 166.665 → 166.67; 500.00 / 166.67 = 2.99 → 3 months, last 500 − 333.34 = 166.66
    const p = plan('500.00', '3333.30');
    expect(p.monthlyPayment).toBe('166.67');
    expect(p.schedule.map((r) => r.payment)).toEqual(['166.67', '166.67', '166.66']);
  });

  test('the minimum payment is a floor', () => {
    // 5 % of 300.00 = 15.00 → raised to 25.00; 100.00 / 25.00 = 4 months exactly
    const p = plan('100.00', '300.00');
    expect(p.monthlyPayment).toBe('25.00');
    expect(p.months).toBe(4);
    expect(p.schedule.map((r) => r.payment)).toEqual(['25.00', '25.00', '25.00', '25.00']);
  });

  test('a balance under the minimum payment is one payment of the balance', () => {
    // affordable = min(max(200.00, 25.00), 18.40) = 18.40
    const p = plan('18.40', '4000.00');
    expect(p).toMatchObject({ monthlyPayment: '18.40', months: 1, exceedsAffordability: false });
    expect(p.schedule).toEqual([{ n: 1, dueDate: '2026-12-01', payment: '18.40', interest: '0.00', principal: '18.40', remaining: '0.00' }]);
  });

  test('a balance 5 % cannot clear in 36 months: balance ÷ 36 rounded up, flagged', () => {
    // 200.00 × 36 = 7,200 < 9,000.01 → 900,001 / 36 = 25,000.03 → 250.01; 35 × 250.01 = 8,750.35; last 249.66
    const p = plan('9000.01', '4000.00');
    expect(p).toMatchObject({ monthlyPayment: '250.01', months: 36, exceedsAffordability: true });
    expect(p.schedule[34]!.payment).toBe('250.01');
    expect(p.schedule[35]).toMatchObject({ n: 36, payment: '249.66', remaining: '0.00' });
  });

  test('exactly 36 affordable payments is not flagged', () => {
    const p = plan('7200.00', '4000.00');
    expect(p).toMatchObject({ monthlyPayment: '200.00', months: 36, exceedsAffordability: false });
  });

  test('income unknown: the minimum payment, fplPercent null, no discount', () => {
    const p = plan('100.00', null, { policy: DEFAULT_POLICY });
    expect(p).toMatchObject({ fplPercent: null, assistanceDiscountPct: 0, balanceAfterAssistance: '100.00', monthlyPayment: '25.00', months: 4 });
    // 2,000.00 at 25.00 would take 80 months → 200,000 / 36 = 5,555.6 → 55.56, flagged
    expect(plan('2000.00', null, { policy: DEFAULT_POLICY })).toMatchObject({ monthlyPayment: '55.56', months: 36, exceedsAffordability: true });
  });

  test('a balance that assistance clears entirely has no schedule', () => {
    // 1,000.00 × 12 = 12,000 / 15,960 = 75.19 % → 100 % off
    const p = plan('640.00', '1000.00', { policy: DEFAULT_POLICY });
    expect(p).toEqual({
      balance: '640.00', fplPercent: 75.19, assistanceDiscountPct: 100, balanceAfterAssistance: '0.00',
      monthlyPayment: '0.00', months: 0, apr: 0, totalInterest: '0.00', exceedsAffordability: false, schedule: [],
    });
  });

  test('the discount is rounded half-up to the cent, and the plan runs on what is left', () => {
    // 3,000.00 → 225.56 % → 75 % off; 100.01 × 75 % = 75.0075 → 75.01; left 25.00 → one payment of 25.00
    const p = plan('100.01', '3000.00', { policy: DEFAULT_POLICY });
    expect(p).toMatchObject({ fplPercent: 225.56, assistanceDiscountPct: 75, balanceAfterAssistance: '25.00', monthlyPayment: '25.00', months: 1 });
  });
});

describe('due dates', () => {
  test('start Jan 31: Feb 28, Mar 31, Apr 30 …', () => {
    const p = plan('150.00', '500.00', { start: '2026-01-31' });
    expect(p.schedule.map((r) => r.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
  });
  test('leap year: Jan 31 → Feb 29; Feb 29 → Mar 29 … → Feb 28 next year', () => {
    expect(plan('50.00', '500.00', { start: '2028-01-31' }).schedule.map((r) => r.dueDate)).toEqual(['2028-01-31', '2028-02-29']);
    const p = plan('325.00', '500.00', { start: '2028-02-29' });
    expect(p.schedule.map((r) => r.dueDate)).toEqual([
      '2028-02-29', '2028-03-29', '2028-04-29', '2028-05-29', '2028-06-29', '2028-07-29', '2028-08-29',
      '2028-09-29', '2028-10-29', '2028-11-29', '2028-12-29', '2029-01-29', '2029-02-28',
    ]);
  });
  test('Nov 30 → Dec 30 → Jan 30', () => {
    expect(plan('75.00', '500.00', { start: '2026-11-30' }).schedule.map((r) => r.dueDate)).toEqual(['2026-11-30', '2026-12-30', '2027-01-30']);
  });
});

/** Excel's =ROUND(-PMT(rate, n, pv), 2) through formulajs, rounded in decimal. */
function excelPmt(aprPct: number, n: number, pv: string): string {
  const v = PMT(aprPct / 100 / 12, n, Number(pv));
  if (typeof v !== 'number') throw new Error('PMT failed');
  return new Decimal(-v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

describe('with an APR', () => {
  test('hand-worked 1,000.00 at 6 % with 200.00 affordable', () => {
    // rate 0.005. PMT(n=5) = 203.01 > 200; PMT(n=6) = 169.60 ≤ 200 → 6 months.
    // 1: int 5.00, prin 164.60, rem 835.40   2: 4.177 → 4.18, 165.42, 669.98   3: 3.3499 → 3.35, 166.25, 503.73
    // 4: 2.51865 → 2.52, 167.08, 336.65      5: 1.68325 → 1.68, 167.92, 168.73  6: 0.84365 → 0.84, last 168.73 + 0.84 = 169.57
    expect(excelPmt(6, 5, '1000')).toBe('203.01');
    expect(excelPmt(6, 6, '1000')).toBe('169.60');
    const p = plan('1000.00', '4000.00', { apr: 6 });
    expect(p).toMatchObject({ monthlyPayment: '169.60', months: 6, apr: 6, totalInterest: '17.57', exceedsAffordability: false });
    expect(p.schedule.map((r) => [r.payment, r.interest, r.principal, r.remaining])).toEqual([
      ['169.60', '5.00', '164.60', '835.40'],
      ['169.60', '4.18', '165.42', '669.98'],
      ['169.60', '3.35', '166.25', '503.73'],
      ['169.60', '2.52', '167.08', '336.65'],
      ['169.60', '1.68', '167.92', '168.73'],
      ['169.57', '0.84', '168.73', '0.00'],
    ]);
  });

  test.each([
    ['5000.00', '4000.00', 9.99],
    ['2500.00', '1500.00', 18],
    ['12345.67', '6000.00', 4.5],
    ['800.00', null, 7.25],
    ['300.00', '9000.00', 12],
  ])('balance %s, income %s, APR %d %%: months and payment match Excel PMT', (balance, income, apr) => {
    // §8: 5 % of income (half-up), at least 25.00, never over the balance — with an APR never over the balance
    // plus its first month's interest, so 300.00 at 12 % with 450.00 affordable is cleared in 1 month
    // (PMT(n=1) = 303.00 = 300.00 + 3.00 interest).
    const fromIncome = income === null ? new Decimal(25) : Decimal.max(new Decimal(income).mul(0.05).toDecimalPlaces(2, Decimal.ROUND_HALF_UP), 25);
    const firstInterest = new Decimal(balance).mul(apr).div(1200).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const afford = Decimal.min(fromIncome, new Decimal(balance).plus(firstInterest));
    let n = 1;
    while (n < 36 && new Decimal(excelPmt(apr, n, balance)).gt(afford)) n++;
    const p = plan(balance, income, { apr });
    expect(p.months).toBe(n);
    expect(p.monthlyPayment).toBe(excelPmt(apr, n, balance));
  });

  test('the APR cap: a payment that clears the balance and its first month\'s interest at once (300.00 at 12 %)', () => {
    const p = plan('300.00', '9000.00', { apr: 12 });
    expect(p).toMatchObject({ months: 1, monthlyPayment: '303.00', totalInterest: '3.00', exceedsAffordability: false });
    expect(p.schedule).toEqual([{ n: 1, dueDate: expect.any(String), payment: '303.00', interest: '3.00', principal: '300.00', remaining: '0.00' }]);
  });

  test('a balance the payment cannot clear in 36 months at the APR: PMT over 36, flagged', () => {
    // 20,000.00 at 12 %: PMT(0.01, 36, 20000) = 664.29 > 200.00
    const p = plan('20000.00', '4000.00', { apr: 12 });
    expect(p.months).toBe(36);
    expect(p.exceedsAffordability).toBe(true);
    expect(p.monthlyPayment).toBe(excelPmt(12, 36, '20000'));
    expect(p.monthlyPayment).toBe('664.29');
    expect(p.schedule[35]!.remaining).toBe('0.00');
  });

  test('the APR defaults to Policy.apr', () => {
    const p = paymentPlanToJson(computePaymentPlan({
      balance: $('1000.00'), monthlyIncome: $('4000.00'), householdSize: 1, state: null, start: d('2026-12-01'),
      policy: { ...NO_TIERS, apr: percent(6) as Percent },
    }));
    expect(p.apr).toBe(6);
    expect(p.monthlyPayment).toBe('169.60');
  });
});

describe('plan.json shape', () => {
  test('exactly the DESIGN §7 keys, in order, with the contract types', () => {
    const p = plan('1050.00', '4000.00', { policy: DEFAULT_POLICY });
    expect(Object.keys(p)).toEqual(['balance', 'fplPercent', 'assistanceDiscountPct', 'balanceAfterAssistance', 'monthlyPayment', 'months', 'apr', 'totalInterest', 'exceedsAffordability', 'schedule']);
    expect(Object.keys(p.schedule[0]!)).toEqual(['n', 'dueDate', 'payment', 'interest', 'principal', 'remaining']);
    expect(typeof p.fplPercent).toBe('number');
    expect(p.fplPercent).toBe(300.75); // 48,000 / 15,960 = 3.00751… → 300.75 %, no tier
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
  test('bad input is refused', () => {
    const base = { monthlyIncome: null, householdSize: 1, state: null, start: d('2026-12-01'), policy: DEFAULT_POLICY };
    expect(() => computePaymentPlan({ ...base, balance: $('-1.00') })).toThrow(RangeError);
    expect(() => computePaymentPlan({ ...base, balance: $('1.00'), householdSize: 0 })).toThrow(RangeError);
    expect(() => computePaymentPlan({ ...base, balance: $('1.00'), householdSize: 2.5 })).toThrow(RangeError);
    expect(() => computePaymentPlan({ ...base, balance: $('1.00'), monthlyIncome: $('-5.00') })).toThrow(RangeError);
  });
  test('a zero balance has no schedule', () => {
    expect(plan('0.00', '4000.00')).toMatchObject({ months: 0, monthlyPayment: '0.00', schedule: [] });
  });
});

describe('planOptions', () => {
  const opts = (b: string, income?: string) => planOptions($(b), DEFAULT_POLICY, income === undefined ? undefined : {
    monthlyIncome: $(income), householdSize: 1, state: null, start: d('2026-12-01'),
  });
  test('3, 6 and 12 payments rounded up with a smaller last payment', () => {
    // 1,000.00 / 3 = 333.33… → 333.34, last 1,000 − 666.68 = 333.32; /6 → 166.67, last 166.65; /12 → 83.34, last 83.26
    expect(opts('1000.00').map((o) => [o.months, o.monthlyPayment, o.lastPayment])).toEqual([
      [3, $('333.34'), $('333.32')], [6, $('166.67'), $('166.65')], [12, $('83.34'), $('83.26')],
    ]);
  });
  test('terms whose payments would fall under the minimum are left out', () => {
    // 200.00: /3 = 66.67 ok; /6 = 33.34 (last 33.30) ok; /12 = 16.67 < 25 → out
    expect(opts('200.00').map((o) => o.months)).toEqual([3, 6]);
    // 75.01 / 3 → 25.01, last 24.99 < 25 → out
    expect(opts('75.01')).toEqual([]);
    expect(opts('75.00').map((o) => [o.months, o.monthlyPayment])).toEqual([[3, $('25.00')]]);
  });
  test('the income-based plan is added when income is known', () => {
    const o = opts('1050.00', '4000.00');
    expect(o.map((x) => x.kind)).toEqual(['equal', 'equal', 'equal', 'income-based']);
    expect(o[3]).toMatchObject({ months: 6, monthlyPayment: $('200.00') as Cents, lastPayment: $('50.00'), total: $('1050.00') });
  });
});
