/**
 * The sample's own DESIGN §5 oracle against hand-worked cases. Every expected
 * figure is worked in the comment beside it, not taken from the code.
 */
import { oracleShares, type OracleConfig, type OracleLine } from '../../src/sample/oracle';
import { formatMoney, type Cents } from '../../src/domain/money';
import { $, d, plan, benefit, fee, coverage } from '../support/builders';

const m = (c: Cents): string => formatMoney(c);

function ln(p: Partial<Omit<OracleLine, 'billed' | 'allowed' | 'serviceDate'>> & { billed: string; allowed?: string | null; dos?: string }): OracleLine {
  return {
    account: p.account ?? 'A100',
    serviceDate: d(p.dos ?? '2026-03-02'),
    code: p.code ?? '20610',
    modifiers: p.modifiers ?? [],
    units: p.units ?? 1,
    billed: $(p.billed),
    allowed: p.allowed === undefined || p.allowed === null ? null : $(p.allowed),
    payer: p.payer === undefined ? 'Acme Health' : p.payer,
  };
}

function cfg(c: Partial<OracleConfig>): OracleConfig {
  return { plans: c.plans ?? [plan()], benefits: c.benefits ?? [], feeSchedule: c.feeSchedule ?? [], coverage: c.coverage ?? [] };
}

describe('sample oracle (DESIGN §5)', () => {
  test('DESIGN worked check: billed 1,000, allowed 600, deductible left 500, 20 %', () => {
    // allowed = min(1000, 600) = 600; contractual 400; deductible = min(600, 500) = 500;
    // coinsurance = 20 % × (600 − 500) = 20.00; patient 520.00; insurer 600 − 520 = 80.00
    const config = cfg({
      plans: [plan({ deductibleIndividual: '500.00', oopMaxIndividual: '5000.00' })],
      feeSchedule: [fee({ payer: '*', code: '20610', allowed: '600.00', category: 'Surgery' })],
      coverage: [coverage({ account: 'A100', familyId: null })],
    });
    const [s] = oracleShares(config, [ln({ billed: '1000.00' })]);
    expect(s!.basis).toBe('covered');
    expect([m(s!.allowed), m(s!.contractual), m(s!.deductible), m(s!.coinsurance), m(s!.patientShare), m(s!.insurerShare)])
      .toEqual(['600.00', '400.00', '500.00', '20.00', '520.00', '80.00']);
  });

  test('embedded family deductible: the family limit binds before the individual one', () => {
    // Plan: individual 1,000, family 2,000, embedded, 20 %. Members met A 900 + B 800 + C 0 → family 1,700.
    // C (allowed 500): left = min(1000 − 0, 2000 − 1700) = 300 → deductible 300, coins 20 % × 200 = 40 → patient 340.
    // Then A (allowed 200): family left 0 → deductible 0, coins 40.00 → patient 40.00, insurer 160.00.
    const config = cfg({
      plans: [plan({ deductibleIndividual: '1000.00', deductibleFamily: '2000.00', oopMaxIndividual: null, oopMaxFamily: null })],
      coverage: [
        coverage({ account: 'A', familyId: 'F1', deductibleMet: '900.00', asOf: '2026-01-15' }),
        coverage({ account: 'B', familyId: 'F1', deductibleMet: '800.00', asOf: '2026-01-15' }),
        coverage({ account: 'C', familyId: 'F1', deductibleMet: '0.00', asOf: '2026-01-15' }),
      ],
    });
    const out = oracleShares(config, [
      ln({ account: 'C', billed: '500.00', allowed: '500.00', dos: '2026-03-01' }),
      ln({ account: 'A', billed: '200.00', allowed: '200.00', dos: '2026-03-02' }),
    ]);
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare), m(out[0]!.insurerShare)])
      .toEqual(['300.00', '40.00', '340.00', '160.00']);
    expect([m(out[1]!.deductible), m(out[1]!.patientShare), m(out[1]!.insurerShare)]).toEqual(['0.00', '40.00', '160.00']);
  });

  test('family members are taken in service-date order across accounts, whatever the sheet order', () => {
    // Same family as above (family deductible 2,000, 1,700 met). Sheet: A on 03-02 first, then C on 03-01.
    // C happened first: left = min(1000, 300) = 300 → deductible 300 on C's 500. A then finds 0 left:
    // deductible 0, coinsurance 20 % × 200 = 40.00. Sheet order would have given A the 100.00 instead.
    const config = cfg({
      plans: [plan({ deductibleIndividual: '1000.00', deductibleFamily: '2000.00', oopMaxIndividual: null, oopMaxFamily: null })],
      coverage: [
        coverage({ account: 'A', familyId: 'F1', deductibleMet: '900.00', asOf: '2026-01-15' }),
        coverage({ account: 'B', familyId: 'F1', deductibleMet: '800.00', asOf: '2026-01-15' }),
        coverage({ account: 'C', familyId: 'F1', deductibleMet: '0.00', asOf: '2026-01-15' }),
        coverage({ account: 'Z', familyId: null }),
      ],
    });
    const out = oracleShares(config, [
      ln({ account: 'A', billed: '200.00', allowed: '200.00', dos: '2026-03-02' }),
      ln({ account: 'Z', billed: '50.00', allowed: '50.00', dos: '2026-02-01' }),
      ln({ account: 'C', billed: '500.00', allowed: '500.00', dos: '2026-03-01' }),
    ]);
    expect([m(out[2]!.deductible), m(out[2]!.patientShare)]).toEqual(['300.00', '340.00']);
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare)]).toEqual(['0.00', '40.00', '40.00']);
    // Z is on its own: plan deductible 1,000, nothing met → all 50.00 is deductible.
    expect(m(out[1]!.deductible)).toBe('50.00');
  });

  test('aggregate family deductible ignores the individual amount', () => {
    // HDHP individual 3,300 / family 6,600 aggregate. A met 3,000, B met 0 → family 3,000, left 3,600.
    // A's line allowed 1,000: deductible = min(1000, 3600) = 1,000 (an embedded plan would stop at 300) → patient 1,000, insurer 0.
    const config = cfg({
      plans: [plan({ deductibleIndividual: '3300.00', deductibleFamily: '6600.00', deductibleType: 'Aggregate', oopMaxIndividual: null, oopMaxFamily: null })],
      coverage: [
        coverage({ account: 'A', familyId: 'F9', deductibleMet: '3000.00', asOf: '2026-02-01' }),
        coverage({ account: 'B', familyId: 'F9', deductibleMet: '0.00', asOf: '2026-02-01' }),
      ],
    });
    const [s] = oracleShares(config, [ln({ account: 'A', billed: '1000.00', allowed: '1000.00' })]);
    expect([m(s!.deductible), m(s!.coinsurance), m(s!.patientShare), m(s!.insurerShare)]).toEqual(['1000.00', '0.00', '1000.00', '0.00']);
  });

  test('out-of-pocket cap cuts coinsurance, then copay, then deductible', () => {
    // Copay 30 with deductible applying; deductible left 100; 20 %; allowed 200; OOP left 1,000 − 980 = 20.
    // copay 30, deductible min(170, 100) = 100, coinsurance 20 % × 70 = 14 → 144, over by 124:
    // coinsurance −14 → 0 (110 left to cut), copay −30 → 0 (80 left), deductible 100 − 80 = 20 → patient 20, insurer 180.
    const config = cfg({
      plans: [plan({ deductibleIndividual: '500.00', oopMaxIndividual: '1000.00' })],
      benefits: [benefit({ category: 'Office', copay: '30.00', deductibleApplies: true })],
      feeSchedule: [fee({ payer: '*', code: '99213', allowed: '200.00', category: 'Office' })],
      coverage: [coverage({ account: 'A100', familyId: null, deductibleMet: '400.00', oopMet: '980.00', asOf: '2026-01-10' })],
    });
    const [s] = oracleShares(config, [ln({ code: '99213', billed: '250.00' })]);
    expect([m(s!.copay), m(s!.deductible), m(s!.coinsurance), m(s!.patientShare), m(s!.insurerShare)])
      .toEqual(['0.00', '20.00', '0.00', '20.00', '180.00']);
  });

  test('coinsurance rounds half-up; plan year resets the accumulators', () => {
    // Plan year from 09-01, deductible 1,500 fully met in the year containing AsOf 2026-07-15; 30 %.
    // 2026-08-20, allowed 100.25: deductible 0, coinsurance 30 % × 100.25 = 30.075 → 30.08 (half-up).
    // 2026-09-10 is a new plan year: deductible left 1,500 → deductible 100.00, coinsurance 0 → patient 100.00.
    const config = cfg({
      plans: [plan({ yearStartMonth: 9, yearStartDay: 1, deductibleIndividual: '1500.00', coinsurancePct: 30, oopMaxIndividual: null })],
      coverage: [coverage({ account: 'A100', familyId: null, deductibleMet: '1500.00', oopMet: '1800.00', asOf: '2026-07-15', effectiveFrom: '2025-09-01' })],
    });
    const out = oracleShares(config, [
      ln({ billed: '150.00', allowed: '100.25', dos: '2026-08-20' }),
      ln({ billed: '150.00', allowed: '100.00', dos: '2026-09-10' }),
    ]);
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare)]).toEqual(['0.00', '30.08', '30.08']);
    expect([m(out[1]!.deductible), m(out[1]!.coinsurance), m(out[1]!.patientShare)]).toEqual(['100.00', '0.00', '100.00']);
  });

  test('lines are taken in service-date order, not sheet order', () => {
    // Deductible 100. Sheet row 1 is 2026-03-05 (allowed 80), row 2 is 2026-03-01 (allowed 80).
    // Row 2 happened first: deductible 80 → patient 80. Row 1 then has 20 left: deductible 20 + 20 % × 60 = 12 → 32.
    const config = cfg({
      plans: [plan({ deductibleIndividual: '100.00', oopMaxIndividual: null })],
      coverage: [coverage({ account: 'A100', familyId: null })],
    });
    const out = oracleShares(config, [
      ln({ billed: '80.00', allowed: '80.00', dos: '2026-03-05' }),
      ln({ billed: '80.00', allowed: '80.00', dos: '2026-03-01' }),
    ]);
    expect(m(out[1]!.patientShare)).toBe('80.00');
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare)]).toEqual(['20.00', '12.00', '32.00']);
  });

  test('secondary pays the smaller of its normal benefit and what the primary left', () => {
    // Primary as in the worked check → patient 520. Secondary plan S (no deductible, 10 %):
    // its fee 400 → its allowed 400 → normal benefit 400 − 40 = 360 → pays min(360, 520) = 360 → patient 160.
    const config = cfg({
      plans: [
        plan({ planId: 'P1', payer: 'Acme Health', deductibleIndividual: '500.00', oopMaxIndividual: null }),
        plan({ planId: 'S', payer: 'Second Co', deductibleIndividual: '0.00', coinsurancePct: 10, oopMaxIndividual: null }),
      ],
      feeSchedule: [
        fee({ payer: '*', code: '20610', allowed: '600.00', category: 'Surgery' }),
        fee({ payer: 'Second Co', code: '20610', allowed: '400.00', category: 'Surgery' }),
      ],
      coverage: [
        coverage({ account: 'A100', planId: 'P1', familyId: null }),
        coverage({ account: 'A100', planId: 'S', familyId: null, priority: 'Secondary' }),
      ],
    });
    const [s] = oracleShares(config, [ln({ billed: '1000.00' })]);
    expect([m(s!.insurerShare), m(s!.secondaryShare), m(s!.patientShare), m(s!.deductible), m(s!.coinsurance)])
      .toEqual(['80.00', '360.00', '160.00', '500.00', '20.00']);
  });

  test('not covered, no coverage and self-pay: the patient owes billed and accumulators stay', () => {
    // Cosmetic is Covered = N → patient 450.00, allowed = billed, contractual 0.
    // The next covered line still sees the whole 100.00 deductible: allowed 90 → deductible 90 → patient 90.
    const config = cfg({
      plans: [plan({ deductibleIndividual: '100.00', oopMaxIndividual: null })],
      benefits: [benefit({ category: 'Cosmetic', covered: false })],
      feeSchedule: [fee({ payer: '*', code: '11950', allowed: '300.00', category: 'Cosmetic' })],
      coverage: [coverage({ account: 'A100', familyId: null, effectiveTo: '2026-06-30' })],
    });
    const out = oracleShares(config, [
      ln({ code: '11950', billed: '450.00', dos: '2026-03-01' }),
      ln({ billed: '90.00', allowed: '90.00', dos: '2026-03-02' }),
      ln({ billed: '70.00', dos: '2026-07-01' }),
      ln({ billed: '60.00', payer: 'Self Pay' }),
    ]);
    expect([out[0]!.basis, m(out[0]!.allowed), m(out[0]!.contractual), m(out[0]!.patientShare), m(out[0]!.insurerShare)])
      .toEqual(['not-covered', '450.00', '0.00', '450.00', '0.00']);
    expect(m(out[1]!.deductible)).toBe('90.00');
    expect([out[2]!.basis, m(out[2]!.patientShare)]).toEqual(['no-coverage', '70.00']);
    expect([out[3]!.basis, m(out[3]!.patientShare)]).toEqual(['self-pay', '60.00']);
  });
});
