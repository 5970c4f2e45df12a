/**
 * Date rules, pointing at the service-date cell:
 *  - DATE_ERROR: service date after the posting date, after the as-of date,
 *    or before the date of birth (ledger DOB, else `Patients`). One finding
 *    per line naming every problem. A claim with an impossible date is
 *    rejected, so it follows the claim-at-risk convention (codeRules).
 *  - TIMELY_FILING_RISK: billed to a payer, no insurer payment or denial yet
 *    (status Paid counts as decided even at 0 paid; an appealed line was
 *    decided), and the filing limit (service date + TimelyFilingDays, per
 *    payer when set) ends within 30 days or has passed. `warning` while there
 *    is still time, `error` once the limit has passed (the money is lost
 *    unless proof of timely filing exists). Amount: the insurer's expected
 *    share when known, else the charge.
 */
import type { LedgerLine } from '../ledger';
import type { Day } from '../day';
import { nameKey } from '../nameKeys';
import { insurerHasAdjudicated as insurerHasAdjudicatedImport } from '../lineStatus';
import type { LineRule, RuleContext } from './context';
import { claimAtRisk } from './codeRules';
import { date, money } from './format';

// Imported functions the pass calls on every line are bound once: under tsx (esbuild) each use of an import is a getter call.
const insurerHasAdjudicated = insurerHasAdjudicatedImport;

/** A limit ending this many days from the as-of date (or fewer) is a risk. */
export const FILING_WARNING_DAYS = 30;

export function dateRules(ctx: RuleContext): LineRule {
  const { asOf } = ctx;
  const policy = ctx.config.policy;
  const filingDays = new Map<string, number>();
  const daysFor = (payer: string): number => {
    let d = filingDays.get(payer);
    if (d === undefined) {
      const own = policy.timelyFilingDaysByPayer[nameKey(payer)];
      d = own !== undefined && Number.isFinite(own) ? own : policy.timelyFilingDays;
      filingDays.set(payer, d);
    }
    return d;
  };
  const hasPatients = ctx.config.patients.length > 0;

  return {
    line(i, line, s) {
      const dob = line.dob ?? (hasPatients ? patientDob(ctx, i) : null);
      // Test first, build the message only for a line at fault.
      if ((line.postingDate !== null && line.serviceDate > line.postingDate) || line.serviceDate > asOf || (dob !== null && line.serviceDate < dob)) {
        dateError(ctx, line, dob);
      }
      if (line.status === 'appealed' || insurerHasAdjudicated(line) || ctx.selfPay(line)) return;
      const limitDays = daysFor(line.payer!);
      const deadline = (line.serviceDate + limitDays) as Day;
      const daysLeft = deadline - asOf;
      if (daysLeft <= FILING_WARNING_DAYS) filingRisk(ctx, line, s?.insurerShare ?? null, limitDays, deadline, daysLeft);
    },
    finish() {},
  };
}

function patientDob(ctx: RuleContext, i: number): Day | null {
  const dob = ctx.facts.dob(ctx.accountIds[i]!);
  return Number.isNaN(dob) ? null : (dob as Day);
}

function filingRisk(ctx: RuleContext, line: LedgerLine, share: number | null, limitDays: number, deadline: Day, daysLeft: number): void {
  const passed = daysLeft < 0;
  const when = passed
    ? `ended on ${date(deadline)}, ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`
    : daysLeft === 0 ? `ends today (${date(deadline)})` : `ends on ${date(deadline)}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  const todo = passed
    ? 'File now with proof of timely filing if the claim was sent in time (a clearinghouse report); otherwise the payer will deny it and it must be written off, not billed to the patient.'
    : 'Make sure the claim has been sent and accepted (check the clearinghouse), and follow up with the payer before the limit.';
  ctx.add(
    line, 'TIMELY_FILING_RISK', passed ? 'error' : 'warning', ctx.cellOf(line, 'serviceDate'), share ?? line.billed,
    `Timely filing ${passed ? 'limit passed' : 'at risk'}: no payment or denial from ${line.payer!.trim()} yet, and its ${limitDays}-day filing limit ${when}. ${todo}`,
    {
      serviceDate: date(line.serviceDate),
      filingLimitDays: String(limitDays),
      filingDeadline: date(deadline),
      asOf: date(ctx.asOf),
      daysLeft: String(daysLeft),
      expectedInsurerShare: money(share),
    },
  );
}

function dateError(ctx: RuleContext, line: LedgerLine, dob: Day | null): void {
  const dos = line.serviceDate;
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
  const r = claimAtRisk(ctx, line);
  ctx.add(
    line, 'DATE_ERROR', r.severity, ctx.cellOf(line, 'serviceDate'), r.amount,
    `Date error: the service date ${date(dos)} is ${problems.join(' and ')}. Check the dates for a typing mistake and correct them` +
      `${ctx.selfPay(line) ? '.' : ' before the claim goes out; the payer will reject an impossible date.'}`,
    inputs,
  );
}
