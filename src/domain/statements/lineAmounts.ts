/**
 * One ledger line as a statement shows it: is it on the bill, and what does
 * the patient owe on it (DESIGN §4, §7)?
 *
 * A line is billed when adjudication decided it, or denied it as the
 * patient's to pay (a PR group); a line still pending with insurance, or a
 * denial the office has to work, is listed but not billed. What the patient
 * owes on a billed line is the patient's part less what they paid
 * (lineBalance.patientOwes): patientShare where it was computed, else the
 * line's own balance.
 */
import { add, sub, ZERO } from '../money';
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import { balanceAroseOn, billedToPatient, netPatientPaid, patientOwes } from '../lineBalance';
import type { BalanceSource, Statement, StatementLine } from './statementTypes';
import { safeOrNull, safeText } from './text';

export const PENDING_NOTE = 'Pending with insurance';
export const DENIAL_NOTE = 'Denied by insurance: our office is working on it';

function balanceSourceOf(line: LedgerLine, share: LineShares): BalanceSource {
  if (share.patientShare !== null) return 'patient-share';
  return line.balance !== null ? 'ledger-balance' : 'computed';
}

export function statementLine(line: LedgerLine, share: LineShares): StatementLine {
  const insurancePaid = add(line.insurerPaid ?? ZERO, line.secondaryPaid ?? ZERO);
  const patientPaid = netPatientPaid(line);
  const onBill = billedToPatient(share);
  const patientBalance = onBill ? patientOwes(line, share) : ZERO;
  // A billed row foots: whatever is neither paid nor owed was adjusted off.
  const adjustments = onBill ? sub(sub(sub(line.billed, insurancePaid), patientPaid), patientBalance) : (line.adjustment ?? ZERO);
  return {
    lineIndex: line.index,
    sheet: line.sheet,
    row: line.row,
    serviceDate: line.serviceDate,
    code: safeText(line.code),
    description: safeOrNull(line.description),
    charge: line.billed,
    insurancePaid,
    adjustments,
    patientPaid,
    patientBalance,
    pending: !onBill,
    note: onBill ? null : share.standing === 'denied-office' ? DENIAL_NOTE : PENDING_NOTE,
    balanceSource: balanceSourceOf(line, share),
    balanceArose: balanceAroseOn(line),
  };
}

/**
 * The statement's printed rows, in its service-date order: the only place
 * they are made. A statement keeps positions into the ledger rather than
 * the rows (statements at 1M lines kept 295 MB with the rows, 200 MB
 * without), so a reader that prints them makes them here from the run's
 * ledger lines and shares.
 */
export function statementLines(statement: Statement, lines: readonly LedgerLine[], shares: readonly LineShares[]): StatementLine[] {
  return statement.linePositions.map((p) => statementLine(lines[p]!, shares[p]!));
}
