/**
 * The generator adjudicates its own lines with the independent oracle
 * (test/oracle) to decide what the simulated payers paid, so a clean sample's
 * postings — and its expected shares — are the oracle's reading of DESIGN §5.
 * This file only converts the generator's typed model (Days, Cents, Percent)
 * into the oracle's plain input (ISO strings, integer cents, percent numbers).
 */
import { toIso, type Day } from '../../src/domain/day';
import { percentToNumber, type Cents } from '../../src/domain/money';
import type { BenefitConfig, CoverageRow, FeeScheduleRow, PlanConfig } from '../../src/domain/config';
import { Oracle, type OracleCoverage, type OracleLine, type OracleShares, type OracleTables } from '../../test/oracle';

export interface SampleTables {
  readonly plans: readonly PlanConfig[];
  readonly benefits: readonly BenefitConfig[];
  readonly feeSchedule: readonly FeeScheduleRow[];
}

/** The fields of a generator line the oracle reads (SLine has them all). */
export interface SampleLineFacts {
  readonly account: string;
  readonly serviceDate: Day;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly billed: Cents;
  readonly allowed: Cents | null;
  readonly payer: string | null;
  readonly insurerPaid?: Cents | null;
  readonly secondaryPaid?: Cents | null;
  readonly denialCode?: string | null;
  readonly status?: string | null;
}

type MoneyKey = 'allowed' | 'contractual' | 'copay' | 'deductible' | 'coinsurance' | 'patientShare' | 'insurerShare' | 'secondaryShare';
/** The oracle's shares where the generator knows they are computed (a Payer column and a Coverage sheet). */
export type SampleShares = Omit<OracleShares, MoneyKey> & { readonly [K in MoneyKey]: Cents };

const pad = (n: number): string => String(n).padStart(2, '0');

export function oracleTables(t: SampleTables): OracleTables {
  return {
    plans: t.plans.map((p) => ({
      planId: p.planId, payer: p.payer, planYearStart: `${pad(p.yearStartMonth)}-${pad(p.yearStartDay)}`,
      deductibleIndividual: p.deductibleIndividual, deductibleFamily: p.deductibleFamily, oopMaxIndividual: p.oopMaxIndividual,
      oopMaxFamily: p.oopMaxFamily, coinsurancePct: percentToNumber(p.coinsurancePct), deductibleType: p.deductibleType,
    })),
    benefits: t.benefits.map((b) => ({
      planId: b.planId, category: b.category, covered: b.covered, copay: b.copay, deductibleApplies: b.deductibleApplies,
      coinsurancePct: b.coinsurancePct === null ? null : percentToNumber(b.coinsurancePct),
    })),
    feeSchedule: t.feeSchedule.map((f) => ({ payer: f.payer, code: f.code, modifier: f.modifier, allowed: f.allowed, category: f.category })),
  };
}

const iso = (d: Day | null): string | null => (d === null ? null : toIso(d));

export function oracleCoverage(rows: readonly CoverageRow[]): OracleCoverage[] {
  return rows.map((r) => ({
    account: r.account, planId: r.planId, familyId: r.familyId, priority: r.priority, effectiveFrom: iso(r.effectiveFrom),
    effectiveTo: iso(r.effectiveTo), deductibleMet: r.deductibleMet, oopMet: r.oopMet, asOf: iso(r.asOf),
  }));
}

export function oracleLine(l: SampleLineFacts): OracleLine {
  return {
    account: l.account, serviceDate: toIso(l.serviceDate), code: l.code, modifiers: l.modifiers, units: l.units, billed: l.billed,
    allowed: l.allowed, payer: l.payer, insurerPaid: l.insurerPaid ?? null, secondaryPaid: l.secondaryPaid ?? null,
    denialCode: l.denialCode ?? null, status: l.status ?? null,
  };
}

function computed(s: OracleShares): SampleShares {
  if (s.patientShare === null) throw new Error(`sample: the oracle left a generated line's shares null (${s.basis})`);
  return s as SampleShares;
}

/**
 * The oracle over one chunk of whole households at a time (the generator
 * builds large samples chunk by chunk): the tables are converted once, the
 * coverage and the accumulators are per chunk. Lines are adjudicated before
 * anything is posted on them — what the payers then post follows the shares.
 */
export class SampleAdjudicator {
  private readonly tables: OracleTables;
  private oracle: Oracle;

  constructor(tables: SampleTables, coverage: readonly CoverageRow[], private readonly asOf: Day) {
    this.tables = oracleTables(tables);
    this.oracle = this.oracleFor(coverage);
  }

  replaceCoverage(coverage: readonly CoverageRow[]): void {
    this.oracle = this.oracleFor(coverage);
  }

  private oracleFor(coverage: readonly CoverageRow[]): Oracle {
    return new Oracle(this.tables, { hasPayerColumn: true, coverage: oracleCoverage(coverage), asOf: toIso(this.asOf) });
  }

  adjudicateAll(lines: readonly SampleLineFacts[]): SampleShares[] {
    return this.oracle.sharesOf(lines.map(oracleLine)).map(computed);
  }

  preview(line: SampleLineFacts): { feeScheduleAllowed: Cents | null; covered: boolean } | null {
    return this.oracle.preview(oracleLine(line)) as { feeScheduleAllowed: Cents | null; covered: boolean } | null;
  }
}
