/**
 * DUPLICATE_CHARGE (`error`, at the copy's charge cell, amount = its
 * charge): a line with the same account, service date, code, modifiers (in
 * any order), units and charge as an earlier line in ledger order. The
 * first is the original; every later copy is flagged against it.
 *
 * Repeat-procedure modifiers (76, 77, 91) and distinct-service modifiers
 * (59, XE, XS, XP, XU) say the repetition is deliberate, so a line carrying
 * one is never a duplicate.
 */
import type { LedgerLine } from '../ledger';
import type { Finding } from '../findingTypes';
import { cellOf, FEW_LINES, lineFinding, type AccountLines, type RuleContext } from './context';
import { date, money } from './format';

export const REPEAT_OR_DISTINCT_MODIFIERS: ReadonlySet<string> = new Set(['76', '77', '91', '59', 'XE', 'XS', 'XP', 'XU']);

function deliberateRepeat(line: LedgerLine): boolean {
  for (const m of line.modifiers) if (REPEAT_OR_DISTINCT_MODIFIERS.has(m.trim().toUpperCase())) return true;
  return false;
}

/** What makes two charges of one account the same service charged twice. */
function chargeKey(line: LedgerLine): string {
  const modifiers = line.modifiers.length < 2 ? line.modifiers.join('') : [...line.modifiers].sort().join(',');
  return `${line.serviceDate}\u0000${line.code}\u0000${modifiers}\u0000${line.units}\u0000${line.billed}`;
}

/** One account's duplicate charges, each against the first of its kind in ledger order. */
export function duplicateCharges(ctx: RuleContext, { positions }: AccountLines): Finding[] {
  const out: Finding[] = [];
  if (positions.length < 2) return out;
  const { lines } = ctx.ledger;
  const originals = positions.length > FEW_LINES ? new Map<string, LedgerLine>() : null;
  for (let j = 0; j < positions.length; j++) {
    const line = lines[positions[j]!]!;
    if (deliberateRepeat(line)) continue;
    const original = originals === null ? earlierSameCharge(lines, positions, j) : firstOfItsKind(originals, line);
    if (original !== null) out.push(duplicateCharge(ctx, line, original));
  }
  return out;
}

/**
 * The first of the account's earlier lines that is the same charge as its
 * `j`-th. Day and amount are compared first: lines that differ in either
 * (nearly all) never need their whole charge written out.
 */
function earlierSameCharge(lines: readonly LedgerLine[], positions: readonly number[], j: number): LedgerLine | null {
  const line = lines[positions[j]!]!;
  for (let k = 0; k < j; k++) {
    const earlier = lines[positions[k]!]!;
    if (earlier.serviceDate !== line.serviceDate || earlier.billed !== line.billed) continue;
    if (!deliberateRepeat(earlier) && chargeKey(earlier) === chargeKey(line)) return earlier;
  }
  return null;
}

/** The first line filed under the line's charge (an account with many lines); the line itself is filed if it is the first. */
function firstOfItsKind(originals: Map<string, LedgerLine>, line: LedgerLine): LedgerLine | null {
  const key = chargeKey(line);
  const original = originals.get(key);
  if (original !== undefined) return original;
  originals.set(key, line);
  return null;
}

function duplicateCharge(ctx: RuleContext, line: LedgerLine, original: LedgerLine): Finding {
  return lineFinding({
    rule: 'DUPLICATE_CHARGE', severity: 'error', line, cell: cellOf(ctx, line, 'billed', 'code'), amount: line.billed,
    message:
      `Duplicate charge: the same service (code ${line.code}, ${date(line.serviceDate)}, ${money(line.billed)}) was already charged ` +
      `to account ${line.account} on ${original.sheet === line.sheet ? '' : `sheet ${original.sheet}, `}row ${original.row}. ` +
      'Void this line if it was posted twice; if the service really was repeated, ' +
      'add the modifier that says so (76, 77, 91, or 59/XE/XS/XP/XU for a distinct service).',
    inputs: {
      originalSheet: original.sheet,
      originalRow: String(original.row),
      code: line.code,
      modifiers: line.modifiers.join(', '),
      units: String(line.units),
      billed: money(line.billed),
      serviceDate: date(line.serviceDate),
    },
  });
}
