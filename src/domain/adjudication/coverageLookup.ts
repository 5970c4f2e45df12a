/**
 * Which plan covers a line (DESIGN §4 `Coverage`, §5.2, §5.8).
 *
 * With a Coverage sheet (at least one row), coverage comes only from it: the
 * account's rows in effect on the service date (EffectiveFrom/To inclusive,
 * blank = open). Among several rows of one priority, the one naming the
 * line's PlanId wins, then the one whose plan has the line's payer, then
 * the first in sheet order. With only a Secondary row in effect, that plan
 * is the only coverage and so acts as primary (COB needs two plans).
 *
 * Without Coverage rows, the line's PlanId (else the one plan whose Payer is
 * the line's payer) is taken as self-only primary coverage with zero
 * starting accumulators — one derived entry per account + plan.
 */
import type { Config, CoverageRow } from '../config';
import type { LedgerLine } from '../ledger';
import type { Day } from '../day';
import { Accumulator } from './accumulators';
import { idKey, type KeyCaches } from './keys';
import type { PlanIndex, PlanInfo } from './planIndex';
import { planYearOf } from './planYear';

export interface CoverageEntry {
  /** null for coverage derived from the line (no Coverage sheet). */
  readonly row: CoverageRow | null;
  /** PlanId as written, for output. */
  readonly planId: string;
  readonly planKey: string;
  /** null when the PlanId has no Plans row: shares cannot be computed. */
  readonly plan: PlanInfo | null;
  readonly primary: boolean;
  readonly from: number;
  readonly to: number;
  readonly member: Accumulator;
  readonly family: Accumulator | null;
  /** The family's (or, self-only, the member's) rows, for seeding starting totals; null when derived. */
  readonly group: SeedGroup | null;
  /** The account's next row in sheet order: most accounts have one row, so no array to chase. */
  next: CoverageEntry | null;
  /** Earliest service date of a line this row covered (NaN: none); folded into its group before seeding. */
  firstDay: number;
}

/** Rows whose starting totals are placed by the group's first line (rows without AsOf). */
interface SeedGroup {
  /** Earliest service date of a line any of the group's rows covered (NaN: none yet). */
  firstDay: number;
  readonly pending: CoverageEntry[];
}

export class CoverageLookup {
  readonly fromSheet: boolean;
  /** Groups with rows waiting for their first line's plan year. */
  private readonly waiting: SeedGroup[] = [];
  private readonly all: CoverageEntry[] = [];
  /** Ledgers are usually grouped by account: the last account looked up, and its first row. */
  private lastAccount: string | null = null;
  /** Account → its first row (the rest follow `next`). */
  private readonly byAccount = new Map<string, CoverageEntry>();
  private lastHead: CoverageEntry | undefined = undefined;
  private readonly families = new Map<string, { acc: Accumulator; group: SeedGroup }>();
  /** Derived (no-sheet) entries: plan → account → entry (no key string built per line). */
  private readonly derived = new Map<PlanInfo, Map<string, CoverageEntry>>();

  constructor(config: Config, private readonly plans: PlanIndex, private readonly keys: KeyCaches) {
    this.fromSheet = config.coverage.length > 0;
    const tails = new Map<string, CoverageEntry>();
    for (const row of config.coverage) this.addRow(row, tails);
  }

  private addRow(row: CoverageRow, tails: Map<string, CoverageEntry>): void {
    const account = idKey(row.account);
    const planKey = this.keys.name.get(row.planId);
    // The member is account + plan: a renewed or split row of the same plan shares its accumulators.
    let same: CoverageEntry | null = null;
    for (let o = this.byAccount.get(account) ?? null; o !== null; o = o.next) if (o.planKey === planKey) same = o;
    const member = same === null ? new Accumulator() : same.member;
    const familyId = row.familyId === null ? '' : idKey(row.familyId);
    let family: Accumulator | null = null;
    let group: SeedGroup;
    if (familyId !== '') {
      const fk = `${familyId}\u0001${planKey}`;
      let f = this.families.get(fk);
      if (f === undefined) this.families.set(fk, (f = { acc: new Accumulator(), group: { firstDay: Number.NaN, pending: [] } }));
      family = f.acc;
      group = f.group;
    } else {
      group = same !== null && same.group !== null && same.family === null ? same.group : { firstDay: Number.NaN, pending: [] };
    }
    const entry: CoverageEntry = {
      row,
      planId: row.planId.trim(),
      planKey,
      plan: this.plans.byPlan(planKey),
      primary: row.priority !== 'Secondary',
      from: row.effectiveFrom ?? Number.NEGATIVE_INFINITY,
      to: row.effectiveTo ?? Number.POSITIVE_INFINITY,
      member,
      family,
      group,
      next: null,
      firstDay: Number.NaN,
    };
    this.all.push(entry);
    const tail = tails.get(account);
    if (tail === undefined) this.byAccount.set(account, entry);
    else tail.next = entry;
    tails.set(account, entry);
    if (entry.plan !== null && (row.deductibleMet !== 0 || row.oopMet !== 0)) {
      if (row.asOf !== null) seed(entry, planYearOf(row.asOf, entry.plan.yearStartMd));
      else if (group.pending.push(entry) === 1) this.waiting.push(group);
    }
  }

  /** Primary coverage for the line, or null (no coverage on the date / no plan to use). */
  primaryFor(line: LedgerLine): CoverageEntry | null {
    if (!this.fromSheet) return this.derivedFor(line);
    const account = line.account;
    const head = account === this.lastAccount ? this.lastHead : this.byAccount.get(account) ?? this.byAccount.get(idKey(account));
    this.lastAccount = account;
    this.lastHead = head;
    if (head === undefined) return null;
    const e = this.pick(head, line, true, null) ?? (head.next === null && head.primary ? null : this.pick(head, line, false, null));
    if (e !== null && !(line.serviceDate >= e.firstDay)) e.firstDay = line.serviceDate;
    return e;
  }

  /** Secondary coverage for the line, when the primary came from a Primary row. */
  secondaryFor(line: LedgerLine, primary: CoverageEntry): CoverageEntry | null {
    if (!this.fromSheet || !primary.primary) return null;
    const head = line.account === this.lastAccount ? this.lastHead : this.byAccount.get(line.account) ?? this.byAccount.get(idKey(line.account));
    if (head === undefined || head.next === null) return null; // one row: it is the primary
    const e = this.pick(head, line, false, primary.planKey);
    if (e !== null && !(line.serviceDate >= e.firstDay)) e.firstDay = line.serviceDate;
    return e;
  }

  private pick(head: CoverageEntry, line: LedgerLine, primary: boolean, excludePlanKey: string | null): CoverageEntry | null {
    const d = line.serviceDate;
    if (head.next === null) return head.primary === primary && d >= head.from && d <= head.to && head.planKey !== excludePlanKey ? head : null;
    let best: CoverageEntry | null = null;
    let bestScore = -1;
    for (let e: CoverageEntry | null = head; e !== null; e = e.next) {
      if (e.primary !== primary || d < e.from || d > e.to || e.planKey === excludePlanKey) continue;
      let score = 0;
      if (line.planId !== null && e.planKey === this.keys.name.get(line.planId)) score = 2;
      else if (line.payer !== null && e.plan !== null && e.plan.payerKey === this.keys.name.get(line.payer)) score = 1;
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }

  /** Once every line's coverage was looked up (so each group's first line is known), before any share is computed. */
  seedStartingTotals(): void {
    for (const e of this.all) {
      const g = e.group;
      if (g !== null && !Number.isNaN(e.firstDay) && !(e.firstDay >= g.firstDay)) g.firstDay = e.firstDay;
    }
    for (const g of this.waiting) seedGroup(g);
    this.waiting.length = 0;
  }

  private derivedFor(line: LedgerLine): CoverageEntry | null {
    let plan: PlanInfo | null = null;
    if (line.planId !== null) plan = this.plans.byPlan(this.keys.name.get(line.planId));
    if (plan === null && line.payer !== null) plan = this.plans.uniqueByPayer(this.keys.name.get(line.payer));
    if (plan === null) return null;
    const account = line.account;
    let byAccount = this.derived.get(plan);
    if (byAccount === undefined) this.derived.set(plan, (byAccount = new Map()));
    let e = byAccount.get(account);
    if (e === undefined) {
      e = {
        row: null, planId: plan.config.planId, planKey: plan.planKey, plan, primary: true,
        from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY,
        member: new Accumulator(), family: null, group: null, next: null, firstDay: Number.NaN,
      };
      byAccount.set(account, e);
    }
    return e;
  }
}

/**
 * §5.8 starting totals. A row's DeductibleMet/OOPMet count in the plan year
 * containing its AsOf (seeded when the index is built); a row without AsOf
 * counts in the plan year of its group's first line — the family's first
 * line, or the member's own when self-only — since a Coverage export is one
 * snapshot, so one family's rows all speak of the same plan year. A member
 * with no lines still adds to its family.
 */
function seedGroup(group: SeedGroup): void {
  if (Number.isNaN(group.firstDay)) return; // no line: nothing to start
  for (const e of group.pending) seed(e, planYearOf(group.firstDay as Day, e.plan!.yearStartMd));
}

/** When several rows of one member speak of the same plan year, the first counts; a family sums its members'. */
function seed(e: CoverageEntry, planYear: number): void {
  if (e.member.starts !== null && e.member.starts.has(planYear)) return;
  const t = { deductibleMet: e.row!.deductibleMet, oopMet: e.row!.oopMet };
  e.member.addStart(planYear, t);
  if (e.family !== null) e.family.addStart(planYear, t);
}
