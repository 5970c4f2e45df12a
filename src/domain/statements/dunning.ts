/**
 * The dunning stage and its message, from the age of the oldest unpaid line
 * (days from its service date to the statement date, after credits):
 *   0–30 first statement · 31–60 reminder · 61–90 past due · over 90 final notice.
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

export function dunningStage(oldestOpenDays: number): DunningStage {
  if (oldestOpenDays <= 30) return 'first-statement';
  if (oldestOpenDays <= 60) return 'reminder';
  if (oldestOpenDays <= 90) return 'past-due';
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
