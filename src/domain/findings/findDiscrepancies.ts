/**
 * Every discrepancy finding for one analysed ledger (DESIGN §7 rule ids),
 * in §7 order. Each rule lives in one function named for it (index.ts
 * lists them with their files); this file only runs them. Pure and
 * synchronous.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import { ruleContext, type FindingsInput, type RuleContext } from './context';
import { insurerOverpaid, insurerUnderpaid } from './insurerPayment';
import { patientOverbilled, patientOverpaid } from './patientPayment';
import { balanceMismatch } from './balance';
import { invalidDiagnosisCode, invalidModifier, invalidProcedureCode, missingDiagnosis } from './codes';
import { allowedMismatch } from './allowed';
import { coverageInDoubt, missingMemberId, noCoverageOnDos } from './coverage';
import { dateError, timelyFilingRisk } from './dates';
import { deniedUnworked } from './denials';
import { duplicateCharges } from './duplicates';
import { unitsOverLimit } from './units';
import { collectionsCandidate, creditBalance, linesByAccount } from './accounts';
import { dataNotices } from './notices';
import { sortFindings } from './order';

export type { FindingsInput } from './context';

/** A rule that judges one line on its own. */
type LineRule = (ctx: RuleContext, line: LedgerLine, share: LineShares) => Finding | null;

const LINE_RULES: readonly LineRule[] = [
  insurerUnderpaid, insurerOverpaid, patientOverpaid, patientOverbilled, balanceMismatch,
  invalidProcedureCode, invalidModifier, invalidDiagnosisCode, missingDiagnosis, allowedMismatch,
  noCoverageOnDos, coverageInDoubt, missingMemberId, dateError, timelyFilingRisk, deniedUnworked,
];

export function findDiscrepancies(input: FindingsInput): Finding[] {
  const ctx = ruleContext(input);
  const out: Finding[] = [];
  const { lines } = ctx.ledger;
  for (let i = 0; i < lines.length; i++) {
    for (const rule of LINE_RULES) {
      const finding = rule(ctx, lines[i]!, ctx.shares[i]!);
      if (finding !== null) out.push(finding);
    }
  }
  // Appended one by one: spreading a list of a million duplicates into push() overflows the call stack.
  for (const f of duplicateCharges(ctx)) out.push(f);
  for (const f of unitsOverLimit(ctx)) out.push(f);
  for (const account of linesByAccount(lines).values()) {
    const credit = creditBalance(ctx, account);
    if (credit !== null) out.push(credit);
    const collections = collectionsCandidate(ctx, account);
    if (collections !== null) out.push(collections);
  }
  for (const f of dataNotices(ctx)) out.push(f);
  return sortFindings(out);
}
