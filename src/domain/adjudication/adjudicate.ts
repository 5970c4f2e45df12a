/**
 * Expected insurer and patient shares per ledger line (DESIGN §5).
 *
 * `adjudicate(lines, config).at(i)` is for `lines[i]`. One pass: each line
 * is classified (coverage, allowed amount, category, benefit — `classify`)
 * and finished (the cost-sharing rule on the accumulators — `covered`) in
 * the order componentOrder.ts gives, which is service-date then sheet order
 * within each group of accounts that can share an accumulator, and
 * otherwise sheet order — for a ledger grouped by account, a nearly
 * sequential walk.
 *
 * Hot path: lookups are done once per account, per code or per plan, not
 * per line (indexes are built once per run); the cost-sharing arithmetic
 * writes into scratch objects; a line's result is written into the
 * SharesTable's slots and nothing is allocated per line. Its explanation is
 * written when read (sharesTable.ts).
 */
import type { CobMethod, Config } from '../config';
import type { LedgerLine } from '../ledger';
import * as money from '../money';
import type { Cents } from '../money';
import type { Day } from '../day';
import * as accumulators from './accumulators';
import * as allowedAmount from './allowedAmount';
import * as costSharing from './costSharing';
import { ShareScratch } from './costSharing';
import { CoverageLookup, type CoverageEntry } from './coverageLookup';
import * as table from './sharesTable';
import { SharesTable } from './sharesTable';
import { FeeScheduleIndex, type FeeEntry } from './feeScheduleIndex';
import { makeKeyCaches, type KeyCaches } from './keys';
import { ComponentOrder, accountScratch, setAsideLines } from './componentOrder';
import { PlanIndex, type BenefitInfo, type CodeFacts, type FeeFacts, type PlanInfo } from './planIndex';
import { CodeMemo } from './codeMemo';
import { CategoryList, DefaultCategoryCache, type CategoryRef } from './serviceCategory';

// Hot path: bind imported functions once. tsx/esbuild compile each use of a named import to a
// getter call on the module object (~20 ns a call, measured in bench/adjudicate.ts's runner).
const { ZERO } = money;
const { remainingDeductible, remainingOop, familyDeductibleBinds, familyOopBinds } = accumulators;
const { allowedFor, scheduleAllowed } = allowedAmount;
const { shareInto } = costSharing;
const {
  FAMILY_DEDUCTIBLE, FAMILY_OOP, NON_DUPLICATION, OOP_CUT, SECONDARY_AS_PRIMARY, SECONDARY_NOT_COVERED,
  SELF_PAY, NO_COVERAGE, UNCONFIGURED, NOT_COVERED, COVERED,
} = table;

export interface AdjudicateOptions {
  /**
   * Whether the ledger has a Payer column (default true). Without one a blank
   * payer says nothing: a line is self-pay only when no Coverage row (and no
   * PlanId) covers it on its date of service.
   */
  readonly ledgerHasPayer?: boolean;
}

/** `adjudicate(lines, config).at(i)` is the expected shares of `lines[i]`. */
export function adjudicate(lines: readonly LedgerLine[], config: Config, options: AdjudicateOptions = {}): SharesTable {
  // The results table before the indexes: allocating 28 MB per million lines of typed array makes V8
  // collect the young generation (it does at every 32 MB of young array buffers), which is nearly free
  // while the young generation is empty and ~10 ms once the coverage index's objects are in it.
  const out = new SharesTable(lines);
  new Adjudicator(config, options.ledgerHasPayer !== false).run(lines, out);
  return out;
}

class Adjudicator {
  private readonly keys: KeyCaches = makeKeyCaches();
  private readonly plans: PlanIndex;
  private readonly fees: FeeScheduleIndex;
  private readonly coverage: CoverageLookup;
  private readonly categoryList = new CategoryList();
  private readonly categories = new DefaultCategoryCache(this.categoryList);
  private readonly cobMethod: CobMethod;
  private readonly primaryShare = new ShareScratch();
  private readonly secondaryShare = new ShareScratch();

  // The line `classify` looked at, for `finish`.
  private primary: CoverageEntry | null = null;
  private secondary: CoverageEntry | null = null;
  private benefit: BenefitInfo | null = null;
  private secondaryBenefit: BenefitInfo | null = null;
  private category: CategoryRef | null = null;
  /**
   * The fee schedule's allowed; null for none. (Not NaN: a NaN would make V8 keep this field as a
   * boxed double, and every amount computed from it a double too.)
   */
  private schedule: Cents | null = null;
  private allowed = ZERO;
  private secondaryAllowed = ZERO;

  private lastPayer: string | null | undefined = undefined;
  private lastSelfPay = false;
  /** Fee facts of self-pay lines, and of lines whose plan/payer has no plan to compute from. */
  private readonly selfPayFacts = new CodeMemo<FeeFacts>();
  private readonly unplanned = new Map<string, CodeMemo<FeeFacts>>();
  private unplannedMemo: CodeMemo<FeeFacts> | null = null;
  private memoPlanKey: string | null = null;
  private memoPayerKey: string | null = null;

  // The run.
  private lines: readonly LedgerLine[] = [];
  private out: SharesTable | null = null;

  constructor(config: Config, private readonly ledgerHasPayer: boolean) {
    this.plans = new PlanIndex(config);
    this.fees = new FeeScheduleIndex(config.feeSchedule, this.categoryList);
    this.coverage = new CoverageLookup(config, this.plans, this.keys);
    this.cobMethod = config.policy.cobMethod;
  }

  run(lines: readonly LedgerLine[], out: SharesTable): void {
    const n = lines.length;
    out.explainWith(this.categoryList.refs, this.cobMethod);
    this.lines = lines;
    this.out = out;
    const cov = this.coverage;
    const account = accountScratch(n);
    const order = new ComponentOrder(cov.compCount);
    for (const c of cov.complexComponents()) order.setAsideFromStart(c);
    // One walk over the sheet: each line is taken where it stands unless its component is out of order.
    let lastAccount: string | null = null;
    let a = -1;
    let c = -1;
    for (let i = 0; i < n; i++) {
      const line = lines[i]!;
      const acc = line.account;
      if (acc !== lastAccount) {
        lastAccount = acc;
        a = cov.accountOf(acc);
        c = a < 0 ? -1 : cov.componentOf(a);
      }
      account[i] = a;
      // A line of no component touches no accumulator: any order will do.
      if (c < 0 || order.takeNow(c, line.serviceDate, line.index)) this.line(i, a);
    }
    if (order.setAside.length > 0) this.setAsideComponents(order, account);
    this.lines = [];
    this.out = null;
  }

  /** The components set aside during the walk, each from its start again, its lines in service-date then sheet order. */
  private setAsideComponents(order: ComponentOrder, account: Int32Array): void {
    const cov = this.coverage;
    const { components, start, positions } = setAsideLines(this.lines, account, (x) => cov.componentOf(x), order.setAside);
    for (let s = 0; s < components.length; s++) {
      const c = components[s]!;
      const from = start[s]!;
      const to = start[s + 1]!;
      cov.resetComponent(c);
      if (cov.isComplex(c)) {
        // Every line's lookup first, so each group's first line is known before any total is placed.
        cov.deferSeeding = true;
        for (let k = from; k < to; k++) this.classify(this.lines[positions[k]!]!, account[positions[k]!]!);
        cov.deferSeeding = false;
        cov.seedComponent(c);
      }
      for (let k = from; k < to; k++) this.line(positions[k]!, account[positions[k]!]!);
    }
  }

  /** `at` is the line's position in the input (its result's slot); `account` its account's number. */
  private line(at: number, account: number): void {
    const line = this.lines[at]!;
    const kind = this.classify(line, account);
    const out = this.out!;
    const schedule = this.schedule;
    if (kind === COVERED) {
      this.covered(out, at, line, schedule);
    } else if (kind === UNCONFIGURED) {
      const primary = this.primary;
      out.setUncovered(at, UNCONFIGURED, schedule, this.category!, primary === null ? null : primary.planId, primary === null ? null : primary.plan);
    } else {
      // §5.2: the patient owes the charge; allowed = billed, nothing written off, accumulators untouched.
      const primary = kind === NOT_COVERED ? this.primary : null;
      out.setUncovered(at, kind, schedule, this.category!, primary === null ? null : primary.planId, primary === null ? null : primary.plan);
    }
  }

  /**
   * Coverage, allowed amount (§5.1), category and benefit: everything about
   * the line that touches no accumulator. (Its lookups do note each
   * Coverage group's first line, for the starting totals.)
   */
  private classify(line: LedgerLine, account: number): number {
    this.primary = null;
    this.secondary = null;
    // A line naming a PlanId is billed to that plan even when the Payer cell is blank.
    if (line.planId === null && this.ledgerHasPayer && this.isSelfPay(line.payer)) return this.selfPay(line);
    const primary = this.coverage.primaryFor(line, account);
    if (primary === null && line.planId === null && !this.ledgerHasPayer) return this.selfPay(line);
    this.primary = primary;
    const plan = primary === null ? null : primary.plan;
    if (primary === null || plan === null) {
      // No plan to compute from: §5.1 allowed still holds, from the line's own payer/plan.
      const planKey = primary !== null ? primary.planKey : line.planId === null ? null : this.keys.name.get(line.planId);
      const payerKey = line.payer === null ? null : this.keys.name.get(line.payer);
      const { fee, category } = this.feeFacts(this.memoFor(planKey, payerKey), planKey, payerKey, line);
      const schedule = this.scheduleOf(line, fee);
      this.schedule = schedule;
      this.category = category;
      if (primary === null && this.coverage.fromSheet) return NO_COVERAGE;
      this.allowed = allowedFor(line.allowed, schedule, line.billed);
      return UNCONFIGURED;
    }
    const { fee, category, benefit } = this.codeFacts(plan, line);
    const schedule = this.scheduleOf(line, fee);
    this.schedule = schedule;
    // §5.1: the ledger's allowed if given, else the fee schedule's, else the charge.
    const allowed = allowedFor(line.allowed, schedule, line.billed);
    this.allowed = allowed;
    this.category = category;
    this.benefit = benefit;
    if (!benefit.covered) return NOT_COVERED;
    const secondary = this.coverage.secondaryFor(line, account, primary);
    this.secondary = secondary;
    if (secondary !== null && secondary.plan !== null) {
      // Its normal benefit is what it would pay as primary — its own fee schedule
      // (else the primary's allowed), its own benefits and accumulators.
      const sp = secondary.plan;
      const known = this.codeFacts(sp, line);
      const sFee = known.fee;
      this.secondaryBenefit = known.benefit;
      this.secondaryAllowed = sFee === null ? allowed : scheduleAllowed(sFee.row.allowed, line.units, line.billed);
    }
    return COVERED;
  }

  /** The cost-sharing rule for a covered line, advancing the accumulators. */
  private covered(out: SharesTable, at: number, line: LedgerLine, schedule: Cents | null): void {
    const entry = this.primary!;
    const plan = entry.plan!;
    const benefit = this.benefit!;
    const day = line.serviceDate;
    const allowed = this.allowed;
    const s = this.share(this.primaryShare, day, entry, plan, benefit, allowed);

    // What the explanation will say about the accumulators, as they stand right after this line.
    const cfg = plan.limits;
    let flags = entry.primary ? 0 : SECONDARY_AS_PRIMARY;
    let dMet = ZERO, oMet = ZERO;
    if (s.deductible > 0) {
      if (familyDeductibleBinds(cfg, entry.member, entry.family)) {
        flags |= FAMILY_DEDUCTIBLE;
        dMet = entry.family!.deductibleMet;
      } else {
        dMet = entry.member.deductibleMet;
      }
    }
    if (s.oopCut > 0) {
      flags |= OOP_CUT;
      if (familyOopBinds(cfg, entry.member, entry.family)) {
        flags |= FAMILY_OOP;
        oMet = entry.family!.oopMet;
      } else {
        oMet = entry.member.oopMet;
      }
    }
    const secondary = this.secondary;
    if (secondary !== null) {
      const sp = secondary.plan;
      if (sp === null) {
        out.setSecondaryNormal(at, null); // a secondary we cannot compute: nor, then, what the patient owes
      } else {
        const sBenefit = this.secondaryBenefit!;
        let normal = ZERO;
        if (sBenefit.covered) normal = this.share(this.secondaryShare, day, secondary, sp, sBenefit, this.secondaryAllowed).insurer;
        else flags |= SECONDARY_NOT_COVERED;
        if (this.cobMethod === 'NonDuplication') flags |= NON_DUPLICATION;
        // What it pays follows from this (sharesTable.ts, `secondaryPayment`); it advanced its own accumulators above.
        out.setSecondaryNormal(at, normal);
      }
    }
    out.setCovered(at, schedule, this.category!, entry.planId, secondary === null ? null : secondary.planId, plan, s, dMet, oMet, flags);
  }

  /**
   * One plan's cost sharing (§5.3–7) on `allowed`, advancing that plan's
   * accumulators. For a secondary this is its "as if primary" benefit, and
   * its accumulators advance as if it were primary — as the NAIC COB model
   * has a secondary credit its deductible with what it would have credited
   * without other coverage — so they never depend on what the primary paid.
   */
  private share(into: ShareScratch, serviceDate: Day, entry: CoverageEntry, plan: PlanInfo, benefit: BenefitInfo, allowed: Cents): ShareScratch {
    const member = entry.member;
    const family = entry.family;
    member.enterDay(serviceDate, plan.years);
    if (family !== null) family.enter(member.planYear);
    const cfg = plan.limits;
    const s = shareInto(into, allowed, benefit.copay, benefit.deductibleApplies, remainingDeductible(cfg, member, family),
      benefit.coinsurancePct, remainingOop(cfg, member, family));
    member.record(s.deductible, s.patient);
    if (family !== null) family.record(s.deductible, s.patient);
    return s;
  }

  /** Payers repeat line after line: the last answer is kept. */
  private selfPay(line: LedgerLine): number {
    const { fee, category } = this.feeFacts(this.selfPayFacts, null, null, line);
    this.schedule = this.scheduleOf(line, fee);
    this.category = category;
    return SELF_PAY;
  }

  /** The fee-schedule row and category of a line billed to no configured plan (`memo`: the memo of its plan/payer keys). */
  private feeFacts(memo: CodeMemo<FeeFacts>, planKey: string | null, payerKey: string | null, line: LedgerLine): FeeFacts {
    let f = memo.get(line.code, line.modifiers);
    if (f === undefined) {
      const fee = this.fees.match(line.code, planKey, payerKey, line.modifiers);
      f = { fee, category: this.categoryOf(line, fee) };
      memo.set(line.code, line.modifiers, f);
    }
    return f;
  }

  /** The memo for lines billed under `planKey`/`payerKey` with no plan to compute from (the last pair is kept: lines repeat it). */
  private memoFor(planKey: string | null, payerKey: string | null): CodeMemo<FeeFacts> {
    if (this.unplannedMemo === null || planKey !== this.memoPlanKey || payerKey !== this.memoPayerKey) {
      this.memoPlanKey = planKey;
      this.memoPayerKey = payerKey;
      const key = `${planKey === null ? '-' : `+${planKey}`}\u0000${payerKey === null ? '-' : `+${payerKey}`}`;
      let memo = this.unplanned.get(key);
      if (memo === undefined) this.unplanned.set(key, (memo = new CodeMemo()));
      this.unplannedMemo = memo;
    }
    return this.unplannedMemo;
  }

  private isSelfPay(payer: string | null): boolean {
    if (payer === this.lastPayer) return this.lastSelfPay;
    this.lastPayer = payer;
    return (this.lastSelfPay = this.keys.selfPay.get(payer ?? ''));
  }

  /**
   * The line's fee-schedule row, category and benefit under `plan`: for a
   * code with no modifier or one, looked up once per run and kept on the
   * plan (one or two map hits per line instead of five or six).
   */
  private codeFacts(plan: PlanInfo, line: LedgerLine): CodeFacts {
    let known = plan.facts.get(line.code, line.modifiers);
    if (known === undefined) {
      const fee = this.fees.match(line.code, plan.planKey, plan.payerKey, line.modifiers);
      const category = this.categoryOf(line, fee);
      known = { fee, category, benefit: plan.benefits.get(category.key) ?? plan.defaultBenefit };
      plan.facts.set(line.code, line.modifiers, known);
    }
    return known;
  }

  private categoryOf(line: LedgerLine, fee: FeeEntry | null): CategoryRef {
    return fee !== null && fee.category !== null ? fee.category : this.categories.get(line.code);
  }

  /** The fee schedule's allowed for the line; null when no row matched. */
  private scheduleOf(line: LedgerLine, fee: FeeEntry | null): Cents | null {
    return fee === null ? null : scheduleAllowed(fee.row.allowed, line.units, line.billed);
  }
}
