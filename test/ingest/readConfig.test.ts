import { readConfig } from '../../src/ingest/config/readConfig';
import { DEFAULT_POLICY } from '../../src/domain/policyDefaults';
import { percent } from '../../src/domain/money';
import { toIso } from '../../src/domain/day';
import { gridOf } from '../support/gridOf';
import { $, d } from '../support/builders';

const messages = (issues: readonly { cell: string; message: string; severity: string }[]): string[][] =>
  issues.map((i) => [i.cell, i.severity, i.message]);

describe('Plans', () => {
  const grid = gridOf([
    ['Plan table for 2026'],
    [],
    ['plan id', 'PAYER', 'Plan Year Start', 'Deductible Individual', 'DeductibleFamily', 'OOP Max Individual', 'OOPMaxFamily', 'Coinsurance %', 'DeductibleType'],
    ['P1', 'Acme Health', '07-01', 500, '1,000.00', 3000, 6000, 20, 'Embedded'],
    ['P2', 'Blue Plan', 46204, '$250', null, null, null, 0.2, 'aggregate'], // 46204 = 2026-07-01 → 07-01; 0.2 with a % format = 20 %
    ['P3', 'Bad Plan', '02-30', 'lots', null, null, null, 120, 'Sometimes'],
    ['P1', 'Dup', null, 0, null, null, null, 10, null],
    ['P4', null, null, null, null, null, null, null, null],
  ], { sheet: 'Plans', formats: [[], [], [], [], [null, null, null, null, null, null, null, '0%', null], [], [], []] });
  const { config, issues } = readConfig({ Plans: grid });

  test('good rows, header on row 3, names matched loosely', () => {
    expect(config.present).toEqual(new Set(['Plans']));
    expect(config.plans.map((p) => p.planId)).toEqual(['P1', 'P2', 'P4']);
    expect(config.plans[0]).toEqual({
      planId: 'P1', payer: 'Acme Health', yearStartMonth: 7, yearStartDay: 1, deductibleIndividual: $('500.00'),
      deductibleFamily: $('1000.00'), oopMaxIndividual: $('3000.00'), oopMaxFamily: $('6000.00'),
      coinsurancePct: percent(20), deductibleType: 'Embedded', row: 4,
    });
    expect(config.plans[1]).toMatchObject({ yearStartMonth: 7, yearStartDay: 1, deductibleIndividual: $('250.00'), deductibleFamily: null, coinsurancePct: percent(20), deductibleType: 'Aggregate' });
    // Blanks: no deductible, no limits, 0 % coinsurance, plan year from 01-01.
    expect(config.plans[2]).toMatchObject({ payer: '', yearStartMonth: 1, yearStartDay: 1, deductibleIndividual: 0, oopMaxIndividual: null, coinsurancePct: 0, deductibleType: 'Embedded' });
  });

  test('bad values: one issue per cell, the row skipped (not zeroed); a repeated PlanId', () => {
    expect(messages(issues)).toEqual([
      ['C6', 'error', 'Plan Year Start "02-30" is not a month and day (expected MM-DD, e.g. 07-01)'],
      ['D6', 'error', 'Deductible Individual "lots" is not an amount (expected a number like 125.00)'],
      ['H6', 'error', 'Coinsurance % "120" is not a percentage between 0 and 100'],
      ['I6', 'error', 'DeductibleType "Sometimes" is not Embedded or Aggregate'],
      ['A7', 'error', 'plan id "P1" appears again (first on row 4); this row is skipped'],
    ]);
  });
});

describe('Benefits', () => {
  test('defaults and bad flags', () => {
    const { config, issues } = readConfig({
      Benefits: gridOf([
        ['PlanId', 'Category', 'Covered', 'Copay', 'DeductibleApplies', 'CoinsurancePct'],
        ['P1', 'Office', 'Y', 25, 'N', null],
        ['P1', 'Cosmetic', 'No', null, null, '0%'],
        ['P1', 'Lab', 'maybe', 'ten', 'Y', 10],
        [null, 'Lab', 'Y', 0, 'Y', 10],
      ], { sheet: 'Benefits' }),
    });
    expect(config.benefits).toEqual([
      { planId: 'P1', category: 'Office', covered: true, copay: $('25.00'), deductibleApplies: false, coinsurancePct: null, row: 2 },
      { planId: 'P1', category: 'Cosmetic', covered: false, copay: 0, deductibleApplies: true, coinsurancePct: 0, row: 3 },
    ]);
    expect(messages(issues)).toEqual([
      ['C4', 'error', 'Covered "maybe" is not Y or N'],
      ['D4', 'error', 'Copay "ten" is not an amount (expected a number like 125.00)'],
      ['A5', 'error', 'PlanId is blank (each benefit row names its plan)'],
    ]);
  });

  test('a coinsurance of 0.2 typed without a % format is read as written, with a warning', () => {
    const { config, issues } = readConfig({
      Benefits: gridOf([['PlanId', 'Category', 'CoinsurancePct'], ['P1', 'Office', 0.2]], { sheet: 'Benefits' }),
    });
    expect(config.benefits[0]!.coinsurancePct).toBe(percent('0.2'));
    expect(messages(issues)).toEqual([
      ['C2', 'warning', 'CoinsurancePct 0.2 is read as 0.2 %; if you meant 20 %, type 20 (or 20%) or format the cell as a percentage'],
    ]);
  });
});

describe('FeeSchedule', () => {
  test('payer defaults to *, codes upper-cased, units whole', () => {
    const { config, issues } = readConfig({
      FeeSchedule: gridOf([
        ['Payer', 'Code', 'Modifier', 'Allowed', 'Category', 'MaxUnitsPerDay'],
        [null, 99213, null, 80, 'Office', null],
        ['Acme Health', 'g0439', '25', '$120.50', null, 1],
        ['*', '97110', null, 40.125, null, 1.5],
        ['*', null, null, 10, null, null],
      ], { sheet: 'FeeSchedule' }),
    });
    expect(config.feeSchedule).toEqual([
      { payer: '*', code: '99213', modifier: null, allowed: $('80.00'), category: 'Office', maxUnitsPerDay: null, row: 2 },
      { payer: 'Acme Health', code: 'G0439', modifier: '25', allowed: $('120.50'), category: null, maxUnitsPerDay: 1, row: 3 },
    ]);
    expect(messages(issues)).toEqual([
      ['D4', 'error', 'Allowed "40.125" has more than two decimals (expected whole cents like 125.50; amounts are never rounded)'],
      ['F4', 'error', 'MaxUnitsPerDay "1.5" is not a whole number of 1 or more'],
      ['B5', 'error', 'Code is blank (each fee schedule row needs a procedure code)'],
    ]);
  });

  test('a sheet without an Allowed column is reported once and not used', () => {
    const { config, issues } = readConfig({ FeeSchedule: gridOf([['Code', 'Fee'], ['99213', 80]], { sheet: 'FeeSchedule' }) });
    expect(config.feeSchedule).toEqual([]);
    expect(config.present.has('FeeSchedule')).toBe(true);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^Sheet "FeeSchedule" has no header row with Code and Allowed in rows 1–30/);
  });
});

describe('Coverage', () => {
  test('dates, priorities, met amounts; bad rows skipped', () => {
    const { config, issues } = readConfig({
      Coverage: gridOf([
        ['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf'],
        ['A100', 'P1', 'M1', 'F1', 'Primary', '01/01/2026', null, 100, '150.00', 46023],
        ['A100', 'P2', 12345, null, 'sec', 46023, '2026-12-31', null, null, null],
        ['A101', 'P1', null, null, 'Tertiary', 46023, 46000, -5, null, null],
      ], { sheet: 'Coverage' }),
    });
    expect(config.coverage).toHaveLength(2);
    expect(config.coverage[0]).toEqual({
      account: 'A100', planId: 'P1', memberId: 'M1', familyId: 'F1', priority: 'Primary', effectiveFrom: d('2026-01-01'),
      effectiveTo: null, deductibleMet: $('100.00'), oopMet: $('150.00'), asOf: d('2026-01-01'), row: 2,
    });
    expect(config.coverage[1]).toMatchObject({ memberId: '12345', priority: 'Secondary', effectiveTo: d('2026-12-31'), deductibleMet: 0 });
    expect(messages(issues)).toEqual([
      ['E4', 'error', 'Priority "Tertiary" is not Primary or Secondary'],
      ['H4', 'error', 'DeductibleMet "-5" is negative (expected an amount of 0.00 or more)'],
    ]);
  });
});

describe('Patients', () => {
  test('zip with lost leading zero, income, household size, flags', () => {
    const { config, issues } = readConfig({
      Patients: gridOf([
        ['Account', 'Name', 'DOB', 'Address1', 'Address2', 'City', 'State', 'Zip', 'MonthlyIncome', 'HouseholdSize', 'OnPaymentPlan', 'PreferredContact', 'BestTimeToCall'],
        ['A100', 'Pat Example', '04/15/1980', '1 Main St', null, 'Boston', 'MA', 2134, '3,200.00', 3, 'Y', 'Phone', 'Mornings'],
        ['A101', 'Jo Sample', null, null, null, null, null, '62701-1234', null, 0, null, null, null],
      ], { sheet: 'Patients' }),
    });
    expect(config.patients).toHaveLength(1);
    expect(config.patients[0]).toMatchObject({ zip: '02134', monthlyIncome: $('3200.00'), householdSize: 3, onPaymentPlan: true });
    expect(toIso(config.patients[0]!.dob!)).toBe('1980-04-15');
    expect(messages(issues)).toEqual([['J3', 'error', 'HouseholdSize "0" is not a whole number of 1 or more']]);
  });
});

describe('Policy', () => {
  test('every key of §4, per-payer timely filing, tiers, COB; unknown key warns; bad value keeps the default', () => {
    const { config, issues } = readConfig({
      Policy: gridOf([
        ['Practice settings'],
        ['Key', 'Value'],
        ['Practice Name', 'Springfield Family Practice'],
        ['PracticeAddress', '1 Main St, Springfield'],
        ['PracticePhone', '555-0100'],
        ['StatementDate', '2026-11-01'],
        ['DueDays', 21],
        ['Tolerance', '0.05'],
        ['TimelyFilingDays', 120],
        ['TimelyFilingDays:  Acme   Health', 180], // spaced as people type it: the same key as "Acme Health"
        ['CollectionsDays', 150],
        ['MinStatementBalance', 10],
        ['MinPayment', '$50.00'],
        ['MaxIncomePct', 0.04],
        ['MaxMonths', 24],
        ['APR', '6%'],
        ['AssistanceTiers', '200:100, 250:75, 300:50, 400:25'],
        ['COBMethod', 'Non-Duplication'],
        ['SmallCellMin', 20],
        ['Colour', 'blue'],
        ['DueDays', 'soon'],
      ], { sheet: 'Policy', formats: [[], [], [], [], [], [], [], [], [], [], [], [], [], [null, '0.0%'], [], [], [], [], [], [], []] }),
    });
    const p = config.policy;
    expect(p).toEqual({
      practiceName: 'Springfield Family Practice', practiceAddress: '1 Main St, Springfield', practicePhone: '555-0100',
      statementDate: d('2026-11-01'), dueDays: 21, tolerance: $('0.05'), timelyFilingDays: 120,
      timelyFilingDaysByPayer: { 'acme health': 180 }, collectionsDays: 150, minStatementBalance: $('10.00'),
      minPayment: $('50.00'), maxIncomePct: percent(4), maxMonths: 24, apr: percent(6),
      assistanceTiers: [
        { fplPctMax: percent(200), discountPct: percent(100) }, { fplPctMax: percent(250), discountPct: percent(75) },
        { fplPctMax: percent(300), discountPct: percent(50) }, { fplPctMax: percent(400), discountPct: percent(25) },
      ],
      cobMethod: 'NonDuplication', smallCellMin: 20,
    });
    expect(messages(issues)).toEqual([
      ['A20', 'warning', expect.stringMatching(/^Key Colour is not a known policy key/)],
      ['A21', 'warning', 'Key DueDays appears again (first on row 7); the later value is used'],
      ['B21', 'error', 'Value "soon" is not a whole number of 0 or more'],
    ]);
  });

  test('bad tiers and COB method are issues; defaults stay', () => {
    const { config, issues } = readConfig({
      Policy: gridOf([['Key', 'Value'], ['AssistanceTiers', '250:75,200:100'], ['COBMethod', 'Best'], ['APR', 'high']], { sheet: 'Policy' }),
    });
    expect(config.policy).toEqual(DEFAULT_POLICY);
    expect(messages(issues).map((m) => m[0])).toEqual(['B2', 'B3', 'B4']);
    expect(issues[0]!.message).toMatch(/out of order/);
  });

  test('no config sheets: defaults, nothing present', () => {
    const { config, issues } = readConfig({});
    expect(config.present.size).toBe(0);
    expect(config.policy).toEqual(DEFAULT_POLICY);
    expect(issues).toEqual([]);
  });
});
