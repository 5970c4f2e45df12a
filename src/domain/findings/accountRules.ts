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
import { insurerHasAdjudicated } from '../lineStatus';
import { netPatientPaid, type RuleContext } from './context';
import { money, plural, usd } from './format';

export function checkAccounts(ctx: RuleContext): void {
  const { lines, shares, asOf } = ctx;
  const balanceCol = ctx.hasColumn('balance');
  const collectionsDays = ctx.config.policy.collectionsDays;
  const tol = ctx.tolerance;
  const { count, ids, names } = ctx.accounts();
  // Per-account totals in typed arrays, filled in one pass in sheet order.
  const latest = new Int32Array(count).fill(-1);
  const balanceSum = new Float64Array(count);
  const balanceLines = new Int32Array(count);
  /** Patient balance over all billable lines (credits on newer lines offset older debts). */
  const patientBalance = new Float64Array(count);
  /** Patient balance on lines older than CollectionsDays. */
  const oldPatientBalance = new Float64Array(count);
  let unknownPatientBalance = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const a = ids[i]!;
    const prev = latest[a]!;
    // The latest service date; on a tie the later row.
    if (prev < 0 || line.serviceDate > lines[prev]!.serviceDate || (line.serviceDate === lines[prev]!.serviceDate && line.row >= lines[prev]!.row)) {
      latest[a] = i;
    }
    if (line.balance !== null) {
      balanceSum[a] = balanceSum[a]! + line.balance;
      balanceLines[a] = balanceLines[a]! + 1;
    }
    // Same predicate as statements (lineStatus.isPendingWithInsurance), with self-pay memoised.
    if (!ctx.selfPay(line) && (line.status === 'pending' || line.status === 'appealed' || !insurerHasAdjudicated(line))) continue;
    const share = shares[i]?.patientShare ?? null;
    let owed: number;
    if (share !== null) owed = share - netPatientPaid(line);
    else if (line.balance !== null) owed = line.balance;
    else {
      unknownPatientBalance++;
      continue;
    }
    patientBalance[a] = patientBalance[a]! + owed;
    if (asOf - line.serviceDate > collectionsDays) oldPatientBalance[a] = oldPatientBalance[a]! + owed;
  }

  const patientsSheet = ctx.config.present.has('Patients');
  for (let a = 0; a < count; a++) {
    const credit = balanceCol && balanceLines[a]! > 0 && balanceSum[a]! < 0;
    // Newer credits offset older debts: only what is still owed overall can go to collections.
    const atStake = Math.min(oldPatientBalance[a]!, patientBalance[a]!);
    const collections = atStake > tol && !(ctx.patientOf(a)?.onPaymentPlan ?? false);
    if (!credit && !collections) continue;
    const account = names[a]!;
    const last = lines[latest[a]!]!;
    const cell = ctx.cellOf(last, 'balance', 'account');
    if (credit) {
      ctx.add(
        last, 'CREDIT_BALANCE', 'error', cell, -balanceSum[a]!,
        `Credit balance: account ${account}'s line balances add up to ${usd(balanceSum[a]!)}. ` +
          'Find the overpayment and refund the patient or payer (or apply it to an open charge) promptly.',
        { balanceTotal: money(balanceSum[a]!), linesWithBalance: String(balanceLines[a]!) },
      );
    }
    if (collections) {
      ctx.add(
        last, 'COLLECTIONS_CANDIDATE', 'warning', cell, atStake,
        `Collections candidate: account ${account} owes ${usd(atStake)} on services more than ${collectionsDays} days old ` +
          `and is not on a payment plan${patientsSheet ? '' : ' (no Patients sheet to confirm)'}. ` +
          'Before any collection action, send the patient a written notice at least 30 days ahead, and offer a payment plan or financial assistance.',
        {
          patientBalanceOverDays: money(oldPatientBalance[a]!),
          patientBalanceTotal: money(patientBalance[a]!),
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
