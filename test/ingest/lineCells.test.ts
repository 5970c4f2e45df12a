/**
 * Service lines carry their cell addresses in an object built on read (see
 * src/ingest/ledger/lazyCells.ts). It must behave as the plain read-only
 * object LedgerLine.cells promises, for every way the rest of the code reads it.
 */
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

test('reads, in, keys, values, entries, spread, JSON, toEqual', () => {
  const c = firstLine().cells;
  expect(c.billed).toBe('D3');
  expect(c.allowed).toBeUndefined();
  expect('billed' in c).toBe(true);
  expect('allowed' in c).toBe(false);
  expect(Object.keys(c).sort()).toEqual(Object.keys(expected).sort());
  expect(Object.values(c).sort()).toEqual(Object.values(expected).sort());
  expect(Object.fromEntries(Object.entries(c))).toEqual(expected);
  expect({ ...c }).toEqual(expected);
  expect(JSON.parse(JSON.stringify(c))).toEqual(expected);
  expect(c).toEqual(expected);
  expect(Object.prototype.hasOwnProperty.call(c, 'code')).toBe(true);
  expect(Object.getOwnPropertyDescriptor(c, 'code')).toEqual({ value: 'C3', writable: false, enumerable: true, configurable: true });
  expect(inspect(c)).toContain("billed: 'D3'");
  // Strict comparisons check the prototype and constructor too.
  expect(c).toStrictEqual(expected);
  expect(isDeepStrictEqual(c, expected)).toBe(true);
  expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  expect(c.constructor).toBe(Object);
  expect(Object.prototype.toString.call(c)).toBe('[object Object]');
  expect((c as { hasOwnProperty(k: string): boolean }).hasOwnProperty('billed')).toBe(true);
});

test('a copied line keeps its cells; the cells refuse writes', () => {
  const line = firstLine();
  const copy = { ...line, index: 7 };
  expect(copy.cells.code).toBe('C3');
  expect(JSON.parse(JSON.stringify(line)).cells).toEqual(expected);
  expect(() => {
    (line.cells as Record<string, string>).code = 'Z9';
  }).toThrow(TypeError);
  expect(line.cells.code).toBe('C3');
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
