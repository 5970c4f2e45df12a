import { generateSample, type GeneratedSample } from '../../tools/sample';
import { day } from '../../src/domain/day';

const asOf = day(2026, 11, 1);
const plain = (s: GeneratedSample): unknown => JSON.parse(JSON.stringify({ ...s, typedConfig: null }));

describe('sample generator determinism', () => {
  test.each(['service-line', 'transaction'] as const)('same seed → identical sample (%s)', (kind) => {
    const a = generateSample({ seed: 42, lines: 400, asOf, problems: true, kind });
    const b = generateSample({ seed: 42, lines: 400, asOf, problems: true, kind });
    expect(plain(a)).toEqual(plain(b));
    expect(a.expected.length).toBeGreaterThan(0);
  });

  test('different seeds → different rows, injections and people', () => {
    const a = generateSample({ seed: 1, lines: 300, asOf, problems: true });
    const b = generateSample({ seed: 2, lines: 300, asOf, problems: true });
    expect(a.ledger.rows).not.toEqual(b.ledger.rows);
    expect(a.injected).not.toEqual(b.injected);
    expect(a.config.Patients).not.toEqual(b.config.Patients);
  });

  test('the problem switch does not change the practice configuration tables', () => {
    const clean = generateSample({ seed: 5, lines: 200, asOf, problems: false });
    const dirty = generateSample({ seed: 5, lines: 200, asOf, problems: true });
    expect(clean.config.Plans).toEqual(dirty.config.Plans);
    expect(clean.config.FeeSchedule).toEqual(dirty.config.FeeSchedule);
    expect(clean.injected).toEqual([]);
  });

  test.each([1, 5, 17, 299, 2001])('exactly %i charge lines, problems or not', (lines) => {
    for (const problems of [false, true]) {
      for (const kind of ['service-line', 'transaction'] as const) {
        expect(generateSample({ seed: 8, lines, asOf, problems, kind }).counts.chargeLines).toBe(lines);
      }
    }
  });

  test('line count and header placement follow the options', () => {
    const s = generateSample({ seed: 9, lines: 250, asOf, problems: false, titleRows: 5 });
    expect(s.ledger.headerRow).toBe(6);
    expect(s.ledger.titleRows).toHaveLength(5);
    expect(s.ledger.rows).toHaveLength(250);
    expect(s.counts).toMatchObject({ rowsRead: 250, linesAnalyzed: 250, excludedRows: 0, blankRows: 0, totalRows: 0 });
    const bare = generateSample({ seed: 9, lines: 10, asOf, problems: false, titleRows: 0 });
    expect(bare.ledger.headerRow).toBe(1);
  });
});
