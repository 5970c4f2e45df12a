import { missingConfigSheets, planConfigSheets, setUpWorkbook, type NewSheet } from '../../src/app/setUpWorkbook';
import { readConfig } from '../../src/ingest/config/readConfig';
import { DEFAULT_POLICY } from '../../src/domain/policyDefaults';
import type { ConfigSheetName } from '../../src/domain/config';
import type { CellValue } from '../../src/ingest/grid';
import { gridOf } from '../support/gridOf';
import * as path from 'node:path';
import { analyzeWorkbook } from '../../src/app/analyze';
import { day } from '../../src/domain/day';
import { memoryPort, readXlsxSheets, type PlainSheet } from '../excel/sampleSheets';

/** DESIGN §4's columns, copied from the contract (not from the code under test). */
const DESIGN_COLUMNS: Record<ConfigSheetName, string[]> = {
  Plans: ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType'],
  Benefits: ['PlanId', 'Category', 'Covered', 'Copay', 'DeductibleApplies', 'CoinsurancePct'],
  FeeSchedule: ['Payer', 'Code', 'Modifier', 'Allowed', 'Category', 'MaxUnitsPerDay'],
  Coverage: ['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf'],
  Patients: ['Account', 'Name', 'DOB', 'Address1', 'Address2', 'City', 'State', 'Zip', 'MonthlyIncome', 'HouseholdSize', 'OnPaymentPlan', 'PreferredContact', 'BestTimeToCall'],
  Policy: ['Key', 'Value'],
};
const ALL: ConfigSheetName[] = ['Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy'];

/** The grid a port would read back from a new sheet (Excel's "" is the grid's null). */
function gridFrom(s: NewSheet, withFormats = true): ReturnType<typeof gridOf> {
  return gridOf(s.rows.map((r) => [...r] as CellValue[]), { sheet: s.name, formats: withFormats ? s.numberFormats.map((r) => [...r]) : null });
}

describe('planConfigSheets', () => {
  test('a bare workbook gets every configuration sheet, in §4 order, each with its §4 header row', () => {
    const plan = planConfigSheets(['Ledger']);
    expect(plan.map((s) => s.name)).toEqual(ALL);
    for (const s of plan) {
      expect(s.rows[0]).toEqual(DESIGN_COLUMNS[s.name]);
      expect(s.numberFormats.map((r) => r.length)).toEqual(s.rows.map((r) => r.length));
      // Header cells are text (a header can never turn into a number or formula).
      expect(s.numberFormats[0]!.every((f) => f === '@')).toBe(true);
    }
  });

  test('headers only: no example row that would be read as data, except Policy with one row per key', () => {
    const plan = planConfigSheets([]);
    for (const s of plan.filter((x) => x.name !== 'Policy')) expect(s.rows).toHaveLength(1);
    const policy = plan.find((s) => s.name === 'Policy')!;
    expect(policy.rows.slice(1)).toEqual([
      ['PracticeName', null], ['PracticeAddress', null], ['PracticePhone', null], ['StatementDate', null],
      ['DueDays', 30], ['Tolerance', 0.01], ['TimelyFilingDays', 90], ['CollectionsDays', 120],
      ['MinStatementBalance', 5], ['MinPayment', 25], ['MaxIncomePct', 5], ['MaxMonths', 36], ['APR', 0],
      ['AssistanceTiers', '200:100,250:75,300:50'], ['COBMethod', 'Traditional'], ['SmallCellMin', 11],
    ]);
    // Never a % format on a percent (5 in a % cell would read as 500 %); money shows its cents.
    expect(policy.numberFormats.slice(1).map((r) => r[1])).toEqual([
      'General', 'General', 'General', 'General', 'General', '0.00', 'General', 'General', '0.00', '0.00', 'General', 'General', 'General', '@', '@', 'General',
    ]);
  });

  test('only the missing sheets; names match case-, space- and punctuation-insensitively', () => {
    const plan = planConfigSheets(['Ledger', 'fee schedule', 'PLANS', 'Policy ', 'coverage_2026', 'Patients-list', 'Benefits.']);
    expect(plan.map((s) => s.name)).toEqual(['Coverage', 'Patients']);
    expect(missingConfigSheets(['fee schedule'])).not.toContain('FeeSchedule');
    expect(missingConfigSheets(['Fee_Schedule', 'fee-schedule'])).toEqual(['Plans', 'Benefits', 'Coverage', 'Patients', 'Policy']);
    expect(planConfigSheets(ALL)).toEqual([]);
  });

  test('`only` limits the plan to the sheets offered, and never brings back a present one', () => {
    expect(planConfigSheets(['Ledger'], ['Policy', 'Fee Schedule']).map((s) => s.name)).toEqual(['FeeSchedule', 'Policy']);
    expect(planConfigSheets(['Ledger', 'Policy'], ['Policy', 'Plans']).map((s) => s.name)).toEqual(['Plans']);
  });
});

describe('the new sheets, read back by ingest', () => {
  test.each([true, false])('present, empty, no input issues; Policy gives exactly DEFAULT_POLICY (number formats read back: %s)', (withFormats) => {
    const grids = Object.fromEntries(planConfigSheets([]).map((s) => [s.name, gridFrom(s, withFormats)]));
    const { config, issues } = readConfig(grids);
    expect(issues).toEqual([]);
    expect(config.present).toEqual(new Set(ALL));
    expect(config.plans).toEqual([]);
    expect(config.benefits).toEqual([]);
    expect(config.feeSchedule).toEqual([]);
    expect(config.coverage).toEqual([]);
    expect(config.coverageIssues).toEqual([]);
    expect(config.patients).toEqual([]);
    expect(config.policy).toEqual(DEFAULT_POLICY);
  });
});

describe('setUpWorkbook', () => {
  test('plans from the names the writer sees at write time and reports what it added', async () => {
    const seen: string[][] = [];
    const r = await setUpWorkbook(async (plan) => {
      const existing = ['Ledger', 'Fee Schedule', '_PatientLedgerSheets'];
      seen.push(existing);
      return plan(existing).map((s) => s.name);
    }, ['Plans', 'FeeSchedule', 'Policy']);
    expect(r.created).toEqual(['Plans', 'Policy']);
    expect(seen).toHaveLength(1);
  });
});

describe('analysing after Set up workbook', () => {
  /** The sample's Ledger alone (a bare export), and without its Payer column (no way to tell who pays). */
  async function ledgers(): Promise<{ withPayer: PlainSheet; noPayer: PlainSheet }> {
    const sheets = await readXlsxSheets(path.resolve(__dirname, '..', '..', 'assets', 'sample-ledger.xlsx'));
    const withPayer = sheets.find((s) => s.name === 'Ledger')!;
    const h = withPayer.values.findIndex((r) => r.includes('Acct #'));
    const payer = withPayer.values[h]!.indexOf('Payer');
    const drop = <T>(rows: T[][]): T[][] => rows.map((r) => r.filter((_, i) => i !== payer));
    return { withPayer, noPayer: { name: 'Ledger', values: drop(withPayer.values), formats: drop(withPayer.formats) } };
  }
  const setUp: PlainSheet[] = planConfigSheets(['Ledger']).map((s) => ({
    name: s.name, values: s.rows.map((r) => [...r]), formats: s.numberFormats.map((r) => [...r]),
  }));
  const run = (sheets: PlainSheet[]) => analyzeWorkbook(memoryPort(sheets), { today: day(2026, 11, 1) });

  // An empty Coverage sheet must not read as "nobody is covered": every insured line NO_COVERAGE_ON_DOS,
  // every line of a ledger without a Payer column self-pay (domain coverageSheetInUse).
  test.each(['withPayer', 'noPayer'] as const)('the same shares, line findings and statements as before (%s)', async (which) => {
    const ledger = (await ledgers())[which];
    const before = await run([ledger]);
    const after = await run([ledger, ...setUp]);
    expect(after.inputIssues).toEqual(before.inputIssues);
    expect(after.shares).toEqual(before.shares);
    const lineFindings = (fs: typeof before.findings) => fs.filter((f) => f.row !== null).map((f) => [f.rule, f.severity, f.cell, f.amount]);
    expect(lineFindings(after.findings)).toEqual(lineFindings(before.findings));
    // An empty Patients sheet confirms nobody is off a payment plan.
    const collections = after.findings.filter((f) => f.rule === 'COLLECTIONS_CANDIDATE');
    expect(collections.length).toBeGreaterThan(0);
    for (const f of collections) {
      expect(f.inputs.onPaymentPlan).toBe('(no Patients row)');
      expect(f.message).toContain('not on a payment plan (no Patients row to confirm)');
    }
    expect(after.statements).toEqual(before.statements);
    const coverageNotice = after.findings.find((f) => f.row === null && f.rule === 'NO_COVERAGE_ON_DOS');
    if (coverageNotice) expect(coverageNotice.message).toContain('the Coverage sheet has no rows yet');
  });
});
