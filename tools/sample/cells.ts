/**
 * How values become cells, the way practice-management exports write them:
 * dates mostly as Excel serials (1900 system) and sometimes as US text;
 * money mostly as numbers and sometimes as currency text. Text forms are
 * cached per value because a million-line sample reuses a few hundred dates.
 */
import { day, ymd, type Day } from '../../src/domain/day';
import { formatMoneyDisplay, type Cents } from '../../src/domain/money';
import type { CellValue } from '../../src/ingest/grid';
import type { Rng } from './prng';

const EXCEL_DAY0 = day(1899, 12, 31);

/** Excel 1900-system serial of a Day (Excel's phantom 1900-02-29 is serial 60). */
export function excelSerial(d: Day): number {
  const n = d - EXCEL_DAY0;
  return n < 60 ? n : n + 1;
}

const usPadded = new Map<number, string>();
const usShort = new Map<number, string>();

/** "03/02/2026" or, short, "3/2/2026". */
export function usDate(d: Day, short: boolean): string {
  const cache = short ? usShort : usPadded;
  let s = cache.get(d);
  if (s === undefined) {
    const { y, m, d: dd } = ymd(d);
    s = short ? `${m}/${dd}/${y}` : `${m < 10 ? '0' : ''}${m}/${dd < 10 ? '0' : ''}${dd}/${y}`;
    cache.set(d, s);
  }
  return s;
}

/** "$1,234.56" (positive amounts only; negatives stay numbers). */
export const currencyText = (c: Cents): string => `$${formatMoneyDisplay(c)}`;

/**
 * Money cells as shared number objects: a dollar amount like 90.75 is a
 * boxed double in a mixed array, and a million-line sample would otherwise
 * allocate millions of identical boxes for the garbage collector to trace.
 * The cache starts with a null so V8 keeps it a generic (boxed) array.
 */
const MONEY_BOXES: (number | null)[] = [null];
const MONEY_BOX_LIMIT = 1_000_000;

export function dollars(c: number): number {
  if (c > 0 && c < MONEY_BOX_LIMIT && Number.isInteger(c)) {
    let v = MONEY_BOXES[c];
    if (v === undefined || v === null) {
      while (MONEY_BOXES.length <= c) MONEY_BOXES.push(null);
      v = c / 100;
      MONEY_BOXES[c] = v;
    }
    return v;
  }
  return c / 100;
}

/**
 * Decides, cell by cell, whether a date or an amount is written as text.
 * One draw per row picks the rows that may hold text (so most rows cost a
 * single random number); within them each cell is text at a rate that keeps
 * the overall share at `textRate`.
 */
export class CellStyle {
  private readonly rowShare: number;
  private readonly cellRate: number;
  private textRow = false;

  constructor(private readonly rng: Rng, textRate: number) {
    this.rowShare = Math.min(1, textRate * 10);
    this.cellRate = this.rowShare > 0 ? textRate / this.rowShare : 0;
  }

  /** Call before writing each row. */
  startRow(): void {
    this.textRow = this.rowShare > 0 && this.rng.next() < this.rowShare;
  }

  date(d: Day | null): CellValue {
    if (d === null) return null;
    if (this.textRow && this.rng.next() < this.cellRate) return usDate(d, this.rng.next() < 0.4);
    return excelSerial(d);
  }

  money(c: Cents | null): CellValue {
    if (c === null) return null;
    if (this.textRow && c > 0 && this.rng.next() < this.cellRate) return currencyText(c);
    return dollars(c);
  }
}
