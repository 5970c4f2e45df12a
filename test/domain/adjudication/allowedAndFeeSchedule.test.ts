/**
 * DESIGN §5.1 allowed amount and fee-schedule specificity; §4 default
 * categories. Expected values are worked by hand in the comments.
 */
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { defaultCategory } from '../../../src/domain/adjudication/serviceCategory';
import { feeTimesUnits } from '../../../src/domain/adjudication/allowedAmount';
import { $, config, fee, inSheetOrder, line, plan, type LineInput, ledgerOf } from '../../support/builders';
import type { Config } from '../../../src/domain/config';

const one = (input: LineInput, cfg: Config) => adjudicate(ledgerOf(inSheetOrder([line(input)])), cfg).at(0)!;

describe('DESIGN §5 worked check', () => {
  test('billed 1,000.00, allowed 600.00, deductible left 500.00, 20 % → patient 520.00, insurer 80.00, contractual 400.00', () => {
    // contractual = 1000 − 600 = 400; deductible = min(600 − 0, 500) = 500;
    // coinsurance = 20 % × (600 − 0 − 500) = 20; patient = 0 + 500 + 20 = 520; insurer = 600 − 520 = 80.
    const r = one({ billed: '1000.00', allowed: '600.00', planId: 'P1' }, config({ plans: [plan({ deductibleIndividual: '500.00', coinsurancePct: 20 })] }));
    expect(r).toMatchObject({
      basis: 'covered', allowed: $('600.00'), contractual: $('400.00'), copay: $('0'), deductible: $('500.00'),
      coinsurance: $('20.00'), patientShare: $('520.00'), insurerShare: $('80.00'), secondaryShare: $('0'),
      primaryPlanId: 'P1', secondaryPlanId: null, feeScheduleAllowed: null,
    });
    expect(explainShares(r)).toBe(
      'Allowed 600.00 (billed 1,000.00 less 400.00 contractual adjustment). Deductible 500.00 (500.00 met of 500.00 after this visit), '
      + 'then 20% coinsurance of 100.00 = 20.00. You owe 520.00; your plan pays 80.00.',
    );
  });
});

describe('fee-schedule match, most specific first (§5.1)', () => {
  // Plan P1 is Acme Health's. Rows at every level, each a different fee so the winner shows.
  const rows = [
    fee({ payer: '*', code: '99213', modifier: null, allowed: '70.00', row: 2 }),
    fee({ payer: '*', code: '99213', modifier: '25', allowed: '75.00', row: 3 }),
    fee({ payer: 'ACME  health', code: '99213', modifier: null, allowed: '80.00', row: 4 }), // case/space-insensitive payer
    fee({ payer: 'Acme Health', code: '99213', modifier: '25', allowed: '85.00', row: 5 }),
  ];
  const cfg = config({ plans: [plan({ planId: 'P1', payer: 'Acme Health' }), plan({ planId: 'P2', payer: 'Beta Care' })], feeSchedule: rows });

  test.each([
    ['payer + code + modifier', { modifiers: ['25'] }, '85.00'],
    ['payer + code (no modifier on the line)', {}, '80.00'],
    ['payer + code beats * + code + modifier (modifier 59 has no payer row)', { modifiers: ['59'] }, '80.00'],
    ['* + code + modifier for another payer', { payer: 'Beta Care', modifiers: ['25'] }, '75.00'],
    ['* + code for another payer', { payer: 'Beta Care' }, '70.00'],
    ['the first of several modifiers that matches', { modifiers: ['59', '25'] }, '85.00'],
  ] as const)('%s', (_name, extra, expected) => {
    const r = one({ billed: '200.00', ...extra }, cfg);
    expect(r.allowed).toBe($(expected));
    expect(r.feeScheduleAllowed).toBe($(expected));
    expect(r.contractual).toBe($('200.00') - $(expected));
  });

  test('in one ledger, each line gets its own match whatever came before (codes are remembered per plan, payer and modifier)', () => {
    // The same cases as above plus self-pay lines (only * rows apply: 70.00, or 75.00 with modifier 25),
    // interleaved so every remembered answer is asked for again by a line that must not get it.
    const cases: [LineInput, string][] = [
      [{ modifiers: ['25'] }, '85.00'], [{ payer: 'Self Pay', modifiers: ['25'] }, '75.00'], [{}, '80.00'],
      [{ payer: 'Self Pay' }, '70.00'], [{ modifiers: ['59'] }, '80.00'], [{ payer: 'Beta Care', modifiers: ['25'] }, '75.00'],
      [{ payer: 'Beta Care' }, '70.00'], [{ modifiers: ['59', '25'] }, '85.00'], [{ payer: 'Self Pay', modifiers: ['59'] }, '70.00'],
    ];
    const twice = [...cases, ...[...cases].reverse()];
    const shares = adjudicate(ledgerOf(inSheetOrder(twice.map(([extra]) => line({ billed: '200.00', account: 'A1', ...extra })))), cfg);
    twice.forEach(([, expected], i) => expect(shares.at(i)!.feeScheduleAllowed).toBe($(expected)));
  });

  test('a PlanId row beats a payer row at the same level', () => {
    const c = config({ plans: [plan({ planId: 'P1', payer: 'Acme Health' })], feeSchedule: [...rows, fee({ payer: 'p1', code: '99213', allowed: '90.00' })] });
    expect(one({ billed: '200.00' }, c).allowed).toBe($('90.00'));
    // …but not a more specific level: payer + code + modifier (85) beats PlanId + code.
    expect(one({ billed: '200.00', modifiers: ['25'] }, c).allowed).toBe($('85.00'));
  });

  test('when two rows share a key the first in sheet order wins', () => {
    const c = config({ plans: [plan()], feeSchedule: [fee({ allowed: '61.00' }), fee({ allowed: '62.00' })] });
    expect(one({ billed: '200.00' }, c).allowed).toBe($('61.00'));
  });

  test('no row for the code: allowed = billed, no schedule amount', () => {
    const r = one({ code: '99999', billed: '150.00' }, cfg);
    expect(r.allowed).toBe($('150.00'));
    expect(r.contractual).toBe(0);
    expect(r.feeScheduleAllowed).toBeNull();
  });

  test("the ledger's allowed wins over the schedule, which is still reported (for ALLOWED_MISMATCH)", () => {
    const r = one({ billed: '200.00', allowed: '77.00' }, cfg);
    expect(r.allowed).toBe($('77.00'));
    expect(r.contractual).toBe($('123.00')); // 200 − 77
    expect(r.feeScheduleAllowed).toBe($('80.00'));
  });
});

describe('fee × units', () => {
  const cfg = config({ plans: [plan()], feeSchedule: [fee({ code: '97110', allowed: '33.33' })] });

  test('whole units multiply: 3 × 33.33 = 99.99', () => {
    expect(one({ code: '97110', units: 3, billed: '150.00' }, cfg).allowed).toBe($('99.99'));
  });
  test('capped at billed: 4 × 33.33 = 133.32 > 120.00 billed → 120.00', () => {
    const r = one({ code: '97110', units: 4, billed: '120.00' }, cfg);
    expect(r.allowed).toBe($('120.00'));
    expect(r.feeScheduleAllowed).toBe($('120.00'));
    expect(r.contractual).toBe(0);
  });
  test('fractional units are exact, then rounded half-up to the cent: 1.5 × 33.33 = 49.995 → 50.00', () => {
    expect(one({ code: '97110', units: 1.5, billed: '150.00' }, cfg).allowed).toBe($('50.00'));
  });
  test.each([
    ['33.33', 0.1, '3.33'], // 3.333 → 3.33
    ['0.05', 0.5, '0.03'], // 0.025 → 0.03 (half-up)
    ['10.00', 0.3, '3.00'], // 0.3 is 0.299999… as a double; read as the decimal 0.3
    ['19.99', 2.25, '44.98'], // 44.9775 → 44.98
  ])('feeTimesUnits(%s, %d) = %s', (f, u, expected) => {
    expect(feeTimesUnits($(f), u)).toBe($(expected));
  });
});

describe('default service category from the code (§4)', () => {
  test.each([
    ['99395', 'Preventive'], ['99381', 'Preventive'], ['99412', 'Preventive'], ['G0438', 'Preventive'], ['G0439', 'Preventive'],
    ['99202', 'Office'], ['99215', 'Office'], ['99244', 'Specialist'], ['99283', 'Emergency'], ['S9083', 'UrgentCare'],
    ['S9088', 'UrgentCare'], ['80053', 'Lab'], ['36415', 'Lab'], ['89398', 'Lab'], ['71046', 'Imaging'], ['29881', 'Surgery'],
    ['10004', 'Surgery'], ['99223', 'Inpatient'], ['J1100', 'Drug'], ['97110', 'Other'], ['A0428', 'Other'], ['0001F', 'Other'],
  ])('%s → %s', (code, cat) => {
    expect(defaultCategory(code)).toBe(cat);
  });

  test("the matched fee-schedule row's Category wins over the default", () => {
    const cfg = config({ plans: [plan()], feeSchedule: [fee({ code: '99213', category: 'Telehealth' })] });
    expect(one({}, cfg).category).toBe('Telehealth');
    expect(one({ code: '99214' }, cfg).category).toBe('Office');
  });
});
