/**
 * DESIGN §5 steps 3–7 for one covered line with a positive allowed amount:
 * pure arithmetic over the remaining deductible and out-of-pocket room.
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

export const NO_SHARE: CostShare = {
  copay: ZERO, deductible: ZERO, coinsurance: ZERO, coinsuranceBase: ZERO, coinsuranceBeforeCap: ZERO,
  oopCut: ZERO, patient: ZERO, insurer: ZERO,
};

/**
 * @param remainingDeductible what is left of the applicable deductible (§5.4)
 * @param remainingOop out-of-pocket room left (Infinity when no maximum)
 */
export function shareCost(
  allowed: Cents,
  benefitCopay: Cents,
  deductibleApplies: boolean,
  remainingDeductible: Cents,
  pct: Percent,
  remainingOop: number,
): CostShare {
  if (allowed <= 0) return allowed === 0 ? NO_SHARE : { ...NO_SHARE, insurer: allowed };
  // 3. copay = min(benefit copay, allowed)
  let copay = benefitCopay < allowed ? benefitCopay : allowed;
  if (copay < 0) copay = ZERO;
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
    copay = (copay - fromCopay) as Cents;
    cut -= fromCopay;
    deductible -= cut;
  }
  // 7. patient and insurer
  const patient = copay + deductible + coinsurance;
  return {
    copay: cents(copay),
    deductible: cents(deductible),
    coinsurance: cents(coinsurance),
    coinsuranceBase: base,
    coinsuranceBeforeCap,
    oopCut: cents(oopCut),
    patient: cents(patient),
    insurer: cents(allowed - patient),
  };
}
