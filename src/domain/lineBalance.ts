/**
 * DESIGN §4 "A line's balance" and "the patient's part", and §8 "when the
 * patient balance arose": one definition read by findings, statements and
 * the summary, so a bill, a finding and a KPI never disagree about what the
 * patient owes on a line. Where a line stands (pending, denied, decided) is
 * adjudication's decision (lineStanding.ts), carried in LineShares.standing.
 */
import type { LedgerLine } from './ledger';
import type { LineShares } from './shareTypes';
import type { Day } from './day';
import { cents, type Cents } from './money';

/** A blank money cell records nothing: 0 in arithmetic. */
const orZero = (c: Cents | null | undefined): number => (c === null || c === undefined ? 0 : c);

/**
 * The line's balance: its Balance cell where the ledger has one, else
 * billed − adjustment − insurer paid − secondary paid − patient paid + patient refunds.
 */
export function lineBalance(line: LedgerLine): Cents {
  if (line.balance !== null) return line.balance;
  return cents(
    line.billed - orZero(line.adjustment) - orZero(line.insurerPaid) - orZero(line.secondaryPaid) -
      orZero(line.patientPaid) + orZero(line.patientRefunded),
  );
}

/** What the patient has paid on the line, less refunds already sent back. */
export function netPatientPaid(line: LedgerLine): Cents {
  return cents(orZero(line.patientPaid) - orZero(line.patientRefunded));
}

/**
 * The patient is billed for the line: it is decided, or denied with a PR
 * group (the patient's to pay). A pending line is still with insurance and
 * an office denial is the office's to work: neither is on the bill.
 */
export function billedToPatient(share: LineShares): boolean {
  return share.standing === 'decided' || share.standing === 'denied-patient';
}

/**
 * The patient's part of a decided line: patientShare where adjudication
 * computed one; where it could not (coverage unknown, no configuration) the
 * ledger knows best — the line's balance plus what the patient already paid.
 */
export function patientPart(line: LedgerLine, share: LineShares): Cents {
  if (share.patientShare !== null) return share.patientShare;
  return cents(lineBalance(line) + netPatientPaid(line));
}

/** What the patient still owes on the line (negative: paid too much). */
export function patientOwes(line: LedgerLine, share: LineShares): Cents {
  return cents(patientPart(line, share) - netPatientPaid(line));
}

/**
 * The day the patient's balance arose (DESIGN §8): the latest day the
 * insurer posted on the line, else its service date — a line can sit with
 * insurance for months before the patient owes anything.
 */
export function balanceAroseOn(line: LedgerLine): Day {
  return line.insurerPostedOn ?? line.serviceDate;
}
