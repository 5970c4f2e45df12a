/**
 * DESIGN §3 / issue 10: no money value Excel can hold as a two-decimal
 * amount computed by formulas (sums and differences of cents, as doubles)
 * becomes an input issue; each parses to its exact cents. The expected
 * cents are the integer sum, worked without floats.
 */
import fc from 'fast-check';
import { parseMoney } from '../../src/ingest/values/parseMoney';
import { ingestLedger } from '../../src/ingest/ledger/ingestLedger';
import { gridOf } from '../support/gridOf';

/** Up to ±10,000,000.00 a term, as Excel's cells would hold them. */
const centsArb = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const formulaArb = fc.record({
  first: centsArb,
  terms: fc.array(fc.tuple(fc.boolean(), centsArb), { minLength: 1, maxLength: 12 }),
});

function evaluate(f: { first: number; terms: [boolean, number][] }): { asDouble: number; exact: number } {
  let asDouble = f.first / 100;
  let exact = f.first;
  for (const [plus, c] of f.terms) {
    asDouble = plus ? asDouble + c / 100 : asDouble - c / 100;
    exact = plus ? exact + c : exact - c;
  }
  return { asDouble, exact };
}

test('sums and differences of cents parse to their exact cents', () => {
  fc.assert(
    fc.property(formulaArb, (f) => {
      const { asDouble, exact } = evaluate(f);
      expect(parseMoney(asDouble)).toBe(exact);
      expect(parseMoney(String(asDouble))).toBe(exact); // the same value through a CSV
    }),
    { numRuns: 5000 },
  );
});

test('…and never make a ledger row an input issue', () => {
  fc.assert(
    fc.property(formulaArb, (f) => {
      const { asDouble, exact } = evaluate(f);
      const r = ingestLedger(gridOf([['Account', 'DOS', 'CPT', 'Charge', 'Balance'], ['A1', 46083, '99213', 100, asDouble]]));
      if (!r.ok) throw new Error(r.message);
      expect(r.ledger.issues).toEqual([]);
      expect(r.ledger.lines[0]!.balance).toBe(exact);
    }),
    { numRuns: 1000 },
  );
});
