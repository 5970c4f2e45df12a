/**
 * DESIGN §4 "Where a line stands": pending with insurance, denied (the
 * office's to work, or the patient's to pay), or decided. One definition,
 * read by adjudication, findings, statements and KPIs alike.
 */
import type { LedgerLine } from './ledger';
import type { LineStanding, WhoPays } from './shareTypes';

/** One reason code as written: `CO-45` → group CO, number 45; `45` → no group. */
export interface ReasonCode {
  readonly group: string | null;
  readonly number: number | null;
  readonly text: string;
}

/**
 * CARC numbers that explain cost sharing or an adjustment rather than a
 * denial: 1, 2, 3 (deductible, coinsurance, copay), 23 (a prior payer's
 * payment), 45 (charge over the fee schedule), 94, 253.
 */
const NOT_A_DENIAL = new Set([1, 2, 3, 23, 45, 94, 253]);

/** The reason codes in a Denial Code / CARC cell (`CO-45`, `PR-1; CO-97`, `PR 204`). */
export function reasonCodes(cell: string | null): ReasonCode[] {
  if (cell === null) return [];
  const out: ReasonCode[] = [];
  for (const raw of cell.split(/[,;/|]+|\s{2,}|\s+(?=[A-Za-z]{2}\s*-?\s*\d)/)) {
    const text = raw.trim();
    if (text === '') continue;
    const m = /^([A-Za-z]{1,2})?\s*-?\s*([A-Za-z]?\d+)$/.exec(text);
    if (m === null) {
      out.push({ group: null, number: null, text });
      continue;
    }
    const digits = /^\d+$/.test(m[2]!) ? Number(m[2]) : null;
    out.push({ group: m[1] === undefined ? null : m[1].toUpperCase(), number: digits, text });
  }
  return out;
}

/** A reason code that denies the line (every code but those explaining cost sharing or an adjustment). */
export function isDenialCode(code: ReasonCode): boolean {
  return code.number === null || !NOT_A_DENIAL.has(code.number);
}

/** The line's denial codes, in the order written. */
export function denialCodes(line: LedgerLine): ReasonCode[] {
  return reasonCodes(line.denialCode).filter(isDenialCode);
}

const paid = (c: number | null): boolean => c !== null && c !== 0;

/** An insurer posted on the line: a payment by the insurer or the secondary, or a reason code (§4 who pays, rule 1). */
export function insurerPosted(line: LedgerLine): boolean {
  return paid(line.insurerPaid) || paid(line.secondaryPaid) || reasonCodes(line.denialCode).length > 0;
}

/** Something is posted on the line: what an insurer posts, or an adjustment. */
export function hasPostings(line: LedgerLine): boolean {
  return insurerPosted(line) || paid(line.adjustment);
}

/**
 * Denied: Status says Denied, or a denial code is on the line and neither
 * the insurer nor the secondary paid anything on it. A denial whose group
 * is PR (patient responsibility) is the patient's to pay; any other is the
 * office's to work.
 */
function denial(line: LedgerLine): 'denied-office' | 'denied-patient' | null {
  const codes = denialCodes(line);
  const byCode = codes.length > 0 && !paid(line.insurerPaid) && !paid(line.secondaryPaid);
  if (line.status !== 'denied' && !byCode) return null;
  return codes.length > 0 && codes.every((c) => c.group === 'PR') ? 'denied-patient' : 'denied-office';
}

/**
 * Where the line stands. Pending with insurance: Status says Pending,
 * Submitted, Billed, In Process or Appealed; or, with no status, the line
 * is not self-pay and nothing is posted on it yet. A posted adjustment with
 * nothing paid (the whole allowed went to the deductible) is decided.
 */
export function lineStanding(line: LedgerLine, whoPays: WhoPays): LineStanding {
  // An appeal or a resubmission is the office already working the denial: still with insurance.
  if (line.status === 'pending' || line.status === 'appealed') return 'pending';
  const d = denial(line);
  if (d !== null) return d;
  if (line.status === null && whoPays !== 'self-pay' && !hasPostings(line)) return 'pending';
  return 'decided';
}
