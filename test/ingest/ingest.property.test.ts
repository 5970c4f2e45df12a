/**
 * Property tests: random ledgers assembled from rows whose kind we know
 * (valid, junk, blank, total). The generator records what it put in; the
 * counts must equal that record, and every junk row must carry an issue.
 */
import fc from 'fast-check';
import { ingestLedger } from '../../src/ingest/ledger/ingestLedger';
import type { CellValue } from '../../src/ingest/grid';
import { parseMoney, parseMoneyReceived, parseMoneyNonNegative } from '../../src/ingest/values/parseMoney';
import { parseDate } from '../../src/ingest/values/parseDate';
import { parseCode, parseText } from '../../src/ingest/values/parseText';
import { parseFlag, parseUnits, parseWholeNumber } from '../../src/ingest/values/parseNumber';
import { parsePercent } from '../../src/ingest/values/parsePercent';
import { normaliseStatus } from '../../src/ingest/values/parseStatus';
import { transactionKind } from '../../src/ingest/values/parseTransactionType';
import { Invalid } from '../../src/ingest/values/invalid';
import { gridOf } from '../support/gridOf';

/**
 * Independent oracle for a number money cell (DESIGN §3): in units of
 * 10^-12 via BigInt, whole cents when within 0.000001 of one, else not
 * money; 1e11 and beyond is not money.
 */
function centsOracle(x: number): number | null {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e11) return null;
  const text = x.toFixed(12);
  const negative = text.startsWith('-');
  const [whole, frac] = text.replace('-', '').split('.');
  const units = BigInt(whole! + frac!) * (negative ? -1n : 1n);
  const perCent = 10_000_000_000n;
  const half = perCent / 2n;
  const cents = (units >= 0n ? units + half : units - half) / perCent;
  const off = units - cents * perCent;
  if ((off < 0n ? -off : off) > 1_000_000n) return null;
  const n = Number(cents);
  return n === 0 ? 0 : n;
}

type Kind = 'valid' | 'junk' | 'blank' | 'total';
interface GenRow {
  readonly kind: Kind;
  readonly cells: CellValue[];
}

const HEADER = ['Account', 'DOS', 'CPT', 'Charge', 'Ins Paid', 'Status', 'Description'];
const CODES = ['99213', '99214', '80053', '36415', 'G0439', '97110'];
const DESCRIPTIONS = ['Office visit', 'Lab panel', 'Venipuncture', 'Total knee arthroplasty', 'Therapy'];

const account = fc.integer({ min: 100, max: 999 }).map((n) => `A${n}`);
const serial = fc.integer({ min: 61, max: 60000 });
const textDate = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1990, max: 2030 }))
  .map(([m, d, y]) => `${m}/${d}/${y}`);
const cents = fc.integer({ min: 0, max: 10_000_000 });
const moneyCell = fc.oneof(
  cents.map((c) => c / 100),
  cents.map((c) => `$${(c / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`),
  cents.map((c) => `(${(c / 100).toFixed(2)})`),
);

const validRow: fc.Arbitrary<GenRow> = fc
  .record({
    account,
    dos: fc.oneof(serial, textDate),
    code: fc.constantFrom(...CODES),
    charge: moneyCell.filter((v) => typeof v === 'number' || !v.startsWith('(')),
    ins: fc.option(moneyCell, { nil: null }),
    status: fc.constantFrom('Paid', 'Denied', 'Pending', null, 'Whatever'),
    desc: fc.constantFrom(...DESCRIPTIONS),
  })
  .map((r) => ({ kind: 'valid', cells: [r.account, r.dos, r.code, r.charge, r.ins, r.status, r.desc] }));

/** A valid row with one defect that must exclude it. */
const junkRow: fc.Arbitrary<GenRow> = fc
  .tuple(validRow, fc.constantFrom('badCharge', 'decimals', 'badDate', 'impossibleDate', 'badIns', 'noAccount', 'noCode', 'noDate', 'negativeCharge'))
  .map(([v, defect]) => {
    const c = v.cells.slice();
    switch (defect) {
      case 'badCharge': c[3] = 'abc'; break;
      case 'decimals': c[3] = 12.345; break;
      case 'badDate': c[1] = 'someday'; break;
      case 'impossibleDate': c[1] = '02/30/2026'; break;
      case 'badIns': c[4] = '1,23'; break;
      case 'noAccount': c[0] = null; break;
      case 'noCode': c[2] = '  '; break;
      case 'noDate': c[1] = null; break;
      case 'negativeCharge': c[3] = -5; break;
    }
    return { kind: 'junk', cells: c };
  });

const blankRow: fc.Arbitrary<GenRow> = fc
  .array(fc.constantFrom<CellValue>(null, '', '   '), { maxLength: 8 })
  .map((cells) => ({ kind: 'blank', cells }));

const totalRow: fc.Arbitrary<GenRow> = fc
  .tuple(fc.constantFrom('Total', 'Subtotal', 'Grand Total', 'Totals:', 'Total for A100', null), fc.constantFrom(0, 6), cents)
  .map(([label, at, c]) => {
    const cells: CellValue[] = [null, null, null, c / 100, null, null, null];
    if (label !== null) cells[at] = label;
    return { kind: 'total', cells };
  });

const ledgerArb = fc.record({
  titleRows: fc.integer({ min: 0, max: 3 }),
  rows: fc.array(fc.oneof({ arbitrary: validRow, weight: 4 }, junkRow, blankRow, totalRow), { maxLength: 60 }),
  last: validRow, // never end on a blank row: trailing blanks are not "read"
});

describe('ingestLedger properties', () => {
  test('counts equal what the generator put in; every junk row has an issue on its row', () => {
    fc.assert(
      fc.property(ledgerArb, ({ titleRows, rows, last }) => {
        const all = [...rows, last];
        const grid: CellValue[][] = [];
        for (let i = 0; i < titleRows; i++) grid.push([`Report line ${i + 1}`]);
        grid.push(HEADER);
        for (const r of all) grid.push(r.cells);
        const result = ingestLedger(gridOf(grid));
        if (!result.ok) throw new Error(result.message);
        const { counts, issues, lines } = result.ledger;
        const n = (k: Kind): number => all.filter((r) => r.kind === k).length;
        expect(counts).toEqual({ rowsRead: all.length, linesAnalyzed: n('valid'), excludedRows: n('junk'), blankRows: n('blank'), totalRows: n('total') });
        const firstData = titleRows + 2; // Excel row of all[0]
        all.forEach((r, i) => {
          const excelRow = firstData + i;
          const here = issues.filter((x) => x.row === excelRow);
          if (r.kind === 'junk') expect(here.some((x) => x.severity === 'error')).toBe(true);
          if (r.kind === 'total') expect(here.map((x) => x.severity)).toEqual(['info']);
          if (r.kind === 'valid' || r.kind === 'blank') expect(here).toEqual([]);
        });
        expect(lines.map((l) => l.row)).toEqual(all.map((r, i) => (r.kind === 'valid' ? firstData + i : -1)).filter((x) => x > 0));
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on arbitrary grids', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null),
      fc.constantFrom<CellValue>('Account', 'DOS', 'CPT', 'Charge', 'Type', 'Amount', 'Total', 'Payment', 'Charge'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), fc.boolean(), (rows, date1904) => {
        const r = ingestLedger(gridOf(rows, { date1904 }));
        if (r.ok) {
          const c = r.ledger.counts;
          expect(c.linesAnalyzed + c.excludedRows + c.blankRows + c.totalRows).toBe(c.rowsRead);
        } else expect(r.message).toMatch(/^[A-Z]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parsers never throw', () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom(...'0123456789$,.()-+ /:%eE'.split('')) }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  test('each parser returns a value, null or Invalid for any string or number', () => {
    fc.assert(
      fc.property(anyCell, fc.option(fc.constantFrom('0%', '0.00', 'mm/dd/yyyy', '00000'), { nil: null }), (v, fmt) => {
        for (const r of [parseMoney(v), parseMoneyReceived(v), parseMoneyNonNegative(v), parseDate(v, false), parseDate(v, true),
          parseUnits(v), parseFlag(v), parsePercent(v, fmt), parseWholeNumber(v, 0)]) {
          expect(r === null || r instanceof Invalid || typeof r === 'number' || typeof r === 'boolean').toBe(true);
          if (typeof r === 'number') expect(Number.isFinite(r)).toBe(true);
        }
        const money = parseMoney(v);
        if (typeof money === 'number') expect(Number.isSafeInteger(money)).toBe(true);
        parseText(v, fmt);
        parseCode(v, fmt);
        if (typeof v === 'string') {
          normaliseStatus(v);
          transactionKind(v);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('number cells agree with an independent oracle (whole cents, or within 0.000001 of one)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
        fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 1000), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100 + 1e-9)), (x) => {
        const oracle = centsOracle(x);
        const got = parseMoney(x);
        if (oracle === null) expect(got).toBeInstanceOf(Invalid);
        else expect(got).toBe(oracle);
      }),
      { numRuns: 5000 },
    );
  });

  test('money text round-trips: any cents written as $#,##0.00 parses back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        const abs = Math.abs(c);
        const text = `${c < 0 ? '-' : ''}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
        expect(parseMoney(text)).toBe(c);
        expect(parseMoney(c / 100)).toBe(c);
      }),
    );
  });
});
