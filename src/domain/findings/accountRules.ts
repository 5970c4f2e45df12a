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
 * the insurer is done with (or self-pay) — after posting a remittance the
 * remaining balance is the patient's. A denied line nobody has worked
 * (DENIED_UNWORKED) is left out: the practice has to resolve it first.
 */
import { pendingGivenSelfPay } from '../lineStatus';
import { netPatientPaid, type LineRule, type RuleContext } from './context';
import { isDeniedUnworked } from './denialRule';
import { money, plural, usd } from './format';

// Bound once: under tsx (esbuild) each use of an imported function is a getter call, and these run on every line.
const pendingWithInsurance = pendingGivenSelfPay;
const deniedUnworked = isDeniedUnworked;
const patientPaidNet = netPatientPaid;

export function accountRules(ctx: RuleContext): LineRule {
  const { lines, asOf } = ctx;
  const balanceCol = ctx.hasColumn('balance');
  const collectionsDays = ctx.config.policy.collectionsDays;
  const tol = ctx.tolerance;
  let unknownPatientBalance = 0;

  return {
    line(i, line, s) {
      const id = ctx.accountIds[i]!;
      const facts = ctx.facts;
      facts.noteLine(id, i, line.serviceDate, line.row, line.balance);
      // The statements' predicate (lineStatus), with self-pay memoised per line…
      if (pendingWithInsurance(line, ctx.selfPay(line))) return;
      // …and a denial nobody has worked is the practice's to resolve, not the patient's debt yet.
      if (deniedUnworked(line)) return;
      const share = s === undefined ? null : s.patientShare;
      let owed: number;
      if (share !== null) owed = share - patientPaidNet(line);
      else if (line.balance !== null) owed = line.balance;
      else {
        unknownPatientBalance++;
        return;
      }
      facts.addPatientOwed(id, owed, asOf - line.serviceDate > collectionsDays);
    },

    finish() {
      const patientsSheet = ctx.config.present.has('Patients');
      const facts = ctx.facts;
      for (let a = 0; a < ctx.accountCount; a++) {
        const balanceSum = facts.balanceSum(a);
        const balanceLines = facts.balanceLines(a);
        const patientBalance = facts.patientBalance(a);
        const oldPatientBalance = facts.oldPatientBalance(a);
        const credit = balanceCol && balanceLines > 0 && balanceSum < 0;
        // Newer credits offset older debts: only what is still owed overall can go to collections.
        const atStake = Math.min(oldPatientBalance, patientBalance);
        const collections = atStake > tol && !facts.onPaymentPlan(a);
        if (!credit && !collections) continue;
        const account = ctx.accountNames[a]!;
        const last = lines[facts.latest(a)]!;
        const cell = ctx.cellOf(last, 'balance', 'account');
        if (credit) {
          ctx.add(
            last, 'CREDIT_BALANCE', 'error', cell, -balanceSum,
            `Credit balance: account ${account}'s line balances add up to ${usd(balanceSum)}. ` +
              'Find the overpayment and refund the patient or payer (or apply it to an open charge) promptly.',
            { balanceTotal: money(balanceSum), linesWithBalance: String(balanceLines) },
          );
        }
        if (collections) {
          ctx.add(
            last, 'COLLECTIONS_CANDIDATE', 'warning', cell, atStake,
            `Collections candidate: account ${account} owes ${usd(atStake)} on services more than ${collectionsDays} days old ` +
              `and is not on a payment plan${patientsSheet ? '' : ' (no Patients sheet to confirm)'}. ` +
              'Before any collection action, send the patient a written notice at least 30 days ahead, and offer a payment plan or financial assistance.',
            {
              patientBalanceOverDays: money(oldPatientBalance),
              patientBalanceTotal: money(patientBalance),
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
    },
  };
}
