/**
 * Expected insurer and patient shares per ledger line (DESIGN §5).
 *
 * `adjudicate(lines, config)[i]` is for `lines[i]`. Two passes: the first,
 * in sheet order, finds each line's coverage, allowed amount and benefit
 * (and finishes lines that touch no accumulator); the second takes the
 * covered lines in service-date then sheet order (lineOrder.ts) and runs the
 * cost-sharing rule, advancing member and family accumulators in the order
 * care happened.
 *
 * Hot path: every lookup is a Map hit on strings that already exist
 * (indexes are built once per run), and a line allocates little besides its
 * result; its explanation is written when first read (lineSharesRecord.ts).
 */
import type { CobMethod, Config } from '../config';
import type { LedgerLine } from '../ledger';
import type { LineShares, CoverageBasis } from '../shareTypes';
import * as money from '../money';
import type { Cents } from '../money';
import type { Day } from '../day';
import * as accumulators from './accumulators';
import * as allowedAmount from './allowedAmount';
import * as cob from './coordinationOfBenefits';
import * as costSharing from './costSharing';
import type { CostShare } from './costSharing';
import { CoverageLookup, type CoverageEntry } from './coverageLookup';
import {
  LineSharesRecord, RunFacts, FAMILY_DEDUCTIBLE, FAMILY_OOP, NON_DUPLICATION, SECONDARY_AS_PRIMARY, SECONDARY_NOT_COVERED,
} from './lineSharesRecord';
import { FeeScheduleIndex, type FeeEntry } from './feeScheduleIndex';
import { makeKeyCaches, type KeyCaches } from './keys';
import { PlanIndex, type BenefitInfo, type PlanInfo } from './planIndex';
import { PendingLines } from './pendingLines';
import * as planYear from './planYear';
import { processingOrder } from './lineOrder';
import { DefaultCategoryCache, type CategoryRef } from './serviceCategory';

// Hot path: bind imported functions once. tsx/esbuild compile each use of a named import to a
// getter call on the module object (~20 ns a call, measured in bench/adjudicate.ts's runner).
const { ZERO, sub } = money;
const { remainingDeductible, remainingOop, familyDeductibleBinds, familyOopBinds } = accumulators;
const { scheduleAllowed } = allowedAmount;
const { secondaryPayment } = cob;
const { shareCost } = costSharing;
const { planYearOf } = planYear;

export function adjudicate(lines: readonly LedgerLine[], config: Config): LineShares[] {
  return new Adjudicator(config).run(lines);
}

class Adjudicator {
  private readonly keys: KeyCaches = makeKeyCaches();
  private readonly plans: PlanIndex;
  private readonly fees: FeeScheduleIndex;
  private readonly coverage: CoverageLookup;
  private readonly categories = new DefaultCategoryCache();
  private readonly cobMethod: CobMethod;

  constructor(config: Config) {
    this.plans = new PlanIndex(config);
    this.fees = new FeeScheduleIndex(config.feeSchedule);
    this.coverage = new CoverageLookup(config, this.plans, this.keys);
    this.cobMethod = config.policy.cobMethod;
  }

  run(lines: readonly LedgerLine[]): LineShares[] {
    const n = lines.length;
    const facts = new RunFacts(lines);
    const pending = new PendingLines(n);
    const out = new Array<LineShares>(n);
    // Pass 1, sheet order: coverage, allowed, category, benefit. Lines that touch no
    // accumulator are finished here; covered lines wait in `pending`.
    for (let i = 0; i < n; i++) {
      const r = this.prepare(lines[i]!, i, facts, pending);
      if (r !== null) out[i] = r;
    }
    this.coverage.seedStartingTotals();
    // Pass 2, service-date then sheet order: the cost-sharing rule and the accumulators.
    const order = processingOrder(lines);
    const entries = pending.entry;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const entry = entries[i];
      if (entry !== undefined) out[i] = this.covered(i, entry, pending, facts);
    }
    return out;
  }

  /** `at` is the line's position in the input (its result's slot and its row in `facts` / `pending`). */
  private prepare(line: LedgerLine, at: number, facts: RunFacts, pending: PendingLines): LineShares | null {
    // A line naming a PlanId is billed to that plan even when the Payer cell is blank.
    if (line.planId === null && this.keys.selfPay.get(line.payer ?? '')) {
      const fee = this.fees.match(line.code, null, null, line.modifiers);
      return fullCharge(facts, at, line, 'self-pay', this.categoryOf(line, fee).name, this.schedule(line, fee), null);
    }
    const primary = this.coverage.primaryFor(line);
    const plan = primary === null ? null : primary.plan;
    if (primary === null || plan === null) {
      // No plan to compute from: §5.1 allowed still holds, from the line's own payer/plan.
      const planKey = primary !== null ? primary.planKey : line.planId === null ? null : this.keys.name.get(line.planId);
      const fee = this.fees.match(line.code, planKey, line.payer === null ? null : this.keys.name.get(line.payer), line.modifiers);
      const schedule = this.schedule(line, fee);
      const category = this.categoryOf(line, fee).name;
      if (primary === null && this.coverage.fromSheet) return fullCharge(facts, at, line, 'no-coverage', category, schedule, null);
      const allowed = line.allowed ?? schedule ?? line.billed;
      return new LineSharesRecord(facts, at, line.index, 'unconfigured', allowed, sub(line.billed, allowed), schedule, category,
        primary === null ? null : primary.planId, null, null, null, null, null, null, null);
    }
    const fee = this.fees.match(line.code, plan.planKey, plan.payerKey, line.modifiers);
    const schedule = this.schedule(line, fee);
    // §5.1: the ledger's allowed if given, else the fee schedule's, else the charge.
    const allowed = line.allowed ?? schedule ?? line.billed;
    const category = this.categoryOf(line, fee);
    const benefit = plan.benefits.get(category.key) ?? plan.defaultBenefit;
    if (!benefit.covered) return fullCharge(facts, at, line, 'not-covered', category.name, schedule, primary.planId);
    pending.entry[at] = primary;
    pending.benefit[at] = benefit;
    pending.category[at] = category.name;
    pending.lineIndex[at] = line.index;
    pending.day[at] = line.serviceDate;
    pending.allowed[at] = allowed;
    pending.contractual[at] = line.billed - allowed;
    pending.schedule[at] = schedule === null ? Number.NaN : schedule;
    const secondary = this.coverage.secondaryFor(line, primary);
    pending.secondary[at] = secondary;
    if (secondary !== null && secondary.plan !== null) {
      // Its normal benefit is what it would pay as primary — its own fee schedule
      // (else the primary's allowed), its own benefits and accumulators.
      const sp = secondary.plan;
      const sFee = this.fees.match(line.code, sp.planKey, sp.payerKey, line.modifiers);
      pending.secondaryAllowed[at] = sFee === null ? allowed : scheduleAllowed(sFee.row.allowed, line.units, line.billed);
      pending.secondaryBenefit[at] = sp.benefits.get(this.categoryOf(line, sFee).key) ?? sp.defaultBenefit;
    }
    return null;
  }

  /** Pass 2 for one covered line: reads only `pending` columns and the accumulators. */
  private covered(at: number, entry: CoverageEntry, p: PendingLines, facts: RunFacts): LineShares {
    const plan = entry.plan!;
    const benefit = p.benefit[at]!;
    const day = p.day[at]! as Day;
    const allowed = p.allowed[at]! as Cents;
    const s = this.share(day, entry, plan, benefit, allowed);

    // What the explanation will say about the accumulators, as they stand right after this line.
    const cfg = plan.config;
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
      if (familyOopBinds(cfg, entry.member, entry.family)) {
        flags |= FAMILY_OOP;
        oMet = entry.family!.oopMet;
      } else {
        oMet = entry.member.oopMet;
      }
    }

    let patient: Cents | null = s.patient;
    let secondaryShare: Cents | null = ZERO;
    let normal = ZERO;
    const secondary = p.secondary[at]!;
    if (secondary !== null) {
      const sp = secondary.plan;
      if (sp === null) {
        patient = null;
        secondaryShare = null;
      } else {
        const sBenefit = p.secondaryBenefit[at]!;
        if (sBenefit.covered) normal = this.share(day, secondary, sp, sBenefit, p.secondaryAllowed[at]! as Cents).insurer;
        else flags |= SECONDARY_NOT_COVERED;
        if (this.cobMethod === 'NonDuplication') flags |= NON_DUPLICATION;
        secondaryShare = secondaryPayment(this.cobMethod, normal, s.insurer, s.patient);
        patient = sub(s.patient, secondaryShare);
      }
    }
    facts.setCovered(at, benefit, s, dMet, oMet, normal, flags);
    const schedule = p.schedule[at]!;
    return new LineSharesRecord(facts, at, p.lineIndex[at]!, 'covered', allowed, p.contractual[at]! as Cents,
      Number.isNaN(schedule) ? null : (schedule as Cents), p.category[at]!, entry.planId,
      secondary === null ? null : secondary.planId, s.copay, s.deductible, s.coinsurance, patient, s.insurer, secondaryShare);
  }

  /**
   * One plan's cost sharing (§5.3–7) on `allowed`, advancing that plan's
   * accumulators. For a secondary this is its "as if primary" benefit, and
   * its accumulators advance as if it were primary — as the NAIC COB model
   * has a secondary credit its deductible with what it would have credited
   * without other coverage — so they never depend on what the primary paid.
   */
  private share(serviceDate: Day, entry: CoverageEntry, plan: PlanInfo, benefit: BenefitInfo, allowed: Cents): CostShare {
    const member = entry.member;
    const family = entry.family;
    const py = planYearOf(serviceDate, plan.yearStartMd);
    member.enter(py);
    if (family !== null) family.enter(py);
    const cfg = plan.config;
    const s = shareCost(allowed, benefit.copay, benefit.deductibleApplies, remainingDeductible(cfg, member, family),
      benefit.coinsurancePct, remainingOop(cfg, member, family));
    member.record(s.deductible, s.patient);
    if (family !== null) family.record(s.deductible, s.patient);
    return s;
  }

  private categoryOf(line: LedgerLine, fee: FeeEntry | null): CategoryRef {
    return fee !== null && fee.category !== null ? fee.category : this.categories.get(line.code);
  }

  private schedule(line: LedgerLine, fee: FeeEntry | null): Cents | null {
    return fee === null ? null : scheduleAllowed(fee.row.allowed, line.units, line.billed);
  }
}

/** §5.2: the patient owes the charge; allowed = billed, nothing written off, accumulators untouched. */
function fullCharge(facts: RunFacts, at: number, line: LedgerLine, basis: CoverageBasis, category: string, schedule: Cents | null, planId: string | null): LineShares {
  return new LineSharesRecord(facts, at, line.index, basis, line.billed, ZERO, schedule, category, planId, null,
    ZERO, ZERO, ZERO, line.billed, ZERO, ZERO);
}
