/**
 * Every discrepancy finding for one analysed ledger (DESIGN §7 rule ids),
 * in §7 order. Each rule family lives in its own module as a LineRule; this
 * file walks the lines once, in sheet order, handing each line to every
 * rule, then lets each rule finish and sorts. Pure and synchronous.
 */
import type { Finding } from '../findingTypes';
import { RuleContext, type FindingsInput } from './context';
import { paymentRules } from './paymentRules';
import { balanceRule } from './balanceRule';
import { duplicateRule } from './duplicateRule';
import { codeRules } from './codeRules';
import { unitsRule } from './unitsRule';
import { allowedRule } from './allowedRule';
import { coverageRules } from './coverageRules';
import { dateRules } from './dateRules';
import { denialRule } from './denialRule';
import { accountRules } from './accountRules';
import { sortFindings } from './order';

export type { FindingsInput } from './context';

/** Lines per block: their account records (64 bytes each) fit the first-level cache together. */
const WARM_BLOCK = 256;

export function findDiscrepancies(input: FindingsInput): Finding[] {
  const ctx = new RuleContext(input);
  const payments = paymentRules(ctx);
  const balances = balanceRule(ctx);
  const duplicates = duplicateRule(ctx);
  const codes = codeRules(ctx);
  const units = unitsRule(ctx);
  const allowed = allowedRule(ctx);
  const coverage = coverageRules(ctx);
  const dates = dateRules(ctx);
  const denials = denialRule(ctx);
  const accounts = accountRules(ctx);
  const { lines, shares } = input;
  const ids = ctx.accountIds;
  let warmed = 0;
  // Blocks of lines: first their account records are pulled into cache together (see AccountTable.warm),
  // then every rule sees each line of the block.
  for (let from = 0; from < lines.length; from += WARM_BLOCK) {
    const to = Math.min(lines.length, from + WARM_BLOCK);
    warmed |= ctx.facts.warm(ids, from, to);
    // One call site per rule (not a loop over an array of rules) keeps each call monomorphic for the JIT.
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      const share = shares.at(i);
      payments.line(i, line, share);
      balances.line(i, line, share);
      duplicates.line(i, line, share);
      codes.line(i, line, share);
      units.line(i, line, share);
      allowed.line(i, line, share);
      coverage.line(i, line, share);
      dates.line(i, line, share);
      denials.line(i, line, share);
      accounts.line(i, line, share);
    }
  }
  ctx.warmed = warmed;
  for (const rule of [payments, balances, duplicates, codes, units, allowed, coverage, dates, denials, accounts]) rule.finish();
  return sortFindings(ctx.out);
}
