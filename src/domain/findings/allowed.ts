/**
 * ALLOWED_MISMATCH (`error`, at the allowed cell): the payer priced a
 * decided line off contract. The ledger's Allowed differs from the
 * fee-schedule amount adjudication worked out for the row it matched
 * (LineShares.feeScheduleAllowed: allowed per unit × units, capped at the
 * charge — a payer allows the lesser of its fee and the charge) by more than
 * the tolerance. A pending or denied line's allowed is not a pricing
 * decision yet; a line with no fee-schedule row has nothing to compare with;
 * a line whose coverage is unknown has no payer to hold to a contract.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import { cellOf, hasColumn, lineFinding, type RuleContext } from './context';
import { money, unitsText, usd } from './format';

export function allowedMismatch(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  const ledgerAllowed = line.allowed;
  const contract = share.feeScheduleAllowed;
  if (ledgerAllowed === null || contract === null || share.whoPays === 'unknown' || share.standing !== 'decided') return null;
  const diff = ledgerAllowed - contract;
  const off = Math.abs(diff);
  // Nearly every payer priced on contract: the workbook's sheets and columns are asked about only when one did not.
  if (off <= ctx.tolerance || !ctx.config.present.has('FeeSchedule') || !hasColumn(ctx, line, 'allowed')) return null;
  const what = diff < 0
    ? `${usd(off)} less than contracted. Appeal the underpayment, or update the fee schedule if the contract changed.`
    : `${usd(off)} more than contracted. Check for a fee-schedule update; if the payer overpaid, expect a recoupment.`;
  const inputs: Record<string, string> = {
    ledgerAllowed: money(ledgerAllowed), feeScheduleAllowed: money(contract), units: unitsText(line.units), billed: money(line.billed),
    tolerance: money(ctx.tolerance),
  };
  if (share.feeRow !== null) inputs.feeScheduleRow = String(share.feeRow.row);
  return lineFinding({
    rule: 'ALLOWED_MISMATCH', severity: 'error', line, cell: cellOf(ctx, line, 'allowed'), amount: off,
    message:
      `Allowed amount off contract: the ledger shows ${usd(ledgerAllowed)} allowed but the fee schedule gives ${usd(contract)} ` +
      `(fee × ${unitsText(line.units)} units, capped at the charge), ${what}`,
    inputs,
  });
}
