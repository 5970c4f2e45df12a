/**
 * An independent reading of DESIGN §4 "Who pays a line" and §5 (cost
 * sharing, coordination of benefits), written from the contract text alone so
 * tests can hold the engine against it. It imports nothing from src/: its own
 * cents, its own ISO dates, its own matching rules. Plain and slow is right
 * here — every rule is a few lines a reader can check against the DESIGN.
 *
 * Readings where the contract is silent:
 * - Fee-schedule modifier: a row's Modifier matches when the line carries it
 *   in any position; PlanId rows come before payer-name rows at one level.
 * - A Coverage row with a blank AsOf: its starting totals belong to the plan
 *   year containing the statement date (`asOf`); without one they are ignored.
 * - Member accumulators are per account and plan; a family's per plan and
 *   FamilyId.
 * - Step 9: the secondary's allowed comes from its own fee schedule (else
 *   billed; the ledger's Allowed is the primary's), and its accumulators grow
 *   as if it had been primary. A secondary whose benefit says Covered = N
 *   pays nothing.
 * - A Coverage row naming a PlanId the Plans sheet lacks cannot be
 *   adjudicated: lines it is in effect for get null shares.
 * - An insurer payment of 0.00 is not "an insurer payment posted".
 */
import { insurerPosted, patientResponsibleDenial, saysSelfPay } from './whoPays';
import { within } from './isoDates';
import { planYearOf } from './isoDates';
import { Accumulators, familyScope, memberScope, nameKey, price, shareUnder, type Priced } from './planShare';
import type { OracleBasis, OracleCoverage, OracleLine, OraclePlan, OracleShares, OracleTables, OracleWorkbook } from './types';

interface InEffect {
  readonly row: OracleCoverage;
  readonly plan: OraclePlan;
}

const NULL_SHARES = {
  allowed: null, contractual: null, copay: null, deductible: null, coinsurance: null,
  patientShare: null, insurerShare: null, secondaryShare: null,
} as const;

export class Oracle {
  private readonly acc = new Accumulators();

  constructor(private readonly tables: OracleTables, private readonly workbook: OracleWorkbook) {
    for (const row of workbook.coverage ?? []) {
      const plan = this.planOf(row.planId);
      const startDate = row.asOf ?? workbook.asOf;
      if (row.invalid || plan === null || startDate === null) continue;
      const year = planYearOf(startDate, plan.planYearStart);
      this.acc.addStart(memberScope(plan, row.account), year, row.deductibleMet, row.oopMet);
      if (row.familyId !== null) this.acc.addStart(familyScope(plan, row.familyId), year, row.deductibleMet, row.oopMet);
    }
  }

  /** Every line's shares, in the order given; lines are adjudicated in service-date order, then sheet order. */
  sharesOf(lines: readonly OracleLine[]): OracleShares[] {
    const order = lines.map((_, i) => i);
    order.sort((a, b) => (lines[a]!.serviceDate < lines[b]!.serviceDate ? -1 : lines[a]!.serviceDate > lines[b]!.serviceDate ? 1 : a - b));
    const out = new Array<OracleShares>(lines.length);
    for (const i of order) out[i] = this.adjudicate(lines[i]!);
    return out;
  }

  /** The primary's fee-schedule amount and whether it covers the line, touching no accumulator (null: no primary in effect). */
  preview(line: OracleLine): { feeScheduleAllowed: number | null; covered: boolean } | null {
    const primary = this.inEffect(line, 'Primary');
    if (primary === null || primary === 'unreadable') return null;
    const p = price(this.tables, primary.plan, line);
    return { feeScheduleAllowed: p.feeAllowed, covered: p.benefit === null || p.benefit.covered };
  }

  private planOf(planId: string): OraclePlan | null {
    return (this.tables.plans ?? []).find((p) => nameKey(p.planId) === nameKey(planId)) ?? null;
  }

  /** The first valid row of that priority in effect on the DOS; 'unreadable' when one names an unknown plan. */
  private inEffect(line: OracleLine, priority: 'Primary' | 'Secondary'): InEffect | 'unreadable' | null {
    for (const row of this.workbook.coverage ?? []) {
      if (row.invalid || row.account !== line.account || row.priority !== priority) continue;
      if (!within(line.serviceDate, row.effectiveFrom, row.effectiveTo)) continue;
      const plan = this.planOf(row.planId);
      return plan === null ? 'unreadable' : { row, plan };
    }
    return null;
  }

  /** A Coverage row with an input issue for the account, whose readable dates do not rule the DOS out. */
  private unreadableRowMightCover(line: OracleLine): boolean {
    return (this.workbook.coverage ?? []).some((r) => r.invalid === true && r.account === line.account && within(line.serviceDate, r.effectiveFrom, r.effectiveTo));
  }

  adjudicate(line: OracleLine): OracleShares {
    const wb = this.workbook;
    const primary = this.inEffect(line, 'Primary');
    const secondary = this.inEffect(line, 'Secondary');
    if (primary === 'unreadable' || secondary === 'unreadable') return unknown();
    const coverageRowOnDos = primary !== null || secondary !== null;

    // DESIGN §4, who pays a line.
    const insured = (wb.hasPayerColumn && !saysSelfPay(line.payer)) || coverageRowOnDos || insurerPosted(line);
    if (!coverageRowOnDos && this.unreadableRowMightCover(line)) return unknown();
    if (!insured) return wb.hasPayerColumn || wb.coverage !== null ? step2(line, 'self-pay', null) : unknown();
    if (wb.coverage === null || this.tables.plans === null) return unknown();
    if (!coverageRowOnDos) return insurerPosted(line) ? unknown() : step2(line, 'no-coverage', null);
    if (patientResponsibleDenial(line)) return step2(line, 'not-covered', (primary ?? secondary)!.plan.planId);

    if (primary !== null) {
      const p = price(this.tables, primary.plan, line);
      if (p.benefit !== null && !p.benefit.covered) {
        // Step 10: the primary excludes the service.
        return secondary !== null ? this.secondaryAsPrimary(line, secondary) : step2(line, 'not-covered', primary.plan.planId, p);
      }
      return this.primaryThenSecondary(line, primary, p, secondary);
    }
    // Step 10: only a Secondary row is in effect (the primary ended).
    return this.secondaryAsPrimary(line, secondary!);
  }

  /** Steps 1–7 under the primary, then step 9 (traditional COB). */
  private primaryThenSecondary(line: OracleLine, primary: InEffect, p: Priced, secondary: InEffect | null): OracleShares {
    const allowed = line.allowed ?? p.feeAllowed ?? line.billed;
    const split = shareUnder(this.acc, this.member(line, primary), p.benefit, allowed, line.serviceDate);
    const patient = split.copay + split.deductible + split.coinsurance;
    let secondaryShare = 0;
    if (secondary !== null) {
      const s = price(this.tables, secondary.plan, line);
      if (s.benefit === null || s.benefit.covered) {
        const secondaryAllowed = s.feeAllowed ?? line.billed;
        const ss = shareUnder(this.acc, this.member(line, secondary), s.benefit, secondaryAllowed, line.serviceDate);
        const normalBenefit = secondaryAllowed - (ss.copay + ss.deductible + ss.coinsurance);
        secondaryShare = Math.max(0, Math.min(normalBenefit, patient));
      }
    }
    return {
      basis: 'covered', allowed, contractual: line.billed - allowed, ...split,
      patientShare: patient - secondaryShare, insurerShare: allowed - patient, secondaryShare,
      feeScheduleAllowed: p.feeAllowed, category: p.category, primaryPlanId: primary.plan.planId, secondaryPlanId: secondary?.plan.planId ?? null,
    };
  }

  /** Step 10: steps 1–7 under the secondary's plan; covered by neither → step 2. */
  private secondaryAsPrimary(line: OracleLine, secondary: InEffect): OracleShares {
    const s = price(this.tables, secondary.plan, line);
    if (s.benefit !== null && !s.benefit.covered) return step2(line, 'not-covered', null, s, secondary.plan.planId);
    const allowed = line.allowed ?? s.feeAllowed ?? line.billed;
    const split = shareUnder(this.acc, this.member(line, secondary), s.benefit, allowed, line.serviceDate);
    const patient = split.copay + split.deductible + split.coinsurance;
    return {
      basis: 'secondary-as-primary', allowed, contractual: line.billed - allowed, ...split,
      patientShare: patient, insurerShare: 0, secondaryShare: allowed - patient,
      feeScheduleAllowed: s.feeAllowed, category: s.category, primaryPlanId: null, secondaryPlanId: secondary.plan.planId,
    };
  }

  private member(line: OracleLine, c: InEffect): { plan: OraclePlan; account: string; familyId: string | null } {
    return { plan: c.plan, account: line.account, familyId: c.row.familyId };
  }
}

function unknown(): OracleShares {
  return { basis: 'unknown', ...NULL_SHARES, feeScheduleAllowed: null, category: null, primaryPlanId: null, secondaryPlanId: null };
}

/** Step 2: allowed = billed, contractual 0, the patient owes billed; no accumulator moves. */
function step2(line: OracleLine, basis: OracleBasis, primaryPlanId: string | null, p?: Priced, secondaryPlanId: string | null = null): OracleShares {
  return {
    basis, allowed: line.billed, contractual: 0, copay: 0, deductible: 0, coinsurance: 0,
    patientShare: line.billed, insurerShare: 0, secondaryShare: 0,
    feeScheduleAllowed: null, category: p?.category ?? null, primaryPlanId, secondaryPlanId,
  };
}

/** Convenience: one call, fresh accumulators. */
export function oracleShares(tables: OracleTables, workbook: OracleWorkbook, lines: readonly OracleLine[]): OracleShares[] {
  return new Oracle(tables, workbook).sharesOf(lines);
}
