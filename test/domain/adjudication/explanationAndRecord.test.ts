/**
 * The explanation field: text that starts with a word, money in display
 * form, and an `explanation` that behaves like a plain string field
 * although it is written on first read.
 */
import fc from 'fast-check';
import { adjudicate } from '../../../src/domain/adjudication';
import { m } from '../../../src/domain/adjudication/explanation';
import { processingOrder } from '../../../src/domain/adjudication/lineOrder';
import { cents, formatMoneyDisplay } from '../../../src/domain/money';
import { $, benefit, config, coverage, inSheetOrder, line, plan } from '../../support/builders';

const cfg = config({
  plans: [plan({ oopMaxIndividual: '1000.00' }), plan({ planId: 'P2', payer: 'Beta Care', deductibleIndividual: '0' })],
  benefits: [benefit({ category: 'Office', copay: '25.00' }), benefit({ category: 'Cosmetic', covered: false })],
  coverage: [
    coverage({ account: 'A1', deductibleMet: '500.00', oopMet: '990.00' }),
    coverage({ account: 'A2' }), coverage({ account: 'A2', planId: 'P2', priority: 'Secondary' }),
    coverage({ account: 'A3', effectiveTo: '2026-01-31' }),
  ],
});
const lines = inSheetOrder([
  line({ account: 'A1', code: '99213', billed: '200.00', allowed: '125.00' }), // copay 25, 20 % × 100 = 20, room 10
  line({ account: 'A2', code: '29881', billed: '600.00' }), // with a secondary
  line({ account: 'A3', billed: '80.00' }), // coverage ended
  line({ account: 'A4', payer: 'Self Pay', billed: '40.00' }),
  line({ account: 'A2', code: '15780', billed: '9000.00', serviceDate: '2026-04-01' }), // a large surgery: thousands separator
]);

describe('explanation text', () => {
  const r = adjudicate(lines, cfg).toArray();

  test('copay and an out-of-pocket cut', () => {
    // copay 25; deductible met; 20 % × 100 = 20; total 45 > room 10 → cut 35: coinsurance 20 → 0, copay 25 → 10
    expect(r[0]!.explanation).toBe(
      'Allowed 125.00 (billed 200.00 less 75.00 contractual adjustment). Copay 10.00. Deductible already met, then 20% coinsurance of 100.00 = 20.00. '
      + 'Out-of-pocket maximum reached (1,000.00 met of 1,000.00), so your share is 35.00 less. You owe 10.00; your plan pays 115.00.',
    );
  });

  test('every text starts with a letter (never a formula) and uses display money', () => {
    for (const x of r) {
      expect(x.explanation).toMatch(/^[A-Za-z]/);
      expect(x.explanation).not.toMatch(/\d{4}\.\d\d/); // 1,234.56 never 1234.56
    }
    expect(r[4]!.explanation).toContain('9,000.00');
  });

  test('reading it twice gives the same text', () => {
    expect(r[1]!.explanation).toBe(r[1]!.explanation);
  });
});

describe('explanation behaves like a plain string field', () => {
  const r = adjudicate(lines, cfg).at(0)!;
  // The text is a getter on the results' class (lineSharesRecord.ts), not an own field: JSON sees it
  // through toJSON; object spread and structuredClone copy own fields only, so they read it explicitly.
  test('JSON, spread, keys, structuredClone and toEqual all see it', () => {
    const text = r.explanation;
    expect(JSON.parse(JSON.stringify(r)).explanation).toBe(text);
    expect({ ...r, explanation: r.explanation }.explanation).toBe(text);
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual([
      'lineIndex', 'basis', 'allowed', 'contractual', 'feeScheduleAllowed', 'category', 'primaryPlanId', 'secondaryPlanId',
      'copay', 'deductible', 'coinsurance', 'patientShare', 'insurerShare', 'secondaryShare', 'explanation',
    ]);
    expect('explanation' in r).toBe(true);
    expect(structuredClone({ ...r, explanation: r.explanation }).explanation).toBe(text);
    expect(r).toEqual({ ...r });
    expect(r).toEqual(expect.objectContaining({ explanation: text, patientShare: $('10.00') }));
  });

  test('the text does not change when later lines move the accumulators', () => {
    // Read only after every line was adjudicated: still "after this visit" figures of its own line.
    const all = adjudicate(inSheetOrder([
      line({ serviceDate: '2026-03-01', billed: '300.00' }),
      line({ serviceDate: '2026-03-02', billed: '300.00' }),
    ]), config({ plans: [plan()], coverage: [coverage()] })).toArray();
    expect(all[0]!.explanation).toContain('Deductible 300.00 (300.00 met of 500.00 after this visit)');
    expect(all[1]!.explanation).toContain('Deductible 200.00 (500.00 met of 500.00 after this visit)');
  });
});

describe('display money', () => {
  test('equals formatMoneyDisplay for any amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
      expect(m(cents(n))).toBe(formatMoneyDisplay(cents(n)));
    }), { numRuns: 5000 });
    for (const n of [0, 1, 9, 10, 99, 100, 99999, 100000, 100001, 99999999, 100000000, -1]) {
      expect(m(cents(n))).toBe(formatMoneyDisplay(cents(n)));
    }
  });
});

describe('processingOrder', () => {
  const mk = (index: number, date: string) => line({ index, serviceDate: date });
  test('already in order: identity', () => {
    expect(Array.from(processingOrder([mk(0, '2026-01-01'), mk(1, '2026-01-01'), mk(2, '2026-01-02')]))).toEqual([0, 1, 2]);
  });
  test('sheet order in the array, dates shuffled: stable by date', () => {
    expect(Array.from(processingOrder([mk(0, '2026-01-03'), mk(1, '2026-01-01'), mk(2, '2026-01-03'), mk(3, '2026-01-01')]))).toEqual([1, 3, 0, 2]);
  });
  test('array not in sheet order: by date, then line.index', () => {
    expect(Array.from(processingOrder([mk(3, '2026-01-01'), mk(0, '2026-01-03'), mk(1, '2026-01-01'), mk(2, '2026-01-03')]))).toEqual([2, 0, 1, 3]);
  });
  test('matches a reference sort on random ledgers', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1000 })), { maxLength: 60 }),
      fc.boolean(),
      (rows, sheetOrdered) => {
        const ls = rows.map(([dd, idx], i) => ({ index: sheetOrdered ? i : idx * 100 + i, serviceDate: dd } as unknown as Parameters<typeof processingOrder>[0][number]));
        const expected = ls.map((_, i) => i).sort((a, b) => ls[a]!.serviceDate - ls[b]!.serviceDate || ls[a]!.index - ls[b]!.index);
        expect(Array.from(processingOrder(ls))).toEqual(expected);
      },
    ), { numRuns: 300 });
  });
});
