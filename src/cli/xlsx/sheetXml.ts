/**
 * A worksheet part (xl/worksheets/sheetN.xml) → a CellGrid, with a small
 * hand-written scanner instead of a DOM or SAX parser: a ledger sheet has
 * millions of cells and this is the hot loop of reading a workbook.
 *
 * Values come out as Excel.Range.values gives them: numbers (dates stay
 * serial numbers, with their number format), text (shared, inline, rich or
 * a formula's text result), booleans, error text ("#DIV/0!"); a formula
 * gives its cached result. A cell with no value is null and has no format.
 * The grid spans A1 to the last row and column that the sheet mentions.
 */
import type { CellGrid, CellValue } from '../../ingest/grid';
import { dayFromYmd, excelSerialFromDay } from '../../domain/day';
import { cursor, decodeOoxmlEscapes, isName, readText, skipPrefix } from './xmlText';

export interface SheetParts {
  readonly sharedStrings: readonly string[];
  /** Number format code per cell style index. */
  readonly styleFormats: readonly (string | null)[];
  readonly date1904: boolean;
}

// Cell types, from the `t` attribute.
const T_NUMBER = 0, T_SHARED = 1, T_STR = 2, T_INLINE = 3, T_BOOL = 4, T_ERROR = 5, T_DATE = 6;
/** A shared-string cell whose string has already been looked up (v holds it, '' included). */
const T_RESOLVED = 7;

/** Attribute positions of the tag being read, filled by `readTag` (one per sheet read, reused for each tag). */
interface TagAttributes {
  end: number;
  selfClosing: boolean;
  rStart: number;
  rEnd: number;
  tStart: number;
  tEnd: number;
  sStart: number;
  sEnd: number;
}

/**
 * Reads the attributes of a start tag from i (just after its name) to its
 * `>`, noting where the one-letter attributes r, t and s have their values.
 * Quoted values may hold `>`; other attributes are skipped.
 */
function readTag(x: string, i: number, tag: TagAttributes): void {
  tag.rStart = tag.tStart = tag.sStart = -1;
  const n = x.length;
  let p = i;
  while (p < n) {
    let c = x.charCodeAt(p);
    if (c === 62 /* > */) {
      tag.end = p;
      tag.selfClosing = x.charCodeAt(p - 1) === 47;
      return;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      p++;
      continue;
    }
    const nameStart = p;
    while (p < n && (c = x.charCodeAt(p)) !== 61 /* = */ && c !== 62 && c !== 32 && c !== 9 && c !== 10 && c !== 13) p++;
    const nameLen = p - nameStart;
    while (p < n && (c = x.charCodeAt(p)) !== 34 && c !== 39 && c !== 62) p++;
    if (c === 62) continue;
    const q = c;
    const vStart = p + 1;
    const vEnd = x.indexOf(String.fromCharCode(q), vStart);
    if (vEnd < 0) break;
    p = vEnd + 1;
    if (nameLen === 1) {
      const a = x.charCodeAt(nameStart);
      if (a === 114 /* r */) { tag.rStart = vStart; tag.rEnd = vEnd; }
      else if (a === 116 /* t */) { tag.tStart = vStart; tag.tEnd = vEnd; }
      else if (a === 115 /* s */) { tag.sStart = vStart; tag.sEnd = vEnd; }
    }
  }
  tag.end = n;
  tag.selfClosing = false;
}

function cellType(x: string, start: number, end: number): number {
  if (start < 0) return T_NUMBER;
  const len = end - start;
  const c = x.charCodeAt(start);
  if (len === 1) {
    if (c === 115) return T_SHARED;
    if (c === 98) return T_BOOL;
    if (c === 101) return T_ERROR;
    if (c === 100) return T_DATE;
    return T_NUMBER;
  }
  if (len === 3 && c === 115) return T_STR; // "str"
  if (len === 9 && c === 105) return T_INLINE; // "inlineStr"
  return T_NUMBER;
}

/** Unsigned decimal integer in x[start, end); -1 when absent or not digits. */
function digits(x: string, start: number, end: number): number {
  if (start < 0 || start === end) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = x.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Filled by `parseRef`: the 1-based column and row of an A1 reference (0 where a part is missing). */
interface CellRef {
  col: number;
  row: number;
}

/** Parses the tag's `r` attribute into `ref`. */
function parseRef(x: string, tag: TagAttributes, ref: CellRef): void {
  const start = tag.rStart;
  const end = tag.rEnd;
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    let c = x.charCodeAt(i);
    if (c === 36 /* $ */) continue;
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  for (; i < end; i++) {
    const d = x.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) row = row * 10 + d;
  }
  ref.col = col;
  ref.row = row;
}

/** An ISO date/time value of a t="d" cell → a serial number in the workbook's date system. */
function serialFromIso(text: string, date1904: boolean): CellValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return text;
  const day = dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === null) return text;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return excelSerialFromDay(day, date1904) + seconds / 86_400;
}

function cellValue(type: number, v: string | null, inline: string | null, parts: SheetParts): CellValue {
  if (type === T_RESOLVED) return v;
  if (type === T_INLINE) return inline === null || inline === '' ? v : decodeOoxmlEscapes(inline);
  // An empty <v></v> is no value (exceljs reads it so too).
  if (v === null || v === '') return null;
  switch (type) {
    case T_SHARED: {
      const s = parts.sharedStrings[parseInt(v, 10)];
      return s === undefined ? null : s;
    }
    case T_STR:
      return v;
    case T_BOOL:
      return parseInt(v, 10) !== 0;
    case T_ERROR:
      return v;
    case T_DATE:
      return serialFromIso(v, parts.date1904);
    default: {
      const n = parseFloat(v);
      return Number.isNaN(n) ? v : n;
    }
  }
}

/** Puts a closed cell's value (and its format, when it has one) into the sparse rows. */
function store(
  values: CellValue[][], formats: (string | null)[][], row: number, col: number, value: CellValue, style: number, parts: SheetParts,
): void {
  if (value === null) return;
  let vr = values[row - 1];
  if (vr === undefined) values[row - 1] = vr = [];
  vr[col - 1] = value;
  const f = style >= 0 ? (parts.styleFormats[style] ?? null) : null;
  if (f !== null) {
    let fr = formats[row - 1];
    if (fr === undefined) formats[row - 1] = fr = [];
    fr[col - 1] = f;
  }
}

/** Where <sheetData> holds its rows: [start, end) of its content, or null for none. */
function sheetDataRange(x: string): [number, number] | null {
  const open = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(?=[\s/>])[^>]*?(\/?)>/.exec(x);
  if (!open || open[2] === '/') return null;
  const start = open.index + open[0].length;
  const end = x.indexOf(`</${open[1]}sheetData>`, start);
  return [start, end < 0 ? x.length : end];
}

export function parseSheetXml(sheet: string, x: string, parts: SheetParts): CellGrid {
  const tag: TagAttributes = { end: 0, selfClosing: false, rStart: -1, rEnd: -1, tStart: -1, tEnd: -1, sStart: -1, sEnd: -1 };
  const ref: CellRef = { col: 0, row: 0 };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  const range = sheetDataRange(x);
  if (range !== null) {
    const [start, end] = range;
    let pos = start;
    let row = 0; // current 1-based row
    let col = 0; // last 1-based column seen in the row
    // The open cell
    let inCell = false, type = T_NUMBER, style = -1, v: string | null = null, inline: string | null = null;
    let inIs = false, inRph = false;
    while (pos < end) {
      const lt = x.indexOf('<', pos);
      if (lt < 0 || lt >= end) break;
      const c1 = x.charCodeAt(lt + 1);
      if (c1 === 47 /* / */) {
        // </c> and </v>, unprefixed: almost every closing tag of a sheet.
        const c2 = x.charCodeAt(lt + 2);
        if (x.charCodeAt(lt + 3) === 62 /* > */ && (c2 === 99 /* c */ || c2 === 118 /* v */)) {
          pos = lt + 4;
          if (c2 === 99) {
            if (inCell) store(values, formats, row, col, cellValue(type, v, inline, parts), style, parts);
            inCell = false;
          }
          continue;
        }
        const n = skipPrefix(x, lt + 2);
        const gt = x.indexOf('>', n);
        pos = gt < 0 ? end : gt + 1;
        if (isName(x, n, 'c')) {
          if (inCell) store(values, formats, row, col, cellValue(type, v, inline, parts), style, parts);
          inCell = false;
        }
        else if (isName(x, n, 'is')) inIs = false;
        else if (isName(x, n, 'rPh')) inRph = false;
        continue;
      }
      if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
        const close = x.startsWith('<!--', lt) ? '-->' : x.startsWith('<![CDATA[', lt) ? ']]>' : '>';
        const e = x.indexOf(close, lt + 2);
        pos = e < 0 ? end : e + close.length;
        continue;
      }
      const n = skipPrefix(x, lt + 1);
      const c0 = x.charCodeAt(n);
      const c2 = x.charCodeAt(n + 1);
      // One-letter names first: they are almost every tag in a sheet.
      const oneLetter = c2 === 32 || c2 === 62 || c2 === 47 || c2 === 9 || c2 === 10 || c2 === 13;
      if (oneLetter && c0 === 99 /* c */) {
        if (inCell) store(values, formats, row, col, cellValue(type, v, inline, parts), style, parts);
        readTag(x, n + 1, tag);
        pos = tag.end + 1;
        if (tag.rStart >= 0) {
          parseRef(x, tag, ref);
          if (ref.row > 0) row = ref.row;
          col = ref.col > 0 ? ref.col : col + 1;
        } else {
          col++;
        }
        if (row === 0) row = 1;
        if (row > rowCount) rowCount = row;
        if (col > colCount) colCount = col;
        type = cellType(x, tag.tStart, tag.tEnd);
        style = digits(x, tag.sStart, tag.sEnd);
        v = null;
        inline = null;
        inCell = !tag.selfClosing;
        continue;
      }
      if (oneLetter && c0 === 118 /* v */) {
        const gt = x.indexOf('>', n);
        pos = gt + 1;
        if (inCell && x.charCodeAt(gt - 1) !== 47) {
          const lt2 = type === T_SHARED ? x.indexOf('<', pos) : -1;
          const index = lt2 < 0 ? -1 : digits(x, pos, lt2);
          if (index >= 0) {
            // The usual shared-string cell: the index read in place, no text slice.
            const str = parts.sharedStrings[index];
            type = str === undefined ? T_SHARED : T_RESOLVED;
            v = str ?? null;
            pos = lt2;
          } else {
            v = readText(x, pos);
            pos = cursor.end;
          }
        }
        continue;
      }
      if (oneLetter && c0 === 116 /* t */) {
        const gt = x.indexOf('>', n);
        pos = gt + 1;
        if (inCell && inIs && !inRph && x.charCodeAt(gt - 1) !== 47) {
          inline = (inline ?? '') + readText(x, pos);
          pos = cursor.end;
        }
        continue;
      }
      if (isName(x, n, 'row')) {
        if (inCell) store(values, formats, row, col, cellValue(type, v, inline, parts), style, parts);
        inCell = false;
        readTag(x, n + 3, tag);
        pos = tag.end + 1;
        const r = tag.rStart >= 0 ? digits(x, tag.rStart, tag.rEnd) : -1;
        row = r > 0 ? r : row + 1;
        col = 0;
        if (row > rowCount) rowCount = row;
        continue;
      }
      readTag(x, n + 1, tag);
      pos = tag.end + 1;
      if (tag.selfClosing) continue;
      if (isName(x, n, 'is')) inIs = true;
      else if (isName(x, n, 'rPh')) inRph = true;
    }
    if (inCell) store(values, formats, row, col, cellValue(type, v, inline, parts), style, parts);
  }
  return toGrid(sheet, values, formats, rowCount, colCount, parts.date1904);
}

/**
 * Sparse rows → the rectangular grid ingest reads (rows and cells the sheet
 * never mentions are null). Rows are completed in place, and every row
 * without a number format shares one frozen all-null format row: on a
 * configuration sheet of 40,000 rows that is 80,000 arrays fewer.
 */
function toGrid(
  sheet: string, values: CellValue[][], formats: (string | null)[][], rowCount: number, colCount: number, date1904: boolean,
): CellGrid {
  const noFormats: readonly (string | null)[] = Object.freeze(new Array<string | null>(colCount).fill(null));
  const outValues: CellValue[][] = new Array<CellValue[]>(rowCount);
  const outFormats: (readonly (string | null)[])[] = new Array<readonly (string | null)[]>(rowCount);
  for (let r = 0; r < rowCount; r++) {
    outValues[r] = dense(values[r], colCount);
    const f = formats[r];
    outFormats[r] = f === undefined ? noFormats : dense(f, colCount);
  }
  return { sheet, values: outValues, numberFormats: outFormats, top: 1, left: 1, date1904, allText: false };
}

/** The row with its holes (and the tail up to `width`) set to null, in place. */
function dense<T>(row: (T | null)[] | undefined, width: number): (T | null)[] {
  if (row === undefined) return new Array<T | null>(width).fill(null);
  for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
  return row;
}
