/**
 * Plain-English working for each line, for a representative to read to a
 * patient (DESIGN §6 `Expected Shares`), e.g.
 *   "Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment).
 *    Deductible 500.00 (500.00 met of 500.00 after this visit), then 20%
 *    coinsurance of 100.00 = 20.00. You owe 520.00; your plan pays 80.00."
 * Every text starts with a word, so a cell can never take it for a formula.
 * Built by plain concatenation: a million of them must cost little.
 */
import { formatMoneyDisplay, type Cents } from '../money';
import { toUs, type Day } from '../day';
import type { CostShare } from './costSharing';
import type { BenefitInfo } from './planIndex';

const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * money.ts `formatMoneyDisplay` (1,234.50), with a fast path below
 * 1,000,000.00: the general regex form costs ~1.4 µs a call, seconds over a
 * million explanations. Identical output (a property test checks it).
 */
export function m(c: Cents): string {
  if (c >= 0 && c < 100_000_000) {
    const w = Math.floor(c / 100);
    const f = c - w * 100;
    const frac = f < 10 ? `.0${f}` : `.${f}`;
    if (w < 1000) return w + frac;
    const th = Math.floor(w / 1000);
    return `${th},${pad3(w - th * 1000)}${frac}`;
  }
  return formatMoneyDisplay(c);
}

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

export function unconfiguredText(billed: Cents, allowed: Cents, contractual: Cents, planId: string | null, payer: string | null): string {
  const a = allowedSentence(billed, allowed, contractual);
  if (planId !== null) return `${a}Shares not computed: plan ${planId} has no row in the Plans sheet.`;
  return `${a}Shares not computed: no plan in the Plans sheet matches ${payer === null ? 'this line' : `payer ${payer}`}.`;
}

/** How far an accumulator got, for "(1,800.00 met of 1,800.00 after this visit)". */
export interface MetAfter {
  readonly met: Cents;
  readonly limit: Cents;
  readonly family: boolean;
}

/** What a covered line's working needs, captured when it was adjudicated. */
export interface CoveredFacts {
  readonly billed: Cents;
  readonly allowed: Cents;
  readonly contractual: Cents;
  readonly share: CostShare;
  readonly benefit: BenefitInfo;
  /** The deductible accumulator that bound the line, after it (read when share.deductible > 0). */
  readonly deductible: MetAfter;
  /** The out-of-pocket maximum that capped the line, after it (read when share.oopCut > 0). */
  readonly oop: MetAfter;
  readonly secondaryActsAsPrimary: boolean;
  readonly secondaryPlanId: string | null;
  /** What the secondary would pay as primary. */
  readonly secondaryNormal: Cents;
  readonly secondaryNotCovered: boolean;
  readonly nonDuplication: boolean;
  /** null when the secondary has no Plans row. */
  readonly secondaryPays: Cents | null;
  /** What the patient owes after every payer; null when not computable. */
  readonly patient: Cents | null;
}

/**
 * A covered line: allowed, copay, deductible (with how much is met after
 * this visit), coinsurance, any out-of-pocket cap, then who pays what.
 */
export function coveredText(x: CoveredFacts): string {
  const s = x.share;
  let t = x.secondaryActsAsPrimary ? 'Only secondary coverage was in effect on this date, so it is treated as primary. ' : '';
  t += allowedSentence(x.billed, x.allowed, x.contractual);
  if (x.benefit.copay > 0) t += `Copay ${m(s.copay)}. `;
  if (s.deductible > 0) {
    const d = x.deductible;
    t += `${d.family ? 'Family deductible' : 'Deductible'} ${m(s.deductible)} (${m(d.met)} met of ${m(d.limit)} after this visit)`;
  } else {
    const none = !x.benefit.deductibleApplies || x.benefit.plan.deductibleIndividual === 0;
    t += none ? 'No deductible for this service' : 'Deductible already met';
  }
  t += s.coinsuranceBase > 0
    ? `, then ${x.benefit.coinsuranceLabel} coinsurance of ${m(s.coinsuranceBase)} = ${m(s.coinsuranceBeforeCap)}. `
    : '. ';
  if (s.oopCut > 0) {
    const o = x.oop;
    t += `Out-of-pocket maximum reached (${o.family ? 'family ' : ''}${m(o.met)} met of ${m(o.limit)}), so your share is ${m(s.oopCut)} less. `;
  }
  const sec = x.secondaryPlanId;
  if (sec === null) return `${t}You owe ${m(s.patient)}; your plan pays ${m(s.insurer)}.`;
  t += `Your plan pays ${m(s.insurer)}. `;
  if (x.secondaryPays === null || x.patient === null) {
    return `${t}Secondary plan ${sec} has no row in the Plans sheet, so what you owe after it (up to ${m(s.patient)}) is not computed.`;
  }
  if (x.secondaryNotCovered) {
    t += `Your secondary plan ${sec} does not cover this service. `;
  } else if (x.nonDuplication) {
    t += `Your secondary plan ${sec} would pay ${m(x.secondaryNormal)} as primary; less what your plan paid, it pays ${m(x.secondaryPays)}. `;
  } else {
    t += `Your secondary plan ${sec} would pay ${m(x.secondaryNormal)} as primary and pays ${m(x.secondaryPays)} of your ${m(s.patient)}. `;
  }
  return `${t}You owe ${m(x.patient)}.`;
}
