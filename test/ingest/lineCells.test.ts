/**
 * Service lines carry their cell addresses as plain data (LedgerLine.columns, shared by a sheet's lines; cellOf reads an address),
 * and the number cells of a row parse as the full parsers say.
 */
import { cellOf } from '../../src/domain/ledger';
import { cellsOf } from '../support/builders';
import { inspect, isDeepStrictEqual } from 'util';
import fc from 'fast-check';
import { ingestLedger } from '../../src/ingest/ledger/ingestLedger';
import type { LedgerLine } from '../../src/domain/ledger';
import { parseDate } from '../../src/ingest/values/parseDate';
import { parseMoney, parseMoneyReceived } from '../../src/ingest/values/parseMoney';
import { Invalid } from '../../src/ingest/values/invalid';
import { gridOf } from '../support/gridOf';

function firstLine(): LedgerLine {
  const r = ingestLedger(gridOf([
    ['Title'],
    ['Account', 'DOS', 'CPT', 'Charge', 'Ins Paid', 'Dx 1', 'Dx 2', 'Notes'],
    ['A1', 46083, '99213', 100, 80, 'J06.9', 'R05', 'n'],
  ]));
  if (!r.ok) throw new Error(r.message);
  return r.ledger.lines[0]!;
}

const expected = { account: 'A3', serviceDate: 'B3', code: 'C3', billed: 'D3', insurerPaid: 'E3', diagnoses: 'F3' };

test('cells are a plain object of A1 addresses', () => {
  const c = cellsOf(firstLine());
  expect(c).toStrictEqual(expected);
  expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  expect(inspect(c)).toContain("billed: 'D3'");
  expect(isDeepStrictEqual(c, expected)).toBe(true);
});

// Issue 9: results cross to a Web Worker by structured clone; a line must come through whole.
test('a line survives structuredClone', () => {
  const line = firstLine();
  const copy = structuredClone(line);
  // (toEqual: the clone's arrays come from Node's realm, not jest's sandbox)
  expect(copy).toEqual(line);
  expect(cellsOf(copy)).toEqual(expected);
});

test('fast paths for number cells agree with the full parsers', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.integer({ min: -100, max: 3_000_000 }), fc.double({ min: -10, max: 3e6, noNaN: true })),
      fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), fc.double({ min: -1e12, max: 1e12, noNaN: true })),
      (dos, money) => {
        const r = ingestLedger(gridOf([['Account', 'DOS', 'CPT', 'Charge', 'Ins Paid', 'Balance'], ['A1', dos, '99213', 1, money, money]]));
        if (!r.ok) throw new Error(r.message);
        const want = { date: parseDate(dos, false), paid: parseMoneyReceived(money), bal: parseMoney(money) };
        const ok = !(want.date instanceof Invalid) && want.date !== null && !(want.paid instanceof Invalid);
        expect(r.ledger.lines.length).toBe(ok ? 1 : 0);
        if (ok) {
          const l = r.ledger.lines[0]!;
          expect(l.serviceDate).toBe(want.date);
          expect(l.insurerPaid).toBe(want.paid);
          expect(l.balance).toBe(want.bal);
        }
      },
    ),
    { numRuns: 2000 },
  );
});
