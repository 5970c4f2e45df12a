/**
 * Large amounts stay exact through adjudication, and each line's record is
 * its own. Worked by hand, with amounts past ±21,474,836.47 (the 32-bit
 * range in cents) on purpose.
 */
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { $, benefit, config, coverage, fee, inSheetOrder, line, plan, ledgerOf } from '../../support/builders';

describe('large amounts', () => {
  // Primary P1: deductible 500.00, 20 % coinsurance, no out-of-pocket maximum. Secondary P2 pays everything it covers.
  const cfg = config({
    plans: [
      plan({ planId: 'P1', payer: 'Acme Health', oopMaxIndividual: null, oopMaxFamily: null }),
      plan({ planId: 'P2', payer: 'Beta Care', deductibleIndividual: '0.00', coinsurancePct: 0, oopMaxIndividual: null, oopMaxFamily: null }),
    ],
    benefits: [benefit({ planId: 'P1', category: 'Surgery' }), benefit({ planId: 'P2', category: 'Surgery' })],
    feeSchedule: [fee({ payer: 'Acme Health', code: '27447', allowed: '40,000,000.00' })],
    coverage: [
      coverage({ account: 'BIG' }),
      coverage({ account: 'TWO' }), coverage({ account: 'TWO', planId: 'P2', priority: 'Secondary', row: 3 }),
      coverage({ account: 'GAP' }), coverage({ account: 'GAP', planId: 'NOPLAN', priority: 'Secondary', row: 5 }),
    ],
  });
  const big = { code: '27447', billed: '30,000,000.00', allowed: '25,000,000.00' };
  const lines = inSheetOrder([
    line({ ...big, account: 'BIG' }),
    line({ ...big, account: 'TWO' }),
    line({ account: 'GAP', code: '27447', billed: '1000.00', allowed: '600.00' }),
  ]);
  const shares = adjudicate(ledgerOf(lines), cfg);

  test('amounts past the 32-bit range come back exact', () => {
    // Allowed 25,000,000.00 (the ledger's); fee schedule 40,000,000.00 capped at billed = 30,000,000.00.
    // Deductible 500.00, then 20 % of 24,999,500.00 = 4,999,900.00. Patient 5,000,400.00, plan 19,999,600.00.
    expect(shares.at(0)).toEqual(expect.objectContaining({
      basis: 'covered', allowed: $('25,000,000.00'), contractual: $('5,000,000.00'), feeScheduleAllowed: $('30,000,000.00'),
      copay: $('0.00'), deductible: $('500.00'), coinsurance: $('4,999,900.00'),
      patientShare: $('5,000,400.00'), insurerShare: $('19,999,600.00'), secondaryShare: $('0.00'),
    }));
  });

  test('a secondary whose normal benefit is past the range pays the patient\'s whole share', () => {
    // P2 as primary would pay all of 25,000,000.00; traditional COB caps it at what is left: 5,000,400.00.
    const r = shares.at(1)!;
    expect(r.secondaryPlanId).toBe('P2');
    expect(r.secondaryShare).toBe($('5,000,400.00'));
    expect(r.patientShare).toBe($('0.00'));
    expect(r.insurerShare).toBe($('19,999,600.00'));
    expect(explainShares(r)).toContain('25,000,000.00');
  });

  test('a secondary plan with no Plans row leaves the patient\'s share unknown, not zero', () => {
    // Primary: deductible 500.00, then 20 % of 100.00 = 20.00 → the plan pays 80.00.
    const r = shares.at(2)!;
    expect(r.insurerShare).toBe($('80.00'));
    expect(r.secondaryPlanId).toBe('NOPLAN');
    expect(r.secondaryShare).toBeNull();
    expect(r.patientShare).toBeNull();
  });

  test('one record per line, each for its own line', () => {
    const all = shares;
    expect([...shares]).toEqual(all);
    all.forEach((r, i) => {
      expect(r).toEqual(shares.at(i));
      expect(r.lineIndex).toBe(lines[i]!.index);
    });
  });
});
