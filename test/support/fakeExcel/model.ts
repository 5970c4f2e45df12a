/**
 * The workbook the strict fake of Excel holds: sheets of cells (value, number
 * format, formula text — formulas are stored, never evaluated), plus what the
 * add-in records on a sheet (tables, links, page setup, charts…). Plain data,
 * no Node APIs, so the same module runs in jest and in the browser test.
 */

export type FakeValue = string | number | boolean;

export interface FakeCell {
  /** "" for a cell with no value. */
  v: FakeValue;
  /** Formula text (starting with "=") when the cell holds one. */
  f: string | null;
  nf: string;
}

export interface Rect {
  r0: number; // 0-based
  c0: number;
  rows: number;
  cols: number;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  rect: Rect;
  style: string;
  showFilterButton: boolean;
  showHeaders: boolean;
  showBandedRows?: boolean;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface FakeRecord {
  /** A1 address on the sheet ("A1:C9"). */
  address: string;
  [key: string]: unknown;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const MAX_PAGE_BREAKS = 1026;
export const GENERAL = 'General';

export class FakeSheet {
  /** rows[r][c], 0-based; holes are empty cells. */
  rows: (FakeCell | undefined)[][] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  columnWidths = new Map<number, number>();
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  hyperlinks = new Map<string, FakeHyperlink>(); // key "r,c"
  formats: FakeRecord[] = [];
  conditionalFormats: FakeRecord[] = [];
  dataValidations: FakeRecord[] = [];
  charts: FakeRecord[] = [];
  horizontalPageBreaks: number[] = []; // 0-based row the break is above
  pageLayout: {
    orientation: string;
    zoom: Record<string, number>;
    printArea: string | null;
    printTitleRows: string | null;
    [k: string]: unknown;
  } = { orientation: 'Portrait', zoom: { scale: 100 }, printArea: null, printTitleRows: null };
  autoFilter: string | null = null;
  showGridlines = true;
  tabColor = '';
  merges: string[] = [];
  /** `merges` by row, rebuilt when the array is replaced or shrinks (see mergeOverlaps). */
  private mergeIndex: { list: string[]; seen: number; byRow: Map<number, Rect[]> } | null = null;
  /** How many times the sheet was cleared (re-runs rewrite in place). */
  clears = 0;
  readonly id: string;

  constructor(public name: string, id: number) {
    this.id = `{fake-sheet-${id}}`;
  }

  /**
   * Whether `rect` overlaps a merged range. Indexed by row: a sheet of
   * statements holds thousands of merges, and comparing each new one with
   * all the others made the fake quadratic (Excel is not).
   */
  mergeOverlaps(rect: Rect): boolean {
    let ix = this.mergeIndex;
    if (!ix || ix.list !== this.merges || ix.seen > this.merges.length) ix = this.mergeIndex = { list: this.merges, seen: 0, byRow: new Map() };
    for (; ix.seen < this.merges.length; ix.seen++) {
      const m = tryParseAddress(this.merges[ix.seen]!);
      if (!m) continue;
      for (let r = m.r0; r < m.r0 + m.rows; r++) {
        const list = ix.byRow.get(r);
        if (list) list.push(m);
        else ix.byRow.set(r, [m]);
      }
    }
    for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
      for (const m of ix.byRow.get(r) ?? []) if (overlaps(m, rect)) return true;
    }
    return false;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.rows[r]?.[c];
  }

  ensure(r: number, c: number): FakeCell {
    let row = this.rows[r];
    if (!row) {
      row = [];
      this.rows[r] = row;
    }
    let cell = row[c];
    if (!cell) {
      cell = { v: '', f: null, nf: GENERAL };
      row[c] = cell;
    }
    return cell;
  }

  /** The smallest rectangle holding every value (valuesOnly) or every value or format; null if none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const used = cell.v !== '' || cell.f !== null || (!valuesOnly && cell.nf !== GENERAL);
        if (!used) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    if (r1 < 0) return null;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Plain values of a rectangle (what `values` would give: "" for empty). */
  valuesAt(rect: Rect): FakeValue[][] {
    const out: FakeValue[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row = this.rows[rect.r0 + r];
      const line: FakeValue[] = new Array(rect.cols);
      for (let c = 0; c < rect.cols; c++) line[c] = row?.[rect.c0 + c]?.v ?? '';
      out.push(line);
    }
    return out;
  }

  formatsAt(rect: Rect): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row = this.rows[rect.r0 + r];
      const line: string[] = new Array(rect.cols);
      for (let c = 0; c < rect.cols; c++) line[c] = row?.[rect.c0 + c]?.nf ?? GENERAL;
      out.push(line);
    }
    return out;
  }

  formulasAt(rect: Rect): FakeValue[][] {
    const out: FakeValue[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row = this.rows[rect.r0 + r];
      const line: FakeValue[] = new Array(rect.cols);
      for (let c = 0; c < rect.cols; c++) {
        const cell = row?.[rect.c0 + c];
        line[c] = cell ? (cell.f ?? cell.v) : '';
      }
      out.push(line);
    }
    return out;
  }

  clearRect(rect: Rect, what: 'All' | 'Contents' | 'Formats' | 'Hyperlinks'): void {
    for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
      const row = this.rows[r];
      if (row) {
        for (let c = rect.c0; c < rect.c0 + rect.cols && c < row.length; c++) {
          const cell = row[c];
          if (!cell) continue;
          if (what === 'All' || what === 'Contents') {
            cell.v = '';
            cell.f = null;
          }
          if (what === 'All' || what === 'Formats') cell.nf = GENERAL;
        }
      }
      if (what === 'All' || what === 'Hyperlinks') {
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) this.hyperlinks.delete(`${r},${c}`);
      }
    }
    this.clears++;
  }
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  settings = new Map<string, unknown>();
  /** Settings as last saved with saveAsync (what a co-author would see). */
  savedSettings = new Map<string, unknown>();
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  calculationMode = 'Automatic';
  enableEvents = true;
  screenUpdatingSuspended = false;
  use1904DateSystem = false;
  /** Names of sheets deleted through the API, in order (tests assert re-runs delete nothing). */
  deletedSheets: string[] = [];
  private nextId = 1;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.addSheet(n);
    this.activeSheet = this.sheets[0] ?? null;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, this.nextId++);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  /** Test helper: the sheet by name, or an error naming the sheets there are. */
  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet "${name}" (sheets: ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  /**
   * Seeds a sheet with a 2-D block of values (and optional number formats)
   * whose top-left cell is `top`/`left` (1-based). Values are stored as given —
   * no parsing — as a file opened in Excel would hold them.
   */
  seed(
    sheetName: string,
    values: readonly (readonly (FakeValue | null)[])[],
    opts: { top?: number; left?: number; numberFormats?: readonly (readonly (string | null)[])[] | null } = {},
  ): FakeSheet {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const top = (opts.top ?? 1) - 1;
    const left = (opts.left ?? 1) - 1;
    for (let r = 0; r < values.length; r++) {
      const row = values[r]!;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        const nf = opts.numberFormats?.[r]?.[c] ?? null;
        if ((v === null || v === undefined || v === '') && !nf) continue;
        const cell = sheet.ensure(top + r, left + c);
        cell.v = v ?? '';
        if (nf) cell.nf = nf;
      }
    }
    return sheet;
  }

  /** Test helper: one cell by A1 address ("B5"). */
  cellAt(sheetName: string, address: string): FakeCell {
    const p = parseAddress(address);
    return this.mustSheet(sheetName).cell(p.r0, p.c0) ?? { v: '', f: null, nf: GENERAL };
  }
}

// ---- A1 addresses -------------------------------------------------------------

export function colLetters(c0: number): string {
  let n = c0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "A1:C9", "3:5" (rows), "B:D" (columns); an optional "Sheet!" prefix is dropped. Null if not an address. */
export function tryParseAddress(address: string): Rect | null {
  const bang = address.lastIndexOf('!');
  const a = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
  const parts = a.split(':');
  if (parts.length > 2 || parts.length === 0) return null;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const colOnly = /^([A-Za-z]{1,3})$/;
  const rowOnly = /^(\d{1,7})$/;
  const first = parts[0]!;
  const last = parts[1] ?? first;
  let m1 = cell.exec(first);
  let m2 = cell.exec(last);
  let rect: Rect | null = null;
  if (m1 && m2) {
    const r0 = Number(m1[2]) - 1;
    const r1 = Number(m2[2]) - 1;
    const c0 = colIndex(m1[1]!);
    const c1 = colIndex(m2[1]!);
    rect = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
  } else if (parts.length === 2 && (m1 = colOnly.exec(first)) && (m2 = colOnly.exec(last))) {
    const c0 = colIndex(m1[1]!);
    const c1 = colIndex(m2[1]!);
    rect = { r0: 0, rows: MAX_ROWS, c0: Math.min(c0, c1), cols: Math.abs(c1 - c0) + 1 };
  } else if (parts.length === 2 && (m1 = rowOnly.exec(first)) && (m2 = rowOnly.exec(last))) {
    const r0 = Number(m1[1]) - 1;
    const r1 = Number(m2[1]) - 1;
    rect = { c0: 0, cols: MAX_COLS, r0: Math.min(r0, r1), rows: Math.abs(r1 - r0) + 1 };
  }
  if (!rect || rect.r0 < 0 || rect.c0 < 0 || rect.r0 + rect.rows > MAX_ROWS || rect.c0 + rect.cols > MAX_COLS) return null;
  return rect;
}

export function parseAddress(address: string): Rect {
  const r = tryParseAddress(address);
  if (!r) throw new Error(`Not an A1 address: ${address}`);
  return r;
}

export function rectAddress(rect: Rect): string {
  const a = `${colLetters(rect.c0)}${rect.r0 + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return a;
  return `${a}:${colLetters(rect.c0 + rect.cols - 1)}${rect.r0 + rect.rows}`;
}

/** A sheet name as Excel writes it in an address: quoted when it needs quotes. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}
