/**
 * Where a ledger line stands with insurance — one definition used by the
 * findings, statements and KPIs so they never disagree.
 */
import type { LedgerLine } from './ledger';
import { isSelfPay } from './ledger';
import { add, sub, ZERO, type Cents } from './money';

/** Denied: status Denied or a denial code on the line. */
export function isDenied(line: LedgerLine): boolean {
  return line.status === 'denied' || (line.denialCode !== null && line.denialCode !== '');
}

/** The insurer has decided the line: status Paid, or any insurer payment recorded, or denied. */
export function insurerHasAdjudicated(line: LedgerLine): boolean {
  return line.status === 'paid' || (line.insurerPaid !== null && line.insurerPaid !== 0) || isDenied(line);
}

/**
 * Still with insurance: billed to a payer, not yet adjudicated (or under
 * appeal). Such lines are listed on a statement but not billed to the patient.
 */
export function isPendingWithInsurance(line: LedgerLine): boolean {
  return pendingGivenSelfPay(line, isSelfPay(line.payer));
}

/** isPendingWithInsurance for callers that already know (or memoise) whether the line is self-pay. */
export function pendingGivenSelfPay(line: LedgerLine, selfPay: boolean): boolean {
  if (selfPay) return false;
  if (line.status === 'pending' || line.status === 'appealed') return true;
  return !insurerHasAdjudicated(line);
}

/** The line's outstanding balance: the ledger's, else billed − adjustment − payments + refunds. */
export function lineBalance(line: LedgerLine): Cents {
  if (line.balance !== null) return line.balance;
  let b = sub(line.billed, line.adjustment ?? ZERO);
  b = sub(b, line.insurerPaid ?? ZERO);
  b = sub(b, line.secondaryPaid ?? ZERO);
  b = sub(b, line.patientPaid ?? ZERO);
  return add(b, line.patientRefunded ?? ZERO);
}

/** What the patient has paid on the line, net of refunds sent back (findings and statements alike). */
export function netPatientPaid(line: LedgerLine): Cents {
  // Both are whole cents already, so their difference is too: no re-check on this per-line path.
  return ((line.patientPaid ?? 0) - (line.patientRefunded ?? 0)) as Cents;
}
