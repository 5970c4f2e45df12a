/**
 * Parses the mapped cells of one row into a reused scratch array (one slot
 * per field) and reports every cell that does not parse. The hot loop of
 * ingestion: numbers skip all text handling, no closures, no per-cell objects.
 */
import type { InputIssue } from '../../domain/ledger';
import type { CellValue, CellGrid } from '../grid';
import { isBlank } from '../values/blank';
import { Invalid, cellMessage } from '../values/invalid';
import { parseMoney, parseMoneyNonNegative, parseMoneyReceived } from '../values/parseMoney';
import { parseDate } from '../values/parseDate';
import { parseUnits } from '../values/parseNumber';
import { hasCodeSeparator, parseCode, parseText, splitCodes, upperAscii } from '../values/parseText';
import { K_CODE, K_CODES, K_DATE, K_MONEY, K_NONNEG, K_RECEIVED, K_TEXT, K_UNITS, SLOT, type ColumnPlan } from './columnPlan';

/*
 * Imports captured once: under tsx/esbuild (the CLI) every access to an
 * imported binding is a getter call, which at 15M cells is measurable.
 */
const S_UNITS = SLOT.units;
const InvalidL = Invalid;
const parseTextL = parseText;
const parseCodeL = parseCode;
const parseMoneyL = parseMoney;
const parseMoneyReceivedL = parseMoneyReceived;
const parseMoneyNonNegativeL = parseMoneyNonNegative;
const parseDateL = parseDate;
const parseUnitsL = parseUnits;
const hasCodeSeparatorL = hasCodeSeparator;
const splitCodesL = splitCodes;
const upperAsciiL = upperAscii;
const cellMessageL = cellMessage;
const KT = K_TEXT;
const KC = K_CODE;
const KCS = K_CODES;
const KM = K_MONEY;
const KR = K_RECEIVED;
const KN = K_NONNEG;
const KD = K_DATE;
const KU = K_UNITS;
/** Serial ≥ 61 (after Excel's phantom 29 Feb 1900) → days since 1970: serial − 1 + (1899-12-31 = −25568). */
const EPOCH_1900_AFTER_LEAP = -25568 - 1;
const MAX_SERIAL_1900 = 2958466;

/**
 * Fills `scratch` (blank → null; units blank → 1; merged code fields → string[]
 * or null). Returns the number of cells that did not parse (each got an issue).
 */
export function readRow(
  grid: CellGrid,
  r: number,
  plan: ColumnPlan,
  scratch: unknown[],
  issues: InputIssue[],
): number {
  const row = grid.values[r]!;
  const excelRow = grid.top + r;
  let bad = 0;
  // Reset only the slots this sheet writes (others stay null from the start).
  const slots = plan.slots;
  for (let k = 0; k < slots.length; k++) scratch[slots[k]!] = null;
  scratch[S_UNITS] = 1;
  const date1904 = grid.date1904;
  for (let k = 0; k < plan.count; k++) {
    const v: CellValue | undefined = row[plan.col[k]!];
    const kind = plan.kind[k]!;
    const s = plan.slot[k]!;
    if (v === null || v === undefined || v === '') continue;
    // Fast paths for number cells (most of an Excel ledger): exact checks only, no text handling.
    if (typeof v === 'number') {
      if (kind === KM || kind === KR || kind === KN) {
        if (v > -1e11 && v < 1e11) {
          const c = Math.round(v * 100);
          // Whole cents iff v is the double nearest c/100 (see parseMoney); negative charges go the slow way for their issue.
          if (c / 100 === v && (c >= 0 || kind === KM)) {
            scratch[s] = c;
            continue;
          }
          if (c / 100 === v && kind === KR) {
            scratch[s] = -c;
            continue;
          }
        }
      } else if (kind === KD) {
        if (!date1904 && v >= 61 && v < MAX_SERIAL_1900) {
          scratch[s] = EPOCH_1900_AFTER_LEAP + Math.floor(v);
          continue;
        }
      } else if (kind === KU) {
        if (v > 0 && v < Infinity) {
          scratch[s] = v;
          continue;
        }
      }
    } else if (typeof v === 'string' && (kind === KT || kind === KC)) {
      // Text with nothing to trim (and, for codes, nothing to upper-case) is kept as is.
      const n = v.length;
      const c0 = v.charCodeAt(0);
      const c1 = v.charCodeAt(n - 1);
      if (c0 > 32 && c0 !== 160 && c1 > 32 && c1 !== 160 && (kind === KT || isUpperCode(v))) {
        scratch[s] = v;
        continue;
      }
    }
    let out: unknown;
    switch (kind) {
      case KT:
        out = typeof v === 'string' ? parseTextL(v) : parseTextL(v, formatAt(grid, r, plan.col[k]!));
        break;
      case KC:
        out = typeof v === 'string' ? parseCodeL(v) : parseCodeL(v, formatAt(grid, r, plan.col[k]!));
        break;
      case KCS: {
        const t = parseTextL(v);
        if (t !== null) {
          const prev = scratch[s] as string[] | null;
          if (hasCodeSeparatorL(t)) {
            const parts = splitCodesL(t);
            out = prev === null ? parts : prev.concat(parts);
          } else if (prev === null) {
            out = [upperAsciiL(t)]; // a literal sizes the array exactly; push() would reserve 17 slots
          } else {
            prev.push(upperAsciiL(t));
            out = prev;
          }
        } else out = scratch[s];
        break;
      }
      case KM:
        out = parseMoneyL(v);
        break;
      case KR:
        out = parseMoneyReceivedL(v);
        break;
      case KN:
        out = parseMoneyNonNegativeL(v);
        break;
      case KD:
        out = parseDateL(v, grid.date1904);
        break;
      case KU:
        out = parseUnitsL(v);
        break;
      default:
        out = null;
    }
    if (out instanceof InvalidL) {
      bad++;
      issues.push({
        sheet: grid.sheet,
        row: excelRow,
        cell: plan.letters[k]! + excelRow,
        message: cellMessageL(plan.label[k]!, v, out.reason),
        severity: 'error',
      });
      continue;
    }
    if (kind === KU && out === null) continue;
    scratch[s] = out;
  }
  return bad;
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
