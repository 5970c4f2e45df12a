/**
 * BALANCE_MISMATCH (`error`, at the balance cell): the Balance cell must
 * equal billed − adjustment − insurer paid − secondary paid − patient paid
 * + refunds sent back (DESIGN §4). Statements and A/R are built from
 * balances, so a wrong one spreads. Only where the line's sheet has a
 * Balance column.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import { cellOf, hasColumn, lineFinding, orZero, type RuleContext } from './context';
import { money, usd } from './format';

export function balanceMismatch(ctx: RuleContext, line: LedgerLine, _share: LineShares): Finding | null {
  const balance = line.balance;
  if (balance === null) return null;
  const expected =
    line.billed - orZero(line.adjustment) - orZero(line.insurerPaid) - orZero(line.secondaryPaid) -
    orZero(line.patientPaid) + orZero(line.patientRefunded);
  const diff = balance - expected;
  const off = Math.abs(diff);
  // Nearly every line adds up: the sheet's columns are asked about only for one that does not.
  if (off <= ctx.tolerance || !hasColumn(ctx, line, 'balance')) return null;
  const inputs: Record<string, string> = {
    balance: money(balance),
    billed: money(line.billed),
    adjustment: money(line.adjustment),
    insurerPaid: money(line.insurerPaid),
    secondaryPaid: money(line.secondaryPaid),
    patientPaid: money(line.patientPaid),
    expectedBalance: money(expected),
    tolerance: money(ctx.tolerance),
  };
  if (line.patientRefunded) inputs.patientRefunded = money(line.patientRefunded);
  return lineFinding({
    rule: 'BALANCE_MISMATCH', severity: 'error', line, cell: cellOf(ctx, line, 'balance'), amount: off,
    message:
      `Balance does not add up: it is ${usd(balance)} but the charge less adjustments and payments is ${usd(expected)}, ` +
      `${usd(off)} ${diff > 0 ? 'too high' : 'too low'}. Find the missing or mistyped payment or adjustment and correct the line.`,
    inputs,
  });
}
