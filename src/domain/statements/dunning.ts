/**
 * Dunning (DESIGN §7, §8): how long the patient has owed, and the stage and
 * message that gives. It runs from when the patient balance arose — a line
 * can sit with insurance for months — not from the service date:
 *   0–30 days first statement · 31–60 reminder · 61–90 past due · over 90 final notice.
 * Messages start with a word (they go into cells) and carry no PHI beyond
 * what the statement itself shows.
 */
import { formatMoneyDisplay, type Cents } from '../money';
import { toUs, type Day } from '../day';

export type DunningStage = 'first-statement' | 'reminder' | 'past-due' | 'final-notice';

export const DUNNING_LABELS: Readonly<Record<DunningStage, string>> = {
  'first-statement': 'First statement',
  reminder: 'Reminder',
  'past-due': 'Past due',
  'final-notice': 'Final notice',
};

/** What a line leaves the patient to pay (negative: a credit), and the day that balance arose (lineBalance.balanceAroseOn). */
export interface OwedSince {
  readonly owed: number;
  readonly arose: Day;
}

/**
 * `balanceSince`: the earliest day a balance the patient still has not paid
 * arose, over the lines billed to them that still carry one; null when none does.
 */
export function balanceSince(lines: readonly OwedSince[]): Day | null {
  return balanceSinceOf(lines, (l) => l.owed, (l) => l.arose);
}

/** balanceSince over lines of any shape, read in place (a statement's own lines need no copy into OwedSince). */
export function balanceSinceOf<T>(lines: readonly T[], owed: (line: T) => number, arose: (line: T) => Day): Day | null {
  let since: Day | null = null;
  for (const l of lines) {
    if (owed(l) <= 0) continue;
    const day = arose(l);
    if (since === null || day < since) since = day;
  }
  return since;
}

/** The stage for a balance owed this many days (statement date − balanceSince). */
export function dunningStage(daysOwed: number): DunningStage {
  if (daysOwed <= 30) return 'first-statement';
  if (daysOwed <= 60) return 'reminder';
  if (daysOwed <= 90) return 'past-due';
  return 'final-notice';
}

export interface DunningContext {
  readonly amountDue: Cents;
  readonly dueDate: Day;
  readonly practicePhone: string | null;
  readonly collectionsDays: number;
}

function callUs(phone: string | null): string {
  return phone ? `call us at ${phone}` : 'call our billing office';
}

export function dunningMessage(stage: DunningStage, ctx: DunningContext): string {
  const amount = `$${formatMoneyDisplay(ctx.amountDue)}`;
  const due = toUs(ctx.dueDate);
  const call = callUs(ctx.practicePhone);
  switch (stage) {
    case 'first-statement':
      return `This is your statement for the services listed. Please pay ${amount} by ${due}, or choose one of the payment options below. Questions? Please ${call}.`;
    case 'reminder':
      return `Reminder: a balance of ${amount} remains on your account. Please pay by ${due}, or ${call} to set up a payment plan.`;
    case 'past-due':
      return `Past due: part of your balance of ${amount} is more than 60 days old. Please pay by ${due}, or ${call} to arrange a payment plan or ask about financial assistance.`;
    case 'final-notice':
      return `Final notice: part of your balance of ${amount} is more than 90 days old. Please pay by ${due}, or ${call} today. Balances unpaid after ${ctx.collectionsDays} days may be referred to a collection agency.`;
  }
}
