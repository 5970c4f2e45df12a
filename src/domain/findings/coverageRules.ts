/**
 * Eligibility rules on lines billed to a payer (a claim goes out):
 *  - NO_COVERAGE_ON_DOS: the account has no `Coverage` row in effect on the
 *    service date (a blank EffectiveFrom/To is open-ended). Needs a Coverage
 *    sheet; it points at the payer cell — the payer is what has to change
 *    (another payer, or the patient) unless coverage is missing from the sheet.
 *  - MISSING_MEMBER_ID: no member id on the line nor on any of the account's
 *    Coverage rows. Needs a Member ID column or a Coverage sheet.
 * Both are "claim would be rejected": `error`, amount = the line's charge.
 */
import type { LedgerLine } from '../ledger';
import type { CoverageRow } from '../config';
import type { LineRule, RuleContext } from './context';
import { date, money } from './format';

const blank = (s: string | null): boolean => s === null || s.trim() === '';

export function coverageRules(ctx: RuleContext): LineRule {
  const hasCoverageSheet = ctx.config.present.has('Coverage');
  const canCheckMemberId = hasCoverageSheet || ctx.hasColumn('memberId');
  let payerLines = 0;
  return {
    line(i, line) {
      if (ctx.selfPay(line)) return;
      payerLines++;
      const a = ctx.accountIds[i]!;
      if (hasCoverageSheet && !ctx.facts.coveredOn(a, line.serviceDate)) noCoverage(ctx, line, ctx.facts.rowsOf(a));
      if (canCheckMemberId && blank(line.memberId) && !ctx.facts.coverageMemberId(a)) missingMemberId(ctx, line);
    },
    finish() {
      if (payerLines === 0) return;
      if (!hasCoverageSheet) {
        ctx.notice(
          'NO_COVERAGE_ON_DOS',
          'Coverage on the date of service was not checked: the workbook has no Coverage sheet. Add one (Account, PlanId, EffectiveFrom, EffectiveTo…) to check eligibility.',
        );
      }
      if (!canCheckMemberId) {
        ctx.notice(
          'MISSING_MEMBER_ID',
          'Member ids were not checked: the ledger has no Member ID column and the workbook has no Coverage sheet. Add either to check them.',
        );
      }
    },
  };
}

function noCoverage(ctx: RuleContext, line: LedgerLine, rows: readonly CoverageRow[]): void {
  const dos = line.serviceDate;
  const periods = rows.map((c) => `${c.planId} ${date(c.effectiveFrom)}–${date(c.effectiveTo)}`).join('; ');
  ctx.add(
    line, 'NO_COVERAGE_ON_DOS', 'error', ctx.cellOf(line, 'payer', 'serviceDate'), line.billed,
    `No coverage on the date of service: the line is billed to ${line.payer?.trim()} but account ${line.account} has ` +
      `${rows.length === 0 ? 'no Coverage row' : 'no coverage in effect'} on ${date(dos)}. Verify eligibility with the payer; ` +
      'then correct the Coverage sheet, bill the right payer, or bill the patient as self-pay.',
    { payer: line.payer ?? '', serviceDate: date(dos), coveragePeriods: periods === '' ? '(none)' : periods, billed: money(line.billed) },
  );
}

function missingMemberId(ctx: RuleContext, line: LedgerLine): void {
  ctx.add(
    line, 'MISSING_MEMBER_ID', 'error', ctx.cellOf(line, 'memberId', 'payer'), line.billed,
    `Missing member id: the line is billed to ${line.payer?.trim()} but neither the ledger nor the Coverage sheet gives ` +
      `account ${line.account}'s member id. Get it from the insurance card or an eligibility check and add it before the claim goes out; the payer will reject it without one.`,
    { payer: line.payer ?? '', billed: money(line.billed) },
  );
}
