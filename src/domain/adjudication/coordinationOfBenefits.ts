/**
 * Secondary plan's payment (DESIGN §5.9).
 *
 * Traditional: the secondary pays min(its normal benefit, patient share left
 * after the primary). NonDuplication (Policy `COBMethod`): it pays only what
 * its normal benefit exceeds the primary's payment by, still capped at the
 * patient's share — max(0, min(normal − primary paid, patient share)).
 */
import type { CobMethod } from '../config';
import * as money from '../money';
import type { Cents } from '../money';

// Hot path: bind imported functions once. tsx/esbuild compile each use of a named import to a
// getter call on the module object (~20 ns a call, measured in bench/adjudicate.ts's runner).
const { ZERO } = money;

export function secondaryPayment(method: CobMethod, normalBenefit: Cents, primaryPaid: Cents, patientAfterPrimary: Cents): Cents {
  const gap = method === 'NonDuplication' ? normalBenefit - primaryPaid : normalBenefit;
  const pay = gap < patientAfterPrimary ? gap : patientAfterPrimary;
  return pay > 0 ? (pay as Cents) : ZERO;
}
