/**
 * One line's shares, once who pays it and where it stands are known
 * (DESIGN §4, §5): which plan decides it, its allowed amount, and the
 * cost-sharing rule — primary, secondary (§5 step 9), or the secondary acting
 * as primary (§5 step 10).
 */
import type { CobMethod, CoverageRowIssue, FeeScheduleRow } from '../config';
import type { LedgerLine } from '../ledger';
import type { Cents } from '../money';
import type { AppliedBenefit, CoverageBasis, LineShares, LineStanding, SecondaryWorking, ShareWorking, WhoPays } from '../shareTypes';
import { familyDeductibleBinds, familyOopBinds, remainingDeductible, remainingOutOfPocket, type MemberAccumulators } from './accumulators';
import { allowedFor, scheduleAllowed } from './allowedAmount';
import { secondaryPayment } from './coordinationOfBenefits';
import { shareCost, type CostShare } from './costSharing';
import type { AccountCoverage, CoverageBook, CoverageEntry, LineParty, PrimaryCoverage } from './coverage';
import type { FeeParty, FeeSchedule } from './feeSchedule';
import type { Plan, PlanBook } from './plans';
import { defaultCategory } from './serviceCategory';

export interface LineFacts {
  readonly line: LedgerLine;
  /** The line's own PlanId and payer, keyed. */
  readonly party: LineParty;
  /** The account's Coverage rows. */
  readonly onFile: AccountCoverage;
  readonly whoPays: WhoPays;
  readonly standing: LineStanding;
  /** From the Coverage sheet (null without one, or none in effect). */
  readonly primary: PrimaryCoverage | null;
  readonly doubt: CoverageRowIssue | null;
}

/** The fee row, its allowed and the category of a line billed under one plan or payer. */
interface FeeFacts {
  readonly feeRow: FeeScheduleRow | null;
  readonly feeScheduleAllowed: Cents | null;
  readonly category: string;
}

const ZERO = 0 as Cents;
const NOTHING_COMPUTED = {
  allowed: null, contractual: null, copay: null, deductible: null, coinsurance: null,
  patientShare: null, insurerShare: null, secondaryShare: null,
} as const;

export class LineAdjudicator {
  private readonly plans: PlanBook;
  private readonly coverage: CoverageBook;
  private readonly fees: FeeSchedule;
  private readonly cobMethod: CobMethod;

  constructor(parts: { plans: PlanBook; coverage: CoverageBook; fees: FeeSchedule; cobMethod: CobMethod }) {
    this.plans = parts.plans;
    this.coverage = parts.coverage;
    this.fees = parts.fees;
    this.cobMethod = parts.cobMethod;
  }

  line(f: LineFacts): LineShares {
    const { line } = f;
    if (f.doubt !== null) {
      const fee = this.feeFacts(line, f.party);
      return this.record(f, fee, { basis: 'coverage-in-doubt', ...NOTHING_COMPUTED, coverageIssueCell: f.doubt.cell,
        working: { kind: 'coverage-in-doubt', coverageCell: f.doubt.cell } });
    }
    if (f.whoPays === 'unknown') {
      return this.record(f, this.feeFacts(line, f.party), { basis: 'unknown', ...NOTHING_COMPUTED,
        working: { kind: 'unknown', billed: line.billed } });
    }
    if (f.whoPays === 'self-pay') {
      return this.patientOwesAll(f, this.feeFacts(line, { planKey: null, payerKey: null }), 'self-pay', { kind: 'self-pay', billed: line.billed });
    }
    if (this.coverage.hasSheet && f.primary === null) {
      const fee = this.feeFacts(line, f.party);
      // An insurer paid a line the Coverage sheet says was not covered: the sheet is what is out of date.
      if (line.insurerPaid !== null && line.insurerPaid !== 0) {
        return this.record(f, fee, { basis: 'coverage-out-of-date', ...NOTHING_COMPUTED,
          working: { kind: 'coverage-out-of-date', serviceDate: line.serviceDate, payer: line.payer } });
      }
      return this.patientOwesAll(f, fee, 'no-coverage', { kind: 'no-coverage', billed: line.billed, serviceDate: line.serviceDate, payer: line.payer });
    }
    if (f.standing === 'denied-patient') {
      // A PR-group denial: the patient's to pay, decided as §5.2.
      return this.patientOwesAll(f, this.feeFacts(line, f.party), 'not-covered',
        { kind: 'denied-patient', billed: line.billed, denialCode: line.denialCode ?? '' });
    }
    const entry = f.primary?.entry ?? this.entryFromLine(line, f.party);
    if (entry === null || entry.plan === null) {
      const fee = this.feeFacts(line, entry === null ? f.party : { planKey: entry.planKey, payerKey: f.party.payerKey });
      return this.unconfigured(f, fee, entry === null ? null : entry.planId);
    }
    if (f.primary?.onlySecondary === true) return this.secondaryAsPrimary(f, { primaryPlanId: null, secondary: entry, why: 'only-secondary-in-effect' });
    return this.underPrimary(f, entry);
  }

  /** The primary decides the line; its secondary (if any) coordinates (§5 step 9), or acts as primary (§5 step 10). */
  private underPrimary(f: LineFacts, entry: CoverageEntry): LineShares {
    const { line } = f;
    const plan = entry.plan!;
    const fee = this.feeFacts(line, plan);
    const benefit = this.plans.benefitFor(plan, fee.category);
    const secondary = entry.row === null ? null : this.coverage.secondaryFor(f.onFile, line, f.party, entry);
    if (!benefit.covered) {
      if (secondary === null) return this.notCovered(f, fee, { benefit, planId: entry.planId, secondaryPlanId: null });
      if (secondary.plan === null) return this.unconfigured(f, fee, secondary.planId);
      return this.secondaryAsPrimary(f, { primaryPlanId: entry.planId, secondary, why: 'primary-does-not-cover' });
    }
    const allowed = allowedFor(line.allowed, fee.feeScheduleAllowed, line.billed);
    const acc = this.coverage.accumulatorsOn(entry, plan, line.serviceDate);
    const share = this.share({ plan, entry, benefit, allowed });
    let secondaryShare: Cents | null = ZERO;
    let patient: Cents | null = share.patient;
    let secondaryWorking: SecondaryWorking | null = null;
    if (secondary !== null) {
      const normal = secondary.plan === null ? null : this.normalBenefit(line, secondary, allowed);
      const pays = normal === null ? null
        : secondaryPayment({ method: this.cobMethod, normalBenefit: normal.amount, primaryPaid: share.insurer, patientAfterPrimary: share.patient });
      secondaryShare = pays;
      patient = pays === null ? null : ((share.patient - pays) as Cents);
      secondaryWorking = {
        planId: secondary.planId, normalBenefit: normal === null ? null : normal.amount, pays,
        notCovered: normal !== null && !normal.covered, nonDuplication: this.cobMethod === 'NonDuplication',
      };
    }
    return this.record(f, fee, {
      basis: 'covered', allowed, contractual: (line.billed - allowed) as Cents,
      copay: share.copay, deductible: share.deductible, coinsurance: share.coinsurance,
      patientShare: patient, insurerShare: share.insurer, secondaryShare,
      benefit, primaryPlanId: entry.planId, secondaryPlanId: secondary?.planId ?? null, coverageRow: entry.row?.row ?? null,
      working: coveredWorking({ plan, acc, share, secondaryAsPrimary: null, secondary: secondaryWorking }),
    });
  }

  /**
   * §5 step 10: the primary does not cover the service, or only a Secondary
   * row is in effect: the secondary decides the line under its own plan
   * (steps 1–7, the ledger's allowed included); its accumulators grow, the
   * primary's do not; the insurer share is 0.00 and the secondary pays.
   */
  private secondaryAsPrimary(
    f: LineFacts,
    x: { primaryPlanId: string | null; secondary: CoverageEntry; why: 'only-secondary-in-effect' | 'primary-does-not-cover' },
  ): LineShares {
    const { line } = f;
    const plan = x.secondary.plan!;
    const fee = this.feeFacts(line, plan);
    const benefit = this.plans.benefitFor(plan, fee.category);
    if (!benefit.covered) return this.notCovered(f, fee, { benefit, planId: x.primaryPlanId ?? x.secondary.planId, secondaryPlanId: x.secondary.planId });
    const allowed = allowedFor(line.allowed, fee.feeScheduleAllowed, line.billed);
    const acc = this.coverage.accumulatorsOn(x.secondary, plan, line.serviceDate);
    const share = this.share({ plan, entry: x.secondary, benefit, allowed });
    return this.record(f, fee, {
      basis: 'covered', allowed, contractual: (line.billed - allowed) as Cents,
      copay: share.copay, deductible: share.deductible, coinsurance: share.coinsurance,
      patientShare: share.patient, insurerShare: ZERO, secondaryShare: share.insurer,
      benefit, primaryPlanId: x.primaryPlanId, secondaryPlanId: x.secondary.planId, coverageRow: x.secondary.row?.row ?? null,
      working: coveredWorking({ plan, acc, share, secondaryAsPrimary: x.why, secondary: null }),
    });
  }

  /**
   * What the secondary would pay as primary (§5 step 9): its own fee
   * schedule (else the primary's allowed), benefits and accumulators — which
   * grow as if it were primary, so they never depend on what the primary paid.
   */
  private normalBenefit(line: LedgerLine, secondary: CoverageEntry, primaryAllowed: Cents): { amount: Cents; covered: boolean } {
    const plan = secondary.plan!;
    const fee = this.feeFacts(line, plan);
    const benefit = this.plans.benefitFor(plan, fee.category);
    if (!benefit.covered) return { amount: ZERO, covered: false };
    const allowed = fee.feeScheduleAllowed ?? primaryAllowed;
    this.coverage.accumulatorsOn(secondary, plan, line.serviceDate);
    return { amount: this.share({ plan, entry: secondary, benefit, allowed }).insurer, covered: true };
  }

  /** §5 steps 3–7 under one plan, advancing its accumulators (already in the line's plan year). */
  private share(x: { plan: Plan; entry: CoverageEntry; benefit: AppliedBenefit; allowed: Cents }): CostShare {
    const acc = x.entry.accumulators;
    const share = shareCost({
      allowed: x.allowed,
      benefitCopay: x.benefit.copay,
      deductibleApplies: x.benefit.deductibleApplies,
      remainingDeductible: remainingDeductible(x.plan, acc),
      coinsurancePct: x.benefit.coinsurancePct,
      remainingOop: remainingOutOfPocket(x.plan, acc),
    });
    acc.member.record(share.deductible, share.patient);
    acc.family?.record(share.deductible, share.patient);
    return share;
  }

  /** §5.2: Covered = N under every plan in effect: the patient owes the charge. */
  private notCovered(f: LineFacts, fee: FeeFacts, x: { benefit: AppliedBenefit; planId: string; secondaryPlanId: string | null }): LineShares {
    const shares = this.patientOwesAll(f, fee, 'not-covered', {
      kind: 'not-covered', billed: f.line.billed, category: fee.category, planId: x.planId, secondaryPlanId: x.secondaryPlanId,
    });
    return { ...shares, benefit: x.benefit, primaryPlanId: x.planId, secondaryPlanId: x.secondaryPlanId };
  }

  /** §5.2: allowed = billed, nothing written off, insurer 0, the patient owes the charge; accumulators unchanged. */
  private patientOwesAll(f: LineFacts, fee: FeeFacts, basis: CoverageBasis, working: ShareWorking): LineShares {
    return this.record(f, fee, {
      basis, allowed: f.line.billed, contractual: ZERO, copay: ZERO, deductible: ZERO, coinsurance: ZERO,
      patientShare: f.line.billed, insurerShare: ZERO, secondaryShare: ZERO, working,
    });
  }

  /**
   * Insured, but no Plans row to compute from: the split is not computed
   * (§4: share fields are null where no configuration allows them). Where a
   * fee-schedule row matched, configuration does give §5.1's allowed (the
   * ledger's, else the row's); without one, allowed is null too.
   */
  private unconfigured(f: LineFacts, fee: FeeFacts, planId: string | null): LineShares {
    const { line } = f;
    const allowed = fee.feeScheduleAllowed === null ? null : allowedFor(line.allowed, fee.feeScheduleAllowed, line.billed);
    const contractual = allowed === null ? null : ((line.billed - allowed) as Cents);
    return this.record(f, fee, {
      basis: 'unconfigured', ...NOTHING_COMPUTED, allowed, contractual, primaryPlanId: planId,
      working: { kind: 'unconfigured', billed: line.billed, allowed, contractual, planId, payer: line.payer },
    });
  }

  /** No Coverage sheet: the plan the line names by PlanId, else the one plan of its payer. */
  private entryFromLine(line: LedgerLine, party: LineParty): CoverageEntry | null {
    const plan = (party.planKey === null ? null : this.plans.byKey(party.planKey)) ??
      (party.payerKey === null ? null : this.plans.onlyPlanOfPayer(party.payerKey));
    return plan === null ? null : this.coverage.fromLine(line, plan);
  }

  /** `party`: the line's own keys, or the deciding Plan (a plan is its own fee party: its PlanId's and payer's keys). */
  private feeFacts(line: LedgerLine, party: FeeParty): FeeFacts {
    const feeRow = this.fees.match(line.code, line.modifiers, party);
    const category = feeRow?.category?.trim() || defaultCategory(line.code);
    return {
      feeRow,
      feeScheduleAllowed: feeRow === null ? null : scheduleAllowed(feeRow.allowed, line.units, line.billed),
      category,
    };
  }

  private record(
    f: LineFacts,
    fee: FeeFacts,
    x: Pick<LineShares, 'basis' | 'allowed' | 'contractual' | 'copay' | 'deductible' | 'coinsurance' | 'patientShare' | 'insurerShare' | 'secondaryShare' | 'working'> &
      Partial<Pick<LineShares, 'benefit' | 'primaryPlanId' | 'secondaryPlanId' | 'coverageRow' | 'coverageIssueCell'>>,
  ): LineShares {
    return {
      lineIndex: f.line.index,
      whoPays: f.whoPays,
      standing: f.standing,
      basis: x.basis,
      allowed: x.allowed,
      contractual: x.contractual,
      copay: x.copay,
      deductible: x.deductible,
      coinsurance: x.coinsurance,
      patientShare: x.patientShare,
      insurerShare: x.insurerShare,
      secondaryShare: x.secondaryShare,
      feeRow: fee.feeRow,
      feeScheduleAllowed: fee.feeScheduleAllowed,
      category: fee.category,
      benefit: x.benefit ?? null,
      primaryPlanId: x.primaryPlanId !== undefined ? x.primaryPlanId : f.primary?.entry.planId ?? null,
      secondaryPlanId: x.secondaryPlanId ?? null,
      coverageRow: x.coverageRow !== undefined ? x.coverageRow : f.primary?.entry.row?.row ?? null,
      coverageIssueCell: x.coverageIssueCell ?? null,
      working: x.working,
    };
  }
}

type Covered = Extract<ShareWorking, { kind: 'covered' }>;

/** The working of a covered line, with the accumulators as they stand right after it. */
function coveredWorking(x: {
  plan: Plan; acc: MemberAccumulators; share: CostShare; secondaryAsPrimary: Covered['secondaryAsPrimary']; secondary: SecondaryWorking | null;
}): ShareWorking {
  const { plan, acc, share } = x;
  const familyDeductible = share.deductible > 0 && familyDeductibleBinds(plan, acc);
  const familyOop = share.oopCut > 0 && familyOopBinds(plan, acc);
  return {
    kind: 'covered',
    planHasDeductible: plan.config.deductibleIndividual > 0,
    coinsuranceBase: share.coinsuranceBase,
    coinsuranceBeforeCap: share.coinsuranceBeforeCap,
    deductibleAfter: share.deductible === 0 ? null : {
      met: familyDeductible ? acc.family!.deductibleMet : acc.member.deductibleMet,
      limit: familyDeductible ? plan.familyDeductible! : plan.config.deductibleIndividual,
      family: familyDeductible,
    },
    outOfPocketCap: share.oopCut === 0 ? null : {
      cut: share.oopCut,
      met: familyOop ? acc.family!.oopMet : acc.member.oopMet,
      limit: ((familyOop ? plan.config.oopMaxFamily : plan.config.oopMaxIndividual) ?? 0) as Cents,
      family: familyOop,
    },
    planPatient: share.patient,
    planPays: share.insurer,
    secondaryAsPrimary: x.secondaryAsPrimary,
    secondary: x.secondary,
  };
}
