/**
 * Shared reading of a configuration sheet (DESIGN §4): find the header row
 * (it need not be row 1: a note or title may sit above), map the §4 column
 * names case-, space- and punctuation-insensitively, and read each row with
 * a `RowReader` that turns every bad value into an InputIssue at its cell and
 * marks the row bad, so the caller skips it instead of zeroing a value.
 */
import Decimal from 'decimal.js';
import type { InputIssue } from '../../domain/ledger';
import type { Cents, Percent } from '../../domain/money';
import type { Day } from '../../domain/day';
import { a1, type CellGrid, type CellValue } from '../grid';
import { headerText, normaliseHeader } from '../headers/normaliseHeader';
import { HEADER_SEARCH_ROWS } from '../headers/detectHeaderRow';
import { isBlank } from '../values/blank';
import { Invalid, cellMessage } from '../values/invalid';
import { parseMoney } from '../values/parseMoney';
import { parseDate } from '../values/parseDate';
import { parseCode, parseText } from '../values/parseText';
import { parsePercent, isPercentFormat } from '../values/parsePercent';
import { parseFlag, parseWholeNumber } from '../values/parseNumber';

/**
 * A configuration sheet's header, with each §4 column (`C`: its names as the
 * readers spell them) resolved to its index once, so reading a cell is one
 * map lookup — not a header normalisation per cell.
 */
export interface ConfigTable<C extends string> {
  readonly grid: CellGrid;
  readonly headerIndex: number;
  /** §4 column name (as in the sheet's column list) → 0-based column index; absent columns are missing. */
  readonly cols: ReadonlyMap<C, number>;
  /** Header text as written, by column index. */
  readonly headers: readonly string[];
}

export function issueAt(grid: CellGrid, r: number, c: number, message: string, severity: InputIssue['severity'] = 'error'): InputIssue {
  return { sheet: grid.sheet, row: grid.top + r, cell: a1(grid.left + c, grid.top + r), message, severity };
}

/**
 * The header row: among the first 30 rows, the one naming the most §4
 * columns that names every `key` column. Returns an issue when none does.
 */
export function findConfigHeader<C extends string>(grid: CellGrid, columns: readonly C[], keys: readonly C[]): ConfigTable<C> | InputIssue {
  // Header cells are matched on their normalised text; each §4 name once.
  const wanted = new Map(columns.map((name) => [normaliseHeader(name), name]));
  const keyNorm = keys.map(normaliseHeader);
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let r = 0; r < limit; r++) {
    const row = grid.values[r] ?? [];
    const seen = new Set<string>();
    for (const v of row) {
      const n = normaliseHeader(headerText(v));
      if (wanted.has(n)) seen.add(n);
    }
    if (keyNorm.every((k) => seen.has(k)) && seen.size > bestScore) {
      best = r;
      bestScore = seen.size;
    }
  }
  if (best < 0) {
    return issueAt(grid, 0, 0,
      `Sheet "${grid.sheet}" has no header row with ${keys.join(' and ')} in rows ${grid.top}–${grid.top + HEADER_SEARCH_ROWS - 1} (expected columns: ${columns.join(', ')}); the sheet is not used`);
  }
  const row = grid.values[best] ?? [];
  const cols = new Map<C, number>();
  const headers: string[] = [];
  row.forEach((v, c) => {
    const h = headerText(v);
    headers[c] = h;
    const name = wanted.get(normaliseHeader(h));
    if (name !== undefined && !cols.has(name)) cols.set(name, c);
  });
  return { grid, headerIndex: best, cols, headers };
}

/** Missing required columns → one issue at the header row; returns true when all are there. */
export function requireColumns<C extends string>(t: ConfigTable<C>, required: readonly C[], issues: InputIssue[]): boolean {
  const absent = required.filter((n) => !t.cols.has(n));
  if (absent.length === 0) return true;
  issues.push(issueAt(t.grid, t.headerIndex, 0,
    `Sheet "${t.grid.sheet}" has no ${absent.join(', ')} column in its header row (row ${t.grid.top + t.headerIndex}); the sheet is not used`));
  return false;
}

/** Data rows below the header, blank rows skipped. */
export function* dataRows(t: ConfigTable<string>): Generator<number> {
  for (let r = t.headerIndex + 1; r < t.grid.values.length; r++) {
    const row = t.grid.values[r];
    if (row && row.some((v) => !isBlank(v))) yield r;
  }
}

/** Reads one config row; `bad` turns true on the first value that does not parse. `C`: the sheet's §4 column names. */
export class RowReader<C extends string> {
  bad = false;
  /** The A1 address of the first cell at fault, once `bad`. */
  firstBadCell: string | null = null;
  constructor(
    private readonly t: ConfigTable<C>,
    readonly r: number,
    private readonly issues: InputIssue[],
  ) {}

  get row(): number {
    return this.t.grid.top + this.r;
  }

  private col(name: C): number {
    return this.t.cols.get(name) ?? -1;
  }

  raw(name: C): CellValue | undefined {
    const c = this.col(name);
    return c < 0 ? undefined : this.t.grid.values[this.r]?.[c];
  }

  private format(name: C): string | null {
    const c = this.col(name);
    return c < 0 ? null : (this.t.grid.numberFormats?.[this.r]?.[c] ?? null);
  }

  private label(name: C): string {
    const h = this.t.headers[this.col(name)] ?? '';
    return /^[A-Za-z]/.test(h) ? h : name;
  }

  /** Reports a bad value (the row will be skipped). */
  fail(name: C, reason: string): null {
    this.markBad(issueAt(this.t.grid, this.r, Math.max(0, this.col(name)), cellMessage(this.label(name), this.raw(name) ?? '', reason)));
    return null;
  }

  private markBad(issue: InputIssue): void {
    this.bad = true;
    this.firstBadCell ??= issue.cell;
    this.issues.push(issue);
  }

  warn(name: C, message: string): void {
    const c = Math.max(0, this.col(name));
    this.issues.push(issueAt(this.t.grid, this.r, c, message, 'warning'));
  }

  private take<T>(name: C, v: T | null | Invalid): T | null {
    return v instanceof Invalid ? this.fail(name, v.reason) : v;
  }

  /** A value the row cannot do without: blank → issue, row skipped. */
  required<T>(name: C, v: T | null, why: string): T | null {
    if (v !== null || this.bad) return v;
    if (!isBlank(this.raw(name))) return v; // it had a value that already failed
    this.markBad(issueAt(this.t.grid, this.r, Math.max(0, this.col(name)), `${this.label(name)} is blank (${why})`));
    return null;
  }

  text(name: C): string | null {
    return parseText(this.raw(name), this.format(name));
  }

  code(name: C): string | null {
    return parseCode(this.raw(name), this.format(name));
  }

  money(name: C): Cents | null {
    const v = this.take(name, parseMoney(this.raw(name)));
    if (v !== null && v < 0) return this.fail(name, 'is negative (expected an amount of 0.00 or more)');
    return v;
  }

  percent(name: C, max = 100): Percent | null {
    const raw = this.raw(name);
    const p = this.take(name, parsePercent(raw, this.format(name), max));
    if (p !== null && typeof raw === 'number' && raw > 0 && raw < 1 && !isPercentFormat(this.format(name))) {
      const meant = new Decimal(raw).mul(100).toString();
      this.warn(name, `${this.label(name)} ${raw} is read as ${raw} %; if you meant ${meant} %, type ${meant} (or ${meant}%) or format the cell as a percentage`);
    }
    return p;
  }

  flag(name: C): boolean | null {
    return this.take(name, parseFlag(this.raw(name)));
  }

  date(name: C): Day | null {
    return this.take(name, parseDate(this.raw(name), this.t.grid.date1904));
  }

  whole(name: C, min: number): number | null {
    return this.take(name, parseWholeNumber(this.raw(name), min));
  }
}
