/**
 * Reads a rectangle of a sheet (values and, if asked, number formats) in row
 * blocks, one sync a block, each response kept under Excel on the web's 5 MB.
 * A response's size is only known once read, so the first block is sized
 * from a generous guess per cell and later ones from the largest row seen
 * so far; a block the host still refuses is halved and read again (as
 * Microsoft's large-range guidance advises).
 */
import { PAYLOAD_BUDGET, rowBytes } from './payload';

export interface RectSpec {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface BlockReadResult {
  values: unknown[][];
  numberFormats: string[][] | null;
  syncs: number;
}

/** Bytes guessed for a cell before any has been seen (value + format). */
const FIRST_GUESS_PER_CELL = 80;

export async function readInBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: RectSpec,
  withFormats: boolean,
  budget: number = PAYLOAD_BUDGET,
): Promise<BlockReadResult> {
  const values: unknown[][] = [];
  const numberFormats: string[][] | null = withFormats ? [] : null;
  let perRow = Math.max(1, rect.cols) * FIRST_GUESS_PER_CELL;
  let measured = false;
  let syncs = 0;
  let at = 0;
  while (at < rect.rows) {
    const count = Math.max(1, Math.min(rect.rows - at, Math.floor(budget / perRow)));
    const range = sheet.getRangeByIndexes(rect.row + at, rect.col, count, rect.cols);
    range.load(withFormats ? ['values', 'numberFormat'] : ['values']);
    try {
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if ((e as { code?: string }).code === 'ResponsePayloadSizeLimitExceeded' && count > 1) {
        perRow *= 2;
        continue;
      }
      throw e;
    }
    const v = range.values;
    const f = withFormats ? (range.numberFormat as string[][]) : null;
    let maxRow = 0;
    for (let r = 0; r < v.length; r++) {
      const row = v[r]!;
      values.push(row);
      const b = rowBytes(row) + (f ? rowBytes(f[r]!) : 0);
      if (b > maxRow) maxRow = b;
      if (f) numberFormats!.push(f[r]!);
    }
    // Size the next block from the widest row so far (rows vary; the margin is in the budget).
    perRow = measured ? Math.max(perRow, maxRow) : Math.max(1, maxRow);
    measured = true;
    at += count;
  }
  return { values, numberFormats, syncs };
}
