/**
 * DUPLICATE_CHARGE (`error`, amount = the duplicate's charge): a line with
 * the same account, service date, code, modifiers (in any order), units and
 * charge as an earlier line in sheet order. The first occurrence is the
 * original; every later copy is flagged, pointing at its charge cell.
 *
 * Repeat-procedure modifiers (76, 77, 91) and distinct-service modifiers
 * (59, XE, XS, XP, XU) say the repetition is deliberate, so a line carrying
 * one is exempt (and, as modifiers are part of the key, so is its twin).
 */
import type { LedgerLine } from '../ledger';
import type { RuleContext } from './context';
import { date, money } from './format';

export const REPEAT_OR_DISTINCT_MODIFIERS: ReadonlySet<string> = new Set(['76', '77', '91', '59', 'XE', 'XS', 'XP', 'XU']);

function exempt(line: LedgerLine): boolean {
  for (const m of line.modifiers) if (REPEAT_OR_DISTINCT_MODIFIERS.has(m.trim().toUpperCase())) return true;
  return false;
}

function modifierKey(mods: readonly string[]): string {
  if (mods.length === 0) return '';
  if (mods.length === 1) return mods[0]!;
  return [...mods].sort().join(',');
}

export function checkDuplicates(ctx: RuleContext): void {
  const { lines } = ctx;
  const first = new Map<string, LedgerLine>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (exempt(line)) continue;
    const key = `${line.account}\u0000${line.serviceDate}\u0000${line.code}\u0000${line.billed}\u0000${line.units}\u0000${modifierKey(line.modifiers)}`;
    const original = first.get(key);
    if (original === undefined) {
      first.set(key, line);
      continue;
    }
    ctx.add(
      line, 'DUPLICATE_CHARGE', 'error', ctx.cellOf(line, 'billed', 'code'), line.billed,
      `Duplicate charge: the same service (code ${line.code}, ${date(line.serviceDate)}, ${money(line.billed)}) was already charged ` +
        `to account ${line.account} on row ${original.row}. Void this line if it was posted twice; if the service really was repeated, ` +
        'add the modifier that says so (76, 77, 91, or 59/XE/XS/XP/XU for a distinct service).',
      {
        originalRow: String(original.row),
        code: line.code,
        modifiers: line.modifiers.join(', '),
        units: String(line.units),
        billed: money(line.billed),
        serviceDate: date(line.serviceDate),
      },
    );
  }
}
