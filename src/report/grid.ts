/**
 * A small writable grid for builders: rows of a fixed width that become one
 * value block at A1, with the range formats gathered alongside.
 */
import { a1, rangeA1, type BlockPlan, type CellValue, type RangeFormatPlan } from './workbookPlan';

export class GridBuilder {
  readonly rows: CellValue[][] = [];
  readonly formats: RangeFormatPlan[] = [];
  readonly merges: string[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];

  constructor(readonly width: number) {}

  /** The 1-based row the next `push` writes. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Appends a row (padded/cut to the width); returns its 1-based row number. */
  push(values: readonly CellValue[] = []): number {
    const row: CellValue[] = new Array<CellValue>(this.width).fill(null);
    for (let i = 0; i < Math.min(values.length, this.width); i++) row[i] = values[i]!;
    this.rows.push(row);
    return this.rows.length;
  }

  /** Sets one cell (row and column 1-based), growing the grid as needed. */
  set(row: number, col: number, value: CellValue): void {
    while (this.rows.length < row) this.push();
    this.rows[row - 1]![col - 1] = value;
  }

  format(f: RangeFormatPlan): void {
    this.formats.push(f);
  }

  merge(top: number, left: number, bottom: number, right: number): string {
    const r = rangeA1(top, left, bottom, right);
    this.merges.push(r);
    return r;
  }

  height(row: number, height: number): void {
    this.rowHeights.push({ row, height });
  }

  block(): BlockPlan {
    return { at: a1(1, 1), rows: this.rows };
  }
}

/** Rough printed lines of `text` in a cell `widthChars` wide (for row heights of wrapped text). */
export function wrappedLines(text: string, widthChars: number): number {
  let lines = 0;
  for (const para of text.split('\n')) lines += Math.max(1, Math.ceil((para.length * 1.1) / Math.max(1, widthChars)));
  return lines;
}
