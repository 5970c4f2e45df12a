import { cellArrays, formatLookup } from '../../src/excel/planCells';
import { CURRENCY_FORMAT, DEFAULT_DATE_FORMAT, ISO_DATE_FORMAT, excelSerial, type SheetPlan } from '../../src/report/workbookPlan';

describe('cellArrays: a plan block as the values and formats Office.js writes', () => {
  const sheet: SheetPlan = {
    name: 'S', tag: 'summary', key: 's',
    blocks: [{ at: 'B2', rows: [[null, 'x', { text: '=1+2' }, { date: '2026-01-02' }, 3, true, { date: '2026-03-04' }, null]] }],
    columns: [{ column: 'F', numFmt: CURRENCY_FORMAT }, { column: 'H', numFmt: ISO_DATE_FORMAT }, { column: 'I', numFmt: CURRENCY_FORMAT }],
  };
  const { values, formats } = cellArrays(sheet.blocks[0]!, formatLookup(sheet));

  test('null is "" (a null in a 2-D write would leave the old value), never null', () => {
    expect(values[0]![0]).toBe('');
    expect(values[0]![7]).toBe('');
    expect(values.flat().some((v) => v === null || v === undefined)).toBe(false);
    expect(formats[0]![7]).toBe(CURRENCY_FORMAT); // an empty cell keeps its column's format
  });

  test('every string and { text } under the text format, so none becomes a formula', () => {
    expect([values[0]![1], formats[0]![1]]).toEqual(['x', '@']);
    expect([values[0]![2], formats[0]![2]]).toEqual(['=1+2', '@']);
  });

  test('a date is its serial under a date format (the column one when it has one)', () => {
    expect([values[0]![3], formats[0]![3]]).toEqual([excelSerial('2026-01-02'), DEFAULT_DATE_FORMAT]);
    expect([values[0]![6], formats[0]![6]]).toEqual([excelSerial('2026-03-04'), ISO_DATE_FORMAT]);
  });

  test('numbers and booleans as they are, numbers under their column format', () => {
    expect([values[0]![4], formats[0]![4]]).toEqual([3, CURRENCY_FORMAT]);
    expect(values[0]![5]).toBe(true);
  });
});

describe('formatLookup', () => {
  test('the later range wins, whether short (indexed by row) or tall; columns only where no range is', () => {
    const sheet: SheetPlan = {
      name: 'S', tag: 'statements', key: 's', blocks: [],
      columns: [{ column: 'D', numFmt: '0.0' }],
      formats: [
        { range: 'A1:H5000', numFmt: 'tall-early' },
        { range: 'B2:C3', numFmt: 'short' },
        { range: 'C3:C9000', numFmt: 'tall-late' },
        { range: 'A4000:B4000', font: { bold: true } },
        { range: 'A4000', numFmt: 'short-late' },
      ],
    };
    const f = formatLookup(sheet);
    expect(f(2, 2)).toBe('short');
    expect(f(3, 3)).toBe('tall-late');
    expect(f(2, 3)).toBe('short');
    expect(f(4000, 1)).toBe('short-late');
    expect(f(4000, 2)).toBe('tall-early');
    expect(f(6000, 3)).toBe('tall-late');
    expect(f(6000, 4)).toBe('0.0');
    expect(f(6000, 5)).toBeNull();
  });
});
