/**
 * Adjudication takes the lines one accumulator group at a time (lineOrder.ts);
 * DESIGN §5 says one service-date order. These tests hold the two to the same
 * shares: a line's order can only matter to lines that share an accumulator.
 */
import fc from 'fast-check';
import { adjudicate, adjudicateInOrder } from '../../../src/domain/adjudication/adjudicate';
import { accountFamilies, adjudicationOrder, serviceDateOrder } from '../../../src/domain/adjudication/lineOrder';
import { generateWorkbook } from '../../../tools/sample';
import { analyzeWorkbook } from '../../../src/app/analyze';
import { parseIso } from '../../../src/domain/day';
import { config, coverage, d, ledgerOf, line, plan } from '../../support/builders';

describe('accountFamilies', () => {
  test('accounts sharing a FamilyId share a group; a member who moved families links both', () => {
    const groups = accountFamilies([
      coverage({ account: 'A1', familyId: 'F1' }),
      coverage({ account: 'A2', familyId: 'F1' }),
      coverage({ account: 'A3', familyId: 'F2' }),
      coverage({ account: 'A4', familyId: 'F3' }),
      coverage({ account: 'A4', familyId: 'F2' }), // A4 moved from F3 to F2
      coverage({ account: 'A5', familyId: 'F3' }),
      coverage({ account: 'A6' }), // self-only
    ]);
    expect(groups.familyOf('A1')).toBe(groups.familyOf('A2'));
    expect(groups.familyOf('A3')).toBe(groups.familyOf('A4'));
    expect(groups.familyOf('A5')).toBe(groups.familyOf('A3'));
    expect(groups.familyOf('A1')).not.toBe(groups.familyOf('A3'));
    expect(groups.familyOf('A6')).toBeNull();
  });
});

describe('adjudicationOrder', () => {
  test('a family together, each group by service date then sheet order, groups by first appearance', () => {
    const lines = [
      line({ index: 0, account: 'B', serviceDate: '2026-03-01' }),
      line({ index: 1, account: 'A1', serviceDate: '2026-02-01' }),
      line({ index: 2, account: 'B', serviceDate: '2026-01-01' }),
      line({ index: 3, account: 'A2', serviceDate: '2026-01-15' }),
      line({ index: 4, account: 'A1', serviceDate: '2026-01-15' }),
    ];
    const order = adjudicationOrder(lines, [coverage({ account: 'A1', familyId: 'F' }), coverage({ account: 'A2', familyId: 'F' })]);
    expect(order).toEqual([2, 0, 3, 4, 1]);
  });

  test('a permutation in which the lines of every accumulator group keep service-date order', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ account: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 0, max: 20 }) }), { maxLength: 50 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
      (spec, links) => {
        const lines = spec.map((s, i) => line({ index: i, account: `A${s.account}`, serviceDate: '2026-01-01' })).map((l, i) => ({ ...l, serviceDate: (l.serviceDate + spec[i]!.day) as typeof l.serviceDate }));
        const rows = links.map(([a, f]) => coverage({ account: `A${a}`, familyId: `F${f}` }));
        const order = adjudicationOrder(lines, rows);
        expect([...order].sort((x, y) => x - y)).toEqual(lines.map((_, i) => i));
        // Reference: accounts linked by a family (a plain closure over the links) share a group.
        const linked = (a: number, b: number): boolean => {
          const reach = new Set<string>([`A${a}`]);
          for (let grew = true; grew;) {
            grew = false;
            for (const [x, f] of links) for (const [y, g] of links) {
              if (f === g && reach.has(`A${x}`) && !reach.has(`A${y}`)) { reach.add(`A${y}`); grew = true; }
            }
          }
          return reach.has(`A${b}`);
        };
        const at = new Map(order.map((p, k) => [p, k]));
        for (let i = 0; i < lines.length; i++) for (let j = 0; j < lines.length; j++) {
          const a = lines[i]!, b = lines[j]!;
          const together = a.account === b.account || linked(spec[i]!.account, spec[j]!.account);
          const before = a.serviceDate < b.serviceDate || (a.serviceDate === b.serviceDate && i < j);
          if (together && before) expect(at.get(i)!).toBeLessThan(at.get(j)!);
        }
      },
    ), { numRuns: 200 });
  });
});

describe('the shares do not depend on taking the ledger group by group', () => {
  test('family deductibles and out-of-pocket maximums on random families: the same as one service-date order', () => {
    const plans = [plan({ planId: 'P1', deductibleIndividual: '300.00', deductibleFamily: '500.00', oopMaxIndividual: '800.00', oopMaxFamily: '1200.00' }),
      plan({ planId: 'P2', payer: 'Other Health', deductibleType: 'Aggregate', deductibleIndividual: '400.00', deductibleFamily: '700.00' })];
    fc.assert(fc.property(
      fc.array(fc.record({ account: fc.integer({ min: 0, max: 4 }), day: fc.integer({ min: 0, max: 400 }), billed: fc.integer({ min: 1, max: 90000 }) }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.record({ account: fc.integer({ min: 0, max: 4 }), family: fc.option(fc.integer({ min: 0, max: 2 })), planId: fc.constantFrom('P1', 'P2'), from: fc.integer({ min: 0, max: 200 }), met: fc.integer({ min: 0, max: 40000 }) }), { maxLength: 8 }),
      (spec, rows) => {
        const start = d('2025-06-01');
        const lines = spec.map((s, i) => ({ ...line({ index: i, account: `A${s.account}`, payer: 'Acme Health' }), serviceDate: (start + s.day) as typeof start, billed: s.billed as ReturnType<typeof line>['billed'], allowed: null }));
        const cov = rows.map((r, k) => ({ ...coverage({ account: `A${r.account}`, planId: r.planId, familyId: r.family === null ? null : `F${r.family}`, row: k + 2 }), effectiveFrom: (start + r.from) as typeof start, deductibleMet: r.met as ReturnType<typeof line>['billed'] }));
        const c = config({ plans, coverage: cov });
        const ledger = ledgerOf(lines);
        expect(adjudicate(ledger, c)).toEqual(adjudicateInOrder(ledger, c, serviceDateOrder(lines)));
      },
    ), { numRuns: 300 });
  });

  test.each([1, 2, 3])('a generated workbook with families, plan years and secondaries (seed %i)', async (seed) => {
    const w = generateWorkbook({ shape: 'service-lines', seed, lines: 1500, problems: 0.01 });
    const grids = [...w.sheets.map((s) => ({ sheet: s.name, values: s.values })), ...Object.entries(w.config ?? {}).map(([sheet, values]) => ({ sheet, values }))]
      .map((g) => ({ ...g, numberFormats: null, top: 1, left: 1, date1904: false, allText: false }));
    const r = await analyzeWorkbook({ listSheets: async () => grids.map((g) => ({ name: g.sheet, tables: [] })), readGrid: async (s) => grids.find((g) => g.sheet === s)! },
      { asOf: parseIso(w.asOf), today: parseIso(w.asOf)! });
    expect(r.config.coverage.some((row) => row.familyId !== null)).toBe(true);
    expect(r.shares).toEqual(adjudicateInOrder(r.ledger, r.config, serviceDateOrder(r.ledger.lines)));
  });
});
