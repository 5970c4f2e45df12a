/**
 * Paid amounts against expected shares (DESIGN §5 via LineShares):
 * INSURER_UNDERPAID, INSURER_OVERPAID, PATIENT_OVERPAID, PATIENT_OVERBILLED.
 * All four are `error`: money is wrong on the line. A difference up to the
 * Policy tolerance is rounding and stays silent.
 */
import type { LedgerLine } from '../ledger';
import { isDenied as isDeniedImport } from '../lineStatus';
import type { LineShares } from '../shareTypes';
import { netPatientPaid as netPatientPaidImport, orZero as orZeroImport, type LineRule, type RuleContext } from './context';
import { money, plural, usd } from './format';

// Imported functions the pass calls on every line are bound once: under tsx (esbuild) each use of an import is a getter call.
const isDenied = isDeniedImport;
const netPatientPaid = netPatientPaidImport;
const orZero = orZeroImport;

/**
 * The insurer has decided and paid: status Paid, or an insurer payment on the
 * line. A line with no payment and no status is still outstanding — that is
 * TIMELY_FILING_RISK's business, not an underpayment.
 */
export const insurerHasPaid = (line: LedgerLine): boolean =>
  line.status === 'paid' || (line.insurerPaid !== null && line.insurerPaid > 0);

const payerName = (line: LedgerLine): string => line.payer?.trim() || 'The insurer';

export function paymentRules(ctx: RuleContext): LineRule {
  const tol = ctx.tolerance;
  const insurerCol = ctx.hasMoneyField('insurerPaid');
  const patientCol = ctx.hasMoneyField('patientPaid');
  const balanceCol = ctx.hasColumn('balance');
  let noInsurerShare = 0;
  let noPatientShare = 0;
  let noShareForBalance = 0;

  return {
    line(_i, line, s) {
      const insurerShare = s === undefined ? null : s.insurerShare;
      const patientShare = s === undefined ? null : s.patientShare;
      if (insurerCol) {
        if (insurerShare === null) noInsurerShare++;
        else checkInsurer(ctx, line, insurerShare, tol);
      }
      if (patientCol) {
        if (patientShare === null) noPatientShare++;
        else checkPatientPaid(ctx, line, patientShare, tol);
      }
      if (balanceCol && line.balance !== null && insurerHasPaid(line)) {
        if (patientShare === null) noShareForBalance++;
        else checkOverbilled(ctx, line, s!, patientShare, line.balance, tol);
      }
    },
    finish() {
      if (ctx.lines.length === 0) return;
      if (!insurerCol) {
        const why = 'the ledger has no insurance-paid column. Map an Insurance Paid column to check insurer payments.';
        ctx.notice('INSURER_UNDERPAID', `Insurer underpayments were not checked: ${why}`);
        ctx.notice('INSURER_OVERPAID', `Insurer overpayments were not checked: ${why}`);
      } else if (noInsurerShare > 0) {
        const why = `${plural(noInsurerShare, 'line')} have no expected insurer share (no Plans, Benefits or Coverage configuration covers them). Add those sheets to check them.`;
        const inputs = { linesWithoutShares: String(noInsurerShare) };
        ctx.notice('INSURER_UNDERPAID', `Insurer underpayments were not checked where ${why}`, inputs);
        ctx.notice('INSURER_OVERPAID', `Insurer overpayments were not checked where ${why}`, inputs);
      }
      if (!patientCol) {
        ctx.notice('PATIENT_OVERPAID', 'Patient refunds due were not checked: the ledger has no patient-paid column. Map a Patient Paid column to check them.');
      } else if (noPatientShare > 0) {
        ctx.notice(
          'PATIENT_OVERPAID',
          `Patient refunds due were not checked on ${plural(noPatientShare, 'line')} with no expected patient share (no configuration covers them). Add Plans, Benefits and Coverage sheets to check them.`,
          { linesWithoutShares: String(noPatientShare) },
        );
      }
      if (!balanceCol) {
        ctx.notice('PATIENT_OVERBILLED', 'Patient overbilling was not checked: the ledger has no Balance column. Map a Balance column to check it.');
      } else if (noShareForBalance > 0) {
        ctx.notice(
          'PATIENT_OVERBILLED',
          `Patient overbilling was not checked on ${plural(noShareForBalance, 'adjudicated line')} with no expected patient share (no configuration covers them). Add Plans, Benefits and Coverage sheets to check them.`,
          { linesWithoutShares: String(noShareForBalance) },
        );
      }
    },
  };
}

function checkInsurer(ctx: RuleContext, line: LedgerLine, expected: number, tol: number): void {
  const paid = orZero(line.insurerPaid);
  if (paid - expected > tol) {
    const over = paid - expected;
    ctx.add(
      line, 'INSURER_OVERPAID', 'error', ctx.cellOf(line, 'insurerPaid', 'billed'), over,
      `Insurer overpaid: ${payerName(line)} paid ${usd(paid)} but its expected share is ${usd(expected)}, ${usd(over)} too much. ` +
        'Check the benefits and fee schedule; if the overpayment is confirmed, refund or offset it with the payer.',
      insurerInputs(line, expected, tol),
    );
  } else if (expected - paid > tol && insurerHasPaid(line) && !isDenied(line) && line.status !== 'pending') {
    const short = expected - paid;
    ctx.add(
      line, 'INSURER_UNDERPAID', 'error', ctx.cellOf(line, 'insurerPaid', 'billed'), short,
      `Insurer underpaid: ${payerName(line)} paid ${usd(paid)} but its expected share is ${usd(expected)}, ${usd(short)} short. ` +
        'Compare the remittance (EOB) with the contract and appeal the underpayment; do not bill the difference to the patient.',
      insurerInputs(line, expected, tol),
    );
  }
}

function insurerInputs(line: LedgerLine, expected: number, tol: number): Record<string, string> {
  return { expectedInsurerShare: money(expected), insurerPaid: money(line.insurerPaid), tolerance: money(tol) };
}

function checkPatientPaid(ctx: RuleContext, line: LedgerLine, share: number, tol: number): void {
  const paid = netPatientPaid(line);
  if (paid - share <= tol) return;
  const over = paid - share;
  const inputs: Record<string, string> = { patientShare: money(share), patientPaid: money(line.patientPaid), tolerance: money(tol) };
  if (line.patientRefunded) inputs.patientRefunded = money(line.patientRefunded);
  ctx.add(
    line, 'PATIENT_OVERPAID', 'error', ctx.cellOf(line, 'patientPaid', 'balance', 'billed'), over,
    `Refund due: the patient paid ${usd(paid)} on this line but their share is ${usd(share)}, ${usd(over)} too much. ` +
      'Refund the patient, or apply the credit to another open balance of theirs with their consent.',
    inputs,
  );
}

/**
 * After adjudication the balance should be what the patient still owes
 * (never below 0 — a patient overpayment is PATIENT_OVERPAID's refund, not a
 * negative expectation here) plus whatever a secondary payer has yet to pay:
 * that part is billed to the secondary, not to the patient.
 */
function checkOverbilled(ctx: RuleContext, line: LedgerLine, s: LineShares, share: number, balance: number, tol: number): void {
  const paid = netPatientPaid(line);
  const patientOwes = Math.max(0, share - paid);
  const secondaryDue = Math.max(0, orZero(s.secondaryShare) - orZero(line.secondaryPaid));
  const expected = patientOwes + secondaryDue;
  if (balance - expected <= tol) return;
  const excess = balance - expected;
  const inputs: Record<string, string> = {
    balance: money(balance),
    patientShare: money(share),
    patientPaid: money(line.patientPaid),
    tolerance: money(tol),
  };
  if (secondaryDue > 0) inputs.secondaryStillDue = money(secondaryDue);
  const owes = secondaryDue > 0
    ? `the patient owes ${usd(patientOwes)} (plus ${usd(secondaryDue)} still due from the secondary payer)`
    : `the patient owes ${usd(patientOwes)} (share ${usd(share)} less ${usd(paid)} paid)`;
  ctx.add(
    line, 'PATIENT_OVERBILLED', 'error', ctx.cellOf(line, 'balance'), excess,
    `Patient overbilled: the balance is ${usd(balance)} but after the insurer's adjudication ${owes}, ${usd(excess)} too much. ` +
      'Post the missing contractual adjustment or correct the balance before the next statement goes out.',
    inputs,
  );
}
