/**
 * The shapes of procedure codes, modifiers and diagnosis codes that payers'
 * front-end edits accept (codes.ts reports the ones that do not match).
 */
import { memoByText } from '../memoByText';

/** CPT (5 digits; Category II/III, PLA, MAAA: 4 digits + F/T/U/M) or HCPCS Level II (A–V + 4 digits). */
export const PROCEDURE_CODE = /^(?:\d{5}|\d{4}[FTUM]|[A-V]\d{4})$/i;
/** ICD-10-CM shape: letter, digit, letter-or-digit, then optionally (a dot and) 1–4 letters or digits. */
export const DIAGNOSIS_CODE = /^[A-Z]\d[A-Z0-9](?:\.?[A-Z0-9]{1,4})?$/i;
/** A modifier is two letters or digits. */
export const MODIFIER = /^[A-Z0-9]{2}$/i;

/** Whether a code has a valid shape, per kind of code. */
export interface CodeShapes {
  readonly procedure: (code: string) => boolean;
  readonly modifier: (code: string) => boolean;
  readonly diagnosis: (code: string) => boolean;
}

/** Each code shape tested once per distinct code, for one run (RuleContext.codeShapes). */
export function codeShapes(): CodeShapes {
  return {
    procedure: memoByText((code) => PROCEDURE_CODE.test(code)),
    modifier: memoByText((code) => MODIFIER.test(code)),
    diagnosis: memoByText((code) => DIAGNOSIS_CODE.test(code)),
  };
}
