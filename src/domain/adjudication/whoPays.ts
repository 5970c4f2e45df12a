/**
 * DESIGN §4 "Who pays a line", in its order:
 * 1. insured — its Payer names an insurer (or it names a PlanId), or a
 *    Coverage row covers its account on its DOS, or an insurer payment,
 *    secondary payment or reason code is posted on it: a line with an
 *    insurer payment is never self-pay;
 * 2. self-pay — its Payer says so (blank where the ledger has a Payer
 *    column, Self, Self Pay, Patient, Cash, None); or the ledger has no
 *    Payer column and the Coverage sheet has no row for the account on that
 *    DOS (a Coverage row with an input issue denies nothing);
 * 3. otherwise — no Payer column and no Coverage sheet — unknown.
 */
import { isSelfPay, type LedgerLine } from '../ledger';
import { insurerPosted } from '../lineStanding';
import type { WhoPays } from '../shareTypes';

export interface WhoPaysFacts {
  /** The line's own sheet has a Payer column. */
  readonly hasPayerColumn: boolean;
  /** The workbook has a Coverage sheet. */
  readonly hasCoverageSheet: boolean;
  /** A (readable) Coverage row covers the account on the line's DOS. */
  readonly coveredOnDos: boolean;
  /** A Coverage row with an input issue might cover it. */
  readonly coverageInDoubt: boolean;
}

/** `saysSelfPay` is `isSelfPay`, or a run's memo of it. */
export function whoPays(line: LedgerLine, facts: WhoPaysFacts, saysSelfPay: (payer: string) => boolean = isSelfPay): WhoPays {
  const namesInsurer = (line.payer !== null && !saysSelfPay(line.payer)) || line.planId !== null;
  if (namesInsurer || facts.coveredOnDos || insurerPosted(line)) return 'insured';
  if (facts.hasPayerColumn) return 'self-pay';
  if (facts.hasCoverageSheet && !facts.coverageInDoubt) return 'self-pay';
  return 'unknown';
}
