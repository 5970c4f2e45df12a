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

export interface SecondaryPaymentInput {
  readonly method: CobMethod;
  /** What the secondary would pay as primary. */
  readonly normalBenefit: Cents;
  readonly primaryPaid: Cents;
  readonly patientAfterPrimary: Cents;
}

export function secondaryPayment(x: SecondaryPaymentInput): Cents {
  const gap = x.method === 'NonDuplication' ? x.normalBenefit - x.primaryPaid : x.normalBenefit;
  const pay = gap < x.patientAfterPrimary ? gap : x.patientAfterPrimary;
  return pay > 0 ? (pay as Cents) : ZERO;
}
