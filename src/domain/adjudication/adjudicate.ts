/**
 * Expected insurer and patient shares per ledger line (DESIGN §4, §5).
 *
 * Lines are taken in one pass in service-date order (then sheet order)
 * within each group of accounts that share accumulators (lineOrder.ts): who
 * pays the line, where it stands, which plan decides it, and the
 * cost-sharing rule on that plan's accumulators. `adjudicate(ledger,
 * config)[i]` is the shares of `ledger.lines[i]`, plain data.
 */
import type { Config } from '../config';
import type { LedgerLine, LedgerSheet } from '../ledger';
import { lineStanding } from '../lineStanding';
import type { LineShares } from '../shareTypes';
import { CoverageBook, type LineParty } from './coverage';
import { nameKey } from '../nameKeys';
import { isSelfPay } from '../ledger';
import { memoByText } from '../memoByText';
import { FeeSchedule } from './feeSchedule';
import { PlanBook } from './plans';
import { adjudicationOrder } from './lineOrder';
import { whoPays } from './whoPays';
import { LineAdjudicator } from './lineAdjudicator';

export interface AdjudicationInput {
  readonly lines: readonly LedgerLine[];
  /** The ledger's sheets: which have a Payer column (§4 "Who pays a line"). */
  readonly sheets: readonly Pick<LedgerSheet, 'sheet' | 'mapping'>[];
}

/** `adjudicate(ledger, config)[i]` is the expected shares of `ledger.lines[i]`. */
export function adjudicate(ledger: AdjudicationInput, config: Config): LineShares[] {
  return adjudicateInOrder(ledger, config, adjudicationOrder(ledger.lines, config.coverage));
}

/** The shares with the lines taken in `order` (positions in `ledger.lines`); tests compare orders with it. */
export function adjudicateInOrder(ledger: AdjudicationInput, config: Config, order: readonly number[]): LineShares[] {
  const plans = new PlanBook(config);
  const keyOf = memoByText(nameKey);
  const saysSelfPay = memoByText(isSelfPay);
  const coverage = new CoverageBook(config, plans, keyOf);
  const decide = new LineAdjudicator({ plans, coverage, fees: new FeeSchedule(config.feeSchedule), cobMethod: config.policy.cobMethod });
  const sheetsWithPayer = new Set(ledger.sheets.filter((s) => (s.mapping.fields.payer?.length ?? 0) > 0).map((s) => s.sheet));
  const out = new Array<LineShares>(ledger.lines.length);
  // Consecutive lines are mostly one account's (lineOrder.ts): its Coverage rows are looked up once per run of them.
  let account: string | null = null;
  let onFile = coverage.forAccount('');
  for (const at of order) {
    const line = ledger.lines[at]!;
    if (line.account !== account) {
      account = line.account;
      onFile = coverage.forAccount(account);
    }
    const party: LineParty = { planKey: line.planId === null ? null : keyOf(line.planId), payerKey: line.payer === null ? null : keyOf(line.payer) };
    const doubt = coverage.rowInDoubt(onFile, line);
    const primary = coverage.hasSheet ? coverage.primaryFor(onFile, line, party) : null;
    const who = whoPays(line, {
      hasPayerColumn: sheetsWithPayer.has(line.sheet),
      hasCoverageSheet: coverage.hasSheet,
      coveredOnDos: primary !== null,
      coverageInDoubt: doubt !== null,
    }, saysSelfPay);
    out[at] = decide.line({ line, party, onFile, whoPays: who, standing: lineStanding(line, who), primary, doubt });
  }
  return out;
}
