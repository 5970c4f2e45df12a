/**
 * Every discrepancy finding for one analysed ledger (DESIGN §7 rule ids),
 * in §7 order. Each rule family lives in its own module; this file only runs
 * them and sorts. Pure and synchronous.
 */
import type { Finding } from '../findingTypes';
import { RuleContext, type FindingsInput } from './context';
import { checkPayments } from './paymentRules';
import { checkBalances } from './balanceRule';
import { checkDuplicates } from './duplicateRule';
import { checkCodes } from './codeRules';
import { checkFeeSchedule } from './feeScheduleRules';
import { checkCoverage } from './coverageRules';
import { checkDates } from './dateRules';
import { checkDenials } from './denialRule';
import { checkAccounts } from './accountRules';
import { sortFindings } from './order';

export type { FindingsInput } from './context';

const RULES: readonly ((ctx: RuleContext) => void)[] = [
  checkPayments,
  checkBalances,
  checkDuplicates,
  checkCodes,
  checkFeeSchedule,
  checkCoverage,
  checkDates,
  checkDenials,
  checkAccounts,
];

export function findDiscrepancies(input: FindingsInput): Finding[] {
  const ctx = new RuleContext(input);
  for (const rule of RULES) rule(ctx);
  return sortFindings(ctx.out);
}
