/**
 * Properties every schedule must keep, over random balances, incomes,
 * households, regions, start dates and APRs.
 */
import fc from 'fast-check';
import { PMT } from '@formulajs/formulajs';
import Decimal from 'decimal.js';
import { computePaymentPlan, type PaymentPlan } from '../../../src/domain/plans';
import { cents, percent, type Percent } from '../../../src/domain/money';
import { day, type Day } from '../../../src/domain/day';
import { DEFAULT_POLICY } from '../../../src/domain/policyDefaults';

const startArb = fc.integer({ min: day(2024, 1, 1), max: day(2030, 12, 31) }).map((n) => n as Day);
const aprArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 }).map((h) => h / 100)); // 0.01 % … 30.00 %
const inputArb = fc.record({
  balance: fc.integer({ min: 1, max: 5_000_000 }),
  income: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
  size: fc.integer({ min: 1, max: 8 }),
  state: fc.constantFrom(null, 'AK', 'HI', 'CA', 'DC'),
  start: startArb,
  apr: aprArb,
  tiers: fc.boolean(),
});

interface In { balance: number; income: number | null; size: number; state: string | null; start: Day; apr: number; tiers: boolean }

function build(i: In): PaymentPlan {
  return computePaymentPlan({
    balance: cents(i.balance), monthlyIncome: i.income === null ? null : cents(i.income), householdSize: i.size, state: i.state,
    start: i.start, apr: percent(i.apr) as Percent, policy: i.tiers ? DEFAULT_POLICY : { ...DEFAULT_POLICY, assistanceTiers: [] },
  });
}

test('payments sum to the discounted balance plus interest; principal sums to the balance', () => {
  fc.assert(fc.property(inputArb, (i) => {
    const p = build(i);
    const paid = p.schedule.reduce((s, r) => s + r.payment, 0);
    const interest = p.schedule.reduce((s, r) => s + r.interest, 0);
    const principal = p.schedule.reduce((s, r) => s + r.principal, 0);
    expect(interest).toBe(p.totalInterest);
    expect(paid).toBe(p.balanceAfterAssistance + p.totalInterest);
    expect(principal).toBe(p.balanceAfterAssistance);
    expect(p.balanceAfterAssistance + p.assistance.discount).toBe(p.balance);
  }), { numRuns: 400 });
});

test('remaining never negative, falls by the principal each month and reaches 0.00 on the last row', () => {
  fc.assert(fc.property(inputArb, (i) => {
    const p = build(i);
    let prev = p.balanceAfterAssistance;
    for (const r of p.schedule) {
      expect(r.remaining).toBeGreaterThanOrEqual(0);
      expect(r.payment).toBe(r.principal + r.interest);
      expect(r.remaining).toBe(prev - r.principal);
      prev = r.remaining;
    }
    if (p.schedule.length) expect(p.schedule[p.schedule.length - 1]!.remaining).toBe(0);
    else expect(p.balanceAfterAssistance).toBe(0);
    expect(p.months).toBe(p.schedule.length);
  }), { numRuns: 400 });
});

test('due dates strictly increase, one a month on the start day (clamped)', () => {
  fc.assert(fc.property(inputArb, (i) => {
    const p = build(i);
    for (let k = 1; k < p.schedule.length; k++) {
      const gap = p.schedule[k]!.dueDate - p.schedule[k - 1]!.dueDate;
      expect(gap).toBeGreaterThanOrEqual(28);
      expect(gap).toBeLessThanOrEqual(31 + 3); // e.g. Feb 28 → Mar 31
    }
    if (p.schedule.length) expect(p.schedule[0]!.dueDate).toBe(i.start);
  }), { numRuns: 300 });
});

test('every payment but the last equals the monthly payment; months within the limit; affordability honoured unless flagged', () => {
  fc.assert(fc.property(inputArb, (i) => {
    const p = build(i);
    p.schedule.slice(0, -1).forEach((r) => expect(r.payment).toBe(p.monthlyPayment));
    expect(p.months).toBeLessThanOrEqual(DEFAULT_POLICY.maxMonths);
    if (!p.exceedsAffordability) expect(p.monthlyPayment).toBeLessThanOrEqual(p.affordablePayment);
    if (p.apr === 0 && p.schedule.length) expect(p.schedule[p.schedule.length - 1]!.payment).toBeLessThanOrEqual(p.monthlyPayment);
  }), { numRuns: 400 });
});

/** =ROUND(-PMT(rate, n, pv), 2) in cents, or null when the float is too near a half cent to trust. */
function excelPmtCents(aprPct: number, n: number, pvCents: number): number | null {
  const v = PMT(aprPct / 100 / 12, n, pvCents / 100);
  if (typeof v !== 'number') throw new Error('PMT failed');
  const c = new Decimal(-v).mul(100);
  if (c.minus(c.floor()).minus(0.5).abs().lt(1e-6)) return null;
  return c.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

test('with an APR, months are the fewest whose Excel PMT fits, and the payment is that PMT to the cent', () => {
  fc.assert(fc.property(inputArb.filter((i) => i.apr > 0), (i) => {
    const p = build(i);
    if (p.months === 0) return;
    const pv = p.balanceAfterAssistance;
    const expected = excelPmtCents(i.apr, p.months, pv);
    if (expected !== null) expect(p.monthlyPayment).toBe(expected);
    if (!p.exceedsAffordability) {
      // one month fewer must not fit
      if (p.months > 1) {
        const fewer = excelPmtCents(i.apr, p.months - 1, pv);
        if (fewer !== null) expect(fewer).toBeGreaterThan(p.affordablePayment);
      }
    } else {
      expect(p.months).toBe(36);
      const at36 = excelPmtCents(i.apr, 36, pv);
      if (at36 !== null) expect(at36).toBeGreaterThan(p.affordablePayment);
    }
  }), { numRuns: 300 });
});
