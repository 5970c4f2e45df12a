/**
 * Income-based payment plans (DESIGN §8), exact to the cent.
 *
 * Order of work: assistance discount → affordable payment (5 % of income,
 * floored at the minimum payment, capped at the balance) → months → the
 * schedule. Without an APR every payment is the same except the last, which
 * clears the balance. With an APR the payment is Excel's PMT rounded half-up
 * to the cent, interest is charged on the remaining balance each month
 * (rounded half-up), and the last payment clears what remains plus its
 * interest. Rates live in decimal.js; money in integer cents.
 */
import Decimal from 'decimal.js';
import {
  add, cents, formatMoney, maxCents, minCents, percentOf, percentToDecimal, percentToNumber, sub, ZERO,
  type Cents, type Percent,
} from '../money';
import { addMonthsClamped, toIso, type Day } from '../day';
import type { Policy } from '../config';
import { exactLength } from '../lists';
import { assessAssistance, hundredthsToNumber, type AssistanceResult } from './assistance';
import { isValidHouseholdSize } from './povertyGuidelines';

/** Enough digits that PMT's rounding to the cent is never disturbed by our own arithmetic. */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });

export interface Installment {
  readonly n: number;
  readonly dueDate: Day;
  readonly payment: Cents;
  readonly interest: Cents;
  readonly principal: Cents;
  /** Balance left after this payment; 0 on the last row. */
  readonly remaining: Cents;
}

export interface PaymentPlan {
  readonly balance: Cents;
  readonly assistance: AssistanceResult;
  readonly balanceAfterAssistance: Cents;
  /** What the patient can afford each month (before the 36-month rule may raise it). */
  readonly affordablePayment: Cents;
  readonly monthlyPayment: Cents;
  readonly months: number;
  readonly apr: Percent;
  readonly totalInterest: Cents;
  readonly totalPaid: Cents;
  readonly exceedsAffordability: boolean;
  readonly start: Day;
  readonly schedule: readonly Installment[];
}

export interface PaymentPlanInput {
  readonly balance: Cents;
  readonly monthlyIncome: Cents | null;
  readonly householdSize: number;
  readonly state: string | null;
  /** The first due date. */
  readonly start: Day;
  /** Annual rate in percent (6 = 6 %); defaults to Policy.apr. */
  readonly apr?: Percent;
  readonly policy: Policy;
}

export interface AffordabilityInput {
  readonly balance: Cents;
  readonly monthlyIncome: Cents | null;
  /** Annual rate in percent; 0 for none. */
  readonly apr: Percent;
  readonly policy: Policy;
}

/**
 * What the patient can pay each month (DESIGN §8): Policy.maxIncomePct of
 * gross monthly income, rounded half-up, never under Policy.minPayment and
 * never over what clears the plan in one payment — the balance, or with an
 * APR the balance plus its first month's interest. Income unknown: the
 * minimum payment (the most a practice asks of anyone without knowing more).
 */
export function affordablePayment({ balance, monthlyIncome, apr, policy }: AffordabilityInput): Cents {
  const fromIncome = monthlyIncome === null ? policy.minPayment : percentOf(monthlyIncome, policy.maxIncomePct);
  const clearsAtOnce = add(balance, interestFor(balance, monthlyRate(apr)));
  return minCents(maxCents(fromIncome, policy.minPayment), clearsAtOnce);
}

/** A month's interest on what remains: remaining × monthly rate, rounded half-up to the cent. */
export function interestFor(remaining: Cents, rate: Decimal): Cents {
  if (rate.isZero()) return ZERO;
  return cents(new D(remaining).mul(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** ceil(a / b) for positive integers. */
const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

/** No APR: the usual plan, whose rate then needs no Decimal arithmetic (Decimals are immutable, so one is shared). */
const NO_INTEREST: Decimal = new D(0);

/** Monthly rate = APR ÷ 100 ÷ 12, exact. */
export function monthlyRate(apr: Percent): Decimal {
  if (apr === 0) return NO_INTEREST;
  return new D(percentToDecimal(apr)).div(1200);
}

/** PMT(rate, n, pv) as a positive Decimal (Excel returns it negative for a positive pv). */
export function pmtExact(rate: Decimal, n: number, pv: Cents): Decimal {
  const principal = new D(pv).div(100);
  if (rate.isZero()) return principal.div(n);
  const r = new D(rate);
  return principal.mul(r).div(new D(1).minus(r.plus(1).pow(-n)));
}

/** PMT rounded half-up to the cent, as Excel's =ROUND(-PMT(rate, n, pv), 2). */
export function pmtCents(rate: Decimal, n: number, pv: Cents): Cents {
  return cents(pmtExact(rate, n, pv).mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

interface Sized {
  readonly payment: Cents;
  readonly months: number;
  readonly exceeds: boolean;
}

/** No interest: months = ceil(balance ÷ payment); past maxMonths, pay ceil(balance ÷ maxMonths). */
function sizeWithoutInterest(balance: Cents, afford: Cents, maxMonths: number): Sized {
  const months = ceilDiv(balance, afford);
  if (months <= maxMonths) return { payment: afford, months, exceeds: false };
  const payment = cents(ceilDiv(balance, maxMonths));
  return { payment, months: ceilDiv(balance, payment), exceeds: true };
}

/** With interest: the fewest n ≤ maxMonths whose rounded PMT fits the affordable payment. */
function sizeWithInterest(balance: Cents, afford: Cents, rate: Decimal, maxMonths: number): Sized {
  for (let n = 1; n <= maxMonths; n++) {
    const p = pmtCents(rate, n, balance);
    if (p <= afford) return { payment: p, months: n, exceeds: false };
  }
  return { payment: pmtCents(rate, maxMonths, balance), months: maxMonths, exceeds: true };
}

function buildSchedule(balance: Cents, payment: Cents, months: number, rate: Decimal, start: Day): Installment[] {
  const rows: Installment[] = [];
  let remaining = balance;
  for (let n = 1; n <= months; n++) {
    const interest = interestFor(remaining, rate);
    const last = n === months;
    // The last payment clears whatever is left, plus its interest.
    const principal = last ? remaining : minCents(sub(payment, interest), remaining);
    const pay = add(principal, interest);
    remaining = sub(remaining, principal);
    rows.push({ n, dueDate: addMonthsClamped(start, n - 1), payment: pay, interest, principal, remaining });
    if (remaining === 0 && !last) break; // cannot happen with a sized payment; guards a zero-length tail
  }
  return exactLength(rows);
}

export function computePaymentPlan(input: PaymentPlanInput): PaymentPlan {
  const { balance, policy, start } = input;
  const apr = input.apr ?? policy.apr;
  if (balance < 0) throw new RangeError('a credit balance is refunded, not put on a payment plan');
  if (apr < 0) throw new RangeError('APR cannot be negative');
  if (!isValidHouseholdSize(input.householdSize)) throw new RangeError('household size must be a whole number of at least 1');
  const maxMonths = Math.max(1, Math.floor(policy.maxMonths));

  const assistance = assessAssistance({
    balance, monthlyIncome: input.monthlyIncome, householdSize: input.householdSize, state: input.state, firstDue: start, policy,
  });
  const owed = assistance.balanceAfter;
  const afford = affordablePayment({ balance: owed, monthlyIncome: input.monthlyIncome, apr, policy });

  if (owed === 0) {
    return {
      balance, assistance, balanceAfterAssistance: owed, affordablePayment: afford, monthlyPayment: ZERO, months: 0, apr,
      totalInterest: ZERO, totalPaid: ZERO, exceedsAffordability: false, start, schedule: [],
    };
  }

  const rate = monthlyRate(apr);
  const sized = rate.isZero() ? sizeWithoutInterest(owed, afford, maxMonths) : sizeWithInterest(owed, afford, rate, maxMonths);
  const schedule = buildSchedule(owed, sized.payment, sized.months, rate, start);
  let totalInterest = 0;
  let totalPaid = 0;
  for (const r of schedule) {
    totalInterest += r.interest;
    totalPaid += r.payment;
  }
  return {
    balance,
    assistance,
    balanceAfterAssistance: owed,
    affordablePayment: afford,
    monthlyPayment: sized.payment,
    months: schedule.length,
    apr,
    totalInterest: cents(totalInterest),
    totalPaid: cents(totalPaid),
    exceedsAffordability: sized.exceeds,
    start,
    schedule,
  };
}

/** DESIGN §7 plan.json, field for field. */
export interface PlanJson {
  balance: string;
  /** Rounded to two decimals; null when income is unknown (no FPL can be computed). */
  fplPercent: number | null;
  assistanceDiscountPct: number;
  balanceAfterAssistance: string;
  monthlyPayment: string;
  months: number;
  apr: number;
  totalInterest: string;
  exceedsAffordability: boolean;
  schedule: { n: number; dueDate: string; payment: string; interest: string; principal: string; remaining: string }[];
}

export function paymentPlanToJson(plan: PaymentPlan): PlanJson {
  const h = plan.assistance.fplHundredths;
  return {
    balance: formatMoney(plan.balance),
    fplPercent: h === null ? null : hundredthsToNumber(h),
    assistanceDiscountPct: percentToNumber(plan.assistance.discountPct),
    balanceAfterAssistance: formatMoney(plan.balanceAfterAssistance),
    monthlyPayment: formatMoney(plan.monthlyPayment),
    months: plan.months,
    apr: percentToNumber(plan.apr),
    totalInterest: formatMoney(plan.totalInterest),
    exceedsAffordability: plan.exceedsAffordability,
    schedule: plan.schedule.map((r) => ({
      n: r.n,
      dueDate: toIso(r.dueDate),
      payment: formatMoney(r.payment),
      interest: formatMoney(r.interest),
      principal: formatMoney(r.principal),
      remaining: formatMoney(r.remaining),
    })),
  };
}
