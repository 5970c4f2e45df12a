/**
 * Patient-facing notices: financial assistance (DESIGN §8 — who may qualify,
 * or how to apply when we do not know the income) and the refund notice for
 * a credit balance. Every message starts with a word.
 */
import { formatMoneyDisplay, percentToNumber, type Cents, type Percent } from '../money';
import type { PatientRow, Policy } from '../config';
import { topTierMax, type AssistanceResult } from '../plans/assistance';
import { isValidHouseholdSize } from '../plans/povertyGuidelines';
import type { AssistanceNotice } from './statementTypes';
import { sharedText, type SharedTexts } from './text';

const money = (c: Cents): string => `$${formatMoneyDisplay(c)}`;

function contact(policy: Policy): string {
  return policy.practicePhone ? `call us at ${policy.practicePhone}` : 'call our billing office';
}

export interface HouseholdFacts {
  readonly monthlyIncome: Cents | null;
  readonly householdSize: number;
  readonly state: string | null;
  readonly flags: string[];
}

/** Income, household size (1 when not on file) and state from the Patients row. */
export function householdFacts(row: PatientRow | undefined): HouseholdFacts {
  const flags: string[] = [];
  let size = 1;
  const given = row?.householdSize ?? null;
  if (given !== null) {
    if (isValidHouseholdSize(given)) size = given;
    else flags.push(`Household size "${given}" is not a whole number of at least 1; 1 was used for financial assistance.`);
  }
  const income = row?.monthlyIncome ?? null;
  if (income !== null && income < 0) {
    flags.push('Monthly income on the Patients sheet is negative; it was treated as unknown.');
    return { monthlyIncome: null, householdSize: size, state: row?.state ?? null, flags };
  }
  return { monthlyIncome: income, householdSize: size, state: row?.state ?? null, flags };
}

/**
 * Income unknown: how to apply. The notice is the same on every such bill of
 * a run, so a run builds it once and shares it; null when Policy has no tiers.
 */
export function applyNotice(policy: Policy): AssistanceNotice | null {
  const top = topTierMax(policy.assistanceTiers);
  if (top === null) return null;
  return {
    kind: 'apply',
    message: `Financial assistance is available to households with income up to ${percentToNumber(top)}% of the federal poverty guideline. To apply, ${contact(policy)} or send proof of your household's monthly income and household size with your payment stub.`,
    fplHundredths: null,
    discountPct: null,
    estimatedDiscount: null,
  };
}

/**
 * Income on file at or under the top tier's FPL ceiling: "you may qualify",
 * with the estimated discount — from the assessment the income-based plan
 * already made for this balance. Income above every tier, or no tiers in
 * Policy: no notice. The message depends only on the discount, and many
 * bills share one: `messages` keeps each once per run.
 */
export function mayQualifyNotice(a: AssistanceResult, policy: Policy, messages: SharedTexts<Percent, Cents>): AssistanceNotice | null {
  if (a.tier === null) return null;
  const message = sharedText(messages, a.discountPct, a.discount, () => {
    const pct = percentToNumber(a.discountPct);
    const what = pct >= 100 ? 'your balance may be forgiven in full' : `your balance may be reduced by ${pct}% (about ${money(a.discount)})`;
    return `You may qualify for financial assistance: based on the household income we have on file, ${what}. Please ${contact(policy)} to apply before you pay.`;
  });
  return {
    kind: 'may-qualify',
    message,
    fplHundredths: a.fplHundredths,
    discountPct: a.discountPct,
    estimatedDiscount: a.discount,
  };
}

export function refundMessage(credit: Cents, pendingLines: number, policy: Policy): string {
  const pending = pendingLines > 0
    ? ' Claims still with your insurance may change this amount; we will refund what remains once they are settled.'
    : '';
  return `Credit balance: you have paid ${money(credit)} more than you owe. No payment is needed; we will send you a refund.${pending} Questions? Please ${contact(policy)}.`;
}
