/**
 * Which plan covers a line (DESIGN §4 `Coverage`, §5.8, §5 step 10).
 *
 * With a Coverage sheet, coverage comes only from it: the account's rows in
 * effect on the service date (EffectiveFrom/To inclusive, blank = open).
 * Among several rows of one priority, the one naming the line's PlanId wins,
 * then the one whose plan has the line's payer, then the first in sheet
 * order. With only a Secondary row in effect (the primary ended), that plan
 * acts as primary.
 *
 * Without a Coverage sheet, the line's PlanId (else the one plan whose Payer
 * is the line's payer) is taken as self-only primary coverage with nothing
 * met at the start — one entry per account and plan.
 *
 * Accumulators: one per member (account + plan), one per family (FamilyId +
 * plan). Starting totals (§5.8): a row's DeductibleMet/OOPMet count in the
 * plan year containing its AsOf; a row without AsOf counts in the plan year
 * of its group's first line — the family's first line, or the member's own
 * when self-only — since a Coverage export is one snapshot. Lines arrive in
 * service-date order, so "first line" is simply the first one asked about.
 */
import { coverageSheetInUse, type Config, type CoverageRow, type CoverageRowIssue } from '../config';
import type { LedgerLine } from '../ledger';
import type { Day } from '../day';
import { idKey } from '../nameKeys';
import { Accumulator, type MemberAccumulators } from './accumulators';
import type { Plan, PlanBook } from './plans';
import { planYearOf } from './planYear';

export interface CoverageEntry {
  /** null for coverage taken from the line itself (no Coverage sheet). */
  readonly row: CoverageRow | null;
  /** PlanId as written (trimmed), for output, and as compared. */
  readonly planId: string;
  readonly planKey: string;
  /** null when the PlanId has no Plans row: shares cannot be computed. */
  readonly plan: Plan | null;
  readonly priority: 'Primary' | 'Secondary';
  readonly accumulators: MemberAccumulators;
  /** The rows whose starting totals wait for the group's first line. */
  readonly startGroup: StartGroup;
}

/** A family's (or, self-only, a member's) rows under one plan, for §5.8's starting totals. */
interface StartGroup {
  /** Rows with starting totals but no AsOf; null while there are none (most groups). */
  waiting: CoverageEntry[] | null;
  started: boolean;
}

/** Primary coverage for a line; `onlySecondary` when no Primary row is in effect and a Secondary row acts as primary. */
export interface PrimaryCoverage {
  readonly entry: CoverageEntry;
  readonly onlySecondary: boolean;
}

/** An account's Coverage rows and the rows of it with an input issue, looked up once per line. */
export interface AccountCoverage {
  readonly entries: readonly CoverageEntry[];
  readonly issues: readonly CoverageRowIssue[];
}

/**
 * While the book is read: an account's lists are replaced by one a row longer
 * rather than pushed onto, so each keeps its exact length (an array filled by
 * push keeps room for 17; an account has one to three rows).
 */
type AccountCoverageBeingRead = { entries: readonly CoverageEntry[]; issues: readonly CoverageRowIssue[] };

const NO_ENTRIES: readonly CoverageEntry[] = Object.freeze([]);
const NO_ISSUES: readonly CoverageRowIssue[] = Object.freeze([]);

/** The line's own PlanId and payer as nameKeys (null when blank): they break ties between Coverage rows. */
export interface LineParty {
  readonly planKey: string | null;
  readonly payerKey: string | null;
}

/** A family's accumulator and starting-totals group under one plan. */
interface FamilyPlan {
  readonly planKey: string;
  readonly accumulator: Accumulator;
  readonly group: StartGroup;
}

export class CoverageBook {
  /** Whether the workbook has a Coverage sheet with rows (§4: then coverage comes only from it; `coverageSheetInUse`). */
  readonly hasSheet: boolean;
  private readonly byAccount = new Map<string, AccountCoverageBeingRead>();
  /** FamilyId → its plans (a family has one or two). */
  private readonly families = new Map<string, readonly FamilyPlan[]>();
  /** No Coverage sheet: account → the entries taken from its lines, one per plan. */
  private readonly fromLines = new Map<string, CoverageEntry[]>();
  private readonly planKey: (planId: string) => string;

  constructor(config: Config, private readonly plans: PlanBook, planKey: (planId: string) => string) {
    this.planKey = planKey;
    this.hasSheet = coverageSheetInUse(config);
    for (const row of config.coverage) this.addRow(row);
    for (const issue of config.coverageIssues) {
      const onFile = this.onFile(idKey(issue.account));
      onFile.issues = [...onFile.issues, issue];
    }
  }

  /** The account's Coverage rows (none: empty lists). */
  forAccount(account: string): AccountCoverage {
    return this.byAccount.get(idKey(account)) ?? NOTHING_ON_FILE;
  }

  /** A Coverage row with an input issue that might cover the line (§4: it covers nothing and denies nothing). */
  rowInDoubt(onFile: AccountCoverage, line: LedgerLine): CoverageRowIssue | null {
    return onFile.issues.find((i) => inEffect(i.effectiveFrom, i.effectiveTo, line.serviceDate)) ?? null;
  }

  /** The line's primary coverage on its service date from the Coverage sheet; null when none is in effect. */
  primaryFor(onFile: AccountCoverage, line: LedgerLine, party: LineParty): PrimaryCoverage | null {
    const primary = pick({ onFile, line, party, priority: 'Primary', besides: null });
    if (primary !== null) return { entry: primary, onlySecondary: false };
    const secondary = pick({ onFile, line, party, priority: 'Secondary', besides: null });
    return secondary === null ? null : { entry: secondary, onlySecondary: true };
  }

  /** The secondary in effect beside a Primary row (another plan than the primary's). */
  secondaryFor(onFile: AccountCoverage, line: LedgerLine, party: LineParty, primary: CoverageEntry): CoverageEntry | null {
    return pick({ onFile, line, party, priority: 'Secondary', besides: primary });
  }

  /** No Coverage sheet: the plan the line names, as self-only primary coverage. */
  fromLine(line: LedgerLine, plan: Plan): CoverageEntry {
    const account = idKey(line.account);
    let entries = this.fromLines.get(account);
    if (entries === undefined) this.fromLines.set(account, (entries = []));
    let entry = entries.find((e) => e.planKey === plan.planKey);
    if (entry === undefined) {
      entry = {
        row: null, planId: plan.config.planId.trim(), planKey: plan.planKey, plan, priority: 'Primary',
        accumulators: { member: new Accumulator(), family: null },
        startGroup: { waiting: null, started: true },
      };
      entries.push(entry);
    }
    return entry;
  }

  /**
   * The entry's accumulators in the plan year of `serviceDate`, its group's
   * starting totals placed first if this is the group's first line.
   */
  accumulatorsOn(entry: CoverageEntry, plan: Plan, serviceDate: Day): MemberAccumulators {
    const group = entry.startGroup;
    if (!group.started) {
      group.started = true;
      for (const waiting of group.waiting ?? NO_ENTRIES) placeStartingTotals(waiting, planYearOf(serviceDate, waiting.plan!.yearStart));
    }
    const planYear = planYearOf(serviceDate, plan.yearStart);
    entry.accumulators.member.enter(planYear);
    entry.accumulators.family?.enter(planYear);
    return entry.accumulators;
  }

  private onFile(account: string): AccountCoverageBeingRead {
    let onFile = this.byAccount.get(account);
    if (onFile === undefined) this.byAccount.set(account, (onFile = { entries: NO_ENTRIES, issues: NO_ISSUES }));
    return onFile;
  }

  /**
   * A member's rows under one plan share its accumulator (one per account +
   * plan); a family's rows under one plan share the family's (one per
   * FamilyId + plan). The account's and family's few rows are searched
   * rather than keyed by joined strings (reading Coverage at 1M lines:
   * 0.3 s of joined-key lookups).
   */
  private addRow(row: CoverageRow): void {
    const onFile = this.onFile(idKey(row.account));
    const planKey = this.planKey(row.planId);
    const plan = this.plans.byKey(planKey);
    const member = onFile.entries.find((e) => e.planKey === planKey)?.accumulators.member ?? new Accumulator();
    const familyId = row.familyId === null ? '' : idKey(row.familyId);
    let family: Accumulator | null = null;
    let startGroup: StartGroup;
    if (familyId === '') {
      startGroup = onFile.entries.find((e) => e.planKey === planKey && e.accumulators.family === null)?.startGroup ?? { waiting: null, started: false };
    } else {
      const plansOfFamily = this.families.get(familyId) ?? [];
      let f = plansOfFamily.find((x) => x.planKey === planKey);
      if (f === undefined) {
        f = { planKey, accumulator: new Accumulator(), group: { waiting: null, started: false } };
        this.families.set(familyId, [...plansOfFamily, f]);
      }
      family = f.accumulator;
      startGroup = f.group;
    }
    const entry: CoverageEntry = {
      row, planId: row.planId.trim(), planKey, plan, priority: row.priority, accumulators: { member, family }, startGroup,
    };
    onFile.entries = [...onFile.entries, entry];
    if (plan === null || (row.deductibleMet === 0 && row.oopMet === 0)) return;
    if (row.asOf !== null) placeStartingTotals(entry, planYearOf(row.asOf, plan.yearStart));
    else (startGroup.waiting ??= []).push(entry);
  }
}

const NOTHING_ON_FILE: AccountCoverage = Object.freeze({ entries: NO_ENTRIES, issues: NO_ISSUES });

/**
 * Among the account's rows of one priority in effect on the service date:
 * the one naming the line's PlanId, else the one whose plan has the line's
 * payer, else the first in sheet order.
 */
function pick(x: {
  onFile: AccountCoverage; line: LedgerLine; party: LineParty; priority: 'Primary' | 'Secondary'; besides: CoverageEntry | null;
}): CoverageEntry | null {
  const d = x.line.serviceDate;
  const { planKey, payerKey } = x.party;
  let best: CoverageEntry | null = null;
  let bestScore = -1;
  for (const e of x.onFile.entries) {
    if (e.priority !== x.priority || !inEffect(e.row!.effectiveFrom, e.row!.effectiveTo, d)) continue;
    if (x.besides !== null && e.planKey === x.besides.planKey) continue;
    const score = planKey !== null && e.planKey === planKey ? 2 : payerKey !== null && e.plan?.payerKey === payerKey ? 1 : 0;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

function inEffect(from: Day | null, to: Day | null, d: Day): boolean {
  return (from === null || d >= from) && (to === null || d <= to);
}

/** When several rows of one member speak of the same plan year, the first counts; a family sums its members'. */
function placeStartingTotals(entry: CoverageEntry, planYear: number): void {
  const { member, family } = entry.accumulators;
  if (member.hasStart(planYear)) return;
  const met = { deductibleMet: entry.row!.deductibleMet, oopMet: entry.row!.oopMet };
  member.addStart(planYear, met);
  family?.addStart(planYear, met);
}
