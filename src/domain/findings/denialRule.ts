/**
 * DENIED_UNWORKED (`error`: the payer rejected the claim and nobody has
 * acted): a denied line (status Denied or a denial code) with no payment
 * from anyone, no adjustment, and a status other than Appealed. Amount: the
 * insurer's expected share when known, else the charge — what the denial
 * keeps from being paid. Points at the denial code, else the status.
 */
import { isDenied as isDeniedImport } from '../lineStatus';
import type { LedgerLine } from '../ledger';
import { orZero as orZeroImport, type LineRule, type RuleContext } from './context';
import { money, quoted } from './format';

// Imported functions the pass calls on every line are bound once: under tsx (esbuild) each use of an import is a getter call.
const isDenied = isDeniedImport;
const orZero = orZeroImport;

/** Denied, not appealed, and nothing paid or adjusted on it since: nobody has worked the denial. */
export function isDeniedUnworked(line: LedgerLine): boolean {
  return (
    line.status !== 'appealed' && isDenied(line) &&
    orZero(line.insurerPaid) === 0 && orZero(line.secondaryPaid) === 0 && orZero(line.patientPaid) === 0 && orZero(line.adjustment) === 0
  );
}

export function denialRule(ctx: RuleContext): LineRule {
  const canCheck = ctx.hasColumn('status') || ctx.hasColumn('denialCode');
  return {
    line(_i, line, s) {
      if (canCheck && isDeniedUnworked(line)) unworked(ctx, line, s?.insurerShare ?? null);
    },
    finish() {
      if (!canCheck && ctx.lines.length > 0) {
        ctx.notice('DENIED_UNWORKED', 'Denials were not checked: the ledger has no Status or Denial Code column. Map one to find unworked denials.');
      }
    },
  };
}

function unworked(ctx: RuleContext, line: LedgerLine, share: number | null): void {
  const code = line.denialCode?.trim() ?? '';
  ctx.add(
    line, 'DENIED_UNWORKED', 'error', ctx.cellOf(line, code !== '' ? 'denialCode' : 'status', 'status', 'insurerPaid'), share ?? line.billed,
    `Denied and not worked: ${line.payer?.trim() || 'the payer'} denied this line${code !== '' ? ` (reason ${quoted(code)})` : ''} ` +
      'and there is no payment, adjustment or appeal on it. Read the denial reason, then correct and resubmit the claim, ' +
      'appeal it, or write it off or bill the patient if the denial makes them responsible.',
    { status: line.statusText ?? line.status ?? '', denialCode: code, billed: money(line.billed), expectedInsurerShare: money(share) },
  );
}
