/**
 * ALLOWED_MISMATCH (`error`: the payer priced the line off contract). Needs
 * a FeeSchedule sheet and an Allowed column.
 *
 * The ledger's allowed differs from LineShares.feeScheduleAllowed (fee ×
 * units, capped at the charge — a payer allows the lesser of its fee and the
 * charge, so an uncapped comparison would flag every line billed below the
 * schedule) by more than the tolerance. Denied and pending lines are
 * skipped: their allowed is not a pricing decision yet. A line with no
 * fee-schedule match has nothing to compare with and stays silent.
 */
import type { LedgerLine } from '../ledger';
import { isDenied as isDeniedImport } from '../lineStatus';
import type { LineRule, RuleContext } from './context';
import { money, plural, unitsText, usd } from './format';

// Imported functions the pass calls on every line are bound once: under tsx (esbuild) each use of an import is a getter call.
const isDenied = isDeniedImport;

export function allowedRule(ctx: RuleContext): LineRule {
  const present = ctx.config.present.has('FeeSchedule');
  const allowedCol = ctx.hasColumn('allowed');
  const active = present && allowedCol;
  const tol = ctx.tolerance;
  let noShares = 0;
  return {
    line(_i, line, s) {
      if (!active || line.allowed === null) return;
      if (s === undefined) {
        noShares++;
        return;
      }
      const expected = s.feeScheduleAllowed;
      if (expected === null || line.status === 'pending' || isDenied(line)) return;
      const diff = line.allowed - expected;
      if (diff > tol || -diff > tol) mismatch(ctx, line, line.allowed, expected, tol);
    },
    finish() {
      if (ctx.lines.length === 0) return;
      if (!present) {
        ctx.notice('ALLOWED_MISMATCH', 'Allowed amounts were not checked against contract: the workbook has no FeeSchedule sheet. Add one to check them.');
      } else if (!allowedCol) {
        ctx.notice('ALLOWED_MISMATCH', 'Allowed amounts were not checked against contract: the ledger has no Allowed column. Map an Allowed column to check them.');
      } else if (noShares > 0) {
        ctx.notice(
          'ALLOWED_MISMATCH',
          `Allowed amounts were not checked on ${plural(noShares, 'line')}: no expected shares were computed for them.`,
          { linesWithoutShares: String(noShares) },
        );
      }
    },
  };
}

function mismatch(ctx: RuleContext, line: LedgerLine, allowed: number, expected: number, tol: number): void {
  const diff = allowed - expected;
  const off = Math.abs(diff);
  const what = diff < 0
    ? `${usd(off)} less than contracted. Appeal the underpayment, or update the fee schedule if the contract changed.`
    : `${usd(off)} more than contracted. Check for a fee-schedule update; if the payer overpaid, expect a recoupment.`;
  ctx.add(
    line, 'ALLOWED_MISMATCH', 'error', ctx.cellOf(line, 'allowed'), off,
    `Allowed amount off contract: the ledger shows ${usd(allowed)} allowed but the fee schedule gives ${usd(expected)} ` +
      `(fee × ${unitsText(line.units)} units, capped at the charge), ${what}`,
    { ledgerAllowed: money(allowed), feeScheduleAllowed: money(expected), units: unitsText(line.units), billed: money(line.billed), tolerance: money(tol) },
  );
}
