/** DESIGN §4 "Who pays a line" and the part of "Where a line stands" that moves a line to §5.2. */
import type { OracleLine } from './types';

const SELF_PAY_WORDS = ['', 'self', 'selfpay', 'patient', 'cash', 'none'];

/** Blank, Self, Self Pay, Self-Pay, Patient, Cash, None (case, space and punctuation aside). */
export function saysSelfPay(payer: string | null): boolean {
  return SELF_PAY_WORDS.includes((payer ?? '').toLowerCase().replace(/[^a-z]/g, ''));
}

/** An insurer payment, a secondary payment or a denial code is posted on the line. */
export function insurerPosted(line: OracleLine): boolean {
  return (line.insurerPaid ?? 0) !== 0 || (line.secondaryPaid ?? 0) !== 0 || reasonCode(line.denialCode) !== null;
}

/** CARC numbers that explain cost sharing or an adjustment, not a denial. */
const NOT_DENIALS = ['1', '2', '3', '23', '45', '94', '253'];

function reasonCode(text: string | null | undefined): { group: string | null; number: string } | null {
  if (text === null || text === undefined) return null;
  const m = /^\s*(?:([A-Za-z]{2})\s*[-\s]?\s*)?(\d+)\s*$/.exec(text);
  if (!m) return text.trim() === '' ? null : { group: null, number: text.trim() };
  return { group: m[1] ? m[1].toUpperCase() : null, number: String(Number(m[2])) };
}

/**
 * A denial the patient is to pay (group PR): the line is decided and billed
 * as not covered (§5.2). A line is denied when its Status says Denied, or it
 * carries a denial code and neither payer paid anything.
 */
export function patientResponsibleDenial(line: OracleLine): boolean {
  const code = reasonCode(line.denialCode);
  const isDenialCode = code !== null && !NOT_DENIALS.includes(code.number);
  const nothingPaid = (line.insurerPaid ?? 0) === 0 && (line.secondaryPaid ?? 0) === 0;
  const statusDenied = /^\s*denied\s*$/i.test(line.status ?? '');
  const denied = statusDenied || (isDenialCode && nothingPaid);
  return denied && isDenialCode && code.group === 'PR';
}
