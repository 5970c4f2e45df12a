/**
 * DESIGN §5 steps 3–7: copay, deductible, coinsurance, out-of-pocket cap.
 * Every case is one member, self-only (Coverage row without FamilyId) unless
 * said otherwise; the arithmetic is in the comments.
 */
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { shareCost } from '../../../src/domain/adjudication/costSharing';
import { percent, type Cents } from '../../../src/domain/money';
import { $, benefit, config, coverage, inSheetOrder, line, plan, type LineInput, ledgerOf } from '../../support/builders';
import type { LineShares } from '../../../src/domain/shareTypes';
import type { Config } from '../../../src/domain/config';

const run = (inputs: LineInput[], cfg: Config): LineShares[] => adjudicate(ledgerOf(inSheetOrder(inputs.map((i) => line(i)))), cfg);
const split = (r: LineShares) => ({
  copay: r.copay, deductible: r.deductible, coinsurance: r.coinsurance, patient: r.patientShare, insurer: r.insurerShare,
});
const money = (copay: string, deductible: string, coinsurance: string, patient: string, insurer: string) => ({
  copay: $(copay), deductible: $(deductible), coinsurance: $(coinsurance), patient: $(patient), insurer: $(insurer),
});

describe('copay visits before and after the deductible is met', () => {
  // Deductible 500, 20 %; Office: copay 25.00 and the deductible applies; Surgery has no Benefits row.
  const cfg = config({
    plans: [plan({ deductibleIndividual: '500.00', coinsurancePct: 20, oopMaxIndividual: '3000.00' })],
    benefits: [benefit({ category: 'Office', copay: '25.00', deductibleApplies: true })],
    coverage: [coverage()],
  });

  test('office, surgery, office', () => {
    const r = run([
      // copay 25; deductible min(200 − 25, 500) = 175; coinsurance 20 % × 0 = 0 → patient 200, insurer 0 (met 175)
      { serviceDate: '2026-03-02', code: '99213', billed: '250.00', allowed: '200.00' },
      // no copay; deductible min(1000, 500 − 175 = 325) = 325; 20 % × 675 = 135 → patient 460, insurer 540 (met 500)
      { serviceDate: '2026-03-10', code: '29881', billed: '1500.00', allowed: '1000.00' },
      // copay 25; deductible 0 (met); 20 % × 175 = 35 → patient 60, insurer 140
      { serviceDate: '2026-03-20', code: '99213', billed: '250.00', allowed: '200.00' },
    ], cfg);
    expect(r.map(split)).toEqual([
      money('25.00', '175.00', '0', '200.00', '0'),
      money('0', '325.00', '135.00', '460.00', '540.00'),
      money('25.00', '0', '35.00', '60.00', '140.00'),
    ]);
    expect(explainShares(r[0]!)).toContain('Copay 25.00.');
    expect(explainShares(r[0]!)).toContain('Deductible 175.00 (175.00 met of 500.00 after this visit)');
    expect(explainShares(r[2]!)).toContain('Deductible already met, then 20% coinsurance of 175.00 = 35.00.');
  });

  test('copay-only benefit (no deductible, 0 % coinsurance) is the same before and after the deductible', () => {
    const c = config({
      plans: [plan({ deductibleIndividual: '500.00' })],
      benefits: [benefit({ category: 'Office', copay: '30.00', deductibleApplies: false, coinsurancePct: 0 })],
      coverage: [coverage()],
    });
    const r = run([
      { serviceDate: '2026-03-02', code: '99213', billed: '200.00', allowed: '150.00' }, // copay 30 → patient 30, insurer 120
      { serviceDate: '2026-03-03', code: '29881', billed: '800.00', allowed: '800.00' }, // ded 500, 20 % × 300 = 60 → 560
      { serviceDate: '2026-03-04', code: '99213', billed: '200.00', allowed: '150.00' }, // copay 30 → patient 30, insurer 120
    ], c);
    expect(r.map(split)).toEqual([
      money('30.00', '0', '0', '30.00', '120.00'),
      money('0', '500.00', '60.00', '560.00', '240.00'),
      money('30.00', '0', '0', '30.00', '120.00'),
    ]);
    expect(explainShares(r[0]!)).toContain('Copay 30.00. No deductible or coinsurance for this service. You owe 30.00; your plan pays 120.00.');
  });

  test('a copay larger than the allowed amount is capped at allowed', () => {
    const c = config({ plans: [plan()], benefits: [benefit({ category: 'Office', copay: '50.00' })], coverage: [coverage()] });
    // copay = min(50, 40) = 40; deductible min(0, 500) = 0; coinsurance 0 → patient 40, insurer 0
    expect(split(run([{ code: '99213', billed: '60.00', allowed: '40.00' }], c)[0]!)).toEqual(money('40.00', '0', '0', '40.00', '0'));
  });

  test("a benefit's own coinsurance replaces the plan's", () => {
    const c = config({ plans: [plan({ coinsurancePct: 20 })], benefits: [benefit({ category: 'Imaging', coinsurancePct: 12.5 })], coverage: [coverage({ deductibleMet: '500.00' })] });
    // deductible met; 12.5 % × 333.33 = 41.666… → 41.67 (half-up)
    expect(split(run([{ code: '71046', billed: '400.00', allowed: '333.33' }], c)[0]!)).toEqual(money('0', '0', '41.67', '41.67', '291.66'));
  });
});

describe('a line that crosses the deductible', () => {
  test('300.00 of 500.00 already met: deductible 200.00, then 20 % of the rest', () => {
    const c = config({ plans: [plan({ deductibleIndividual: '500.00' })], coverage: [coverage({ deductibleMet: '300.00', oopMet: '300.00' })] });
    // deductible min(400, 500 − 300) = 200; 20 % × 200 = 40 → patient 240, insurer 160
    const r = run([{ billed: '500.00', allowed: '400.00' }], c)[0]!;
    expect(split(r)).toEqual(money('0', '200.00', '40.00', '240.00', '160.00'));
    expect(explainShares(r)).toContain('Deductible 200.00 (500.00 met of 500.00 after this visit), then 20% coinsurance of 200.00 = 40.00.');
  });
});

describe('a line that crosses the out-of-pocket maximum', () => {
  test('coinsurance is cut first', () => {
    // OOP max 1,000 with 950 met (deductible met): room 50.
    const c = config({
      plans: [plan({ deductibleIndividual: '500.00', oopMaxIndividual: '1000.00' })],
      coverage: [coverage({ deductibleMet: '500.00', oopMet: '950.00' })],
    });
    const r = run([
      // 20 % × 1000 = 200 > room 50 → cut 150 off coinsurance → 50; insurer 950
      { serviceDate: '2026-03-02', billed: '1200.00', allowed: '1000.00' },
      // room 0: 20 % × 300 = 60 cut to 0 → insurer pays all 300
      { serviceDate: '2026-03-03', billed: '300.00', allowed: '300.00' },
    ], c);
    expect(r.map(split)).toEqual([money('0', '0', '50.00', '50.00', '950.00'), money('0', '0', '0', '0', '300.00')]);
    expect(explainShares(r[0]!)).toContain('then 20% coinsurance of 1,000.00 = 200.00. Out-of-pocket maximum reached (1,000.00 met of 1,000.00), so your share is 150.00 less.');
  });

  test('then the copay is cut', () => {
    // Copay 40, deductible met, OOP room 1,000 − 970 = 30.
    const c = config({
      plans: [plan({ deductibleIndividual: '500.00', oopMaxIndividual: '1000.00' })],
      benefits: [benefit({ category: 'Office', copay: '40.00' })],
      coverage: [coverage({ deductibleMet: '500.00', oopMet: '970.00' })],
    });
    // copay 40; coinsurance 20 % × (240 − 40) = 40; total 80 > 30 → cut 50: coinsurance 40 → 0, copay 40 → 30
    expect(split(run([{ code: '99213', billed: '300.00', allowed: '240.00' }], c)[0]!)).toEqual(money('30.00', '0', '0', '30.00', '210.00'));
  });

  test('and last the deductible; the deductible accumulator grows only by what was charged', () => {
    // Deductible 500 with 0 met; OOP 3,000 with 2,900 met: room 100.
    const c = config({
      plans: [plan({ deductibleIndividual: '500.00', oopMaxIndividual: '3000.00' })],
      coverage: [coverage({ deductibleMet: '0', oopMet: '2900.00' })],
    });
    const r = run([
      // deductible min(400, 500) = 400; coinsurance 0; total 400 > 100 → deductible cut to 100 (met 100)
      { serviceDate: '2026-03-02', billed: '400.00', allowed: '400.00' },
      // OOP met: deductible min(200, 400) = 200 cut to 0
      { serviceDate: '2026-03-03', billed: '200.00', allowed: '200.00' },
    ], c);
    expect(r.map(split)).toEqual([money('0', '100.00', '0', '100.00', '300.00'), money('0', '0', '0', '0', '200.00')]);
  });

  test('no OOP maximum means no cap', () => {
    const c = config({ plans: [plan({ oopMaxIndividual: null, oopMaxFamily: null })], coverage: [coverage({ deductibleMet: '500.00', oopMet: '99999.00' })] });
    expect(run([{ billed: '1000.00', allowed: '1000.00' }], c)[0]!.patientShare).toBe($('200.00'));
  });
});

describe('shareCost (§5 steps 3–7 in isolation)', () => {
  test.each([
    // allowed, copay, deductibleApplies, remaining deductible, pct, OOP room (cents) → copay, deductible, coinsurance, patient, insurer
    ['600.00', '0', true, '500.00', 20, Infinity, '0', '500.00', '20.00', '520.00', '80.00'],
    ['600.00', '0', false, '500.00', 20, Infinity, '0', '0', '120.00', '120.00', '480.00'],
    ['100.00', '20.00', true, '30.00', 10, Infinity, '20.00', '30.00', '5.00', '55.00', '45.00'], // 10 % × 50
    ['0.05', '0', true, '0', 50, Infinity, '0', '0', '0.03', '0.03', '0.02'], // 0.025 → 0.03 half-up
    ['100.00', '20.00', true, '30.00', 10, 5200, '20.00', '30.00', '2.00', '52.00', '48.00'], // room 52.00: cut 3.00 off coinsurance 5.00
    ['100.00', '20.00', true, '30.00', 10, 4000, '10.00', '30.00', '0', '40.00', '60.00'], // room 40.00: cut 15.00 = 5 coinsurance + 10 copay
    ['100.00', '20.00', true, '30.00', 10, 1000, '0', '10.00', '0', '10.00', '90.00'], // room 10.00: coinsurance, copay, 20 of deductible
    ['0', '20.00', true, '30.00', 10, Infinity, '0', '0', '0', '0', '0'],
  ])('allowed %s copay %s', (allowed, copay, applies, remaining, pct, room, eCopay, eDed, eCoins, ePatient, eInsurer) => {
    const remainingOop = room === Infinity ? null : (room as Cents);
    const s = shareCost({ allowed: $(allowed), benefitCopay: $(copay), deductibleApplies: applies, remainingDeductible: $(remaining), coinsurancePct: percent(pct), remainingOop });
    expect([s.copay, s.deductible, s.coinsurance, s.patient, s.insurer]).toEqual([$(eCopay), $(eDed), $(eCoins), $(ePatient), $(eInsurer)]);
  });
});
