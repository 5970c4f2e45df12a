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
import { idKey, nameKey, type KeyCaches } from './keys';
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
  /** Service date of the first line (in processing order) this entry covered; NaN if none. */
  firstDay: number;
}

export class CoverageLookup {
  readonly fromSheet: boolean;
  private readonly byAccount = new Map<string, CoverageEntry[]>();
  /** Sheet-order entries, for seeding starting totals. */
  private readonly entries: CoverageEntry[] = [];
  private readonly members = new Map<string, Accumulator>();
  private readonly families = new Map<string, Accumulator>();
  /** Derived (no-sheet) entries by account + plan. */
  private readonly derived = new Map<string, CoverageEntry>();

  constructor(config: Config, private readonly plans: PlanIndex, private readonly keys: KeyCaches) {
    this.fromSheet = config.coverage.length > 0;
    for (const row of config.coverage) this.addRow(row);
  }

  private memberAcc(account: string, planKey: string): Accumulator {
    const k = `${account}\u0001${planKey}`;
    let a = this.members.get(k);
    if (!a) this.members.set(k, (a = new Accumulator()));
    return a;
  }

  private addRow(row: CoverageRow): void {
    const account = idKey(row.account);
    const planKey = nameKey(row.planId);
    const member = this.memberAcc(account, planKey);
    const familyId = row.familyId === null ? '' : idKey(row.familyId);
    let family: Accumulator | null = null;
    if (familyId !== '') {
      const fk = `${familyId}\u0001${planKey}`;
      family = this.families.get(fk) ?? null;
      if (family === null) this.families.set(fk, (family = new Accumulator()));
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
      firstDay: Number.NaN,
    };
    this.entries.push(entry);
    let list = this.byAccount.get(account);
    if (!list) this.byAccount.set(account, (list = []));
    list.push(entry);
  }

  /** Primary coverage for the line, or null (no coverage on the date / no plan to use). */
  primaryFor(line: LedgerLine): CoverageEntry | null {
    if (!this.fromSheet) return this.derivedFor(line);
    const list = this.byAccount.get(line.account) ?? this.byAccount.get(idKey(line.account));
    if (list === undefined) return null;
    return this.pick(list, line, true, null) ?? this.pick(list, line, false, null);
  }

  /** Secondary coverage for the line, when the primary came from a Primary row. */
  secondaryFor(line: LedgerLine, primary: CoverageEntry): CoverageEntry | null {
    if (!this.fromSheet || !primary.primary) return null;
    const list = this.byAccount.get(line.account) ?? this.byAccount.get(idKey(line.account));
    return list === undefined ? null : this.pick(list, line, false, primary.planKey);
  }

  private pick(list: readonly CoverageEntry[], line: LedgerLine, primary: boolean, excludePlanKey: string | null): CoverageEntry | null {
    const d = line.serviceDate;
    let best: CoverageEntry | null = null;
    let bestScore = -1;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.primary !== primary || d < e.from || d > e.to || e.planKey === excludePlanKey) continue;
      if (list.length === 1) return e;
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
    const k = `${account}\u0001${plan.planKey}`;
    let e = this.derived.get(k);
    if (e === undefined) {
      e = {
        row: null, planId: plan.config.planId, planKey: plan.planKey, plan, primary: true,
        from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY,
        member: new Accumulator(), family: null, firstDay: Number.NaN,
      };
      this.derived.set(k, e);
    }
    return e;
  }

  /**
   * §5.8 starting totals, once every line's coverage is known (firstDay set).
   * A row's DeductibleMet/OOPMet count in the plan year containing its AsOf;
   * without AsOf, in the plan year of the first line the row covers, else of
   * its family's first line (a member with no lines still adds to the family).
   * When several rows of one member name the same plan year, the first in
   * sheet order counts; a family starts from the sum of its members'.
   */
  seedStartingTotals(): void {
    const seeded = new Map<Accumulator, Set<number>>();
    const familyFirst = new Map<Accumulator, number>();
    for (const e of this.entries) {
      if (e.family === null || Number.isNaN(e.firstDay)) continue;
      const f = familyFirst.get(e.family);
      if (f === undefined || e.firstDay < f) familyFirst.set(e.family, e.firstDay);
    }
    for (const e of this.entries) {
      const row = e.row;
      if (row === null || e.plan === null) continue;
      if (row.deductibleMet === 0 && row.oopMet === 0) continue;
      let when: number | undefined = row.asOf ?? undefined;
      if (when === undefined && !Number.isNaN(e.firstDay)) when = e.firstDay;
      if (when === undefined && e.family !== null) when = familyFirst.get(e.family);
      if (when === undefined) continue;
      const py = planYearOf(when as Day, e.plan.yearStartMd);
      let years = seeded.get(e.member);
      if (!years) seeded.set(e.member, (years = new Set()));
      if (years.has(py)) continue;
      years.add(py);
      const t = { deductibleMet: row.deductibleMet, oopMet: row.oopMet };
      e.member.addStart(py, t);
      if (e.family !== null) e.family.addStart(py, t);
    }
  }
}
