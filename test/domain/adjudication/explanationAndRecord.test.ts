/**
 * The explanation: text that starts with a word, money in display form,
 * written by explainShares from the working adjudication kept as plain data.
 */
import fc from 'fast-check';
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { serviceDateOrder } from '../../../src/domain/adjudication/lineOrder';
import { $, benefit, config, coverage, inSheetOrder, line, plan, ledgerOf } from '../../support/builders';

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
  const r = adjudicate(ledgerOf(lines), cfg);

  test('copay and an out-of-pocket cut', () => {
    // copay 25; deductible met; 20 % × 100 = 20; total 45 > room 10 → cut 35: coinsurance 20 → 0, copay 25 → 10
    expect(explainShares(r[0]!)).toBe(
      'Allowed 125.00 (billed 200.00 less 75.00 contractual adjustment). Copay 10.00. Deductible already met, then 20% coinsurance of 100.00 = 20.00. '
      + 'Out-of-pocket maximum reached (1,000.00 met of 1,000.00), so your share is 35.00 less. You owe 10.00; your plan pays 115.00.',
    );
  });

  test('every text starts with a letter (never a formula) and uses display money', () => {
    for (const x of r) {
      expect(explainShares(x)).toMatch(/^[A-Za-z]/);
      expect(explainShares(x)).not.toMatch(/\d{4}\.\d\d/); // 1,234.56 never 1234.56
    }
    expect(explainShares(r[4]!)).toContain('9,000.00');
  });

  test('reading it twice gives the same text', () => {
    expect(explainShares(r[1]!)).toBe(explainShares(r[1]!));
  });
});

describe('shares are plain data', () => {
  const all = adjudicate(ledgerOf(lines), cfg);
  test('structuredClone and a JSON round trip keep every field, the working included', () => {
    expect(structuredClone(all)).toEqual(all);
    const r = all[0]!;
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(explainShares(structuredClone(r))).toBe(explainShares(r));
    expect(Object.getOwnPropertyNames(r)).toContain('working');
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });

  test('the text does not change when later lines move the accumulators', () => {
    // Read only after every line was adjudicated: still "after this visit" figures of its own line.
    const all = adjudicate(ledgerOf(inSheetOrder([
      line({ serviceDate: '2026-03-01', billed: '300.00' }),
      line({ serviceDate: '2026-03-02', billed: '300.00' }),
    ])), config({ plans: [plan()], coverage: [coverage()] }));
    expect(explainShares(all[0]!)).toContain('Deductible 300.00 (300.00 met of 500.00 after this visit)');
    expect(explainShares(all[1]!)).toContain('Deductible 200.00 (500.00 met of 500.00 after this visit)');
  });
});

describe('serviceDateOrder', () => {
  const mk = (index: number, date: string) => line({ index, serviceDate: date });
  test('already in order: identity', () => {
    expect(serviceDateOrder([mk(0, '2026-01-01'), mk(1, '2026-01-01'), mk(2, '2026-01-02')])).toEqual([0, 1, 2]);
  });
  test('dates shuffled: stable by date, then sheet order', () => {
    expect(serviceDateOrder([mk(0, '2026-01-03'), mk(1, '2026-01-01'), mk(2, '2026-01-03'), mk(3, '2026-01-01')])).toEqual([1, 3, 0, 2]);
  });
  test('matches a reference sort on random ledgers', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }),
      (dates) => {
        const ls = dates.map((dd, i) => ({ index: i, serviceDate: dd } as unknown as Parameters<typeof serviceDateOrder>[0][number]));
        const expected = ls.map((_, i) => i).sort((a, b) => ls[a]!.serviceDate - ls[b]!.serviceDate || a - b);
        expect(serviceDateOrder(ls)).toEqual(expected);
      },
    ), { numRuns: 300 });
  });
});
