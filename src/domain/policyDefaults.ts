import { cents, percent } from './money';
import type { Policy, Config } from './config';

/** DESIGN §4 / §8 defaults; every one can be overridden in the `Policy` sheet. */
export const DEFAULT_POLICY: Policy = {
  practiceName: null,
  practiceAddress: null,
  practicePhone: null,
  statementDate: null,
  dueDays: 30,
  tolerance: cents(1),
  timelyFilingDays: 90,
  timelyFilingDaysByPayer: {},
  collectionsDays: 120,
  minStatementBalance: cents(500),
  minPayment: cents(2500),
  maxIncomePct: percent(5),
  maxMonths: 36,
  apr: percent(0),
  assistanceTiers: [
    { fplPctMax: percent(200), discountPct: percent(100) },
    { fplPctMax: percent(250), discountPct: percent(75) },
    { fplPctMax: percent(300), discountPct: percent(50) },
  ],
  cobMethod: 'Traditional',
  smallCellMin: 11,
};

export const EMPTY_CONFIG: Config = {
  present: new Set(),
  plans: [],
  benefits: [],
  feeSchedule: [],
  coverage: [],
  coverageIssues: [],
  patients: [],
  policy: DEFAULT_POLICY,
};
