/**
 * The configuration sheets (DESIGN §4), both as cells (header row first,
 * columns exactly as §4) and typed, with `row` = the sheet row each typed
 * entry came from.
 */
import { percentToNumber, type Cents } from '../../src/domain/money';
import type { Day } from '../../src/domain/day';
import type { Config, ConfigSheetName, CoverageRow, PatientRow, Policy } from '../../src/domain/config';
import { DEFAULT_POLICY } from '../../src/domain/policyDefaults';
import type { CellValue } from '../../src/ingest/grid';
import { BENEFITS, FEE_SCHEDULE, PLANS } from './catalog';
import { excelSerial } from './cells';
import type { CoverageDraft, Person } from './model';
import { PRACTICE_NAME } from './renderLines';

export const CONFIG_HEADERS: Record<ConfigSheetName, readonly string[]> = {
  Plans: ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType'],
  Benefits: ['PlanId', 'Category', 'Covered', 'Copay', 'DeductibleApplies', 'CoinsurancePct'],
  FeeSchedule: ['Payer', 'Code', 'Modifier', 'Allowed', 'Category', 'MaxUnitsPerDay'],
  Coverage: ['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf'],
  Patients: ['Account', 'Name', 'DOB', 'Address1', 'Address2', 'City', 'State', 'Zip', 'MonthlyIncome', 'HouseholdSize', 'OnPaymentPlan', 'PreferredContact', 'BestTimeToCall'],
  Policy: ['Key', 'Value'],
};

export const PRACTICE_ADDRESS = '1200 S 6th St, Springfield, IL 62703';
export const PRACTICE_PHONE = '(217) 555-0142';
export const MEDICARE_TIMELY_FILING_DAYS = 365;

const money = (c: Cents | null): CellValue => (c === null ? null : c / 100);
const date = (d: Day | null): CellValue => (d === null ? null : excelSerial(d));
const yn = (b: boolean): string => (b ? 'Y' : 'N');

export interface ConfigSheets {
  readonly grids: Record<ConfigSheetName, CellValue[][]>;
  readonly typed: Config;
}

/**
 * Collects the Coverage and Patients rows chunk by chunk (large samples are
 * generated in chunks of whole households), then adds the fixed practice sheets.
 */
export class ConfigBuilder {
  private readonly coverage: CoverageRow[] = [];
  private readonly covGrid: CellValue[][] = [[...CONFIG_HEADERS.Coverage]];
  private readonly patients: PatientRow[] = [];
  private readonly patGrid: CellValue[][] = [[...CONFIG_HEADERS.Patients]];

  /**
   * A chunk's coverage as typed rows for its adjudication. Provisional: the
   * chunk may still change a draft (a member id left out), so the sheet rows
   * are written by `addChunk` once the chunk is final.
   */
  static coverageOf(persons: readonly Person[]): CoverageRow[] {
    const out: CoverageRow[] = [];
    for (const p of persons) {
      if (p.primary) out.push(p.primary);
      if (p.secondary) out.push(p.secondary);
    }
    return out;
  }

  /** Adds a finished chunk's Coverage and Patients rows. */
  addChunk(persons: readonly Person[]): void {
    const addCoverage = (c: CoverageDraft): void => {
      c.row = this.covGrid.length + 1;
      this.coverage.push(c);
      this.covGrid.push([
        c.account, c.planId, c.memberId, c.familyId, c.priority, date(c.effectiveFrom), date(c.effectiveTo),
        money(c.deductibleMet), money(c.oopMet), date(c.asOf),
      ]);
    };
    for (const p of persons) {
      if (p.primary) addCoverage(p.primary);
      if (p.secondary) addCoverage(p.secondary);
    }
    for (const p of persons) {
      const name = `${p.first} ${p.last}`;
      this.patients.push({
        account: p.account, name, dob: p.dob, address1: p.address1, address2: p.address2, city: p.city, state: 'IL', zip: p.zip,
        monthlyIncome: p.monthlyIncome, householdSize: p.householdSize, onPaymentPlan: p.onPaymentPlan,
        preferredContact: p.preferredContact, bestTimeToCall: p.bestTimeToCall, row: this.patGrid.length + 1,
      });
      this.patGrid.push([
        p.account, name, date(p.dob), p.address1, p.address2, p.city, 'IL', p.zip, money(p.monthlyIncome), p.householdSize,
        yn(p.onPaymentPlan), p.preferredContact, p.bestTimeToCall,
      ]);
    }
  }

  finish(asOf: Day): ConfigSheets {
    return practiceConfig(asOf, this.coverage, this.covGrid, this.patients, this.patGrid);
  }
}

/** Plans, benefits and fee schedule as typed rows, for a chunk's oracle. */
export const PRACTICE_TABLES = {
  plans: PLANS.map(({ kind: _k, name: _n, yearStartText: _y, ...p }) => p),
  benefits: BENEFITS,
  feeSchedule: FEE_SCHEDULE,
};

function practiceConfig(
  asOf: Day, coverage: CoverageRow[], covGrid: CellValue[][], patients: PatientRow[], patGrid: CellValue[][],
): ConfigSheets {
  const plansGrid: CellValue[][] = [[...CONFIG_HEADERS.Plans], ...PLANS.map((p) => [
    p.planId, p.payer, p.yearStartText, money(p.deductibleIndividual), money(p.deductibleFamily), money(p.oopMaxIndividual),
    money(p.oopMaxFamily), percentToNumber(p.coinsurancePct), p.deductibleType,
  ])];
  const benefitsGrid: CellValue[][] = [[...CONFIG_HEADERS.Benefits], ...BENEFITS.map((b) => [
    b.planId, b.category, yn(b.covered), money(b.copay), yn(b.deductibleApplies), b.coinsurancePct === null ? null : percentToNumber(b.coinsurancePct),
  ])];
  const feeGrid: CellValue[][] = [[...CONFIG_HEADERS.FeeSchedule], ...FEE_SCHEDULE.map((f) => [
    f.payer, f.code, f.modifier, money(f.allowed), f.category, f.maxUnitsPerDay,
  ])];

  const policy: Policy = {
    ...DEFAULT_POLICY,
    practiceName: PRACTICE_NAME,
    practiceAddress: PRACTICE_ADDRESS,
    practicePhone: PRACTICE_PHONE,
    statementDate: asOf,
    timelyFilingDaysByPayer: { medicare: MEDICARE_TIMELY_FILING_DAYS },
  };
  const policyGrid: CellValue[][] = [
    [...CONFIG_HEADERS.Policy],
    ['PracticeName', PRACTICE_NAME], ['PracticeAddress', PRACTICE_ADDRESS], ['PracticePhone', PRACTICE_PHONE],
    ['StatementDate', date(asOf)], ['DueDays', policy.dueDays], ['Tolerance', money(policy.tolerance)],
    ['TimelyFilingDays', policy.timelyFilingDays], ['TimelyFilingDays:Medicare', MEDICARE_TIMELY_FILING_DAYS],
    ['CollectionsDays', policy.collectionsDays], ['MinStatementBalance', money(policy.minStatementBalance)],
    ['MinPayment', money(policy.minPayment)], ['MaxIncomePct', percentToNumber(policy.maxIncomePct)],
    ['MaxMonths', policy.maxMonths], ['APR', percentToNumber(policy.apr)], ['AssistanceTiers', '200:100,250:75,300:50'],
    ['COBMethod', policy.cobMethod], ['SmallCellMin', policy.smallCellMin],
  ];

  return {
    grids: {
      Plans: plansGrid, Benefits: benefitsGrid, FeeSchedule: feeGrid, Coverage: covGrid, Patients: patGrid, Policy: policyGrid,
    },
    typed: {
      present: new Set<ConfigSheetName>(['Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy']),
      ...PRACTICE_TABLES,
      coverage,
      coverageIssues: [],
      patients,
      policy,
    },
  };
}

