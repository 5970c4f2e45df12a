/**
 * DESIGN §5 steps 3–7 for one covered line: copay, deductible, coinsurance,
 * the out-of-pocket cap, and who pays what — each step a function of its
 * own, over the remaining deductible and out-of-pocket room.
 */
import { percentOf, type Cents, type Percent } from '../money';

export interface CostShareInput {
  readonly allowed: Cents;
  readonly benefitCopay: Cents;
  readonly deductibleApplies: boolean;
  /** What is left of the deductible that applies (§5 step 4). */
  readonly remainingDeductible: Cents;
  readonly coinsurancePct: Percent;
  /** Out-of-pocket room left; null when the plan has no maximum. */
  readonly remainingOop: Cents | null;
}

export interface CostShare {
  readonly copay: Cents;
  readonly deductible: Cents;
  readonly coinsurance: Cents;
  /** allowed − copay − deductible before the cap: what coinsurance was taken of. */
  readonly coinsuranceBase: Cents;
  /** round_half_up(base × pct) before the cap. */
  readonly coinsuranceBeforeCap: Cents;
  /** How much the out-of-pocket maximum took off. */
  readonly oopCut: Cents;
  /** copay + deductible + coinsurance (step 7). */
  readonly patient: Cents;
  /** allowed − patient (step 7). */
  readonly insurer: Cents;
}

const min = (a: Cents, b: Cents): Cents => (a < b ? a : b);
const atLeastZero = (a: number): Cents => (a < 0 ? 0 : a) as Cents;

/** Step 3: copay = min(benefit copay, allowed). */
export function copayFor(allowed: Cents, benefitCopay: Cents): Cents {
  return atLeastZero(min(benefitCopay, allowed));
}

/** Step 4: deductible = min(allowed − copay, remaining deductible) when it applies. */
export function deductibleFor(afterCopay: Cents, applies: boolean, remaining: Cents): Cents {
  return applies ? atLeastZero(min(afterCopay, remaining)) : (0 as Cents);
}

/** Step 5: coinsurance = round half-up to the cent of (allowed − copay − deductible) × pct / 100. */
export function coinsuranceFor(base: Cents, pct: Percent): Cents {
  return percentOf(base, pct);
}

/**
 * Step 6: cap copay + deductible + coinsurance at the out-of-pocket room; a
 * cut comes off coinsurance first, then copay, then deductible.
 */
export function capAtOutOfPocket(
  split: { readonly copay: Cents; readonly deductible: Cents; readonly coinsurance: Cents },
  remainingOop: Cents | null,
): { copay: Cents; deductible: Cents; coinsurance: Cents; cut: Cents } {
  const total = split.copay + split.deductible + split.coinsurance;
  if (remainingOop === null || total <= remainingOop) return { copay: split.copay, deductible: split.deductible, coinsurance: split.coinsurance, cut: 0 as Cents };
  const cut = total - Math.max(0, remainingOop);
  let left = cut;
  const fromCoinsurance = Math.min(left, split.coinsurance);
  left -= fromCoinsurance;
  const fromCopay = Math.min(left, split.copay);
  left -= fromCopay;
  return {
    coinsurance: (split.coinsurance - fromCoinsurance) as Cents,
    copay: (split.copay - fromCopay) as Cents,
    deductible: (split.deductible - left) as Cents,
    cut: cut as Cents,
  };
}

/** Steps 3–7 on one plan's benefit. */
export function shareCost(x: CostShareInput): CostShare {
  if (x.allowed <= 0) {
    // Nothing to share: a zero or credit line leaves the patient nothing.
    const zero = 0 as Cents;
    return { copay: zero, deductible: zero, coinsurance: zero, coinsuranceBase: zero, coinsuranceBeforeCap: zero, oopCut: zero, patient: zero, insurer: x.allowed };
  }
  const copay = copayFor(x.allowed, x.benefitCopay);
  const deductible = deductibleFor((x.allowed - copay) as Cents, x.deductibleApplies, x.remainingDeductible);
  const coinsuranceBase = (x.allowed - copay - deductible) as Cents;
  const coinsuranceBeforeCap = coinsuranceFor(coinsuranceBase, x.coinsurancePct);
  const capped = capAtOutOfPocket({ copay, deductible, coinsurance: coinsuranceBeforeCap }, x.remainingOop);
  const patient = (capped.copay + capped.deductible + capped.coinsurance) as Cents;
  return {
    copay: capped.copay,
    deductible: capped.deductible,
    coinsurance: capped.coinsurance,
    coinsuranceBase,
    coinsuranceBeforeCap,
    oopCut: capped.cut,
    patient,
    insurer: (x.allowed - patient) as Cents,
  };
}
