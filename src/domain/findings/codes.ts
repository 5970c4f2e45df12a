/**
 * Code shapes a payer's front-end edits reject: INVALID_PROCEDURE_CODE,
 * INVALID_MODIFIER, INVALID_DIAGNOSIS_CODE, MISSING_DIAGNOSIS — each at the
 * cell of the code at fault.
 *
 * Severity and amount follow `claimAtRisk`, the convention of every rule
 * whose fault gets a claim rejected (code, date rules): on a line billed to
 * an insurer — or one whose coverage is unknown, as most lines of a practice
 * are insured — it is an `error` and the charge is at stake; on a self-pay
 * line no claim goes out, so it is a `warning` (the record is still wrong)
 * with no amount.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { Finding, Severity } from '../findingTypes';
import { cellOf, codeCellOf, hasColumn, lineFinding, type RuleContext } from './context';
import { money, quoted } from './format';

export interface ClaimRisk {
  readonly severity: Severity;
  readonly amount: number | null;
  /** What to tell the representative to do. */
  readonly advice: string;
}

/** How much a record fault matters: a claim at risk (error, the charge) or a self-pay record (warning). */
export function claimAtRisk(line: LedgerLine, share: LineShares): ClaimRisk {
  return share.whoPays === 'self-pay'
    ? { severity: 'warning', amount: null, advice: 'Correct it so the record is right.' }
    : { severity: 'error', amount: line.billed, advice: 'Correct it before the claim goes out; the payer will reject it as it stands.' };
}

export function invalidProcedureCode(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (ctx.codeShapes.procedure(line.code)) return null;
  const risk = claimAtRisk(line, share);
  const what = line.code === '' ? 'The procedure code is blank' : `Procedure code ${quoted(line.code)} is not a valid CPT or HCPCS code`;
  return lineFinding({
    rule: 'INVALID_PROCEDURE_CODE', severity: risk.severity, line, cell: cellOf(ctx, line, 'code'), amount: risk.amount,
    message: `${what} (CPT: 5 digits, or 4 digits and F, T, U or M; HCPCS: a letter A–V and 4 digits). ${risk.advice}`,
    inputs: { code: line.code, billed: money(line.billed) },
  });
}

const isModifier = (ctx: RuleContext, m: string): boolean => ctx.codeShapes.modifier(m);
const isDiagnosisCode = (ctx: RuleContext, dx: string): boolean => ctx.codeShapes.diagnosis(dx);
/** Diagnosis entries that say something (an export may leave blank Dx cells between codes). */
const isWritten = (dx: string): boolean => dx.trim() !== '';

export function invalidModifier(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (line.modifiers.every((m) => isModifier(ctx, m))) return null;
  const bad = line.modifiers.filter((m) => !isModifier(ctx, m));
  const risk = claimAtRisk(line, share);
  return lineFinding({
    rule: 'INVALID_MODIFIER', severity: risk.severity, line, cell: codeCellOf(ctx, line, 'modifiers', line.modifiers.indexOf(bad[0]!)),
    amount: risk.amount,
    message: `Modifier ${bad.map(quoted).join(', ')} is not a valid modifier (two letters or digits, such as 25 or LT). ${risk.advice}`,
    inputs: { modifiers: line.modifiers.join(', '), invalid: bad.join(', '), billed: money(line.billed) },
  });
}

export function invalidDiagnosisCode(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (line.diagnoses.every((dx) => !isWritten(dx) || isDiagnosisCode(ctx, dx))) return null;
  const bad = line.diagnoses.filter((dx) => isWritten(dx) && !isDiagnosisCode(ctx, dx));
  const risk = claimAtRisk(line, share);
  return lineFinding({
    rule: 'INVALID_DIAGNOSIS_CODE', severity: risk.severity, line, cell: codeCellOf(ctx, line, 'diagnoses', line.diagnoses.indexOf(bad[0]!)),
    amount: risk.amount,
    message:
      `Diagnosis code ${bad.map(quoted).join(', ')} is not shaped like an ICD-10-CM code (a letter, a digit, a letter or digit, ` +
      `then up to 4 more after an optional dot, such as J06.9). ${risk.advice}`,
    inputs: { diagnoses: line.diagnoses.join(', '), invalid: bad.join(', '), billed: money(line.billed) },
  });
}

/** A charge with no diagnosis, where the line's own sheet has a diagnosis column to hold one. */
export function missingDiagnosis(ctx: RuleContext, line: LedgerLine, share: LineShares): Finding | null {
  if (line.diagnoses.some(isWritten) || !hasColumn(ctx, line, 'diagnoses')) return null;
  const risk = claimAtRisk(line, share);
  return lineFinding({
    rule: 'MISSING_DIAGNOSIS', severity: risk.severity, line, cell: cellOf(ctx, line, 'diagnoses', 'code'), amount: risk.amount,
    message: `The charge has no diagnosis code. Add the ICD-10-CM code that supports the service. ${risk.advice}`,
    inputs: { code: line.code, billed: money(line.billed) },
  });
}
