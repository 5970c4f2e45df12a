/**
 * Who covers a line (§4 Coverage, §5.2) and the order lines are taken in.
 */
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { $, benefit, config, coverage, fee, inSheetOrder, line, plan, type LineInput, ledgerOf } from '../../support/builders';
import type { LineShares } from '../../../src/domain/shareTypes';
import type { Config } from '../../../src/domain/config';
import { EMPTY_CONFIG } from '../../../src/domain/policyDefaults';

const run = (inputs: LineInput[], cfg: Config): LineShares[] => adjudicate(ledgerOf(inSheetOrder(inputs.map((i) => line(i)))), cfg);

/** §5.2: allowed = billed, contractual 0, insurer 0, patient owes billed. */
function expectFullCharge(r: LineShares, billed: string): void {
  expect(r).toMatchObject({
    allowed: $(billed), contractual: 0, copay: 0, deductible: 0, coinsurance: 0,
    patientShare: $(billed), insurerShare: 0, secondaryShare: 0,
  });
}

describe('a service the plan does not cover', () => {
  const cfg = config({
    plans: [plan()],
    benefits: [benefit({ category: 'cosmetic ', covered: false })], // matched case/space-insensitively
    feeSchedule: [fee({ code: '15780', category: 'Cosmetic', allowed: '500.00' })],
    coverage: [coverage()],
  });

  test('the patient owes the charge and the accumulators do not move', () => {
    const r = run([
      { serviceDate: '2026-03-01', code: '15780', billed: '1200.00', allowed: '900.00' },
      { serviceDate: '2026-03-02', code: '99213', billed: '600.00', allowed: '600.00' }, // deductible untouched: 500 + 20
    ], cfg);
    expectFullCharge(r[0]!, '1200.00');
    expect(r[0]!.basis).toBe('not-covered');
    expect(r[0]!.category).toBe('Cosmetic');
    expect(r[0]!.feeScheduleAllowed).toBe($('500.00'));
    expect(explainShares(r[0]!)).toBe('Not covered: plan P1 does not cover Cosmetic services, so you owe the full charge of 1,200.00.');
    expect(r[1]!.patientShare).toBe($('520.00'));
  });
});

describe('no coverage on the date of service', () => {
  const cfg = config({ plans: [plan()], coverage: [coverage({ effectiveFrom: '2026-01-01', effectiveTo: '2026-02-28' })] });

  test.each([
    ['2025-12-31', 'no-coverage'],
    ['2026-01-01', 'covered'], // EffectiveFrom inclusive
    ['2026-02-28', 'covered'], // EffectiveTo inclusive
    ['2026-03-01', 'no-coverage'],
  ])('%s → %s', (serviceDate, basis) => {
    expect(run([{ serviceDate, billed: '600.00' }], cfg)[0]!.basis).toBe(basis);
  });

  test('the patient owes the charge; the explanation says why', () => {
    const r = run([{ serviceDate: '2026-03-02', billed: '250.00', allowed: '100.00' }], cfg)[0]!;
    expectFullCharge(r, '250.00');
    expect(explainShares(r)).toBe('No coverage on file for this account on 03/02/2026 (billed to Acme Health), so you owe the full charge of 250.00.');
  });

  test('an account with no Coverage row at all has no coverage when the sheet is filled', () => {
    expect(run([{ account: 'Z9', billed: '80.00' }], cfg)[0]!.basis).toBe('no-coverage');
  });

  test('blank EffectiveFrom/To are open-ended', () => {
    const open = config({ plans: [plan()], coverage: [coverage({ effectiveFrom: null, effectiveTo: null })] });
    expect(run([{ serviceDate: '1999-01-01' }, { serviceDate: '2099-01-01' }], open).map((r) => r.basis)).toEqual(['covered', 'covered']);
  });
});

describe('self-pay', () => {
  const cfg = config({ plans: [plan()], coverage: [coverage()] });
  test.each(['Self Pay', 'SELF-PAY', 'self', 'Uninsured', null])('payer %p: the patient owes the charge, even with an allowed amount', (payer) => {
    // Account S1 has no Coverage row (DESIGN §4: a Coverage row covering the account would make the line insured).
    const r = run([{ account: 'S1', payer, billed: '175.00', allowed: '90.00' }], cfg)[0]!;
    expect(r.basis).toBe('self-pay');
    expect(r.whoPays).toBe('self-pay');
    expectFullCharge(r, '175.00');
    expect(r.primaryPlanId).toBeNull();
    expect(explainShares(r)).toBe('Self-pay: no insurance on this line, so you owe the full charge of 175.00.');
  });

  test.each(['Cash', 'None', 'Patient'])('payer %p is self-pay too (DESIGN §4)', (payer) => {
    expect(run([{ account: 'S1', payer }], cfg)[0]!.whoPays).toBe('self-pay');
  });

  test('DESIGN §4 order: a Coverage row covering the account on the DOS makes the line insured, whatever its Payer says', () => {
    const r = run([{ payer: 'Self Pay', billed: '600.00' }], cfg)[0]!;
    expect(r.whoPays).toBe('insured');
    expect(r.basis).toBe('covered');
  });

  test('DESIGN §4: a line with an insurer payment is never self-pay', () => {
    const r = run([{ account: 'S1', payer: 'Self Pay', insurerPaid: '10.00' }], config({ plans: [plan()] }))[0]!;
    expect(r.whoPays).toBe('insured');
  });

  test('self-pay lines need no configuration at all', () => {
    expectFullCharge(run([{ payer: 'Self Pay', billed: '50.00' }], EMPTY_CONFIG)[0]!, '50.00');
  });

  test('a line naming a PlanId is not self-pay even with a blank payer', () => {
    expect(run([{ payer: null, planId: 'P1', billed: '600.00' }], config({ plans: [plan()] }))[0]!.basis).toBe('covered');
  });
});

describe('without a Coverage sheet', () => {
  const plans = [plan({ planId: 'P1', payer: 'Acme Health' }), plan({ planId: 'P2', payer: 'Acme Health', deductibleIndividual: '0' }), plan({ planId: 'B1', payer: 'Beta Care' })];

  test("the line's PlanId is self-only primary coverage", () => {
    const r = run([{ planId: 'p2', billed: '600.00' }], config({ plans }))[0]!;
    // P2 has no deductible: 20 % × 600 = 120
    expect(r).toMatchObject({ basis: 'covered', primaryPlanId: 'P2', patientShare: $('120.00') });
  });

  test('else the one plan whose Payer is the line\'s payer', () => {
    expect(run([{ payer: 'beta care' }], config({ plans }))[0]!.primaryPlanId).toBe('B1');
  });

  test('two plans with that payer: shares cannot be computed (unconfigured), allowed still per §5.1', () => {
    const r = run([{ payer: 'Acme Health', billed: '200.00' }], config({ plans, feeSchedule: [fee({ payer: 'Acme Health', allowed: '80.00' })] }))[0]!;
    expect(r).toMatchObject({
      basis: 'unconfigured', allowed: $('80.00'), contractual: $('120.00'), feeScheduleAllowed: $('80.00'),
      copay: null, deductible: null, coinsurance: null, patientShare: null, insurerShare: null, secondaryShare: null,
    });
    expect(explainShares(r)).toBe('Allowed 80.00 (billed 200.00 less 120.00 contractual adjustment). Shares not computed: no one plan in a Plans sheet is payer Acme Health\'s (a Coverage row or the line\'s PlanId would say which).');
  });

  test('no configuration at all: unconfigured, every share field null, the ledger\'s allowed too (DESIGN §4: null where no configuration allows them)', () => {
    const r = run([{ billed: '200.00', allowed: '150.00' }, { billed: '90.00' }], EMPTY_CONFIG);
    expect(r.map((x) => [x.basis, x.allowed, x.contractual, x.patientShare])).toEqual([
      ['unconfigured', null, null, null],
      ['unconfigured', null, null, null],
    ]);
  });

  test('a Coverage row naming a plan missing from Plans: unconfigured, naming the plan', () => {
    const r = run([{}], config({ plans, coverage: [coverage({ planId: 'ZZ' })] }))[0]!;
    expect(r.basis).toBe('unconfigured');
    expect(r.primaryPlanId).toBe('ZZ');
    expect(explainShares(r)).toContain('plan ZZ has no row in the Plans sheet');
  });
});

describe('which Coverage row when several are in effect', () => {
  const cfg = config({
    plans: [plan({ planId: 'P1', payer: 'Acme Health' }), plan({ planId: 'P2', payer: 'Beta Care', deductibleIndividual: '0' })],
    coverage: [coverage({ planId: 'P1', row: 2 }), coverage({ planId: 'P2', row: 3 })],
  });
  test("the one naming the line's PlanId, then the line's payer, then the first", () => {
    const r = run([{ planId: 'P2', payer: 'Acme Health' }, { payer: 'Beta Care' }, { payer: 'Gamma' }], cfg);
    expect(r.map((x) => x.primaryPlanId)).toEqual(['P2', 'P2', 'P1']);
  });
});

describe('order: service date, then sheet order', () => {
  const cfg = config({ plans: [plan()], coverage: [coverage()] });

  test('lines on the same date are taken in sheet order (line.index), whatever the array order', () => {
    const first = line({ index: 0, serviceDate: '2026-03-02', code: '29881', billed: '300.00' });
    const second = line({ index: 1, serviceDate: '2026-03-02', code: '99213', billed: '600.00' });
    // Sheet order: 300 first → deductible 300; then 600 → deductible 200, 20 % × 400 = 80 → 280.
    const r = adjudicate(ledgerOf([second, first]), cfg);
    expect(r.map((x) => x.lineIndex)).toEqual([1, 0]);
    expect(r[1]!.patientShare).toBe($('300.00'));
    expect(r[0]!.patientShare).toBe($('280.00'));
  });

  test('an earlier date lower in the sheet is taken first', () => {
    const r = run([
      { serviceDate: '2026-03-10', billed: '600.00' }, // second: deductible met → 120
      { serviceDate: '2026-03-01', billed: '600.00' }, // first: 500 + 20 → 520
    ], cfg);
    expect(r.map((x) => x.patientShare)).toEqual([$('120.00'), $('520.00')]);
  });
});
