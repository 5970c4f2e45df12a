/**
 * What the insurer paid against its expected share (DESIGN §5 via LineShares):
 * INSURER_UNDERPAID and INSURER_OVERPAID, both `error` — money is wrong on
 * the line — pointing at the insurer-paid cell. A difference up to the Policy
 * tolerance is rounding. A line whose coverage is unknown (§4) has no
 * expected share and is never judged.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import { cellOf, hasMoneyColumn, insurerName, lineFinding, orZero, type RuleContext } from './context';
import { money, usd } from './format';

/**
 * The insurer has paid the line: status Paid (a zero payment is a payment
 * decision too) or a payment posted. Before that a short payment is not an
 * underpayment but a claim still open — TIMELY_FILING_RISK's business.
 */
export function insurerHasPaid(line: LedgerLine): boolean {
  return line.status === 'paid' || orZero(line.insurerPaid) > 0;
}

/**
 * The insurer's expected share, where one was computed for a line whose
 * coverage is known. (Each rule asks whether the line's sheet records
 * insurer payments last: nearly every insurer paid its share, and the
 * arithmetic settles that first.)
 */
function expectedInsurerShare(share: LineShares): number | null {
  if (share.whoPays === 'unknown' || share.insurerShare === null) return null;
  return share.insurerShare;
}

function inputsOf(ctx: RuleContext, line: LedgerLine, expected: number): Record<string, string> {
  return { expectedInsurerShare: money(expected), insurerPaid: money(line.insurerPaid), tolerance: money(ctx.tolerance) };
}

/** The insurer paid a decided line less than its share: appeal, never bill the patient for the gap. */
export function insurerUnderpaid(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  const expected = expectedInsurerShare(share);
  if (expected === null || share.standing !== 'decided' || !insurerHasPaid(line)) return null;
  const paid = orZero(line.insurerPaid);
  const short = expected - paid;
  if (short <= ctx.tolerance || !hasMoneyColumn(ctx, line, 'insurerPaid')) return null;
  const payer = insurerName(ctx, line, share);
  return lineFinding({
    rule: 'INSURER_UNDERPAID', severity: 'error', line, cell: cellOf(ctx, line, 'insurerPaid', 'billed'), amount: short,
    message:
      `Insurer underpaid: ${payer} paid ${usd(paid)} but its expected share is ${usd(expected)}, ${usd(short)} short. ` +
      'Compare the remittance (EOB) with the contract and appeal the underpayment; do not bill the difference to the patient.',
    inputs: inputsOf(ctx, line, expected),
  });
}

/** The insurer paid more than its share: the payer will recoup it sooner or later. */
export function insurerOverpaid(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  const expected = expectedInsurerShare(share);
  if (expected === null) return null;
  const paid = orZero(line.insurerPaid);
  const over = paid - expected;
  if (over <= ctx.tolerance || !hasMoneyColumn(ctx, line, 'insurerPaid')) return null;
  const payer = insurerName(ctx, line, share);
  return lineFinding({
    rule: 'INSURER_OVERPAID', severity: 'error', line, cell: cellOf(ctx, line, 'insurerPaid', 'billed'), amount: over,
    message:
      `Insurer overpaid: ${payer} paid ${usd(paid)} but its expected share is ${usd(expected)}, ${usd(over)} too much. ` +
      'Check the benefits and fee schedule; if the overpayment is confirmed, refund or offset it with the payer.',
    inputs: inputsOf(ctx, line, expected),
  });
}
