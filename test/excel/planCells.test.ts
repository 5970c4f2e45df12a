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
