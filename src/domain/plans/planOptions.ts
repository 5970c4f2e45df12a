/**
 * The payment choices printed on a bill: 3, 6 or 12 equal monthly payments,
 * plus the income-based plan when we know the patient's income.
 *
 * Equal payments follow the §8 rule: each payment is the balance ÷ n rounded
 * UP to the cent and the last one is smaller, clearing the balance exactly
 * (so the patient never pays more than the balance, and the first n − 1
 * payments match). An option is offered only when every payment, the last
 * included, is at least Policy.minPayment, and n ≤ Policy.maxMonths.
 */
import { cents, sub, type Cents } from '../money';
import type { Day } from '../day';
import type { Policy } from '../config';
import { exactLength } from '../lists';
import { computePaymentPlan, type PaymentPlan } from './paymentPlan';

export const EQUAL_PAYMENT_TERMS: readonly number[] = [3, 6, 12];

export interface EqualPaymentOption {
  readonly kind: 'equal';
  readonly months: number;
  readonly monthlyPayment: Cents;
  /** ≤ monthlyPayment; equal to it when the balance divides evenly. */
  readonly lastPayment: Cents;
  readonly total: Cents;
}

export interface IncomeBasedOption {
  readonly kind: 'income-based';
  /** months 0 when assistance clears the balance. */
  readonly months: number;
  readonly monthlyPayment: Cents;
  readonly lastPayment: Cents;
  readonly total: Cents;
  readonly plan: PaymentPlan;
}

export type PlanOption = EqualPaymentOption | IncomeBasedOption;

export interface IncomeFacts {
  readonly monthlyIncome: Cents | null;
  readonly householdSize: number;
  readonly state: string | null;
  /** The first due date of the income-based plan. */
  readonly start: Day;
}

/** n equal payments (rounded up, smaller last), or null when some payment would fall under the minimum. */
export function equalPaymentOption(balance: Cents, n: number, policy: Policy): EqualPaymentOption | null {
  if (balance <= 0 || n < 1 || n > policy.maxMonths) return null;
  const payment = cents(Math.floor((balance + n - 1) / n));
  const last = sub(balance, cents(payment * (n - 1)));
  if (last <= 0 || last < policy.minPayment || payment < policy.minPayment) return null;
  return { kind: 'equal', months: n, monthlyPayment: payment, lastPayment: last, total: balance };
}

/**
 * The options for `balance`. The income-based plan is added only when
 * `income.monthlyIncome` is known — without it the "plan" would just be the
 * minimum payment, which the equal options already cover better.
 */
export function planOptions(balance: Cents, policy: Policy, income?: IncomeFacts): PlanOption[] {
  const out: PlanOption[] = [];
  for (const n of EQUAL_PAYMENT_TERMS) {
    const o = equalPaymentOption(balance, n, policy);
    if (o) out.push(o);
  }
  if (income && income.monthlyIncome !== null && balance > 0) {
    const plan = computePaymentPlan({
      balance, monthlyIncome: income.monthlyIncome, householdSize: income.householdSize, state: income.state, start: income.start, policy,
    });
    const last = plan.schedule[plan.schedule.length - 1];
    out.push({
      kind: 'income-based', months: plan.months, monthlyPayment: plan.monthlyPayment,
      lastPayment: last ? last.payment : cents(0), total: plan.totalPaid, plan,
    });
  }
  return exactLength(out);
}
