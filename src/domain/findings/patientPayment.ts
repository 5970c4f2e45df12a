/**
 * What the patient paid and is billed against their expected share (DESIGN
 * §5 via LineShares): PATIENT_OVERPAID (a refund is due, at the patient-paid
 * cell) and PATIENT_OVERBILLED (the balance asks for more than the patient
 * owes, at the balance cell). Both `error`. A line whose coverage is unknown
 * (§4) has no expected share and is never judged.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import { netPatientPaid } from '../lineBalance';
import { cellOf, hasColumn, hasMoneyColumn, lineFinding, orZero, type RuleContext } from './context';
import { insurerHasPaid } from './insurerPayment';
import { money, usd } from './format';

function expectedPatientShare(share: LineShares): number | null {
  return share.whoPays === 'unknown' ? null : share.patientShare;
}

/** The patient paid more than their share: refund it (or apply it elsewhere with their consent). */
export function patientOverpaid(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  const expected = expectedPatientShare(share);
  if (expected === null) return null;
  const paid = netPatientPaid(line);
  const over = paid - expected;
  // Nearly every patient paid no more than their share: the sheet's columns are asked about only then.
  if (over <= ctx.tolerance || !hasMoneyColumn(ctx, line, 'patientPaid')) return null;
  const inputs: Record<string, string> = { patientShare: money(expected), patientPaid: money(line.patientPaid), tolerance: money(ctx.tolerance) };
  if (line.patientRefunded) inputs.patientRefunded = money(line.patientRefunded);
  return lineFinding({
    rule: 'PATIENT_OVERPAID', severity: 'error', line, cell: cellOf(ctx, line, 'patientPaid', 'balance', 'billed'), amount: over,
    message:
      `Refund due: the patient paid ${usd(paid)} on this line but their share is ${usd(expected)}, ${usd(over)} too much. ` +
      'Refund the patient, or apply the credit to another open balance of theirs with their consent.',
    inputs,
  });
}

/**
 * Once the insurer has paid, the balance should be what the patient still
 * owes (never below 0 — an overpayment is PATIENT_OVERPAID's refund) plus
 * what a secondary payer has yet to pay: that part is the secondary's bill,
 * not the patient's.
 */
export function patientOverbilled(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  const expected = expectedPatientShare(share);
  const balance = line.balance;
  if (expected === null || balance === null || !insurerHasPaid(line)) return null;
  const paid = netPatientPaid(line);
  const patientOwes = Math.max(0, expected - paid);
  const secondaryDue = Math.max(0, orZero(share.secondaryShare) - orZero(line.secondaryPaid));
  const excess = balance - (patientOwes + secondaryDue);
  // Nearly every balance is right: the sheet's columns are asked about only for one that is not.
  if (excess <= ctx.tolerance || !hasColumn(ctx, line, 'balance')) return null;
  const inputs: Record<string, string> = {
    balance: money(balance), patientShare: money(expected), patientPaid: money(line.patientPaid), tolerance: money(ctx.tolerance),
  };
  if (secondaryDue > 0) inputs.secondaryStillDue = money(secondaryDue);
  const owes = secondaryDue > 0
    ? `the patient owes ${usd(patientOwes)} (plus ${usd(secondaryDue)} still due from the secondary payer)`
    : `the patient owes ${usd(patientOwes)} (share ${usd(expected)} less ${usd(paid)} paid)`;
  return lineFinding({
    rule: 'PATIENT_OVERBILLED', severity: 'error', line, cell: cellOf(ctx, line, 'balance'), amount: excess,
    message:
      `Patient overbilled: the balance is ${usd(balance)} but after the insurer's adjudication ${owes}, ${usd(excess)} too much. ` +
      'Post the missing contractual adjustment or correct the balance before the next statement goes out.',
    inputs,
  });
}
