/**
 * Code shapes a payer's front-end edits reject: INVALID_PROCEDURE_CODE,
 * INVALID_DIAGNOSIS_CODE, INVALID_MODIFIER, MISSING_DIAGNOSIS.
 *
 * Severity and amount follow one convention for every "claim would be
 * rejected" rule (see claimAtRisk): on a line billed to a payer it is an
 * `error` and the money at stake is the line's charge; on a self-pay line no
 * claim goes out, so it is a `warning` (the record is still wrong) with no
 * amount.
 */
import type { LedgerLine } from '../ledger';
import type { Severity } from '../findingTypes';
import type { LineRule, RuleContext } from './context';
import { money, quoted } from './format';

/** CPT (5 digits; Category II/III, PLA, MAAA: 4 digits + F/T/U/M) or HCPCS Level II (A–V + 4 digits). */
export const PROCEDURE_CODE = /^(?:\d{5}|\d{4}[FTUM]|[A-V]\d{4})$/i;
/** ICD-10-CM shape: letter, digit, letter-or-digit, then optionally (a dot and) 1–4 letters or digits. */
export const DIAGNOSIS_CODE = /^[A-Z]\d[A-Z0-9](?:\.?[A-Z0-9]{1,4})?$/i;
/** A modifier is two letters or digits. */
export const MODIFIER = /^[A-Z0-9]{2}$/i;

export interface ClaimRisk {
  readonly severity: Severity;
  readonly amount: number | null;
}

/** The convention for rules whose fault gets a claim rejected (code, coverage, member id, date rules). */
export function claimAtRisk(ctx: RuleContext, line: LedgerLine): ClaimRisk {
  return ctx.selfPay(line) ? { severity: 'warning', amount: null } : { severity: 'error', amount: line.billed };
}

function atRiskText(ctx: RuleContext, line: LedgerLine): string {
  return ctx.selfPay(line) ? 'Correct it so the record is right.' : 'Correct it before the claim goes out; the payer will reject it as it stands.';
}

/**
 * A pattern's verdict per distinct text: a million lines repeat a few
 * hundred codes, and a Map lookup (the string's hash is cached) is cheaper
 * than running the regular expression again. Bounded, so a column of junk
 * cannot grow it without limit.
 */
function memoTest(pattern: RegExp): (text: string) => boolean {
  const memo = new Map<string, boolean>();
  return (text) => {
    let v = memo.get(text);
    if (v === undefined) {
      v = pattern.test(text);
      if (memo.size < 4096) memo.set(text, v);
    }
    return v;
  };
}

export function codeRules(ctx: RuleContext): LineRule {
  const dxColumn = ctx.hasColumn('diagnoses');
  const validCode = memoTest(PROCEDURE_CODE);
  const validDx = memoTest(DIAGNOSIS_CODE);
  return {
    line(_i, line) {
      if (!validCode(line.code)) procedureFinding(ctx, line);
      const mods = line.modifiers;
      for (let k = 0; k < mods.length; k++) {
        if (!MODIFIER.test(mods[k]!)) {
          modifierFinding(ctx, line, mods.filter((m) => !MODIFIER.test(m)));
          break;
        }
      }
      const dxs = line.diagnoses;
      let anyDx = false;
      let badDx = false;
      for (let k = 0; k < dxs.length; k++) {
        const dx = dxs[k]!;
        if (dx === '') continue;
        if (validDx(dx)) {
          anyDx = true;
          continue;
        }
        if (dx.trim() === '') continue;
        anyDx = true;
        badDx = true;
      }
      if (badDx) diagnosisFinding(ctx, line, dxs.filter((dx) => dx.trim() !== '' && !DIAGNOSIS_CODE.test(dx)));
      else if (!anyDx && dxColumn) missingDiagnosisFinding(ctx, line);
    },
    finish() {
      if (!dxColumn && ctx.lines.length > 0) {
        ctx.notice(
          'MISSING_DIAGNOSIS',
          'Missing diagnoses were not checked: the ledger has no diagnosis (ICD-10) column. Map a Dx column to check that every charge has one.',
        );
      }
    },
  };
}

function procedureFinding(ctx: RuleContext, line: LedgerLine): void {
  const r = claimAtRisk(ctx, line);
  const what = line.code === '' ? 'The procedure code is blank' : `Procedure code ${quoted(line.code)} is not a valid CPT or HCPCS code`;
  ctx.add(
    line, 'INVALID_PROCEDURE_CODE', r.severity, ctx.cellOf(line, 'code'), r.amount,
    `${what} (CPT: 5 digits, or 4 digits and F, T, U or M; HCPCS: a letter A–V and 4 digits). ${atRiskText(ctx, line)}`,
    { code: line.code, billed: money(line.billed) },
  );
}

function modifierFinding(ctx: RuleContext, line: LedgerLine, bad: readonly string[]): void {
  const r = claimAtRisk(ctx, line);
  ctx.add(
    line, 'INVALID_MODIFIER', r.severity, ctx.codeCellOf(line, 'modifiers', line.modifiers.indexOf(bad[0]!)), r.amount,
    `Modifier ${bad.map(quoted).join(', ')} is not a valid modifier (two letters or digits, such as 25 or LT). ${atRiskText(ctx, line)}`,
    { modifiers: line.modifiers.join(', '), invalid: bad.join(', '), billed: money(line.billed) },
  );
}

function diagnosisFinding(ctx: RuleContext, line: LedgerLine, bad: readonly string[]): void {
  const r = claimAtRisk(ctx, line);
  ctx.add(
    line, 'INVALID_DIAGNOSIS_CODE', r.severity, ctx.codeCellOf(line, 'diagnoses', line.diagnoses.indexOf(bad[0]!)), r.amount,
    `Diagnosis code ${bad.map(quoted).join(', ')} is not shaped like an ICD-10-CM code (a letter, a digit, a letter or digit, ` +
      `then up to 4 more after an optional dot, such as J06.9). ${atRiskText(ctx, line)}`,
    { diagnoses: line.diagnoses.join(', '), invalid: bad.join(', '), billed: money(line.billed) },
  );
}

function missingDiagnosisFinding(ctx: RuleContext, line: LedgerLine): void {
  const r = claimAtRisk(ctx, line);
  ctx.add(
    line, 'MISSING_DIAGNOSIS', r.severity, ctx.cellOf(line, 'diagnoses', 'code'), r.amount,
    `The charge has no diagnosis code. Add the ICD-10-CM code that supports the service. ${atRiskText(ctx, line)}`,
    { code: line.code, billed: money(line.billed) },
  );
}
