/**
 * Plain-English working for each line, for a representative to read to a
 * patient (DESIGN §6 `Expected Shares`). Every text starts with a word, so
 * it can never be taken for a formula in a cell. Built by concatenation on
 * the hot path — no arrays, no template engines.
 */
import { formatMoneyDisplay as m, type Cents } from '../money';
import { toUs, type Day } from '../day';
import type { CostShare } from './costSharing';

/** "Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment). " */
export function allowedSentence(billed: Cents, allowed: Cents, contractual: Cents): string {
  if (contractual === 0) return `Allowed ${m(allowed)}. `;
  if (contractual > 0) return `Allowed ${m(allowed)} (billed ${m(billed)} less ${m(contractual)} contractual adjustment). `;
  return `Allowed ${m(allowed)}, more than the ${m(billed)} billed. `;
}

export function selfPayText(billed: Cents): string {
  return `Self-pay: no insurance on this line, so you owe the full charge of ${m(billed)}.`;
}

export function noCoverageText(billed: Cents, serviceDate: Day, payer: string | null): string {
  const billedTo = payer === null ? '' : ` (billed to ${payer})`;
  return `No coverage on file for this account on ${toUs(serviceDate)}${billedTo}, so you owe the full charge of ${m(billed)}.`;
}

export function notCoveredText(billed: Cents, category: string, planId: string): string {
  return `Not covered: plan ${planId} does not cover ${category} services, so you owe the full charge of ${m(billed)}.`;
}

export function unconfiguredText(allowedPart: string, planId: string | null, payer: string | null): string {
  if (planId !== null) return `${allowedPart}Shares not computed: plan ${planId} has no row in the Plans sheet.`;
  const who = payer === null ? 'this line' : `payer ${payer}`;
  return `${allowedPart}Shares not computed: no plan in the Plans sheet matches ${who}.`;
}

/** How far an accumulator got, for "(1,800.00 of 1,800.00 met after this visit)". */
export interface MetAfter {
  readonly met: Cents;
  readonly limit: Cents;
  readonly family: boolean;
}

/** Copay / deductible / coinsurance / OOP-cap sentences of the primary plan. */
export function costSharingSentences(
  s: CostShare,
  benefitCopay: Cents,
  pctLabel: string,
  deductibleApplies: boolean,
  deductible: MetAfter | null,
  oop: MetAfter | null,
): string {
  let t = '';
  if (benefitCopay > 0) t += `Copay ${m(s.copay)}. `;
  if (s.deductible > 0 && deductible !== null) {
    t += `${deductible.family ? 'Family deductible' : 'Deductible'} ${m(s.deductible)} (${m(deductible.met)} met of ${m(deductible.limit)} after this visit)`;
  } else if (!deductibleApplies) {
    t += 'No deductible for this service';
  } else {
    t += 'Deductible already met';
  }
  if (s.coinsuranceBase > 0) {
    t += `, then ${pctLabel} coinsurance of ${m(s.coinsuranceBase)} = ${m(s.coinsuranceBeforeCap)}. `;
  } else {
    t += '. ';
  }
  if (s.oopCut > 0 && oop !== null) {
    t += `Out-of-pocket maximum reached (${oop.family ? 'family ' : ''}${m(oop.met)} met of ${m(oop.limit)}), so your share is ${m(s.oopCut)} less. `;
  }
  return t;
}

export function primaryOnlySummary(patient: Cents, insurer: Cents): string {
  return `You owe ${m(patient)}; your plan pays ${m(insurer)}.`;
}

export interface SecondaryStory {
  readonly planId: string;
  readonly normalBenefit: Cents;
  readonly pays: Cents;
  readonly nonDuplication: boolean;
  /** The secondary plan does not cover the service (its normal benefit is 0). */
  readonly notCovered: boolean;
}

export function withSecondarySummary(primaryPays: Cents, sec: SecondaryStory, patient: Cents): string {
  let t = `Your plan pays ${m(primaryPays)}. `;
  if (sec.notCovered) {
    t += `Your secondary plan ${sec.planId} does not cover this service and pays ${m(sec.pays)}. `;
  } else if (sec.nonDuplication) {
    t += `Your secondary plan ${sec.planId} would pay ${m(sec.normalBenefit)} as primary; less what your plan paid, it pays ${m(sec.pays)}. `;
  } else {
    t += `Your secondary plan ${sec.planId} would pay ${m(sec.normalBenefit)} as primary and pays ${m(sec.pays)} of your ${m((sec.pays + patient) as Cents)}. `;
  }
  return `${t}You owe ${m(patient)}.`;
}

export const SECONDARY_AS_PRIMARY = 'Only secondary coverage was in effect on this date, so it is treated as primary. ';

export function secondaryUnconfiguredText(planId: string): string {
  return ` Secondary plan ${planId} has no row in the Plans sheet, so what you owe after it is not computed.`;
}
