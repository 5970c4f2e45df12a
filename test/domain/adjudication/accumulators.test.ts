/**
 * Family and self-only accumulators (§5.4, §5.7), plan-year resets and
 * starting totals from Coverage (§5.8). Hand-worked in the comments.
 */
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { $, config, coverage, inSheetOrder, line, plan, type LineInput, ledgerOf } from '../../support/builders';
import type { LineShares } from '../../../src/domain/shareTypes';
import type { Config, DeductibleType } from '../../../src/domain/config';

const run = (inputs: LineInput[], cfg: Config): LineShares[] => adjudicate(ledgerOf(inSheetOrder(inputs.map((i) => line(i)))), cfg);
const owed = (r: LineShares[]) => r.map((x) => [x.deductible, x.coinsurance, x.patientShare, x.insurerShare]);
const row = (deductible: string, coinsurance: string, patient: string, insurer: string) => [$(deductible), $(coinsurance), $(patient), $(insurer)];

describe('family deductible with three members (deductible 500 each, 1,000 family, 20 %)', () => {
  const family = (type: DeductibleType): Config => config({
    plans: [plan({ deductibleIndividual: '500.00', deductibleFamily: '1000.00', oopMaxIndividual: '6000.00', oopMaxFamily: '12000.00', deductibleType: type })],
    coverage: ['A1', 'A2', 'A3'].map((account, i) => coverage({ account, memberId: `M${i}`, familyId: 'F1', row: i + 2 })),
  });
  // Each member has one 600.00 visit, on consecutive days.
  const visits: LineInput[] = [
    { account: 'A1', serviceDate: '2026-03-01', billed: '600.00', allowed: '600.00' },
    { account: 'A2', serviceDate: '2026-03-02', billed: '600.00', allowed: '600.00' },
    { account: 'A3', serviceDate: '2026-03-03', billed: '600.00', allowed: '600.00' },
  ];

  test('Embedded: each member meets their own 500, and the family total of 1,000 stops the third', () => {
    expect(owed(run(visits, family('Embedded')))).toEqual([
      row('500.00', '20.00', '520.00', '80.00'), // A1: min(ind 500, fam 1000) = 500; 20 % × 100
      row('500.00', '20.00', '520.00', '80.00'), // A2: min(ind 500, fam 500) = 500; family now 1,000
      row('0', '120.00', '120.00', '480.00'), // A3: min(ind 500, fam 0) = 0; 20 % × 600
    ]);
  });

  test('Aggregate: only the family total counts, so A1 pays deductible on the whole visit', () => {
    const r = run(visits, family('Aggregate'));
    expect(owed(r)).toEqual([
      row('600.00', '0', '600.00', '0'), // A1: min(600, fam 1000) = 600
      row('400.00', '40.00', '440.00', '160.00'), // A2: min(600, fam 400) = 400; 20 % × 200
      row('0', '120.00', '120.00', '480.00'), // A3: family met
    ]);
    expect(explainShares(r[1]!)).toContain('Family deductible 400.00 (1,000.00 met of 1,000.00 after this visit)');
  });

  test('Embedded: the explanation names the family deductible when it is the one that binds', () => {
    const r = run([...visits.slice(0, 2), { account: 'A3', serviceDate: '2026-03-03', billed: '600.00', allowed: '600.00' }],
      config({
        plans: [plan({ deductibleIndividual: '500.00', deductibleFamily: '700.00' })],
        coverage: ['A1', 'A2', 'A3'].map((account) => coverage({ account, familyId: 'F1' })),
      }));
    // A1 500 (family 500); A2 min(500, 200) = 200 → family 700 met
    expect(r[1]!.deductible).toBe($('200.00'));
    expect(explainShares(r[1]!)).toContain('Family deductible 200.00 (700.00 met of 700.00 after this visit)');
    expect(r[2]!.deductible).toBe(0);
  });

  test('members of another family or plan do not share', () => {
    const cfg = config({
      plans: [plan({ deductibleIndividual: '500.00', deductibleFamily: '1000.00', deductibleType: 'Aggregate' })],
      coverage: [coverage({ account: 'A1', familyId: 'F1' }), coverage({ account: 'A2', familyId: 'F2' })],
    });
    // Each family has its own 1,000: both pay 600 of deductible.
    expect(owed(run(visits.slice(0, 2), cfg))).toEqual([row('600.00', '0', '600.00', '0'), row('600.00', '0', '600.00', '0')]);
  });

  test('the family out-of-pocket maximum caps a member below their individual maximum', () => {
    const cfg = config({
      plans: [plan({ deductibleIndividual: '0', deductibleFamily: '0', coinsurancePct: 50, oopMaxIndividual: '1000.00', oopMaxFamily: '1500.00' })],
      coverage: ['A1', 'A2'].map((account) => coverage({ account, familyId: 'F1' })),
    });
    const r = run([
      { account: 'A1', serviceDate: '2026-03-01', billed: '2000.00', allowed: '2000.00' }, // 50 % = 1,000 = individual max
      { account: 'A2', serviceDate: '2026-03-02', billed: '2000.00', allowed: '2000.00' }, // 1,000 but family room 500
    ], cfg);
    expect(r.map((x) => x.patientShare)).toEqual([$('1000.00'), $('500.00')]);
    expect(explainShares(r[1]!)).toContain('Out-of-pocket maximum reached (family 1,500.00 met of 1,500.00), so your share is 500.00 less.');
  });
});

describe('self-only coverage (no FamilyId): individual limits only', () => {
  test('a smaller family deductible and family OOP max are ignored', () => {
    const cfg = config({
      plans: [plan({ deductibleIndividual: '500.00', deductibleFamily: '300.00', oopMaxIndividual: '1000.00', oopMaxFamily: '600.00' })],
      coverage: [coverage({ familyId: null })],
    });
    const r = run([
      // deductible min(600, 500) = 500 (not 300); 20 % × 100 = 20 → 520
      { serviceDate: '2026-03-01', billed: '600.00', allowed: '600.00' },
      // 20 % × 5,000 = 1,000; OOP room 1,000 − 520 = 480 (not 600 − 520 = 80) → 480
      { serviceDate: '2026-03-02', billed: '5000.00', allowed: '5000.00' },
    ], cfg);
    expect(r.map((x) => x.patientShare)).toEqual([$('520.00'), $('480.00')]);
  });

  test('two self-only accounts on one plan keep separate accumulators', () => {
    const cfg = config({ plans: [plan()], coverage: [coverage({ account: 'A1' }), coverage({ account: 'A2' })] });
    const r = run([{ account: 'A1', billed: '600.00' }, { account: 'A2', billed: '600.00' }], cfg);
    expect(r.map((x) => x.patientShare)).toEqual([$('520.00'), $('520.00')]);
  });
});

describe('lines out of service-date order in the sheet', () => {
  // Deductible 500, 20 %. By date the 03-01 visit comes first and meets 300 of it.
  const visits: LineInput[] = [
    { serviceDate: '2026-03-10', billed: '300.00', allowed: '300.00' }, // 2nd by date: 200 + 20 % × 100 = 220
    { serviceDate: '2026-03-01', billed: '300.00', allowed: '300.00' }, // 1st by date: 300 of the deductible
  ];
  const expected = [row('200.00', '20.00', '220.00', '80.00'), row('300.00', '0', '300.00', '0')];

  test('with a Coverage sheet', () => {
    expect(owed(run(visits, config({ plans: [plan()], coverage: [coverage()] })))).toEqual(expected);
  });

  test('without one (coverage taken from the line\'s payer)', () => {
    expect(owed(run(visits, config({ plans: [plan()] })))).toEqual(expected);
  });
});

describe('plan years (§5.8)', () => {
  test('a calendar plan year resets on January 1', () => {
    const cfg = config({ plans: [plan()], coverage: [coverage({ effectiveFrom: '2025-01-01' })] });
    const r = run([
      { serviceDate: '2025-12-15', billed: '600.00' }, // 500 + 20 → 520
      { serviceDate: '2026-01-05', billed: '600.00' }, // new plan year: 500 + 20 → 520 again (not 120)
    ], cfg);
    expect(r.map((x) => x.patientShare)).toEqual([$('520.00'), $('520.00')]);
  });

  test('a July plan year resets on July 1, not January 1', () => {
    const cfg = config({ plans: [plan({ yearStartMonth: 7, yearStartDay: 1 })], coverage: [coverage({ effectiveFrom: '2025-01-01' })] });
    const r = run([
      { serviceDate: '2025-12-15', billed: '600.00' }, // plan year 2025-07-01..2026-06-30: 520
      { serviceDate: '2026-01-05', billed: '600.00' }, // same plan year: deductible met → 20 % × 600 = 120
      { serviceDate: '2026-06-30', billed: '600.00' }, // same plan year: 120
      { serviceDate: '2026-07-01', billed: '600.00' }, // new plan year: 520
    ], cfg);
    expect(r.map((x) => x.patientShare)).toEqual([$('520.00'), $('120.00'), $('120.00'), $('520.00')]);
  });
});

describe('starting accumulators from Coverage (§5.8)', () => {
  const visit: LineInput = { serviceDate: '2026-03-02', billed: '600.00', allowed: '600.00' };

  test('DeductibleMet with AsOf in the plan year', () => {
    const cfg = config({ plans: [plan()], coverage: [coverage({ deductibleMet: '300.00', oopMet: '300.00', asOf: '2026-02-01' })] });
    // deductible min(600, 500 − 300) = 200; 20 % × 400 = 80 → 280, insurer 320
    expect(owed(run([visit], cfg))).toEqual([row('200.00', '80.00', '280.00', '320.00')]);
  });

  test('AsOf in an earlier plan year: the totals belong to that year, and this year starts at zero', () => {
    const cfg = config({ plans: [plan()], coverage: [coverage({ effectiveFrom: '2025-01-01', deductibleMet: '300.00', asOf: '2025-11-01' })] });
    const r = run([{ ...visit, serviceDate: '2025-12-01' }, visit], cfg);
    // 2025: 500 − 300 = 200 left → 200 + 20 % × 400 = 280; 2026: 500 + 20 → 520
    expect(r.map((x) => x.patientShare)).toEqual([$('280.00'), $('520.00')]);
  });

  test('AsOf is not a date to count from: a line before AsOf in the same plan year still starts from the totals', () => {
    const cfg = config({ plans: [plan()], coverage: [coverage({ deductibleMet: '300.00', asOf: '2026-06-30' })] });
    expect(run([visit], cfg)[0]!.deductible).toBe($('200.00'));
  });

  test('without AsOf: the plan year of the first line', () => {
    const cfg = config({ plans: [plan()], coverage: [coverage({ effectiveFrom: '2025-01-01', deductibleMet: '300.00' })] });
    const r = run([visit, { ...visit, serviceDate: '2027-01-10' }], cfg);
    // 2026 starts at 300 met → 280; 2027 starts at zero → 520
    expect(r.map((x) => x.patientShare)).toEqual([$('280.00'), $('520.00')]);
  });

  test("OOPMet caps the first line's share", () => {
    const cfg = config({ plans: [plan({ oopMaxIndividual: '1000.00' })], coverage: [coverage({ deductibleMet: '500.00', oopMet: '900.00', asOf: '2026-03-01' })] });
    // 20 % × 1,000 = 200 but room 1,000 − 900 = 100
    expect(run([{ ...visit, billed: '1000.00', allowed: '1000.00' }], cfg)[0]!.patientShare).toBe($('100.00'));
  });

  test("a family's starting total is the sum of its members', including a member with no lines", () => {
    const cfg = config({
      plans: [plan({ deductibleIndividual: '500.00', deductibleFamily: '1000.00' })],
      coverage: [
        coverage({ account: 'A1', familyId: 'F1', deductibleMet: '300.00', asOf: '2026-02-01' }),
        coverage({ account: 'A2', familyId: 'F1', deductibleMet: '400.00' }), // no AsOf: the family's first line's year
        coverage({ account: 'A3', familyId: 'F1' }),
      ],
    });
    // family met 300 + 400 = 700; A3: min(ind 500, fam 300) = 300; 20 % × 300 = 60 → 360, insurer 240
    expect(owed(run([{ ...visit, account: 'A3' }], cfg))).toEqual([row('300.00', '60.00', '360.00', '240.00')]);
  });

  test('a family listed member by member is taken in service-date order, starting totals and all', () => {
    // Embedded, 500 each / 1,000 family, 20 %. A1 starts at 300 met (AsOf), A2 at 100 (no AsOf): family 400.
    const cfg = config({
      plans: [plan({ deductibleIndividual: '500.00', deductibleFamily: '1000.00' })],
      coverage: [
        coverage({ account: 'A1', familyId: 'F1', deductibleMet: '300.00', asOf: '2026-02-01' }),
        coverage({ account: 'A2', familyId: 'F1', deductibleMet: '100.00', row: 3 }),
      ],
    });
    const v = (account: string, serviceDate: string): LineInput => ({ account, serviceDate, billed: '600.00', allowed: '600.00' });
    // The sheet lists A1's visits, then A2's; by date: A2 03-01, A1 03-05, A2 03-10, A1 03-20.
    //   A2 03-01: min(500 − 100, 1,000 − 400) = 400; 20 % × 200 = 40 → 440 (family 800)
    //   A1 03-05: min(500 − 300, 1,000 − 800) = 200; 20 % × 400 = 80 → 280 (family 1,000)
    //   A2 03-10 and A1 03-20: deductible met; 20 % × 600 = 120
    expect(owed(run([v('A1', '2026-03-05'), v('A1', '2026-03-20'), v('A2', '2026-03-01'), v('A2', '2026-03-10')], cfg))).toEqual([
      row('200.00', '80.00', '280.00', '320.00'),
      row('0', '120.00', '120.00', '480.00'),
      row('400.00', '40.00', '440.00', '160.00'),
      row('0', '120.00', '120.00', '480.00'),
    ]);
  });

  test("a member's own starting total limits them individually", () => {
    const cfg = config({
      plans: [plan({ deductibleIndividual: '500.00', deductibleFamily: '1000.00' })],
      coverage: [coverage({ account: 'A1', familyId: 'F1', deductibleMet: '450.00', asOf: '2026-01-31' }), coverage({ account: 'A2', familyId: 'F1' })],
    });
    // A1: min(ind 50, fam 550) = 50; 20 % × 550 = 110 → 160
    expect(run([{ ...visit, account: 'A1' }], cfg)[0]!.patientShare).toBe($('160.00'));
  });
});
