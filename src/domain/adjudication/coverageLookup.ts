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
 *
 * Components: accounts whose lines can share an accumulator (the rows of one
 * account, and every account of a family) form one component, numbered
 * here; adjudicate() needs service-date order only within a component
 * (componentOrder.ts).
 */
import type { Config, CoverageRow } from '../config';
import type { LedgerLine } from '../ledger';
import type { Day } from '../day';
import * as accumulators from './accumulators';
import type { Accumulator } from './accumulators';
import * as keys from './keys';
import type { KeyCaches } from './keys';
import type { PlanIndex, PlanInfo } from './planIndex';

// Bound once: under tsx each use of a named import is a getter call, and these run once per Coverage row.
const { Accumulator: AccumulatorClass } = accumulators;
const { idKey } = keys;

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
  /** The account's number in this lookup (-1 for derived entries). */
  readonly account: number;
  /** The account's component (see the file comment). */
  comp: number;
  /** The component's next entry in sheet order (for resetComponent). */
  nextInComp: CoverageEntry | null;
}

/** Rows whose starting totals are placed by the group's first line (rows without AsOf). */
interface SeedGroup {
  /** Earliest service date of a line any of the group's rows covered (NaN: none yet). */
  firstDay: number;
  /** null until a row needs it (most groups have none). */
  pending: CoverageEntry[] | null;
  /** Starting totals placed: later lines leave it alone. */
  seeded: boolean;
}

export class CoverageLookup {
  readonly fromSheet: boolean;
  /** Groups with rows waiting for their first line's plan year, in sheet order. */
  private readonly waiting: SeedGroup[] = [];
  /** Account → its first row (the rest follow `next`). */
  private readonly byAccount = new Map<string, CoverageEntry>();
  /** While the index is built: the last row's account and that account's first row. */
  private lastRowAccount: string | null = null;
  private lastRowHead: CoverageEntry | undefined = undefined;
  /** A PlanId as written → its key, trimmed form and plan (Coverage repeats a handful of PlanIds). */
  private readonly planRefs = new Map<string, PlanRef>();
  /** Account number → its first row. */
  private readonly heads: CoverageEntry[] = [];
  /** Account number → its component (with a Coverage sheet; without one, each account is its own). */
  private compOfAccount = new Int32Array(0);
  /** FamilyId → the family's first plan (the others follow `next`): no key string built, no Map per family. */
  private readonly families = new Map<string, FamilyPlan>();
  /** Derived (no-sheet) entries: plan → account → entry (no key string built per line). */
  private readonly derived = new Map<PlanInfo, Map<string, CoverageEntry>>();
  /** Derived mode: account → component, numbered as accounts first appear. */
  private readonly derivedComps = new Map<string, number>();
  private comps = 0;
  /**
   * Components where one member's accumulator belongs to two seed groups (the
   * same account and plan on rows with different families): their starting
   * totals must all be placed before any of their lines, so adjudicate()
   * looks their lines up once (`deferSeeding`) before computing them.
   */
  private readonly complex = new Set<number>();
  private readonly groupsOfComplex = new Map<number, SeedGroup[]>();
  /** While true, a lookup only notes its group's first day; `seedComponent` places the totals. */
  deferSeeding = false;

  constructor(config: Config, private readonly plans: PlanIndex, private readonly keys: KeyCaches) {
    this.fromSheet = config.coverage.length > 0;
    /** Union-find over accounts (by first appearance): a family joins its members' accounts. */
    const parent: number[] = [];
    const complexAccounts: number[] = [];
    const all: CoverageEntry[] = [];
    for (const row of config.coverage) {
      const entry = this.addRow(row, parent);
      all.push(entry);
      const g = entry.member.group;
      if (g === null) entry.member.group = entry.group;
      else if (g !== entry.group) complexAccounts.push(entry.account);
    }
    // Components: roots numbered in order of first appearance.
    const compOfRoot = new Int32Array(parent.length).fill(-1);
    const compOfAccount = (this.compOfAccount = new Int32Array(parent.length));
    for (const e of all) {
      const root = find(parent, e.account);
      let c = compOfRoot[root]!;
      if (c < 0) compOfRoot[root] = c = this.comps++;
      e.comp = c;
      compOfAccount[e.account] = c;
      this.linkToComponent(e);
    }
    for (const aid of complexAccounts) this.complex.add(compOfRoot[find(parent, aid)]!);
    for (const g of this.waiting) {
      const c = g.pending![0]!.comp;
      if (!this.complex.has(c)) continue;
      const list = this.groupsOfComplex.get(c);
      if (list === undefined) this.groupsOfComplex.set(c, [g]);
      else list.push(g);
    }
  }

  private addRow(row: CoverageRow, parent: number[]): CoverageEntry {
    const account = idKey(row.account);
    const ref = this.planRef(row.planId);
    const planKey = ref.planKey;
    // The member is account + plan: a renewed or split row of the same plan shares its accumulators.
    // (An account's rows usually follow one another: the one before is checked first.)
    const head = account === this.lastRowAccount ? this.lastRowHead : this.byAccount.get(account);
    let tail: CoverageEntry | null = null;
    let same: CoverageEntry | null = null;
    for (let o = head ?? null; o !== null; o = o.next) {
      if (o.planKey === planKey) same = o;
      tail = o;
    }
    let aid: number;
    if (head === undefined) {
      aid = parent.length;
      parent.push(aid);
    } else {
      aid = head.account;
    }
    const member = same === null ? new AccumulatorClass() : same.member;
    const familyId = row.familyId === null ? '' : idKey(row.familyId);
    let family: Accumulator | null = null;
    let group: SeedGroup;
    if (familyId !== '') {
      const first = this.families.get(familyId);
      let f: FamilyPlan | null = first ?? null;
      while (f !== null && f.planKey !== planKey) f = f.next;
      if (f === null) {
        f = { planKey, acc: new AccumulatorClass(), group: newGroup(), account: aid, next: null };
        if (first === undefined) this.families.set(familyId, f);
        else {
          f.next = first.next;
          first.next = f;
        }
      } else {
        union(parent, f.account, aid);
      }
      family = f.acc;
      group = f.group;
    } else {
      group = same !== null && same.group !== null && same.family === null ? same.group : newGroup();
    }
    const entry: CoverageEntry = {
      row,
      planId: ref.planId,
      planKey,
      plan: ref.plan,
      primary: row.priority !== 'Secondary',
      from: row.effectiveFrom ?? Number.NEGATIVE_INFINITY,
      to: row.effectiveTo ?? Number.POSITIVE_INFINITY,
      member,
      family,
      group,
      next: null,
      account: aid,
      comp: -1,
      nextInComp: null,
    };
    if (tail === null) {
      this.byAccount.set(account, entry);
      this.heads.push(entry);
    } else {
      tail.next = entry;
    }
    this.lastRowAccount = account;
    this.lastRowHead = head ?? entry;
    if (bringsStartingTotals(entry)) {
      if (row.asOf !== null) seedAsOf(entry);
      else if (group.pending === null) {
        group.pending = [entry];
        this.waiting.push(group);
      } else group.pending.push(entry);
    }
    return entry;
  }

  private planRef(raw: string): PlanRef {
    let r = this.planRefs.get(raw);
    if (r === undefined) {
      const planKey = this.keys.name.get(raw);
      r = { planKey, planId: raw.trim(), plan: this.plans.byPlan(planKey) };
      this.planRefs.set(raw, r);
    }
    return r;
  }

  /**
   * The account's number: with a Coverage sheet, its rows' (-1 when it has
   * none: its lines touch no accumulator); without one, numbered as accounts
   * come, each its own component.
   */
  accountOf(account: string): number {
    if (this.fromSheet) {
      const head = this.byAccount.get(account) ?? this.byAccount.get(idKey(account));
      return head === undefined ? -1 : head.account;
    }
    let c = this.derivedComps.get(account);
    if (c === undefined) this.derivedComps.set(account, (c = this.comps++));
    return c;
  }

  /** Components numbered so far (with a Coverage sheet, all of them). */
  get compCount(): number {
    return this.comps;
  }

  isComplex(comp: number): boolean {
    return this.complex.has(comp);
  }

  /** Components whose lines must all be looked up before any is computed (see `complex`). */
  complexComponents(): Iterable<number> {
    return this.complex;
  }

  /** After a complex component's lines were looked up with `deferSeeding`: place its starting totals (in sheet order of groups). */
  seedComponent(comp: number): void {
    const groups = this.groupsOfComplex.get(comp);
    if (groups === undefined) return;
    for (const g of groups) {
      if (g.seeded) continue;
      g.seeded = true;
      seedGroup(g);
    }
  }

  /** Entries by component, in sheet order (derived ones as they are made). */
  private readonly compFirst: (CoverageEntry | null)[] = [];
  private readonly compLast: (CoverageEntry | null)[] = [];

  private linkToComponent(e: CoverageEntry): void {
    const last = this.compLast[e.comp];
    if (last === undefined || last === null) this.compFirst[e.comp] = e;
    else last.nextInComp = e;
    this.compLast[e.comp] = e;
  }

  /**
   * Puts a component back as it was before any of its lines: accumulators
   * empty, AsOf starting totals placed (in sheet order, as when the index
   * was built), the others waiting for the component's first line again.
   * adjudicate() calls it when a component turns out to be out of
   * service-date order part way through the sheet, to take its lines again
   * in order (componentOrder.ts).
   */
  resetComponent(comp: number): void {
    for (let e = this.compFirst[comp] ?? null; e !== null; e = e.nextInComp) {
      e.member.reset();
      if (e.family !== null) e.family.reset();
      if (e.group !== null) {
        e.group.seeded = false;
        e.group.firstDay = Number.NaN;
      }
    }
    for (let e = this.compFirst[comp] ?? null; e !== null; e = e.nextInComp) {
      if (bringsStartingTotals(e) && e.row!.asOf !== null) seedAsOf(e);
    }
  }

  /** The component of account number `account` (≥ 0). */
  componentOf(account: number): number {
    return this.fromSheet ? this.compOfAccount[account]! : account;
  }

  /** Primary coverage for the line (of account number `account`), or null (no coverage on the date / no plan to use). */
  primaryFor(line: LedgerLine, account: number): CoverageEntry | null {
    if (!this.fromSheet) return this.derivedFor(line);
    if (account < 0) return null;
    const head = this.heads[account]!;
    const e = this.pick(head, line, true, null) ?? (head.next === null && head.primary ? null : this.pick(head, line, false, null));
    if (e !== null && e.group !== null && !e.group.seeded) this.touch(e.group, line.serviceDate);
    return e;
  }

  /** Secondary coverage for the line, when the primary came from a Primary row. */
  secondaryFor(line: LedgerLine, account: number, primary: CoverageEntry): CoverageEntry | null {
    if (!this.fromSheet || !primary.primary) return null;
    const head = this.heads[account]!;
    if (head.next === null) return null; // one row: it is the primary
    const e = this.pick(head, line, false, primary.planKey);
    if (e !== null && e.group !== null && !e.group.seeded) this.touch(e.group, line.serviceDate);
    return e;
  }

  /**
   * A line in the group's component looked this group's row up. Lines come
   * in service-date order within a component, so the first one to arrive is
   * the group's first line: its plan year places the starting totals (§5.8),
   * before any of the group's accumulators is used.
   */
  private touch(g: SeedGroup, d: Day): void {
    if (this.deferSeeding) {
      if (!(d >= g.firstDay)) g.firstDay = d;
      return;
    }
    g.firstDay = d;
    g.seeded = true;
    seedGroup(g);
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
        member: new AccumulatorClass(), family: null, group: null, next: null, account: -1,
        comp: this.accountOf(account), nextInComp: null,
      };
      byAccount.set(account, e);
      this.linkToComponent(e);
    }
    return e;
  }
}

/** A Coverage PlanId: its key, its trimmed text (for output) and its plan (null: no Plans row). */
interface PlanRef {
  readonly planKey: string;
  readonly planId: string;
  readonly plan: PlanInfo | null;
}

/** A family's accumulator and seed group under one plan. */
interface FamilyPlan {
  readonly planKey: string;
  readonly acc: Accumulator;
  readonly group: SeedGroup;
  /** The account of the family's first row under this plan (for the union of the family's accounts). */
  readonly account: number;
  next: FamilyPlan | null;
}

const newGroup = (): SeedGroup => ({ firstDay: Number.NaN, pending: null, seeded: false });

function find(parent: number[], a: number): number {
  let r = a;
  while (parent[r] !== r) r = parent[r]!;
  while (parent[a] !== r) {
    const next = parent[a]!;
    parent[a] = r;
    a = next;
  }
  return r;
}

function union(parent: number[], a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent[rb] = ra;
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
  if (Number.isNaN(group.firstDay) || group.pending === null) return; // no line, or no row to start
  for (const e of group.pending) seed(e, e.plan!.years.yearOf(group.firstDay as Day));
}

/** Whether a Coverage row gives starting totals (§5.8) for a plan shares can be computed on. */
function bringsStartingTotals(e: CoverageEntry): boolean {
  const row = e.row;
  return row !== null && e.plan !== null && (row.deductibleMet !== 0 || row.oopMet !== 0);
}

/** A row with AsOf: its totals count in the plan year containing AsOf, placed when the index is built. */
function seedAsOf(e: CoverageEntry): void {
  seed(e, e.plan!.years.yearOf(e.row!.asOf!));
}

/** When several rows of one member speak of the same plan year, the first counts; a family sums its members'. */
function seed(e: CoverageEntry, planYear: number): void {
  if (e.member.hasStart(planYear)) return;
  const { deductibleMet, oopMet } = e.row!;
  e.member.addStart(planYear, deductibleMet, oopMet);
  if (e.family !== null) e.family.addStart(planYear, deductibleMet, oopMet);
}
