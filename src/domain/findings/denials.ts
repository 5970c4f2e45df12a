/**
 * DENIED_UNWORKED (`error`): the payer denied the line, the denial is the
 * office's to work (adjudication's standing `denied-office`, DESIGN §4 — a
 * PR-group denial is the patient's to pay instead), and nothing has been
 * done since: no payment from anyone and no adjustment. An appeal makes the
 * line pending again, so it is not here. Amount: what the denial keeps from
 * being paid — the insurer's expected share when known, else the charge.
 * At the denial-code cell, else the status cell.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import { cellOf, insurerName, lineFinding, orZero, type RuleContext } from './context';
import { money, quoted } from './format';

/** Nothing paid or adjusted on the line since the denial. */
function untouched(line: LedgerLine): boolean {
  return orZero(line.insurerPaid) === 0 && orZero(line.secondaryPaid) === 0 && orZero(line.patientPaid) === 0 && orZero(line.adjustment) === 0;
}

export function deniedUnworked(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (share.standing !== 'denied-office' || !untouched(line)) return null;
  const code = line.denialCode?.trim() ?? '';
  const atStake = share.insurerShare ?? line.billed;
  return lineFinding({
    rule: 'DENIED_UNWORKED', severity: 'error', line, cell: cellOf(ctx, line, code !== '' ? 'denialCode' : 'status', 'status', 'insurerPaid'),
    amount: atStake,
    message:
      `Denied and not worked: ${insurerName(ctx, line, share)} denied this line${code !== '' ? ` (reason ${quoted(code)})` : ''} ` +
      'and there is no payment, adjustment or appeal on it. Read the denial reason, then correct and resubmit the claim, ' +
      'appeal it, or write it off if it cannot be recovered.',
    inputs: { status: line.statusText ?? line.status ?? '', denialCode: code, billed: money(line.billed), expectedInsurerShare: money(share.insurerShare) },
  });
}
