/**
 * Expected insurer and patient shares per ledger line (DESIGN §5).
 *
 * `adjudicate(lines, config)[i]` is for `lines[i]`. Lines are taken in
 * service-date then sheet order (lineOrder.ts) in two passes: the first
 * finds each line's coverage (so §5.8 starting totals know each Coverage
 * row's first line), the second runs the cost-sharing rule, advancing the
 * member and family accumulators as care happened.
 */
import type { BenefitConfig, CobMethod, Config } from '../config';
import type { LedgerLine } from '../ledger';
import type { LineShares, CoverageBasis } from '../shareTypes';
import { ZERO, sub, type Cents } from '../money';
import { Accumulator, remainingDeductible, remainingOop } from './accumulators';
import { allowedFor, scheduleAllowed } from './allowedAmount';
import { secondaryPayment } from './coordinationOfBenefits';
import { shareCost, type CostShare } from './costSharing';
import { CoverageLookup, type CoverageEntry } from './coverageLookup';
import {
  SECONDARY_AS_PRIMARY, allowedSentence, costSharingSentences, noCoverageText, notCoveredText, primaryOnlySummary,
  secondaryUnconfiguredText, selfPayText, unconfiguredText, withSecondarySummary, type MetAfter,
} from './explanation';
import { FeeScheduleIndex, type FeeEntry } from './feeScheduleIndex';
import { makeKeyCaches, type KeyCaches } from './keys';
import { PlanIndex, percentLabel, type PlanInfo } from './planIndex';
import { planYearOf } from './planYear';
import { processingOrder } from './lineOrder';
import { DefaultCategoryCache, type CategoryRef } from './serviceCategory';

export function adjudicate(lines: readonly LedgerLine[], config: Config): LineShares[] {
  return new Adjudicator(config).run(lines);
}

/** What one plan makes of one line (used for the primary and, as if primary, for the secondary). */
interface PlanOutcome {
  readonly allowed: Cents;
  readonly category: CategoryRef;
  readonly benefit: BenefitConfig | undefined;
  readonly covered: boolean;
  /** null when not covered. */
  readonly share: CostShare | null;
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
    const order = processingOrder(lines);
    const primaries: (CoverageEntry | null)[] = new Array<CoverageEntry | null>(n).fill(null);
    const secondaries: (CoverageEntry | null)[] = new Array<CoverageEntry | null>(n).fill(null);
    const selfPay = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const line = lines[i]!;
      if (line.planId === null && this.keys.selfPay.get(line.payer ?? '')) {
        selfPay[i] = 1;
        continue;
      }
      const p = this.coverage.primaryFor(line);
      if (p === null) continue;
      primaries[i] = p;
      if (Number.isNaN(p.firstDay)) p.firstDay = line.serviceDate;
      const s = this.coverage.secondaryFor(line, p);
      if (s === null) continue;
      secondaries[i] = s;
      if (Number.isNaN(s.firstDay)) s.firstDay = line.serviceDate;
    }
    this.coverage.seedStartingTotals();
    const out = new Array<LineShares>(n);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      out[i] = this.line(lines[i]!, selfPay[i] === 1, primaries[i]!, secondaries[i]!);
    }
    return out;
  }

  private line(line: LedgerLine, selfPay: boolean, primary: CoverageEntry | null, secondary: CoverageEntry | null): LineShares {
    if (selfPay) {
      const fee = this.fees.match(line.code, null, null, line.modifiers);
      return fullCharge(line, 'self-pay', this.categoryOf(line, fee).name, this.schedule(line, fee), null, selfPayText(line.billed));
    }
    if (primary === null || primary.plan === null) {
      // No plan to compute from: §5.1 allowed still holds, from the line's own payer/plan.
      const planKey = primary !== null ? primary.planKey : line.planId === null ? null : this.keys.name.get(line.planId);
      const fee = this.fees.match(line.code, planKey, line.payer === null ? null : this.keys.name.get(line.payer), line.modifiers);
      const schedule = this.schedule(line, fee);
      const category = this.categoryOf(line, fee).name;
      if (primary === null && this.coverage.fromSheet) {
        return fullCharge(line, 'no-coverage', category, schedule, null, noCoverageText(line.billed, line.serviceDate, line.payer));
      }
      const allowed = allowedFor(line.allowed, schedule, line.billed);
      const contractual = sub(line.billed, allowed);
      const text = unconfiguredText(allowedSentence(line.billed, allowed, contractual), primary?.planId ?? null, line.payer);
      return shares(line.index, 'unconfigured', allowed, contractual, schedule, category, primary?.planId ?? null, null,
        null, null, null, null, null, null, text);
    }
    return this.covered(line, primary, primary.plan, secondary);
  }

  private covered(line: LedgerLine, entry: CoverageEntry, plan: PlanInfo, secondary: CoverageEntry | null): LineShares {
    const fee = this.fees.match(line.code, plan.planKey, plan.payerKey, line.modifiers);
    const schedule = this.schedule(line, fee);
    const allowed = allowedFor(line.allowed, schedule, line.billed);
    const o = this.outcome(line, entry, plan, fee, allowed);
    if (!o.covered) {
      return fullCharge(line, 'not-covered', o.category.name, schedule, entry.planId,
        notCoveredText(line.billed, o.category.name, entry.planId));
    }
    const s = o.share!;
    const contractual = sub(line.billed, allowed);
    let text = entry.primary ? '' : SECONDARY_AS_PRIMARY;
    text += allowedSentence(line.billed, allowed, contractual);
    text += costSharingSentences(
      s, o.benefit?.copay ?? ZERO, percentLabel(o.benefit?.coinsurancePct ?? plan.config.coinsurancePct),
      o.benefit?.deductibleApplies ?? true,
      s.deductible > 0 ? deductibleMet(plan, entry) : null,
      s.oopCut > 0 ? oopMet(plan, entry) : null,
    );
    let patient: Cents | null = s.patient;
    let secondaryShare: Cents | null = ZERO;
    let secondaryPlanId: string | null = null;
    if (secondary !== null) {
      secondaryPlanId = secondary.planId;
      if (secondary.plan === null) {
        patient = null;
        secondaryShare = null;
        text += primaryOnlySummary(s.patient, s.insurer) + secondaryUnconfiguredText(secondary.planId);
      } else {
        // The secondary's normal benefit: what it would pay as primary — its own fee
        // schedule (else the primary's allowed), benefits and accumulators.
        const sp = secondary.plan;
        const sFee = this.fees.match(line.code, sp.planKey, sp.payerKey, line.modifiers);
        const sSchedule = this.schedule(line, sFee);
        const sAllowed = sSchedule ?? allowed;
        const so = this.outcome(line, secondary, sp, sFee, sAllowed);
        const normal = so.share === null ? ZERO : so.share.insurer;
        const pays = secondaryPayment(this.cobMethod, normal, s.insurer, s.patient);
        secondaryShare = pays;
        patient = sub(s.patient, pays);
        text += withSecondarySummary(s.insurer, {
          planId: secondary.planId, normalBenefit: normal, pays, nonDuplication: this.cobMethod === 'NonDuplication', notCovered: !so.covered,
        }, patient);
      }
    } else {
      text += primaryOnlySummary(s.patient, s.insurer);
    }
    return shares(line.index, 'covered', allowed, contractual, schedule, o.category.name, entry.planId, secondaryPlanId,
      s.copay, s.deductible, s.coinsurance, patient, s.insurer, secondaryShare, text);
  }

  /**
   * One plan's cost sharing for the line, advancing that plan's accumulators.
   * For a secondary this is its "as if primary" benefit, and its accumulators
   * advance as if it were primary — as the NAIC COB model has a secondary
   * credit its deductible with what it would have credited without other
   * coverage — so they do not depend on what the primary happened to pay.
   */
  private outcome(line: LedgerLine, entry: CoverageEntry, plan: PlanInfo, fee: FeeEntry | null, allowed: Cents): PlanOutcome {
    const category = this.categoryOf(line, fee);
    const benefit = plan.benefits.get(category.key);
    if (benefit !== undefined && !benefit.covered) return { allowed, category, benefit, covered: false, share: null };
    const member = entry.member;
    const family = entry.family;
    const py = planYearOf(line.serviceDate, plan.yearStartMd);
    member.enter(py);
    if (family !== null) family.enter(py);
    const cfg = plan.config;
    const share = shareCost(
      allowed,
      benefit === undefined ? ZERO : benefit.copay,
      benefit === undefined ? true : benefit.deductibleApplies,
      remainingDeductible(cfg, member, family),
      benefit === undefined || benefit.coinsurancePct === null ? cfg.coinsurancePct : benefit.coinsurancePct,
      remainingOop(cfg, member, family),
    );
    if (allowed > 0) {
      member.record(share.deductible, share.patient);
      if (family !== null) family.record(share.deductible, share.patient);
    }
    return { allowed, category, benefit, covered: true, share };
  }

  private categoryOf(line: LedgerLine, fee: FeeEntry | null): CategoryRef {
    if (fee !== null && fee.category !== null) return { name: fee.category, key: fee.categoryKey! };
    return this.categories.get(line.code);
  }

  private schedule(line: LedgerLine, fee: FeeEntry | null): Cents | null {
    return fee === null ? null : scheduleAllowed(fee.row.allowed, line.units, line.billed);
  }
}

/** §5.2: the patient owes the charge; allowed = billed, nothing written off, accumulators untouched. */
function fullCharge(line: LedgerLine, basis: CoverageBasis, category: string, schedule: Cents | null, planId: string | null, text: string): LineShares {
  return shares(line.index, basis, line.billed, ZERO, schedule, category, planId, null,
    ZERO, ZERO, ZERO, line.billed, ZERO, ZERO, text);
}

/** One constructor so every LineShares has the same shape (monomorphic for V8). */
function shares(
  lineIndex: number, basis: CoverageBasis, allowed: Cents, contractual: Cents, feeScheduleAllowed: Cents | null,
  category: string | null, primaryPlanId: string | null, secondaryPlanId: string | null,
  copay: Cents | null, deductible: Cents | null, coinsurance: Cents | null,
  patientShare: Cents | null, insurerShare: Cents | null, secondaryShare: Cents | null, explanation: string,
): LineShares {
  return {
    lineIndex, basis, allowed, contractual, feeScheduleAllowed, category, primaryPlanId, secondaryPlanId,
    copay, deductible, coinsurance, patientShare, insurerShare, secondaryShare, explanation,
  };
}

/** The deductible that bound this member: the family's when it has less left (or Aggregate). */
function deductibleMet(plan: PlanInfo, entry: CoverageEntry): MetAfter {
  const cfg = plan.config;
  const ind: MetAfter = { met: entry.member.deductibleMet, limit: cfg.deductibleIndividual, family: false };
  const f = entry.family;
  if (f === null) return ind;
  const famLimit = cfg.deductibleType === 'Aggregate' ? cfg.deductibleFamily ?? cfg.deductibleIndividual : cfg.deductibleFamily;
  if (famLimit === null) return ind;
  const fam: MetAfter = { met: f.deductibleMet, limit: famLimit, family: true };
  if (cfg.deductibleType === 'Aggregate') return fam;
  return famLimit - f.deductibleMet < cfg.deductibleIndividual - entry.member.deductibleMet ? fam : ind;
}

function oopMet(plan: PlanInfo, entry: CoverageEntry): MetAfter | null {
  const cfg = plan.config;
  const ind: MetAfter | null = cfg.oopMaxIndividual === null ? null : { met: entry.member.oopMet, limit: cfg.oopMaxIndividual, family: false };
  const f: Accumulator | null = entry.family;
  if (f === null || cfg.oopMaxFamily === null) return ind;
  const fam: MetAfter = { met: f.oopMet, limit: cfg.oopMaxFamily, family: true };
  if (ind === null) return fam;
  return cfg.oopMaxFamily - f.oopMet < ind.limit - ind.met ? fam : ind;
}
