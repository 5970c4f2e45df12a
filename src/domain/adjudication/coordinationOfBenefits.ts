/**
 * Secondary plan's payment (DESIGN §5.9).
 *
 * Traditional: the secondary pays min(its normal benefit, patient share left
 * after the primary). NonDuplication (Policy `COBMethod`): it pays only what
 * its normal benefit exceeds the primary's payment by, still capped at the
 * patient's share — max(0, min(normal − primary paid, patient share)).
 */
import type { CobMethod } from '../config';
import { ZERO, type Cents } from '../money';

export function secondaryPayment(method: CobMethod, normalBenefit: Cents, primaryPaid: Cents, patientAfterPrimary: Cents): Cents {
  const gap = method === 'NonDuplication' ? normalBenefit - primaryPaid : normalBenefit;
  const pay = gap < patientAfterPrimary ? gap : patientAfterPrimary;
  return pay > 0 ? (pay as Cents) : ZERO;
}
