/**
 * Parses the mapped cells of one row into a reused scratch array (one slot
 * per field) and reports every cell that does not parse. The hot loop of
 * ingestion: numbers skip all text handling, no closures, no per-cell objects.
 * Each shortcut here is an exact special case of the parser it bypasses
 * (test/ingest/lineCells.test.ts checks they agree).
 */
import type { InputIssue } from '../../domain/ledger';
import type { CellValue, CellGrid } from '../grid';
import { isBlank } from '../values/blank';
import { Invalid, cellMessage } from '../values/invalid';
import { parseMoney, parseMoneyNonNegative, parseMoneyReceived } from '../values/parseMoney';
import { parseDate } from '../values/parseDate';
import { parseUnits } from '../values/parseNumber';
import { hasCodeSeparator, parseCode, parseText, splitCodes, upperAscii } from '../values/parseText';
import { K_MONEY, K_RECEIVED, SLOT, type ColumnPlan } from './columnPlan';

const S_UNITS = SLOT.units;
const KM = K_MONEY;
const KR = K_RECEIVED;
/** Serial ≥ 61 (after Excel's phantom 29 Feb 1900) → days since 1970: serial − 1 + (1899-12-31 = −25568). */
const EPOCH_1900_AFTER_LEAP = -25568 - 1;
const MAX_SERIAL_1900 = 2958466;

/** Plan indices of this row's bad cells, to put its issues in column order (reused, no per-row allocation). */
const badK: number[] = [];
let badCount = 0;

/**
 * Fills `scratch` (blank → null; units blank → 1; merged code fields → string[]
 * or null). Returns the number of cells that did not parse (each got an issue).
 *
 * Columns are taken kind by kind (all text columns, then codes, money,
 * dates, units) rather than left to right: each loop's parser call then sees
 * one kind of cell, which V8 optimises far better than one call site for
 * everything. The row's issues are put back in column order afterwards.
 */
export function readRow(
  grid: CellGrid,
  r: number,
  plan: ColumnPlan,
  scratch: unknown[],
  issues: InputIssue[],
): number {
  const row = grid.values[r]!;
  const col = plan.col;
  const slot = plan.slot;
  let bad = 0;
  badCount = 0; // (not badK.length = 0: setting length is a builtin call per row)
  // Reset only the slots this sheet writes (others stay null from the start).
  const slots = plan.slots;
  for (let j = 0; j < slots.length; j++) scratch[slots[j]!] = null;
  scratch[S_UNITS] = 1;

  // Text: kept as is when there is nothing to trim.
  const textK = plan.textK;
  for (let j = 0; j < textK.length; j++) {
    const k = textK[j]!;
    const v = row[col[k]!];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string') {
      const c0 = v.charCodeAt(0);
      const c1 = v.charCodeAt(v.length - 1);
      scratch[slot[k]!] = c0 > 32 && c0 !== 160 && c1 > 32 && c1 !== 160 ? v : parseText(v);
    } else scratch[slot[k]!] = parseText(v, formatAt(grid, r, col[k]!));
  }

  // Codes: kept as is when already trimmed and upper case.
  const codeK = plan.codeK;
  for (let j = 0; j < codeK.length; j++) {
    const k = codeK[j]!;
    const v = row[col[k]!];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string') {
      const c0 = v.charCodeAt(0);
      const c1 = v.charCodeAt(v.length - 1);
      scratch[slot[k]!] = c0 > 32 && c0 !== 160 && c1 > 32 && c1 !== 160 && isUpperCode(v) ? v : parseCode(v);
    } else scratch[slot[k]!] = parseCode(v, formatAt(grid, r, col[k]!));
  }

  // Merged code columns (Mod 1..4, Dx 1..4, or one cell listing several).
  const codesK = plan.codesK;
  for (let j = 0; j < codesK.length; j++) {
    const k = codesK[j]!;
    const v = row[col[k]!];
    if (v === null || v === undefined || v === '') continue;
    const t = parseText(v);
    if (t === null) continue;
    const s = slot[k]!;
    const prev = scratch[s] as readonly string[] | null;
    if (hasCodeSeparator(t)) {
      const parts = splitCodes(t);
      scratch[s] = prev === null ? parts : prev.concat(parts);
    } else if (prev === null) {
      scratch[s] = single(plan, upperAscii(t));
    } else scratch[s] = prev.concat(upperAscii(t)); // never push: `prev` may be a shared single
  }

  // Money: a number that is whole cents is taken directly (exact check, see parseMoney).
  const moneyK = plan.moneyK;
  for (let j = 0; j < moneyK.length; j++) {
    const k = moneyK[j]!;
    const v = row[col[k]!];
    if (v === null || v === undefined || v === '') continue;
    const kind = plan.kind[k]!;
    if (typeof v === 'number' && v > -1e11 && v < 1e11) {
      const c = Math.round(v * 100);
      if (c / 100 === v) {
        if (c >= 0 || kind === KM) {
          scratch[slot[k]!] = c;
          continue;
        }
        if (kind === KR) {
          scratch[slot[k]!] = -c;
          continue;
        }
      }
    }
    const out = kind === KM ? parseMoney(v) : kind === KR ? parseMoneyReceived(v) : parseMoneyNonNegative(v);
    if (out instanceof Invalid) bad += report(grid, r, plan, k, v, out, issues);
    else scratch[slot[k]!] = out;
  }

  // Dates: a 1900-system serial after the phantom leap day is plain arithmetic.
  const dateK = plan.dateK;
  const date1904 = grid.date1904;
  for (let j = 0; j < dateK.length; j++) {
    const k = dateK[j]!;
    const v = row[col[k]!];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number' && !date1904 && v >= 61 && v < MAX_SERIAL_1900) {
      scratch[slot[k]!] = EPOCH_1900_AFTER_LEAP + Math.floor(v);
      continue;
    }
    const out = parseDate(v, date1904);
    if (out instanceof Invalid) bad += report(grid, r, plan, k, v, out, issues);
    else scratch[slot[k]!] = out;
  }

  // Units: blank stays 1.
  const unitsK = plan.unitsK;
  for (let j = 0; j < unitsK.length; j++) {
    const k = unitsK[j]!;
    const v = row[col[k]!];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number' && v > 0 && v < Infinity) {
      scratch[slot[k]!] = v;
      continue;
    }
    const out = parseUnits(v);
    if (out instanceof Invalid) bad += report(grid, r, plan, k, v, out, issues);
    else scratch[slot[k]!] = out;
  }

  if (bad > 1) inColumnOrder(issues, bad);
  return bad;
}

/**
 * One-code lists (most lines' diagnoses and modifiers) are shared per sheet:
 * a few thousand distinct codes instead of an array per line. Frozen, so a
 * shared list can never be changed through one line.
 */
const SINGLES_MAX = 20_000;
function single(plan: ColumnPlan, code: string): readonly string[] {
  let a = plan.singles.get(code);
  if (a === undefined) {
    a = Object.freeze([code]);
    if (plan.singles.size < SINGLES_MAX) plan.singles.set(code, a);
  }
  return a;
}

function report(grid: CellGrid, r: number, plan: ColumnPlan, k: number, v: CellValue, out: Invalid, issues: InputIssue[]): number {
  const excelRow = grid.top + r;
  badK[badCount++] = k;
  issues.push({
    sheet: grid.sheet,
    row: excelRow,
    cell: plan.letters[k]! + excelRow,
    message: cellMessage(plan.label[k]!, v, out.reason),
    severity: 'error',
  });
  return 1;
}

/** The last `n` issues (this row's) reordered by column (plan order is column order). */
function inColumnOrder(issues: InputIssue[], n: number): void {
  const tail = issues.splice(issues.length - n, n);
  const order = tail.map((_, i) => i).sort((a, b) => badK[a]! - badK[b]!);
  for (const i of order) issues.push(tail[i]!);
}

/** Already upper case: digits, A–Z and punctuation only (most CPT/HCPCS/ICD codes as exported). */
function isUpperCode(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return false;
  }
  return true;
}

function formatAt(grid: CellGrid, r: number, c: number): string | null {
  const f = grid.numberFormats;
  if (f === null) return null;
  const fr = f[r];
  return fr === undefined ? null : (fr[c] ?? null);
}

/** True when every cell of the row is blank (whatever the columns). */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (row === undefined) return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * A required field: blank → an issue at its cell (returns 1). A cell that was
 * there but did not parse already has its issue from `readRow` (returns 0).
 */
export function requireField(
  grid: CellGrid,
  r: number,
  plan: ColumnPlan,
  slot: number,
  scratch: readonly unknown[],
  issues: InputIssue[],
  why: string,
): number {
  if (scratch[slot] !== null) return 0;
  const c = plan.firstCol[slot]!;
  if (c >= 0 && !isBlank(grid.values[r]![c])) return 0;
  const excelRow = grid.top + r;
  issues.push({
    sheet: grid.sheet,
    row: excelRow,
    cell: plan.fieldLetters[slot]! + excelRow,
    message: `${plan.fieldLabel[slot]!} is blank (${why})`,
    severity: 'error',
  });
  return 1;
}
