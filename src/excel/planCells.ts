/**
 * A plan block as the two 2-D arrays Office.js writes: values and number
 * formats, written formats first so that Excel files each value under its
 * format. Text — every string, `{ text }` or not — is written under the text
 * format `@`: Excel then stores it as typed, never as a formula (`=`, `+`,
 * `-`, `@`) nor as a number or date ("00123", "3/2/2026"). A plan `null` is
 * an empty cell: written as "" (a null in a 2-D write would keep the old value).
 */
import {
  DEFAULT_DATE_FORMAT, TEXT_FORMAT, columnLetters, excelSerial, isDateCell, isTextCell, parseA1, parseRange,
  type BlockPlan, type CellValue, type SheetPlan,
} from '../report/workbookPlan';

export type OfficeValue = string | number | boolean;

export interface CellArrays {
  values: OfficeValue[][];
  formats: string[][];
}

/** Number format lookup for a sheet: range formats (later win) over column formats. */
export function formatLookup(sheet: SheetPlan): (row: number, col: number) => string | null {
  const byColumn = new Map<number, string>();
  for (const c of sheet.columns ?? []) {
    if (c.numFmt) byColumn.set(parseA1(`${c.column}1`).col, c.numFmt);
  }
  const ranges = (sheet.formats ?? []).filter((f) => f.numFmt).map((f) => ({ box: parseRange(f.range), numFmt: f.numFmt! }));
  return (row, col) => {
    for (let i = ranges.length - 1; i >= 0; i--) {
      const { box, numFmt } = ranges[i]!;
      if (row >= box.top && row <= box.bottom && col >= box.left && col <= box.right) return numFmt;
    }
    return byColumn.get(col) ?? null;
  };
}

export function cellArrays(block: BlockPlan, fmt: (row: number, col: number) => string | null, from = 0, count = block.rows.length): CellArrays {
  const at = parseA1(block.at);
  const values: OfficeValue[][] = [];
  const formats: string[][] = [];
  for (let r = from; r < from + count; r++) {
    const row = block.rows[r]!;
    const vr: OfficeValue[] = new Array(row.length);
    const fr: string[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const v: CellValue = row[c]!;
      const planned = fmt(at.row + r, at.col + c);
      if (v === null) {
        vr[c] = '';
        fr[c] = planned ?? 'General';
      } else if (typeof v === 'string') {
        vr[c] = v;
        fr[c] = TEXT_FORMAT;
      } else if (isTextCell(v)) {
        vr[c] = v.text;
        fr[c] = TEXT_FORMAT;
      } else if (isDateCell(v)) {
        vr[c] = excelSerial(v.date);
        fr[c] = planned && planned !== TEXT_FORMAT && planned !== 'General' ? planned : DEFAULT_DATE_FORMAT;
      } else {
        vr[c] = v;
        fr[c] = planned && planned !== TEXT_FORMAT ? planned : 'General';
      }
    }
    values.push(vr);
    formats.push(fr);
  }
  return { values, formats };
}

export function blockOrigin(block: BlockPlan): { row0: number; col0: number; width: number } {
  const at = parseA1(block.at);
  return { row0: at.row - 1, col0: at.col - 1, width: block.rows[0]?.length ?? 0 };
}

export { columnLetters };
