/**
 * The "plan" use case: a payment plan from typed-in figures (the CLI's
 * `plan` command, and the task pane's plan form). Validates every input and
 * says what was expected, rather than guessing.
 */
import { parseCentsExact, percent, type Cents, type Percent } from '../domain/money';
import { firstOfNextMonth, parseIso, type Day } from '../domain/day';
import { DEFAULT_POLICY } from '../domain/policyDefaults';
import type { Policy } from '../domain/config';
import { computePaymentPlan, paymentPlanToJson, type PlanJson } from '../domain/plans';

export interface PlanRequest {
  readonly balance: string;
  readonly monthlyIncome: string | null;
  readonly householdSize: string | null;
  readonly state: string | null;
  readonly start: string | null;
  readonly apr: string | null;
}

export type PlanOutcome = { ok: true; json: PlanJson } | { ok: false; message: string };

function money(text: string, what: string): Cents | string {
  const c = parseCentsExact(text.trim().replace(/^\$/, '').replace(/,/g, ''));
  if (c === null) return `${what} expects an amount with at most two decimals (e.g. 1234.56), got "${text}"`;
  if (c < 0) return `${what} cannot be negative (got "${text}")`;
  return c;
}

export function planFromCli(req: PlanRequest, today: Day, policy: Policy = DEFAULT_POLICY): PlanOutcome {
  const balance = money(req.balance, '--balance');
  if (typeof balance === 'string') return { ok: false, message: balance };
  if (req.monthlyIncome === null) return { ok: false, message: 'plan needs --monthly-income (gross monthly income, e.g. 3200)' };
  const income = money(req.monthlyIncome, '--monthly-income');
  if (typeof income === 'string') return { ok: false, message: income };
  let householdSize = 1;
  if (req.householdSize !== null) {
    householdSize = Number(req.householdSize);
    if (!/^\d+$/.test(req.householdSize.trim()) || householdSize < 1 || householdSize > 99) {
      return { ok: false, message: `--household-size expects a whole number of people from 1 to 99, got "${req.householdSize}"` };
    }
  }
  let start: Day = firstOfNextMonth(today);
  if (req.start !== null) {
    const s = parseIso(req.start);
    if (s === null) return { ok: false, message: `--start expects a date as YYYY-MM-DD, got "${req.start}"` };
    start = s;
  }
  let apr: Percent = policy.apr;
  if (req.apr !== null) {
    try {
      apr = percent(req.apr.trim().replace(/%$/, ''));
    } catch {
      return { ok: false, message: `--apr expects a yearly rate in percent (e.g. 6 for 6 %), got "${req.apr}"` };
    }
    if (apr < 0 || apr > percent(100)) return { ok: false, message: `--apr must be between 0 and 100, got "${req.apr}"` };
  }
  const state = req.state === null ? null : req.state.trim();
  const plan = computePaymentPlan({ balance, monthlyIncome: income, householdSize, state, start, apr, policy });
  return { ok: true, json: paymentPlanToJson(plan) };
}
