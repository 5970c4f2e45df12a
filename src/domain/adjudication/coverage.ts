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
import { idKey, nameKey } from '../nameKeys';
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
  readonly waiting: CoverageEntry[];
  started: boolean;
}

/** Primary coverage for a line; `onlySecondary` when no Primary row is in effect and a Secondary row acts as primary. */
export interface PrimaryCoverage {
  readonly entry: CoverageEntry;
  readonly onlySecondary: boolean;
}

export class CoverageBook {
  /** Whether the workbook has a Coverage sheet with rows (§4: then coverage comes only from it; `coverageSheetInUse`). */
  readonly hasSheet: boolean;
  private readonly byAccount = new Map<string, CoverageEntry[]>();
  private readonly issuesByAccount = new Map<string, CoverageRowIssue[]>();
  private readonly members = new Map<string, Accumulator>();
  private readonly families = new Map<string, { accumulator: Accumulator; group: StartGroup }>();
  private readonly selfOnlyGroups = new Map<string, StartGroup>();
  /** No Coverage sheet: account + plan → the entry taken from the line. */
  private readonly fromLines = new Map<string, CoverageEntry>();

  constructor(config: Config, private readonly plans: PlanBook) {
    this.hasSheet = coverageSheetInUse(config);
    for (const row of config.coverage) this.addRow(row);
    for (const issue of config.coverageIssues) {
      const key = idKey(issue.account);
      getOrAdd(this.issuesByAccount, key, () => []).push(issue);
    }
  }

  /** A Coverage row with an input issue that might cover the line (§4: it covers nothing and denies nothing). */
  rowInDoubt(line: LedgerLine): CoverageRowIssue | null {
    const issues = this.issuesByAccount.get(idKey(line.account));
    return issues?.find((i) => inEffect(i.effectiveFrom, i.effectiveTo, line.serviceDate)) ?? null;
  }

  /** The line's primary coverage on its service date from the Coverage sheet; null when none is in effect. */
  primaryFor(line: LedgerLine): PrimaryCoverage | null {
    const primary = this.pick(line, 'Primary', null);
    if (primary !== null) return { entry: primary, onlySecondary: false };
    const secondary = this.pick(line, 'Secondary', null);
    return secondary === null ? null : { entry: secondary, onlySecondary: true };
  }

  /** The secondary in effect beside a Primary row (another plan than the primary's). */
  secondaryFor(line: LedgerLine, primary: CoverageEntry): CoverageEntry | null {
    return this.pick(line, 'Secondary', primary);
  }

  /** No Coverage sheet: the plan the line names, as self-only primary coverage. */
  fromLine(line: LedgerLine, plan: Plan): CoverageEntry {
    const key = `${idKey(line.account)}\u0000${plan.planKey}`;
    let entry = this.fromLines.get(key);
    if (entry === undefined) {
      entry = {
        row: null, planId: plan.config.planId.trim(), planKey: plan.planKey, plan, priority: 'Primary',
        accumulators: { member: new Accumulator(), family: null },
        startGroup: { waiting: [], started: true },
      };
      this.fromLines.set(key, entry);
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
      for (const waiting of group.waiting) placeStartingTotals(waiting, planYearOf(serviceDate, waiting.plan!.yearStart));
    }
    const planYear = planYearOf(serviceDate, plan.yearStart);
    entry.accumulators.member.enter(planYear);
    entry.accumulators.family?.enter(planYear);
    return entry.accumulators;
  }

  private addRow(row: CoverageRow): void {
    const account = idKey(row.account);
    const plan = this.plans.byPlanId(row.planId);
    const planKey = nameKey(row.planId);
    const memberKey = `${account}\u0000${planKey}`;
    const member = getOrAdd(this.members, memberKey, () => new Accumulator());
    const familyId = row.familyId === null ? '' : idKey(row.familyId);
    let family: Accumulator | null = null;
    let startGroup: StartGroup;
    if (familyId === '') {
      startGroup = getOrAdd(this.selfOnlyGroups, memberKey, () => ({ waiting: [], started: false }));
    } else {
      const f = getOrAdd(this.families, `${familyId}\u0000${planKey}`, () => ({
        accumulator: new Accumulator(),
        group: { waiting: [], started: false },
      }));
      family = f.accumulator;
      startGroup = f.group;
    }
    const entry: CoverageEntry = {
      row, planId: row.planId.trim(), planKey, plan, priority: row.priority, accumulators: { member, family }, startGroup,
    };
    getOrAdd(this.byAccount, account, () => []).push(entry);
    if (plan === null || (row.deductibleMet === 0 && row.oopMet === 0)) return;
    if (row.asOf !== null) placeStartingTotals(entry, planYearOf(row.asOf, plan.yearStart));
    else startGroup.waiting.push(entry);
  }

  private pick(line: LedgerLine, priority: 'Primary' | 'Secondary', besides: CoverageEntry | null): CoverageEntry | null {
    const entries = this.byAccount.get(idKey(line.account));
    if (entries === undefined) return null;
    const d = line.serviceDate;
    const linePlan = line.planId === null ? null : nameKey(line.planId);
    const linePayer = line.payer === null ? null : nameKey(line.payer);
    let best: CoverageEntry | null = null;
    let bestScore = -1;
    for (const e of entries) {
      if (e.priority !== priority || !inEffect(e.row!.effectiveFrom, e.row!.effectiveTo, d)) continue;
      if (besides !== null && e.planKey === besides.planKey) continue;
      const score = linePlan !== null && e.planKey === linePlan ? 2 : linePayer !== null && e.plan?.payerKey === linePayer ? 1 : 0;
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }
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

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}
