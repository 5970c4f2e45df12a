/**
 * Workbook-level notices (`info`, no row): where a rule could not look at
 * some or all of the ledger because the data it needs is missing — a
 * column on a sheet, a configuration sheet, expected shares — at most one
 * per rule, saying what to add. A clean ledger with everything it needs
 * gets none.
 */
import type { Finding, RuleId } from '../findingTypes';
import { coverageSheetInUse } from '../config';
import { hasColumn, hasMoneyColumn, notice, sheetsWithout, type RuleContext } from './context';
import { insurerHasPaid } from './insurerPayment';
import { plural } from './format';


/** "the ledger has no Balance column" / "sheet Feb has no Balance column". */
function lacking(ctx: RuleContext, sheets: readonly string[], column: string): string {
  const withLines = ctx.ledger.sheets.filter((s) => s.counts.linesAnalyzed > 0).length;
  if (sheets.length >= withLines) return `the ledger has no ${column} column`;
  return `${sheets.length === 1 ? 'sheet' : 'sheets'} ${sheets.join(', ')} ${sheets.length === 1 ? 'has' : 'have'} no ${column} column`;
}

/** Counts over the lines of what the share-based rules could not judge. */
interface Unjudged {
  /** Coverage unknown (§4: no Payer column, no Coverage sheet). */
  readonly coverageUnknown: number;
  /** Coverage known, but no expected insurer / patient share computed. */
  readonly noInsurerShare: number;
  readonly noPatientShare: number;
  /** Paid by the insurer, with a balance, but no expected patient share. */
  readonly noShareForBalance: number;
  /** A ledger Allowed on a decided line with no fee-schedule row to compare with. */
  readonly noFeeRow: number;
}

function unjudged(ctx: RuleContext): Unjudged {
  let coverageUnknown = 0, noInsurerShare = 0, noPatientShare = 0, noShareForBalance = 0, noFeeRow = 0;
  ctx.ledger.lines.forEach((line, i) => {
    const share = ctx.shares[i]!;
    if (share.whoPays === 'unknown') {
      coverageUnknown++;
      return;
    }
    if (share.insurerShare === null && hasMoneyColumn(ctx, line, 'insurerPaid')) noInsurerShare++;
    if (share.patientShare === null && hasMoneyColumn(ctx, line, 'patientPaid')) noPatientShare++;
    if (share.patientShare === null && line.balance !== null && insurerHasPaid(line)) noShareForBalance++;
    if (line.allowed !== null && share.feeScheduleAllowed === null && share.standing === 'decided' && hasColumn(ctx, line, 'allowed')) noFeeRow++;
  });
  return { coverageUnknown, noInsurerShare, noPatientShare, noShareForBalance, noFeeRow };
}

const UNKNOWN_COVERAGE =
  'whose coverage is unknown (the ledger has no Payer column and the workbook no Coverage sheet; add either to check them)';
const NO_CONFIGURATION = 'with no expected share (no Plans, Benefits or Coverage configuration covers them; add those sheets to check them)';

export function dataNotices(ctx: RuleContext): Finding[] {
  if (ctx.ledger.lines.length === 0) return [];
  const out: Finding[] = [];
  const say = (rule: RuleId, message: string, inputs: Record<string, string> = {}): void => {
    out.push(notice(ctx, rule, message, inputs));
  };
  const count = unjudged(ctx);
  const some = (n: number, what: string): string | null => (n > 0 ? `${plural(n, 'line')} ${what}` : null);
  const notOn = (...parts: (string | null)[]): string => parts.filter((p) => p !== null).join('; and on ');

  const noInsurerPaid = sheetsWithout(ctx, 'insurerPaid', 'type');
  const insurerParts = notOn(some(count.coverageUnknown, UNKNOWN_COVERAGE), some(count.noInsurerShare, NO_CONFIGURATION));
  for (const [rule, what] of [['INSURER_UNDERPAID', 'Insurer underpayments'], ['INSURER_OVERPAID', 'Insurer overpayments']] as const) {
    if (noInsurerPaid.length > 0) say(rule, `${what} were not checked where ${lacking(ctx, noInsurerPaid, 'insurance-paid')}. Map an Insurance Paid column to check them.`);
    else if (insurerParts !== '') say(rule, `${what} were not checked on ${insurerParts}.`, { linesCoverageUnknown: String(count.coverageUnknown), linesWithoutShares: String(count.noInsurerShare) });
  }

  const noPatientPaid = sheetsWithout(ctx, 'patientPaid', 'type');
  const patientParts = notOn(some(count.coverageUnknown, UNKNOWN_COVERAGE), some(count.noPatientShare, NO_CONFIGURATION));
  if (noPatientPaid.length > 0) say('PATIENT_OVERPAID', `Patient refunds due were not checked where ${lacking(ctx, noPatientPaid, 'patient-paid')}. Map a Patient Paid column to check them.`);
  else if (patientParts !== '') say('PATIENT_OVERPAID', `Patient refunds due were not checked on ${patientParts}.`, { linesCoverageUnknown: String(count.coverageUnknown), linesWithoutShares: String(count.noPatientShare) });

  const noBalance = sheetsWithout(ctx, 'balance');
  if (noBalance.length > 0) {
    say('PATIENT_OVERBILLED', `Patient overbilling was not checked where ${lacking(ctx, noBalance, 'Balance')}. Map a Balance column to check it.`);
    say('BALANCE_MISMATCH', `Line balances were not checked where ${lacking(ctx, noBalance, 'Balance')}. Map a Balance column to check the arithmetic.`);
  } else if (count.noShareForBalance > 0) {
    say('PATIENT_OVERBILLED', `Patient overbilling was not checked on ${plural(count.noShareForBalance, 'paid line')} with no expected patient share (coverage unknown or not configured).`, { linesWithoutShares: String(count.noShareForBalance) });
  }

  if (!ctx.config.present.has('FeeSchedule')) {
    say('ALLOWED_MISMATCH', 'Allowed amounts were not checked against contract: the workbook has no FeeSchedule sheet. Add one to check them.');
    say('UNITS_OVER_LIMIT', 'Units per day were not checked: the workbook has no FeeSchedule sheet. Add one with MaxUnitsPerDay to check them.');
  } else {
    const noAllowed = sheetsWithout(ctx, 'allowed');
    if (noAllowed.length > 0) say('ALLOWED_MISMATCH', `Allowed amounts were not checked against contract where ${lacking(ctx, noAllowed, 'Allowed')}. Map an Allowed column to check them.`);
    else if (count.noFeeRow > 0) say('ALLOWED_MISMATCH', `Allowed amounts were not checked on ${plural(count.noFeeRow, 'line')} with no FeeSchedule row for their code. Add rows to check them.`, { linesWithoutFeeRow: String(count.noFeeRow) });
  }

  const insured = ctx.shares.some((s) => s.whoPays === 'insured');
  if (insured && !coverageSheetInUse(ctx.config)) {
    // A Coverage sheet with no rows yet ("Set up workbook" adds it so) is judged as none: say which.
    const empty = ctx.config.present.has('Coverage');
    say('NO_COVERAGE_ON_DOS', empty
      ? 'Coverage on the date of service was not checked: the Coverage sheet has no rows yet. Fill it in (Account, PlanId, EffectiveFrom, EffectiveTo…) to check eligibility.'
      : 'Coverage on the date of service was not checked: the workbook has no Coverage sheet. Add one (Account, PlanId, EffectiveFrom, EffectiveTo…) to check eligibility.');
    const noMemberId = sheetsWithout(ctx, 'memberId');
    if (noMemberId.length > 0) say('MISSING_MEMBER_ID', `Member ids were not checked where ${lacking(ctx, noMemberId, 'Member ID')} and the workbook has no Coverage ${empty ? 'rows' : 'sheet'}. Add either to check them.`);
  }
  if (count.coverageUnknown > 0) {
    say('TIMELY_FILING_RISK', `Timely filing was not checked on ${plural(count.coverageUnknown, 'line')} ${UNKNOWN_COVERAGE}.`, { linesCoverageUnknown: String(count.coverageUnknown) });
  }

  const noDiagnosis = sheetsWithout(ctx, 'diagnoses');
  if (noDiagnosis.length > 0) say('MISSING_DIAGNOSIS', `Missing diagnoses were not checked where ${lacking(ctx, noDiagnosis, 'diagnosis (ICD-10)')}. Map a Dx column to check that every charge has one.`);
  const noDenial = sheetsWithout(ctx, 'status', 'denialCode');
  if (noDenial.length > 0) say('DENIED_UNWORKED', `Denials were not checked where ${lacking(ctx, noDenial, 'Status or Denial Code')}. Map one to find unworked denials.`);
  return out;
}
