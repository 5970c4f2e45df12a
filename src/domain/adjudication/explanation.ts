/**
 * Plain-English working for each line, for a representative to read to a
 * patient (DESIGN §6 `Expected Shares`), e.g.
 *   "Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment).
 *    Deductible 500.00 (500.00 met of 500.00 after this visit), then 20%
 *    coinsurance of 100.00 = 20.00. You owe 520.00; your plan pays 80.00."
 * `explainShares` is the one function that turns adjudication's working
 * (plain data) into the sentence. Every text starts with a word, so a cell
 * can never take it for a formula.
 */
import { formatMoneyDisplay as m, percentToNumber, type Cents, type Percent } from '../money';
import { toUs } from '../day';
import type { LineShares, ShareWorking } from '../shareTypes';

type Covered = Extract<ShareWorking, { kind: 'covered' }>;

const pct = (p: Percent): string => `${percentToNumber(p)}%`;

/** "Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment). " */
function allowedSentence(billed: Cents, allowed: Cents, contractual: Cents): string {
  if (contractual === 0) return `Allowed ${m(allowed)}. `;
  if (contractual > 0) return `Allowed ${m(allowed)} (billed ${m(billed)} less ${m(contractual)} contractual adjustment). `;
  return `Allowed ${m(allowed)}, more than the ${m(billed)} billed. `;
}

/** The sentence for a line's shares, from its working and, for a covered line, its amounts. */
export function explainShares(shares: Pick<LineShares, 'working' | 'allowed' | 'contractual' | 'copay' | 'deductible' | 'coinsurance' | 'patientShare' | 'benefit'>): string {
  const w = shares.working;
  switch (w.kind) {
    case 'self-pay':
      return `Self-pay: no insurance on this line, so you owe the full charge of ${m(w.billed)}.`;
    case 'unknown':
      return 'Coverage unknown: the ledger has no Payer column and the workbook no Coverage sheet, so shares are not computed; the patient owes the line\'s balance.';
    case 'no-coverage':
      return `No coverage on file for this account on ${toUs(w.serviceDate)}${w.payer === null ? '' : ` (billed to ${w.payer})`}, so you owe the full charge of ${m(w.billed)}.`;
    case 'coverage-out-of-date':
      return `No coverage on file for this account on ${toUs(w.serviceDate)}, yet ${w.payer === null ? 'an insurer' : w.payer} paid on this line: the Coverage sheet looks out of date, so shares are not computed.`;
    case 'coverage-in-doubt':
      return `Shares not computed: the Coverage row at ${w.coverageCell} could not be read, and it may cover this line.`;
    case 'not-covered':
      return w.secondaryPlanId === null || w.secondaryPlanId === w.planId
        ? `Not covered: plan ${w.planId} does not cover ${w.category} services, so you owe the full charge of ${m(w.billed)}.`
        : `Not covered: neither plan ${w.planId} nor secondary plan ${w.secondaryPlanId} covers ${w.category} services, so you owe the full charge of ${m(w.billed)}.`;
    case 'denied-patient':
      return `Denied as patient responsibility (${w.denialCode}), so you owe the full charge of ${m(w.billed)}.`;
    case 'unconfigured': {
      const a = w.allowed === null || w.contractual === null ? '' : allowedSentence(w.billed, w.allowed, w.contractual);
      if (w.planId !== null) return `${a}Shares not computed: plan ${w.planId} has no row in the Plans sheet.`;
      if (w.payer === null) return `${a}Shares not computed: an insurer is on this line, but no Plans and Coverage rows say which plan, so the patient's part is the line's balance.`;
      return `${a}Shares not computed: no one plan in a Plans sheet is payer ${w.payer}'s (a Coverage row or the line's PlanId would say which).`;
    }
    case 'covered':
      return coveredText(w, shares);
  }
}

/** A covered line: allowed, copay, deductible, coinsurance, any out-of-pocket cap, then who pays what. */
function coveredText(x: Covered, shares: Pick<LineShares, 'allowed' | 'contractual' | 'copay' | 'deductible' | 'coinsurance' | 'patientShare' | 'benefit'>): string {
  // A covered line always has its amounts and benefit (lineAdjudicator.ts).
  const b = shares.benefit!;
  const allowed = shares.allowed!;
  const contractual = shares.contractual!;
  const deductible = shares.deductible!;
  let t = x.secondaryAsPrimary === 'only-secondary-in-effect'
    ? 'Only secondary coverage was in effect on this date, so it is treated as primary. '
    : x.secondaryAsPrimary === 'primary-does-not-cover'
      ? `Your primary plan does not cover this service, so your secondary plan ${b.planId} pays as primary. `
      : '';
  t += allowedSentence((allowed + contractual) as Cents, allowed, contractual);
  if (b.copay > 0) t += `Copay ${m(shares.copay!)}. `;
  const noDeductible = !b.deductibleApplies || !x.planHasDeductible;
  if (deductible === 0 && noDeductible && b.coinsurancePct === 0) {
    // A copay-only or fully covered service: say so plainly instead of "0% coinsurance … = 0.00".
    t += b.copay > 0 ? 'No deductible or coinsurance for this service. ' : 'No deductible, copay or coinsurance for this service. ';
  } else {
    if (x.deductibleAfter !== null) {
      const after = x.deductibleAfter;
      t += `${after.family ? 'Family deductible' : 'Deductible'} ${m(deductible)} (${m(after.met)} met of ${m(after.limit)} after this visit)`;
    } else {
      t += noDeductible ? 'No deductible for this service' : 'Deductible already met';
    }
    t += x.coinsuranceBase > 0 ? `, then ${pct(b.coinsurancePct)} coinsurance of ${m(x.coinsuranceBase)} = ${m(x.coinsuranceBeforeCap)}. ` : '. ';
  }
  const cap = x.outOfPocketCap;
  if (cap !== null) {
    t += `Out-of-pocket maximum reached (${cap.family ? 'family ' : ''}${m(cap.met)} met of ${m(cap.limit)}), so your share is ${m(cap.cut)} less. `;
  }
  if (x.secondaryAsPrimary !== null) return `${t}You owe ${m(x.planPatient)}; your secondary plan pays ${m(x.planPays)}.`;
  const sec = x.secondary;
  if (sec === null) return `${t}You owe ${m(x.planPatient)}; your plan pays ${m(x.planPays)}.`;
  t += `Your plan pays ${m(x.planPays)}. `;
  if (sec.pays === null || sec.normalBenefit === null || shares.patientShare === null) {
    return `${t}Secondary plan ${sec.planId} has no row in the Plans sheet, so what you owe after it (up to ${m(x.planPatient)}) is not computed.`;
  }
  if (sec.notCovered) {
    t += `Your secondary plan ${sec.planId} does not cover this service. `;
  } else if (sec.nonDuplication) {
    t += `Your secondary plan ${sec.planId} would pay ${m(sec.normalBenefit)} as primary; less what your plan paid, it pays ${m(sec.pays)}. `;
  } else {
    t += `Your secondary plan ${sec.planId} would pay ${m(sec.normalBenefit)} as primary and pays ${m(sec.pays)} of your ${m(x.planPatient)}. `;
  }
  return `${t}You owe ${m(shares.patientShare)}.`;
}
