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
import type { LineRule, RuleContext } from './context';
import { date, money } from './format';
import { scratch } from './scratch';

export const REPEAT_OR_DISTINCT_MODIFIERS: ReadonlySet<string> = new Set(['76', '77', '91', '59', 'XE', 'XS', 'XP', 'XU']);

function exempt(line: LedgerLine): boolean {
  const mods = line.modifiers;
  for (let k = 0; k < mods.length; k++) {
    const m = mods[k]!;
    // Ingest upper-cases and trims modifiers; normalise again only for an odd one.
    if (REPEAT_OR_DISTINCT_MODIFIERS.has(m) || (m.length !== 2 && REPEAT_OR_DISTINCT_MODIFIERS.has(m.trim().toUpperCase()))) return true;
  }
  return false;
}

function modifierKey(mods: readonly string[]): string {
  if (mods.length === 0) return '';
  if (mods.length === 1) return mods[0]!;
  return [...mods].sort().join(',');
}

function sameModifiers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  if (a.length === 1) return a[0] === b[0];
  return modifierKey(a) === modifierKey(b);
}

/** Same service date, code, modifiers, units and charge (the account is already the same). */
function sameCharge(a: LedgerLine, b: LedgerLine): boolean {
  return (
    a.serviceDate === b.serviceDate && a.billed === b.billed && a.code === b.code && a.units === b.units &&
    sameModifiers(a.modifiers, b.modifiers)
  );
}

/** 31-bit FNV-1a style mixing of a few integers and strings; equal charges get equal hashes. */
function mix(h: number, v: number): number {
  return Math.imul(h ^ (v | 0), 16777619) >>> 0;
}

function mixString(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619) >>> 0;
  return h;
}

function chargeHash(line: LedgerLine, accountId: number): number {
  let h = mix(2166136261, accountId);
  h = mix(h, line.serviceDate);
  h = mix(h, line.billed);
  h = mix(h, line.billed / 4294967296); // high bits of large charges
  h = mix(h, Number.isFinite(line.units) ? Math.round(line.units * 1000) : -1);
  h = mixString(h, line.code);
  // Modifiers in any order: add their hashes (addition commutes).
  let mods = 0;
  for (const m of line.modifiers) mods = (mods + mixString(2166136261, m)) >>> 0;
  return mix(h, mods) & 0x7fffffff;
}

/**
 * Candidates by hash, then confirmed field by field. The pass keeps one
 * 31-bit hash per line (−1: exempt). Finishing, two bitsets over the hashes
 * (about 8 bits per line, so they stay in cache) find the lines whose hash
 * bucket is hit more than once — every possible duplicate, typically a tenth
 * of the lines. Only those are sorted: each hash and position packed into
 * one float (hash × 2^bits + position), so a native numeric sort groups
 * equal hashes with positions ascending — sheet order — and no per-line
 * string or object is built.
 */
export function duplicateRule(ctx: RuleContext): LineRule {
  const n = ctx.lines.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashMask = 2 ** Math.min(31, 53 - indexBits);
  const shift = 2 ** indexBits;
  const hashes = scratch(n, -1);
  return {
    line(i, line) {
      hashes[i] = exempt(line) ? -1 : chargeHash(line, ctx.accountIds[i]!) % hashMask;
    },
    finish() {
      let bits = 1024;
      while (bits < n * 8 && bits < 2 ** 26) bits *= 2;
      const mask = bits - 1;
      const seen = new Int32Array(bits >>> 5);
      const twice = new Int32Array(bits >>> 5);
      for (let i = 0; i < n; i++) {
        const h = hashes[i]!;
        if (h < 0) continue;
        const w = (h & mask) >>> 5;
        const bit = 1 << (h & 31);
        if ((seen[w]! & bit) !== 0) twice[w] = twice[w]! | bit;
        else seen[w] = seen[w]! | bit;
      }
      let m = 0;
      for (let i = 0; i < n; i++) {
        const h = hashes[i]!;
        if (h >= 0 && (twice[(h & mask) >>> 5]! & (1 << (h & 31))) !== 0) m++;
      }
      const packed = new Float64Array(m);
      m = 0;
      for (let i = 0; i < n; i++) {
        const h = hashes[i]!;
        if (h >= 0 && (twice[(h & mask) >>> 5]! & (1 << (h & 31))) !== 0) packed[m++] = h * shift + i;
      }
      const sorted = packed.sort();
      let runStart = 0;
      for (let k = 1; k <= m; k++) {
        if (k < m && Math.floor(sorted[k]! / shift) === Math.floor(sorted[runStart]! / shift)) continue;
        if (k - runStart > 1) confirmRun(ctx, sorted, runStart, k, shift);
        runStart = k;
      }
    },
  };
}

/** Within one hash run (positions ascending): each copy against its first original. */
function confirmRun(ctx: RuleContext, sorted: Float64Array, from: number, to: number, shift: number): void {
  const { lines, accountIds: ids } = ctx;
  for (let j = from + 1; j < to; j++) {
    const i = sorted[j]! % shift;
    const line = lines[i]!;
    for (let k = from; k < j; k++) {
      const e = sorted[k]! % shift;
      const earlier = lines[e]!;
      if (ids[e] === ids[i] && sameCharge(earlier, line)) {
        report(ctx, line, earlier);
        break;
      }
    }
  }
}

function report(ctx: RuleContext, line: LedgerLine, original: LedgerLine): void {
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
