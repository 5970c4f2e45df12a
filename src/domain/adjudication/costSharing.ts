/**
 * DESIGN §5 steps 3–7 for one covered line with a positive allowed amount:
 * pure arithmetic over the remaining deductible and out-of-pocket room.
 *
 * `shareInto` is the hot-path form: it writes into a reusable scratch
 * object, so a covered line allocates nothing here. `shareCost` returns a
 * fresh `CostShare` for callers that keep the result.
 */
import * as money from '../money';
import type { Cents, Percent } from '../money';

// Hot path: bind imported functions once. tsx/esbuild compile each use of a named import to a
// getter call on the module object (~20 ns a call, measured in bench/adjudicate.ts's runner).
const { ZERO, cents, percentOf } = money;

export interface CostShare {
  readonly copay: Cents;
  readonly deductible: Cents;
  readonly coinsurance: Cents;
  /** allowed − copay − deductible before the OOP cap: what coinsurance was taken of. */
  readonly coinsuranceBase: Cents;
  /** round_half_up(base × pct) before the OOP cap. */
  readonly coinsuranceBeforeCap: Cents;
  /** How much the out-of-pocket maximum took off (coinsurance, then copay, then deductible). */
  readonly oopCut: Cents;
  readonly patient: Cents;
  readonly insurer: Cents;
}

/** A CostShare that is overwritten line after line (one per adjudication run and payer). */
export class ShareScratch implements CostShare {
  copay: Cents = ZERO;
  deductible: Cents = ZERO;
  coinsurance: Cents = ZERO;
  coinsuranceBase: Cents = ZERO;
  coinsuranceBeforeCap: Cents = ZERO;
  oopCut: Cents = ZERO;
  patient: Cents = ZERO;
  insurer: Cents = ZERO;
}

export const NO_SHARE: CostShare = {
  copay: ZERO, deductible: ZERO, coinsurance: ZERO, coinsuranceBase: ZERO, coinsuranceBeforeCap: ZERO,
  oopCut: ZERO, patient: ZERO, insurer: ZERO,
};

/**
 * Writes the split into `s` and returns it.
 * @param remainingDeductible what is left of the applicable deductible (§5.4)
 * @param remainingOop out-of-pocket room left (Infinity when no maximum)
 */
export function shareInto(
  s: ShareScratch,
  allowed: Cents,
  benefitCopay: Cents,
  deductibleApplies: boolean,
  remainingDeductible: Cents,
  pct: Percent,
  remainingOop: number,
): ShareScratch {
  if (allowed <= 0) {
    s.copay = ZERO;
    s.deductible = ZERO;
    s.coinsurance = ZERO;
    s.coinsuranceBase = ZERO;
    s.coinsuranceBeforeCap = ZERO;
    s.oopCut = ZERO;
    s.patient = ZERO;
    s.insurer = allowed === 0 ? ZERO : allowed;
    return s;
  }
  // 3. copay = min(benefit copay, allowed)
  let copay: number = benefitCopay < allowed ? benefitCopay : allowed;
  if (copay < 0) copay = 0;
  // 4. deductible = min(allowed − copay, remaining) when it applies
  const afterCopay = allowed - copay;
  let deductible = !deductibleApplies ? 0 : remainingDeductible < afterCopay ? remainingDeductible : afterCopay;
  // 5. coinsurance on what is left, rounded half-up to the cent
  const base = cents(afterCopay - deductible);
  const coinsuranceBeforeCap = percentOf(base, pct);
  let coinsurance: number = coinsuranceBeforeCap;
  // 6. cap at the out-of-pocket room: coinsurance first, then copay, then deductible
  const total = copay + deductible + coinsurance;
  let oopCut = 0;
  if (total > remainingOop) {
    oopCut = total - remainingOop;
    let cut = oopCut;
    const fromCoins = cut < coinsurance ? cut : coinsurance;
    coinsurance -= fromCoins;
    cut -= fromCoins;
    const fromCopay = cut < copay ? cut : copay;
    copay -= fromCopay;
    cut -= fromCopay;
    deductible -= cut;
  }
  // 7. patient and insurer
  const patient = copay + deductible + coinsurance;
  s.copay = cents(copay);
  s.deductible = cents(deductible);
  s.coinsurance = cents(coinsurance);
  s.coinsuranceBase = base;
  s.coinsuranceBeforeCap = coinsuranceBeforeCap;
  s.oopCut = cents(oopCut);
  s.patient = cents(patient);
  s.insurer = cents(allowed - patient);
  return s;
}

/** `shareInto` with a result of its own. */
export function shareCost(
  allowed: Cents,
  benefitCopay: Cents,
  deductibleApplies: boolean,
  remainingDeductible: Cents,
  pct: Percent,
  remainingOop: number,
): CostShare {
  const s = shareInto(new ShareScratch(), allowed, benefitCopay, deductibleApplies, remainingDeductible, pct, remainingOop);
  return {
    copay: s.copay, deductible: s.deductible, coinsurance: s.coinsurance, coinsuranceBase: s.coinsuranceBase,
    coinsuranceBeforeCap: s.coinsuranceBeforeCap, oopCut: s.oopCut, patient: s.patient, insurer: s.insurer,
  };
}
