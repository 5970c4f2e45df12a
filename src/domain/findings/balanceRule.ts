/**
 * BALANCE_MISMATCH: a line's balance must equal
 *   billed − adjustment − insurer paid − secondary paid − patient paid (+ refunds sent back).
 * `error`: the balance is what statements and A/R are built from.
 * Only where the ledger gives a balance; without a Balance column the rule
 * says so once.
 */
import type { LedgerLine } from '../ledger';
import { orZero as orZeroImport, type LineRule, type RuleContext } from './context';
import { money, usd } from './format';

// Imported functions the pass calls on every line are bound once: under tsx (esbuild) each use of an import is a getter call.
const orZero = orZeroImport;

export function balanceRule(ctx: RuleContext): LineRule {
  const balanceCol = ctx.hasColumn('balance');
  const tol = ctx.tolerance;
  return {
    line(_i, line) {
      const balance = line.balance;
      if (!balanceCol || balance === null) return;
      const expected =
        line.billed - orZero(line.adjustment) - orZero(line.insurerPaid) - orZero(line.secondaryPaid) -
        orZero(line.patientPaid) + orZero(line.patientRefunded);
      const diff = balance - expected;
      if (diff <= tol && -diff <= tol) return;
      mismatch(ctx, line, balance, expected, diff, tol);
    },
    finish() {
      if (!balanceCol && ctx.lines.length > 0) {
        ctx.notice('BALANCE_MISMATCH', 'Line balances were not checked: the ledger has no Balance column. Map a Balance column to check the arithmetic.');
      }
    },
  };
}

function mismatch(ctx: RuleContext, line: LedgerLine, balance: number, expected: number, diff: number, tol: number): void {
  const off = Math.abs(diff);
  const inputs: Record<string, string> = {
    balance: money(balance),
    billed: money(line.billed),
    adjustment: money(line.adjustment),
    insurerPaid: money(line.insurerPaid),
    secondaryPaid: money(line.secondaryPaid),
    patientPaid: money(line.patientPaid),
    expectedBalance: money(expected),
    tolerance: money(tol),
  };
  if (line.patientRefunded) inputs.patientRefunded = money(line.patientRefunded);
  ctx.add(
    line, 'BALANCE_MISMATCH', 'error', ctx.cellOf(line, 'balance'), off,
    `Balance does not add up: it is ${usd(balance)} but the charge less adjustments and payments is ${usd(expected)}, ` +
      `${usd(off)} ${diff > 0 ? 'too high' : 'too low'}. Find the missing or mistyped payment or adjustment and correct the line.`,
    inputs,
  );
}
