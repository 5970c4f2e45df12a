/**
 * Secondary coverage (§5.9): traditional COB and non-duplication.
 * Primary P1: deductible 500, 20 %. Secondary P2 (Beta Care): deductible 100, 10 %.
 */
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { secondaryPayment } from '../../../src/domain/adjudication/coordinationOfBenefits';
import { $, benefit, config, coverage, fee, inSheetOrder, line, plan, type LineInput, ledgerOf } from '../../support/builders';
import type { LineShares } from '../../../src/domain/shareTypes';
import type { CobMethod, Config, FeeScheduleRow, BenefitConfig } from '../../../src/domain/config';

const run = (inputs: LineInput[], cfg: Config): LineShares[] => adjudicate(ledgerOf(inSheetOrder(inputs.map((i) => line(i)))), cfg);

function cfgWith(cobMethod: CobMethod, extra: { feeSchedule?: FeeScheduleRow[]; benefits?: BenefitConfig[] } = {}): Config {
  return config({
    plans: [
      plan({ planId: 'P1', payer: 'Acme Health', deductibleIndividual: '500.00', coinsurancePct: 20 }),
      plan({ planId: 'P2', payer: 'Beta Care', deductibleIndividual: '100.00', coinsurancePct: 10 }),
    ],
    coverage: [coverage({ planId: 'P1', priority: 'Primary' }), coverage({ planId: 'P2', priority: 'Secondary', memberId: 'S1' })],
    policy: { cobMethod },
    ...extra,
  });
}
const visits: LineInput[] = [
  { serviceDate: '2026-03-02', billed: '1000.00', allowed: '600.00' },
  { serviceDate: '2026-03-09', billed: '1000.00', allowed: '600.00' },
];
const shares = (r: LineShares) => [r.patientShare, r.insurerShare, r.secondaryShare];

describe('traditional COB', () => {
  test('the secondary pays min(its normal benefit, what the patient owes after the primary)', () => {
    const r = run(visits, cfgWith('Traditional'));
    // Visit 1. Primary: deductible 500, 20 % × 100 = 20 → patient 520, insurer 80.
    //   Secondary as primary: deductible 100, 10 % × 500 = 50 → its normal benefit 600 − 150 = 450.
    //   Pays min(450, 520) = 450 → patient 70. Check: 70 + 80 + 450 = 600.
    // Visit 2. Primary: 20 % × 600 = 120 → insurer 480. Secondary (deductible met as if primary): 10 % × 600 = 60
    //   → normal 540; pays min(540, 120) = 120 → patient 0.
    expect(r.map(shares)).toEqual([[$('70.00'), $('80.00'), $('450.00')], [$('0'), $('480.00'), $('120.00')]]);
    expect(r[0]).toMatchObject({ primaryPlanId: 'P1', secondaryPlanId: 'P2', copay: 0, deductible: $('500.00'), coinsurance: $('20.00') });
    expect(explainShares(r[0]!)).toBe(
      'Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment). Deductible 500.00 (500.00 met of 500.00 after this visit), '
      + 'then 20% coinsurance of 100.00 = 20.00. Your plan pays 80.00. Your secondary plan P2 would pay 450.00 as primary and pays 450.00 '
      + 'of your 520.00. You owe 70.00.',
    );
  });

  test("the secondary uses its own fee schedule for its normal benefit", () => {
    const r = run([visits[0]!], cfgWith('Traditional', { feeSchedule: [fee({ payer: 'Beta Care', code: '99213', allowed: '500.00' })] }));
    // Primary as before (ledger allowed 600): patient 520, insurer 80.
    // Secondary on its own allowed 500: deductible 100, 10 % × 400 = 40 → normal 360; pays min(360, 520) = 360 → patient 160.
    expect(shares(r[0]!)).toEqual([$('160.00'), $('80.00'), $('360.00')]);
  });

  test('a service the secondary does not cover: it pays nothing', () => {
    const r = run([visits[0]!], cfgWith('Traditional', { benefits: [benefit({ planId: 'P2', category: 'Office', covered: false })] }));
    expect(shares(r[0]!)).toEqual([$('520.00'), $('80.00'), $('0')]);
    expect(explainShares(r[0]!)).toContain('Your secondary plan P2 does not cover this service. You owe 520.00.');
  });
});

describe('non-duplication COB', () => {
  test('the secondary pays only what its normal benefit exceeds the primary payment by', () => {
    const r = run(visits, cfgWith('NonDuplication'));
    // Visit 1: max(0, min(450 − 80, 520)) = 370 → patient 520 − 370 = 150. Check: 150 + 80 + 370 = 600.
    // Visit 2: max(0, min(540 − 480, 120)) = 60 → patient 60.
    expect(r.map(shares)).toEqual([[$('150.00'), $('80.00'), $('370.00')], [$('60.00'), $('480.00'), $('60.00')]]);
    expect(explainShares(r[0]!)).toContain('Your secondary plan P2 would pay 450.00 as primary; less what your plan paid, it pays 370.00. You owe 150.00.');
  });
});

describe('secondaryPayment', () => {
  test.each([
    ['Traditional', '450.00', '80.00', '520.00', '450.00'],
    ['Traditional', '600.00', '80.00', '520.00', '520.00'],
    ['NonDuplication', '450.00', '80.00', '520.00', '370.00'],
    ['NonDuplication', '50.00', '80.00', '520.00', '0'], // its benefit is below what the primary paid
    ['NonDuplication', '900.00', '80.00', '520.00', '520.00'],
  ] as const)('%s: normal %s, primary paid %s, patient %s → %s', (method, normal, paid, patient, expected) => {
    expect(secondaryPayment({ method, normalBenefit: $(normal), primaryPaid: $(paid), patientAfterPrimary: $(patient) })).toBe($(expected));
  });
});

describe('edge cases', () => {
  test('only a Secondary row in effect: that plan acts as primary', () => {
    const cfg = config({
      plans: [plan({ planId: 'P2', payer: 'Beta Care', deductibleIndividual: '100.00', coinsurancePct: 10 })],
      coverage: [coverage({ planId: 'P2', priority: 'Secondary' })],
    });
    const r = run([visits[0]!], cfg)[0]!;
    // deductible 100, 10 % × 500 = 50 → patient 150; DESIGN §5 step 10 (revised): the secondary pays its 450 as
    // the secondary (insurerShare 0.00), its own split stands as copay/deductible/coinsurance.
    expect(r).toMatchObject({ basis: 'covered', primaryPlanId: null, secondaryPlanId: 'P2', patientShare: $('150.00'), insurerShare: 0, secondaryShare: $('450.00'), deductible: $('100.00'), coinsurance: $('50.00') });
    expect(explainShares(r)).toMatch(/^Only secondary coverage was in effect on this date, so it is treated as primary\./);
  });

  test('a secondary with no Plans row: its share and the patient share are not computed', () => {
    const cfg = config({
      plans: [plan({ planId: 'P1' })],
      coverage: [coverage({ planId: 'P1' }), coverage({ planId: 'P9', priority: 'Secondary' })],
    });
    const r = run([visits[0]!], cfg)[0]!;
    expect(r).toMatchObject({ basis: 'covered', insurerShare: $('80.00'), patientShare: null, secondaryShare: null, secondaryPlanId: 'P9' });
    expect(explainShares(r)).toContain('Secondary plan P9 has no row in the Plans sheet');
  });

  test('a secondary whose coverage has ended does not pay', () => {
    const cfg = config({
      plans: [plan({ planId: 'P1' }), plan({ planId: 'P2', payer: 'Beta Care' })],
      coverage: [coverage({ planId: 'P1' }), coverage({ planId: 'P2', priority: 'Secondary', effectiveTo: '2026-02-28' })],
    });
    expect(shares(run([visits[0]!], cfg)[0]!)).toEqual([$('520.00'), $('80.00'), $('0')]);
  });
});
