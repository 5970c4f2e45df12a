/**
 * Account-level findings, each pointing at the balance cell of the
 * account's latest line (the latest service date; on a tie the later line):
 *  - CREDIT_BALANCE (`error`): the account's line balances (DESIGN §4: the
 *    Balance cell, else billed − adjustment − payments + refunds) sum below
 *    zero — money held that belongs to the patient or a payer.
 *  - COLLECTIONS_CANDIDATE (`warning`: a decision for a person, not a wrong
 *    number): the account still owes (what its statement bills, §7) on a
 *    patient balance that arose more than CollectionsDays ago (§8: counted
 *    from when the balance arose, not from the service date), and it is not
 *    on a payment plan. Amount: the old balance, less newer credits.
 */
import type { LineShares } from '../shareTypes';
import type { Finding } from '../findingTypes';
import type { Day } from '../day';
import { idKey } from '../nameKeys';
import { balanceAroseOn, billedToPatient, lineBalance, patientOwes } from '../lineBalance';
import { balanceSince } from '../statements/dunning';
import { cellOf, lineFinding, type AccountLines, type RuleContext } from './context';
import { date, money, usd } from './format';

export function creditBalance(ctx: RuleContext, account: AccountLines): Finding | null {
  let total = 0;
  for (const i of account.positions) total += lineBalance(ctx.ledger.lines[i]!);
  if (total >= 0) return null;
  const last = account.latest;
  return lineFinding({
    rule: 'CREDIT_BALANCE', severity: 'error', line: last, cell: cellOf(ctx, last, 'balance', 'account'), amount: -total,
    message:
      `Credit balance: account ${last.account}'s line balances add up to ${usd(total)}. ` +
      'Find the overpayment and refund the patient or payer (or apply it to an open charge) promptly.',
    inputs: { balanceTotal: money(total), lines: String(account.positions.length) },
  });
}

/**
 * What the patient owes on each line billed to them, and when each balance
 * arose; a line they owe nothing on (most lines) changes neither the
 * balance nor since when it is owed, and is left out.
 */
function patientBalances(ctx: RuleContext, account: AccountLines): { owed: number; arose: Day }[] {
  const out: { owed: number; arose: Day }[] = [];
  for (const i of account.positions) {
    const share: LineShares = ctx.shares[i]!;
    if (!billedToPatient(share)) continue;
    const line = ctx.ledger.lines[i]!;
    const owed = patientOwes(line, share);
    if (owed !== 0) out.push({ owed, arose: balanceAroseOn(line) });
  }
  return out;
}

export function collectionsCandidate(ctx: RuleContext, account: AccountLines): Finding | null {
  const last = account.latest;
  const { collectionsDays } = ctx.config.policy;
  const balances = patientBalances(ctx, account);
  const since = balanceSince(balances);
  if (since === null || ctx.asOf - since <= collectionsDays) return null;
  const owed = balances.reduce((sum, b) => sum + b.owed, 0);
  const oldOwed = balances.reduce((sum, b) => (b.owed > 0 && ctx.asOf - b.arose > collectionsDays ? sum + b.owed : sum), 0);
  // Newer credits offset older debts: only what is still owed overall can go to collections.
  const atStake = Math.min(oldOwed, owed);
  if (atStake <= ctx.tolerance) return null;
  // Looked up only for an account that owes an old balance (few do): a Patients lookup for every account costs more.
  const patient = ctx.patients.get(idKey(last.account));
  if (patient?.onPaymentPlan) return null;
  // "Not on a payment plan" is confirmed only by the account's Patients row; an empty Patients
  // sheet ("Set up workbook" adds it so) confirms nothing.
  const unconfirmed = patient !== undefined ? null : ctx.config.present.has('Patients') ? 'no Patients row' : 'no Patients sheet';
  return lineFinding({
    rule: 'COLLECTIONS_CANDIDATE', severity: 'warning', line: last, cell: cellOf(ctx, last, 'balance', 'account'), amount: atStake,
    message:
      `Collections candidate: account ${last.account} has owed ${usd(atStake)} since ${date(since)}, more than ${collectionsDays} days, ` +
      `and is not on a payment plan${unconfirmed === null ? '' : ` (${unconfirmed} to confirm)`}. ` +
      'Before any collection action, send the patient a written notice at least 30 days ahead, and offer a payment plan or financial assistance.',
    inputs: {
      balanceSince: date(since),
      patientBalanceOverDays: money(oldOwed),
      patientBalanceTotal: money(owed),
      collectionsDays: String(collectionsDays),
      onPaymentPlan: unconfirmed === null ? 'N' : `(${unconfirmed})`,
    },
  });
}
