/**
 * Plain-English working for each line, for a representative to read to a
 * patient (DESIGN §6 `Expected Shares`), e.g.
 *   "Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment).
 *    Deductible 500.00 (500.00 met of 500.00 after this visit), then 20%
 *    coinsurance of 100.00 = 20.00. You owe 520.00; your plan pays 80.00."
 * Every text starts with a word, so a cell can never take it for a formula.
 *
 * A million of these are written for results.json, so: amounts below
 * 2,621.44 are formatted once and remembered (`m`), and every text is
 * flattened before it is returned — a text built by `+` is a tree of ~20
 * string pieces (~1 KB); flat it is its ~200 characters, and the pieces are
 * garbage the young generation drops for free (bench/adjudicate.ts measures
 * both).
 */
import { formatMoneyDisplay, type Cents } from '../money';
import { toUs, type Day } from '../day';
import type { BenefitInfo } from './planIndex';

const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * money.ts `formatMoneyDisplay` (1,234.50), with a fast path below
 * 1,000,000.00: the general regex form costs ~1.4 µs a call, seconds over a
 * million explanations. Identical output (a property test checks it).
 */
function display(c: Cents): string {
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

/** Amounts in [0, MEMO) cents keep their text: at most ~260,000 short strings, only those used. */
const MEMO = 1 << 18;
let memo: (string | undefined)[] | null = null;

/** Display money (1,234.50), remembered for everyday amounts. */
export function m(c: Cents): string {
  if (c >= 0 && c < MEMO) {
    const texts = memo ?? (memo = new Array<string | undefined>(MEMO));
    let s = texts[c];
    if (s === undefined) s = texts[c] = display(c);
    return s;
  }
  return display(c);
}

/** Written by `flat` so the read it does cannot be optimised away. */
let lastRead = 0;

/** The text as one flat string: reading a character makes V8 copy the pieces into one. */
function flat(t: string): string {
  lastRead = t.charCodeAt(t.length >> 1);
  return t;
}

/** For tests: the character `flat` last read (keeps `lastRead` observable). */
export const flattenProbe = (): number => lastRead;

/** "Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment). " */
export function allowedSentence(billed: Cents, allowed: Cents, contractual: Cents): string {
  if (contractual === 0) return `Allowed ${m(allowed)}. `;
  if (contractual > 0) return `Allowed ${m(allowed)} (billed ${m(billed)} less ${m(contractual)} contractual adjustment). `;
  return `Allowed ${m(allowed)}, more than the ${m(billed)} billed. `;
}

export function selfPayText(billed: Cents): string {
  return flat(`Self-pay: no insurance on this line, so you owe the full charge of ${m(billed)}.`);
}

export function noCoverageText(billed: Cents, serviceDate: Day, payer: string | null): string {
  const billedTo = payer === null ? '' : ` (billed to ${payer})`;
  return flat(`No coverage on file for this account on ${toUs(serviceDate)}${billedTo}, so you owe the full charge of ${m(billed)}.`);
}

export function notCoveredText(billed: Cents, category: string, planId: string): string {
  return flat(`Not covered: plan ${planId} does not cover ${category} services, so you owe the full charge of ${m(billed)}.`);
}

export function unconfiguredText(billed: Cents, allowed: Cents, contractual: Cents, planId: string | null, payer: string | null): string {
  const a = allowedSentence(billed, allowed, contractual);
  if (planId !== null) return flat(`${a}Shares not computed: plan ${planId} has no row in the Plans sheet.`);
  return flat(`${a}Shares not computed: no plan in the Plans sheet matches ${payer === null ? 'this line' : `payer ${payer}`}.`);
}

/**
 * What a covered line's working needs, captured when it was adjudicated.
 * One instance is refilled line after line (SharesTable), so writing a text
 * allocates only the text.
 */
export class CoveredFacts {
  billed = 0 as Cents;
  allowed = 0 as Cents;
  contractual = 0 as Cents;
  /** The primary plan's split, after the out-of-pocket cap. */
  copay = 0 as Cents;
  deductible = 0 as Cents;
  coinsurance = 0 as Cents;
  /** allowed − copay − deductible before the cap, and its coinsurance before the cap. */
  coinsuranceBase = 0 as Cents;
  coinsuranceBeforeCap = 0 as Cents;
  /** How much the out-of-pocket maximum took off. */
  oopCut = 0 as Cents;
  /** The primary plan's patient share and payment. */
  primaryPatient = 0 as Cents;
  insurer = 0 as Cents;
  benefit: BenefitInfo | null = null;
  /** The deductible accumulator that bound the line, after it (read when deductible > 0). */
  deductibleMet = 0 as Cents;
  deductibleLimit = 0 as Cents;
  familyDeductible = false;
  /** The out-of-pocket maximum that capped the line, after it (read when oopCut > 0). */
  oopMet = 0 as Cents;
  oopLimit = 0 as Cents;
  familyOop = false;
  secondaryActsAsPrimary = false;
  secondaryPlanId: string | null = null;
  /** What the secondary would pay as primary. */
  secondaryNormal = 0 as Cents;
  secondaryNotCovered = false;
  nonDuplication = false;
  /** null when the secondary has no Plans row. */
  secondaryPays: Cents | null = null;
  /** What the patient owes after every payer; null when not computable. */
  patient: Cents | null = null;
}

/**
 * A covered line: allowed, copay, deductible (with how much is met after
 * this visit), coinsurance, any out-of-pocket cap, then who pays what.
 */
export function coveredText(x: CoveredFacts): string {
  const b = x.benefit!;
  let t = x.secondaryActsAsPrimary ? 'Only secondary coverage was in effect on this date, so it is treated as primary. ' : '';
  t += allowedSentence(x.billed, x.allowed, x.contractual);
  if (b.copay > 0) t += `Copay ${m(x.copay)}. `;
  const noDeductible = !b.deductibleApplies || b.plan.deductibleIndividual === 0;
  if (x.deductible === 0 && noDeductible && b.coinsurancePct === 0) {
    // A copay-only or fully covered service: say so plainly instead of "0% coinsurance … = 0.00".
    t += b.copay > 0 ? 'No deductible or coinsurance for this service. ' : 'No deductible, copay or coinsurance for this service. ';
  } else {
    if (x.deductible > 0) {
      t += `${x.familyDeductible ? 'Family deductible' : 'Deductible'} ${m(x.deductible)} (${m(x.deductibleMet)} met of ${m(x.deductibleLimit)} after this visit)`;
    } else {
      t += noDeductible ? 'No deductible for this service' : 'Deductible already met';
    }
    t += x.coinsuranceBase > 0
      ? `, then ${b.coinsuranceLabel} coinsurance of ${m(x.coinsuranceBase)} = ${m(x.coinsuranceBeforeCap)}. `
      : '. ';
  }
  if (x.oopCut > 0) {
    t += `Out-of-pocket maximum reached (${x.familyOop ? 'family ' : ''}${m(x.oopMet)} met of ${m(x.oopLimit)}), so your share is ${m(x.oopCut)} less. `;
  }
  const sec = x.secondaryPlanId;
  if (sec === null) return flat(`${t}You owe ${m(x.primaryPatient)}; your plan pays ${m(x.insurer)}.`);
  t += `Your plan pays ${m(x.insurer)}. `;
  if (x.secondaryPays === null || x.patient === null) {
    return flat(`${t}Secondary plan ${sec} has no row in the Plans sheet, so what you owe after it (up to ${m(x.primaryPatient)}) is not computed.`);
  }
  if (x.secondaryNotCovered) {
    t += `Your secondary plan ${sec} does not cover this service. `;
  } else if (x.nonDuplication) {
    t += `Your secondary plan ${sec} would pay ${m(x.secondaryNormal)} as primary; less what your plan paid, it pays ${m(x.secondaryPays)}. `;
  } else {
    t += `Your secondary plan ${sec} would pay ${m(x.secondaryNormal)} as primary and pays ${m(x.secondaryPays)} of your ${m(x.primaryPatient)}. `;
  }
  return flat(`${t}You owe ${m(x.patient)}.`);
}
