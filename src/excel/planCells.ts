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

interface RangeFormat {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly numFmt: string;
  /** Plan order: the later range wins. */
  readonly order: number;
}

/** Ranges taller than this are checked on every lookup instead of being indexed row by row (a sheet has few). */
const TALL_RANGE_ROWS = 2048;
const NONE: readonly RangeFormat[] = [];

/**
 * Number format lookup for a sheet: range formats (later win) over column
 * formats. Ranges are indexed by row: a Statements sheet has thousands of
 * small ranges, and scanning them all for every cell cost the renderer
 * seconds of the task pane's time per 10,000 ledger lines.
 */
export function formatLookup(sheet: SheetPlan): (row: number, col: number) => string | null {
  const byColumn = new Map<number, string>();
  for (const c of sheet.columns ?? []) {
    if (c.numFmt) byColumn.set(parseA1(`${c.column}1`).col, c.numFmt);
  }
  const byRow = new Map<number, RangeFormat[]>();
  const tall: RangeFormat[] = [];
  (sheet.formats ?? []).forEach((f, order) => {
    if (!f.numFmt) return;
    const b = parseRange(f.range);
    const r: RangeFormat = { top: b.top, bottom: b.bottom, left: b.left, right: b.right, numFmt: f.numFmt, order };
    if (b.bottom - b.top >= TALL_RANGE_ROWS) {
      tall.push(r);
      return;
    }
    for (let row = b.top; row <= b.bottom; row++) {
      const list = byRow.get(row);
      if (list) list.push(r);
      else byRow.set(row, [r]);
    }
  });
  return (row, col) => {
    let best: RangeFormat | null = null;
    for (const f of byRow.get(row) ?? NONE) {
      if (col >= f.left && col <= f.right && (best === null || f.order > best.order)) best = f;
    }
    for (const f of tall) {
      if (row >= f.top && row <= f.bottom && col >= f.left && col <= f.right && (best === null || f.order > best.order)) best = f;
    }
    return best ? best.numFmt : byColumn.get(col) ?? null;
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
