/**
 * The payment-plan form's fields → a plan, with messages that name the field
 * and what to type (the CLI's planCommand speaks in --flags; the pane in
 * field labels). The workbook's Policy (MinPayment, MaxIncomePct, APR,
 * AssistanceTiers…) applies, as on the statements.
 */
import { parseCentsExact, percent, type Cents, type Percent } from '../../domain/money';
import { firstOfNextMonth, parseIso, type Day } from '../../domain/day';
import type { Policy } from '../../domain/config';
import { computePaymentPlan, paymentPlanToJson, type PaymentPlan, type PlanJson } from '../../domain/plans';
import type { PlanInputs } from './protocol';

export type PlanFromInputs = { ok: true; plan: PaymentPlan; json: PlanJson } | { ok: false; message: string; field: keyof PlanInputs };

const US_STATE = /^[A-Za-z]{2}$/;

function money(text: string): Cents | null {
  const c = parseCentsExact(text.trim().replace(/^\$/, '').replace(/,/g, ''));
  return c === null || c < 0 ? null : c;
}

export function planFromInputs(inputs: PlanInputs, asOf: Day, policy: Policy): PlanFromInputs {
  const balance = money(inputs.balance);
  if (balance === null) return { ok: false, field: 'balance', message: 'Balance: type an amount such as 1234.56 (no more than two decimals).' };
  let income: Cents | null = null;
  if (inputs.monthlyIncome.trim() !== '') {
    income = money(inputs.monthlyIncome);
    if (income === null) return { ok: false, field: 'monthlyIncome', message: 'Monthly income: type the gross monthly income, such as 3200, or leave it empty if unknown.' };
  }
  const size = Number(inputs.householdSize.trim() || '1');
  if (!/^\d*$/.test(inputs.householdSize.trim()) || !Number.isInteger(size) || size < 1 || size > 99) {
    return { ok: false, field: 'householdSize', message: 'Household size: type a whole number of people from 1 to 99.' };
  }
  const stateText = inputs.state.trim();
  if (stateText !== '' && !US_STATE.test(stateText)) return { ok: false, field: 'state', message: 'State: type a two-letter state code such as CA, or leave it empty.' };
  let start: Day = firstOfNextMonth(asOf);
  if (inputs.start.trim() !== '') {
    const s = parseIso(inputs.start.trim());
    if (s === null) return { ok: false, field: 'start', message: 'First payment: choose a date (YYYY-MM-DD).' };
    start = s;
  }
  let apr: Percent = policy.apr;
  if (inputs.apr.trim() !== '') {
    const t = inputs.apr.trim().replace(/%$/, '');
    if (!/^\d+(\.\d+)?$/.test(t) || Number(t) > 100) return { ok: false, field: 'apr', message: 'APR: type a yearly rate in percent from 0 to 100, such as 6.' };
    apr = percent(t);
  }
  const plan = computePaymentPlan({ balance, monthlyIncome: income, householdSize: size, state: stateText === '' ? null : stateText.toUpperCase(), start, apr, policy });
  return { ok: true, plan, json: paymentPlanToJson(plan) };
}
