/**
 * Eligibility, on lines billed to an insurer, as adjudication decided it
 * (LineShares.whoPays and basis, DESIGN §4):
 *  - NO_COVERAGE_ON_DOS (`error`, at the payer cell — the payer is what has
 *    to change unless the Coverage sheet is what is wrong): the Coverage
 *    sheet has no row in effect on the service date (basis `no-coverage`:
 *    the patient owes it all), or has none and yet the insurer paid (basis
 *    `coverage-out-of-date`: the sheet needs updating). Amount: the charge.
 *  - COVERAGE_IN_DOUBT (`info`): a Coverage row that could not be read might
 *    cover the line, so its shares were not computed; the notice names that
 *    Coverage cell so it can be corrected.
 *  - MISSING_MEMBER_ID (`error`, at the member-id cell, amount the charge):
 *    no member id on the line, nor on the Coverage row that covers it (nor,
 *    when none covers it, on any of the account's rows) — the payer rejects
 *    a claim without one.
 * A line whose coverage is unknown (no Payer column, no Coverage sheet) is
 * not judged: there is nothing to judge it by.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import { idKey } from '../nameKeys';
import { coverageSheetInUse } from '../config';
import { cellOf, hasColumn, insurerName, lineFinding, type RuleContext } from './context';
import { date, money } from './format';

export function noCoverageOnDos(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (share.whoPays !== 'insured') return null;
  if (share.basis !== 'no-coverage' && share.basis !== 'coverage-out-of-date') return null;
  const payer = insurerName(ctx, line, share);
  const dos = date(line.serviceDate);
  const rows = ctx.coverageByAccount.get(idKey(line.account)) ?? [];
  const periods = rows.map((c) => `${c.planId} ${date(c.effectiveFrom)}–${date(c.effectiveTo)}`).join('; ');
  const onSheet = `account ${line.account} has ${rows.length === 0 ? 'no Coverage row' : 'no coverage in effect'} on ${dos}`;
  const message = share.basis === 'no-coverage'
    ? `No coverage on the date of service: the line is billed to ${payer} but ${onSheet}. Verify eligibility with the payer; ` +
      'then correct the Coverage sheet, bill the right payer, or bill the patient as self-pay.'
    : `No coverage on the date of service on the Coverage sheet: ${onSheet}, yet ${payer} paid the line, so the sheet is out of date. ` +
      'Add the coverage the payer honoured to the Coverage sheet so expected shares can be checked.';
  return lineFinding({
    rule: 'NO_COVERAGE_ON_DOS', severity: 'error', line, cell: cellOf(ctx, line, 'payer', 'serviceDate'), amount: line.billed,
    message,
    inputs: { payer, serviceDate: dos, coveragePeriods: periods === '' ? '(none)' : periods, billed: money(line.billed) },
  });
}

export function coverageInDoubt(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (share.basis !== 'coverage-in-doubt') return null;
  const where = share.coverageIssueCell === null ? 'a Coverage row' : `the Coverage row at cell ${share.coverageIssueCell}`;
  return lineFinding({
    rule: 'COVERAGE_IN_DOUBT', severity: 'info', line, cell: cellOf(ctx, line, 'serviceDate'), amount: null,
    message:
      `Coverage in doubt: ${where} could not be read and may cover this ${date(line.serviceDate)} service, so its expected shares ` +
      'were not computed. Correct that cell and run the analysis again.',
    inputs: { coverageCell: share.coverageIssueCell ?? '', serviceDate: date(line.serviceDate) },
  });
}

/** A member id is on the line, on the Coverage row that covers it, or (none covers it) on any row of the account. */
function memberIdOnFile(ctx: RuleContext, line: LedgerLine, share: LineShares): boolean {
  if ((line.memberId ?? '').trim() !== '') return true;
  const row = share.coverageRow === null ? undefined : ctx.coverageByRow[share.coverageRow];
  if (row !== undefined) return (row.memberId ?? '').trim() !== '';
  return (ctx.coverageByAccount.get(idKey(line.account)) ?? []).some((c) => (c.memberId ?? '').trim() !== '');
}

export function missingMemberId(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  // A row that could not be read may hold the member id: nothing to say until it is corrected.
  if (share.whoPays !== 'insured' || share.basis === 'coverage-in-doubt') return null;
  // Nearly every line has its member id: where the workbook could hold one is asked only when it does not.
  if (memberIdOnFile(ctx, line, share)) return null;
  if (!coverageSheetInUse(ctx.config) && !hasColumn(ctx, line, 'memberId')) return null;
  const payer = insurerName(ctx, line, share);
  return lineFinding({
    rule: 'MISSING_MEMBER_ID', severity: 'error', line, cell: cellOf(ctx, line, 'memberId', 'payer'), amount: line.billed,
    message:
      `Missing member id: the line is billed to ${payer} but neither the ledger nor the Coverage sheet gives ` +
      `account ${line.account}'s member id. Get it from the insurance card or an eligibility check and add it before the claim goes out; the payer will reject it without one.`,
    inputs: { payer, billed: money(line.billed) },
  });
}
