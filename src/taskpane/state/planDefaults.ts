/** The payment-plan form, prefilled from an account (its balance due and what the Patients sheet says). */
import type { AccountDetail, PlanInputs } from '../worker/protocol';

export const EMPTY_PLAN_INPUTS: PlanInputs = { account: null, balance: '', monthlyIncome: '', householdSize: '1', state: '', start: '', apr: '' };

const cents = (c: number): string => (c / 100).toFixed(2);

/** The first day of the month after `iso` (YYYY-MM-DD). */
export function firstOfNextMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-01`;
}

export function planInputsFor(d: AccountDetail, asOf: string): PlanInputs {
  return {
    account: d.account,
    balance: cents(Math.max(0, d.amountDue)),
    monthlyIncome: d.monthlyIncome === null ? '' : cents(d.monthlyIncome),
    householdSize: String(d.householdSize ?? 1),
    state: d.state ?? '',
    start: firstOfNextMonth(asOf),
    apr: '',
  };
}
