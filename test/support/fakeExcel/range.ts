/**
 * Excel.Range in the strict fake: values / numberFormat / formulas written
 * as 2-D arrays whose shape must match the range (InvalidArgument), `null`
 * in an array leaving a cell as it was (documented), a string written to
 * `values` read as typed input (a leading `=`, `+`, `-` or `@` makes a
 * formula, a number-looking string a number) unless the cell's format is
 * text (`@`) — the reason the renderer writes text cells with format `@`.
 */
import { ClientObject, FakeContext, FakeOfficeError, jsonBytes } from './core';
import { FakeSheet, FakeValue, GENERAL, Rect, colLetters, quoteSheet, rectAddress, tryParseAddress } from './model';

export type SheetRef = () => FakeSheet | null;
export type RectRef = () => Rect | null;

const SHAPE_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** A value worked out on first use, then kept. */
export function memo<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}

/** Excel's serial for a date (1900 system). */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What Excel stores for a string written to `values` (as if typed). Verified
 * in the docs for `=` (a formula) and `null`; the rest is Excel's typed-input
 * behaviour as users know it — GUESSED for the API: `+`/`-`/`@` starting a
 * formula, numbers/dates/booleans recognised, a leading apostrophe kept as
 * Excel's prefix character (so the text is stored without it).
 */
export function typedInput(s: string, nf: string): { v: FakeValue; f: string | null; nf?: string } {
  if (nf === '@') return { v: s, f: null };
  if (s === '') return { v: '', f: null };
  if (s.startsWith("'")) return { v: s.slice(1), f: null };
  const num = /^\s*([-+]?)\$?((\d+|\d{1,3}(,\d{3})+)(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.exec(s);
  if (num) return { v: Number(s.replace(/[\s$,]/g, '')), f: null };
  if (s.length > 1 && /^[=+\-@]/.test(s)) {
    const body = s[0] === '=' ? s : s[0] === '@' ? `=${s.slice(1)}` : `=${s}`;
    return { v: '', f: body };
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (date) {
    return { v: serial(Number(date[3]), Number(date[1]), Number(date[2])), f: null, ...(nf === GENERAL ? { nf: 'm/d/yyyy' } : {}) };
  }
  if (/^(true|false)$/i.test(s.trim())) return { v: s.trim().toLowerCase() === 'true', f: null };
  return { v: s, f: null };
}

function checkShape(value: unknown, rect: Rect, prop: string): unknown[][] | null {
  if (!Array.isArray(value)) {
    if (value === null || value === undefined) throw new FakeOfficeError('InvalidArgument', `${prop} cannot be set to null.`);
    return null; // one value for every cell
  }
  if (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new FakeOfficeError('InvalidArgument', SHAPE_MESSAGE);
  }
  return value as unknown[][];
}

function eachCell(value: unknown, rect: Rect, prop: string, f: (r: number, c: number, v: unknown) => void): void {
  const grid = checkShape(value, rect, prop);
  for (let r = 0; r < rect.rows; r++) {
    const row = grid?.[r];
    for (let c = 0; c < rect.cols; c++) {
      const v = grid ? row![c] : value;
      if (v === null || v === undefined) continue; // null leaves the cell as it was
      f(rect.r0 + r, rect.c0 + c, v);
    }
  }
}

function writeValue(sheet: FakeSheet, r: number, c: number, v: unknown, asFormula: boolean): void {
  if (v === '' && !sheet.cell(r, c)) return;
  const cell = sheet.ensure(r, c);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', `Not a finite number: ${v}`);
    cell.v = v;
    cell.f = null;
  } else if (typeof v === 'boolean') {
    cell.v = v;
    cell.f = null;
  } else if (typeof v === 'string') {
    if (v.length > 32767) throw new FakeOfficeError('InvalidArgument', 'A cell holds at most 32,767 characters.');
    const t = asFormula && v.startsWith('=') ? { v: '' as FakeValue, f: v } : typedInput(v, cell.nf);
    cell.v = t.v;
    cell.f = t.f;
    if (t.nf) cell.nf = t.nf;
  } else {
    throw new FakeOfficeError('InvalidArgument', `Cannot write ${typeof v} to a cell.`);
  }
}

/** A recorder for nested settings the fake keeps as data (conditional formats, chart parts). */
export function recorder(ctx: FakeContext, path: string, target: () => Record<string, unknown>): Record<string, any> {
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (typeof key !== 'string') return undefined;
        if (key === 'toJSON') return () => target();
        return recorder(ctx, `${path}.${key}`, () => {
          const o = target();
          if (typeof o[key] !== 'object' || o[key] === null) o[key] = {};
          return o[key] as Record<string, unknown>;
        });
      },
      set(_t, key, value) {
        if (typeof key !== 'string') return false;
        ctx.queue(`${path}.${key}`, value, () => {
          target()[key] = value;
        });
        return true;
      },
    },
  ) as Record<string, any>;
}

export class FakeRange extends ClientObject {
  readonly _sheet: SheetRef;
  readonly _rect: RectRef;

  constructor(ctx: FakeContext, path: string, sheet: SheetRef, rect: RectRef, private readonly _nullable = false) {
    super(ctx, path);
    this._sheet = memo(sheet);
    this._rect = memo(rect);
  }

  protected override _exists(): boolean {
    return this._sheet() !== null && this._rect() !== null;
  }

  /** Sheet and rectangle, or ItemNotFound. */
  _target(): { sheet: FakeSheet; rect: Rect } {
    const sheet = this._sheet();
    const rect = this._rect();
    if (!sheet || !rect) throw new FakeOfficeError('ItemNotFound', `${this._path}: the range does not exist.`);
    return { sheet, rect };
  }

  protected _props(): Record<string, () => unknown> {
    const t = () => this._target();
    return {
      values: () => t().sheet.valuesAt(t().rect),
      numberFormat: () => t().sheet.formatsAt(t().rect),
      formulas: () => t().sheet.formulasAt(t().rect),
      // GUESS: display text is the value as a string (number formats are not rendered).
      text: () => t().sheet.valuesAt(t().rect).map((row) => row.map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)))),
      address: () => `${quoteSheet(t().sheet.name)}!${rectAddress(t().rect)}`,
      rowCount: () => t().rect.rows,
      columnCount: () => t().rect.cols,
      rowIndex: () => t().rect.r0,
      columnIndex: () => t().rect.c0,
      cellCount: () => t().rect.rows * t().rect.cols,
    };
  }

  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._write('values', v, false);
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set formulas(v: any[][]) {
    this._write('formulas', v, true);
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._do('numberFormat', v, () => {
      const { sheet, rect } = this._target();
      eachCell(v, rect, 'numberFormat', (r, c, f) => {
        if (typeof f !== 'string') throw new FakeOfficeError('InvalidArgument', 'A number format is a string.');
        sheet.ensure(r, c).nf = f === '' ? GENERAL : f;
      });
    });
  }
  get text(): string[][] {
    return this._get('text');
  }
  get address(): string {
    return this._get('address');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }

  private _write(prop: string, v: unknown, asFormula: boolean): void {
    // The shape is checked when Excel runs the request, as in Excel (the error surfaces at sync).
    this._do(prop, v, () => {
      const { sheet, rect } = this._target();
      eachCell(v, rect, prop, (r, c, x) => writeValue(sheet, r, c, x, asFormula));
    });
  }

  set hyperlink(link: Excel.RangeHyperlink) {
    this._do('hyperlink', link, () => {
      const { sheet, rect } = this._target();
      if (!link.address && !link.documentReference) throw new FakeOfficeError('InvalidArgument', 'A hyperlink needs an address or a documentReference.');
      for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
          sheet.hyperlinks.set(`${r},${c}`, { ...link });
          if (link.textToDisplay !== undefined) {
            const cell = sheet.ensure(r, c);
            cell.v = link.textToDisplay;
            cell.f = null;
          }
        }
      }
    });
  }

  private _child(path: string, rect: (r: Rect) => Rect | null): FakeRange {
    this.context.addPathBytes(path);
    return new FakeRange(this.context, `${this._path}.${path}`, this._sheet, () => {
      const base = this._rect();
      return base ? rect(base) : null;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._child(`getCell(${row},${column})`, (b) => ({ r0: b.r0 + row, c0: b.c0 + column, rows: 1, cols: 1 }));
  }
  getRow(row: number): FakeRange {
    return this._child(`getRow(${row})`, (b) => ({ r0: b.r0 + row, c0: b.c0, rows: 1, cols: b.cols }));
  }
  getColumn(col: number): FakeRange {
    return this._child(`getColumn(${col})`, (b) => ({ r0: b.r0, c0: b.c0 + col, rows: b.rows, cols: 1 }));
  }
  getResizedRange(dRows: number, dCols: number): FakeRange {
    return this._child(`getResizedRange(${dRows},${dCols})`, (b) => ({ ...b, rows: b.rows + dRows, cols: b.cols + dCols }));
  }
  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    return this._child(`getAbsoluteResizedRange(${rows},${cols})`, (b) => ({ ...b, rows, cols }));
  }
  getOffsetRange(dRows: number, dCols: number): FakeRange {
    return this._child(`getOffsetRange(${dRows},${dCols})`, (b) => ({ ...b, r0: b.r0 + dRows, c0: b.c0 + dCols }));
  }

  clear(applyTo: string = 'All'): void {
    this._do('clear', applyTo, () => {
      const { sheet, rect } = this._target();
      sheet.clearRect(rect, applyTo as 'All');
    });
  }

  set columnHidden(v: boolean) {
    this._do('columnHidden', v, () => {
      const { sheet, rect } = this._target();
      sheet.formats.push({ address: rectAddress(rect), columnHidden: v });
    });
  }

  merge(across = false): void {
    this._do('merge', across, () => {
      const { sheet, rect } = this._target();
      if (sheet.mergeOverlaps(rect)) throw new FakeOfficeError('InvalidOperation', 'The range overlaps a merged range.');
      sheet.merges.push(rectAddress(rect));
    });
  }

  unmerge(): void {
    this._do('unmerge', null, () => {
      const { sheet, rect } = this._target();
      sheet.merges = sheet.merges.filter((m) => !overlapsAddress(m, rect));
    });
  }

  select(): void {
    this._do('select', null, () => {
      const { sheet, rect } = this._target();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidSelection', 'A hidden sheet cannot be selected.');
      // GUESS: select() activates the range's sheet (as clicking a link does).
      this.context.model.activeSheet = sheet;
      this.context.model.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  private _record(list: (s: FakeSheet) => Record<string, unknown>[], what: string, base: Record<string, unknown>): Record<string, unknown> {
    const rec: Record<string, unknown> = { ...base };
    this._do(what, base, () => {
      const { sheet, rect } = this._target();
      rec.address = rectAddress(rect);
      list(sheet).push(rec);
    });
    return rec;
  }

  get format(): any {
    const self = this;
    const setFormat = (prop: string, v: unknown) =>
      this._do(`format.${prop}`, v, () => {
        const { sheet, rect } = this._target();
        if (prop === 'columnWidth') {
          if (typeof v !== 'number' || v < 0) throw new FakeOfficeError('InvalidArgument', 'columnWidth is a number of points.');
          for (let c = rect.c0; c < rect.c0 + rect.cols; c++) sheet.columnWidths.set(c, v);
        }
        sheet.formats.push({ address: rectAddress(rect), [prop]: v });
      });
    const part = (prefix: string, props: string[]) => {
      const o: Record<string, unknown> = {};
      for (const p of props) {
        Object.defineProperty(o, p, {
          get() {
            throw new FakeOfficeError('PropertyNotLoaded', `The property '${p}' is not available (format properties are write-only in the fake).`);
          },
          set(v) {
            setFormat(prefix + p, v);
          },
        });
      }
      return o;
    };
    const format = part('', ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment', 'indentLevel']) as any;
    format.font = part('font.', ['bold', 'italic', 'color', 'size', 'name', 'underline']);
    format.fill = part('fill.', ['color']);
    format.fill.clear = () => setFormat('fill.clear', true);
    format.autofitColumns = () => setFormat('autofitColumns', true);
    format.autofitRows = () => setFormat('autofitRows', true);
    format.borders = {
      getItem: (edge: string) => part(`borders.${edge}.`, ['style', 'color', 'weight']),
    };
    void self;
    return format;
  }

  get dataValidation(): any {
    const range = this;
    return {
      set rule(rule: unknown) {
        range._requireApi('1.8', 'Range.dataValidation');
        range._record((s) => s.dataValidations, 'dataValidation.rule', { rule });
      },
      set prompt(prompt: unknown) {
        range._record((s) => s.dataValidations, 'dataValidation.prompt', { prompt });
      },
      set errorAlert(errorAlert: unknown) {
        range._record((s) => s.dataValidations, 'dataValidation.errorAlert', { errorAlert });
      },
      set ignoreBlanks(ignoreBlanks: unknown) {
        range._record((s) => s.dataValidations, 'dataValidation.ignoreBlanks', { ignoreBlanks });
      },
      clear() {
        range._do('dataValidation.clear', null, () => {
          const { sheet, rect } = range._target();
          const a = rectAddress(rect);
          sheet.dataValidations = sheet.dataValidations.filter((d) => d.address !== a);
        });
      },
    };
  }

  get conditionalFormats(): any {
    const range = this;
    return {
      add(type: string): Record<string, any> {
        const rec = range._record((s) => s.conditionalFormats, 'conditionalFormats.add', { type });
        return recorder(range.context, `${range._path}.conditionalFormat`, () => rec);
      },
      clearAll() {
        range._do('conditionalFormats.clearAll', null, () => {
          const { sheet, rect } = range._target();
          const a = rectAddress(rect);
          sheet.conditionalFormats = sheet.conditionalFormats.filter((d) => d.address !== a && !rectContains(rect, d.address));
        });
      },
    };
  }

  _requireApi(version: string, member: string): void {
    this.context.requireApi(version, member);
  }

  /** Size of a value as it would travel (for tests of the estimate). */
  static bytesOf(v: unknown): number {
    return jsonBytes(v);
  }
}

function overlapsAddress(address: string, rect: Rect): boolean {
  const r = tryParseAddress(address);
  return !!r && r.r0 < rect.r0 + rect.rows && rect.r0 < r.r0 + r.rows && r.c0 < rect.c0 + rect.cols && rect.c0 < r.c0 + r.cols;
}

function rectContains(outer: Rect, address: string): boolean {
  const inner = tryParseAddress(address);
  return !!inner && inner.r0 >= outer.r0 && inner.c0 >= outer.c0 && inner.r0 + inner.rows <= outer.r0 + outer.rows && inner.c0 + inner.cols <= outer.c0 + outer.cols;
}

export function columnRange(c0: number, c1: number): string {
  return `${colLetters(c0)}:${colLetters(c1)}`;
}
