/**
 * Account-level findings, each pointing at the account's latest line (the
 * latest service date; on a tie the later row):
 *  - CREDIT_BALANCE (`error`): the line balances sum below zero — money held
 *    that belongs to the patient or a payer.
 *  - COLLECTIONS_CANDIDATE (`warning`: a decision for a person, not a wrong
 *    number): patient balance on lines older than CollectionsDays from
 *    service, and not on a payment plan.
 *
 * The patient balance of a line is what statements bill (DESIGN §7
 * amountDue): patientShare − patient paid, over lines not pending with
 * insurance; where no share could be computed, the ledger's balance on a line
 * the insurer is done with (or self-pay).
 */
import type { LedgerLine } from '../ledger';
import { insurerHasAdjudicated } from '../lineStatus';
import { netPatientPaid, type RuleContext } from './context';
import { money, plural, usd } from './format';

interface AccountTotals {
  latest: LedgerLine;
  balanceSum: number;
  balanceLines: number;
  /** Patient balance over all billable lines (credits on newer lines offset older debts). */
  patientBalance: number;
  /** Patient balance on lines older than CollectionsDays. */
  oldPatientBalance: number;
  oldestOldService: number;
}

export function checkAccounts(ctx: RuleContext): void {
  const { lines, shares, asOf } = ctx;
  const balanceCol = ctx.hasColumn('balance');
  const collectionsDays = ctx.config.policy.collectionsDays;
  const byAccount = new Map<string, AccountTotals>();
  let unknownPatientBalance = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let t = byAccount.get(line.account);
    if (t === undefined) {
      t = { latest: line, balanceSum: 0, balanceLines: 0, patientBalance: 0, oldPatientBalance: 0, oldestOldService: Infinity };
      byAccount.set(line.account, t);
    } else if (line.serviceDate > t.latest.serviceDate || (line.serviceDate === t.latest.serviceDate && line.row >= t.latest.row)) {
      t.latest = line;
    }
    if (line.balance !== null) {
      t.balanceSum += line.balance;
      t.balanceLines++;
    }

    // Same predicate as statements (lineStatus.isPendingWithInsurance), with self-pay memoised.
    const selfPay = ctx.selfPay(line);
    if (!selfPay && (line.status === 'pending' || line.status === 'appealed' || !insurerHasAdjudicated(line))) continue;
    const share = shares[i]?.patientShare ?? null;
    let owed: number;
    if (share !== null) owed = share - netPatientPaid(line);
    else if (line.balance !== null) owed = line.balance;
    else {
      unknownPatientBalance++;
      continue;
    }
    t.patientBalance += owed;
    if (asOf - line.serviceDate > collectionsDays) {
      t.oldPatientBalance += owed;
      if (line.serviceDate < t.oldestOldService) t.oldestOldService = line.serviceDate;
    }
  }

  const tol = ctx.tolerance;
  for (const [account, t] of byAccount) {
    const latest = t.latest;
    const cell = ctx.cellOf(latest, 'balance', 'account');
    if (balanceCol && t.balanceLines > 0 && t.balanceSum < 0) {
      const credit = -t.balanceSum;
      ctx.add(
        latest, 'CREDIT_BALANCE', 'error', cell, credit,
        `Credit balance: account ${account}'s line balances add up to ${usd(t.balanceSum)}. ` +
          'Find the overpayment and refund the patient or payer (or apply it to an open charge) promptly.',
        { balanceTotal: money(t.balanceSum), linesWithBalance: String(t.balanceLines) },
      );
    }
    // Newer credits offset older debts: only what is still owed overall can go to collections.
    const atStake = Math.min(t.oldPatientBalance, t.patientBalance);
    if (atStake > tol && !(ctx.patientFor(account)?.onPaymentPlan ?? false)) {
      const patientsSheet = ctx.config.present.has('Patients');
      ctx.add(
        latest, 'COLLECTIONS_CANDIDATE', 'warning', cell, atStake,
        `Collections candidate: account ${account} owes ${usd(atStake)} on services more than ${collectionsDays} days old ` +
          `and is not on a payment plan${patientsSheet ? '' : ' (no Patients sheet to confirm)'}. ` +
          'Before any collection action, send the patient a written notice at least 30 days ahead, and offer a payment plan or financial assistance.',
        {
          patientBalanceOverDays: money(t.oldPatientBalance),
          patientBalanceTotal: money(t.patientBalance),
          collectionsDays: String(collectionsDays),
          onPaymentPlan: patientsSheet ? 'N' : '(no Patients sheet)',
        },
      );
    }
  }

  if (lines.length > 0 && !balanceCol) {
    ctx.notice('CREDIT_BALANCE', 'Credit balances were not checked: the ledger has no Balance column. Map a Balance column to check them.');
  }
  if (unknownPatientBalance > 0) {
    ctx.notice(
      'COLLECTIONS_CANDIDATE',
      `Collections candidates were judged without ${plural(unknownPatientBalance, 'line')} whose patient balance is unknown ` +
        '(no expected share and no balance). Add Plans, Benefits and Coverage sheets or a Balance column to include them.',
      { linesWithoutPatientBalance: String(unknownPatientBalance) },
    );
  }
}
