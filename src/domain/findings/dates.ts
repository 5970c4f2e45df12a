/**
 * Date rules, at the service-date cell:
 *  - DATE_ERROR: the service date is after the posting date, after the as-of
 *    date, or before the date of birth (the ledger's, else Patients'). One
 *    finding per line naming every problem; a claim with an impossible date
 *    is rejected, so severity and amount follow claimAtRisk (codes.ts).
 *  - TIMELY_FILING_RISK: a line still pending with insurance (adjudication's
 *    standing, DESIGN §4 — a line wholly to the deductible is decided, not
 *    pending) whose filing limit (service date + TimelyFilingDays, per payer
 *    when the Policy sets one) ends within 30 days or has passed. An appealed
 *    line was filed and decided in time, so it is not at risk of this. A
 *    `warning` while there is still time, an `error` once the limit has
 *    passed. Amount: the insurer's expected share when known, else the charge.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import type { Day } from '../day';
import { idKey, nameKey } from '../nameKeys';
import { cellOf, insurerName, lineFinding, type RuleContext } from './context';
import { claimAtRisk } from './codes';
import { date, money } from './format';

/** A filing limit ending this many days from the as-of date (or fewer) is a risk. */
export const FILING_WARNING_DAYS = 30;

export function dateError(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  const dos = line.serviceDate;
  const dob = line.dob ?? ctx.patients.get(idKey(line.account))?.dob ?? null;
  const problems: string[] = [];
  const inputs: Record<string, string> = { serviceDate: date(dos) };
  if (line.postingDate !== null && dos > line.postingDate) {
    problems.push(`after the posting date ${date(line.postingDate)}`);
    inputs.postingDate = date(line.postingDate);
  }
  if (dos > ctx.asOf) {
    problems.push(`after the as-of date ${date(ctx.asOf)}`);
    inputs.asOf = date(ctx.asOf);
  }
  if (dob !== null && dos < dob) {
    problems.push(`before the patient's date of birth`);
    inputs.dateOfBirth = line.dob !== null ? 'ledger DOB' : 'Patients sheet DOB';
  }
  if (problems.length === 0) return null;
  const risk = claimAtRisk(line, share);
  return lineFinding({
    rule: 'DATE_ERROR', severity: risk.severity, line, cell: cellOf(ctx, line, 'serviceDate'), amount: risk.amount,
    message:
      `Date error: the service date ${date(dos)} is ${problems.join(' and ')}. Check the dates for a typing mistake and correct them` +
      `${share.whoPays === 'self-pay' ? '.' : ' before the claim goes out; the payer will reject an impossible date.'}`,
    inputs,
  });
}

/** The payer's own filing limit from the Policy, else the default. */
function filingLimitDays(ctx: RuleContext, payer: string): number {
  const own = ctx.config.policy.timelyFilingDaysByPayer[nameKey(payer)];
  return own !== undefined && Number.isFinite(own) ? own : ctx.config.policy.timelyFilingDays;
}

export function timelyFilingRisk(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (share.whoPays !== 'insured' || share.standing !== 'pending' || line.status === 'appealed') return null;
  const payer = insurerName(ctx, line, share);
  const limitDays = filingLimitDays(ctx, payer);
  const deadline = (line.serviceDate + limitDays) as Day;
  const daysLeft = deadline - ctx.asOf;
  if (daysLeft > FILING_WARNING_DAYS) return null;
  const passed = daysLeft < 0;
  const when = passed
    ? `ended on ${date(deadline)}, ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`
    : daysLeft === 0 ? `ends today (${date(deadline)})` : `ends on ${date(deadline)}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  const todo = passed
    ? 'File now with proof of timely filing if the claim was sent in time (a clearinghouse report); otherwise the payer will deny it and it must be written off, not billed to the patient.'
    : 'Make sure the claim has been sent and accepted (check the clearinghouse), and follow up with the payer before the limit.';
  return lineFinding({
    rule: 'TIMELY_FILING_RISK', severity: passed ? 'error' : 'warning', line, cell: cellOf(ctx, line, 'serviceDate'),
    amount: share.insurerShare ?? line.billed,
    message: `Timely filing ${passed ? 'limit passed' : 'at risk'}: no payment or denial from ${payer} yet, and its ${limitDays}-day filing limit ${when}. ${todo}`,
    inputs: {
      serviceDate: date(line.serviceDate),
      filingLimitDays: String(limitDays),
      filingDeadline: date(deadline),
      asOf: date(ctx.asOf),
      daysLeft: String(daysLeft),
      expectedInsurerShare: money(share.insurerShare),
    },
  });
}
