/**
 * Excel.Workbook, worksheets, tables, charts, page layout and page breaks in
 * the strict fake. Sheet-name rules, table overlap, the page-break ceiling
 * and very-hidden sheets fail as described in the comments (verified in
 * Microsoft's docs where marked, guessed otherwise).
 */
import { ClientObject, FakeClientResult, FakeContext, FakeOfficeError, loadNames } from './core';
import { FakeSheet, type FakeTable as TableModel, MAX_PAGE_BREAKS, Rect, overlaps, quoteSheet, rectAddress, tryParseAddress } from './model';
import { FakeRange, RectRef, memo, recorder } from './range';


/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end, not "History". */
export function checkSheetName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31) {
    throw new FakeOfficeError('InvalidArgument', `A sheet name has 1 to 31 characters: "${name}"`);
  }
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw new FakeOfficeError('InvalidArgument', `Not a valid sheet name: "${name}"`);
  }
}

function rectOf(address: string | FakeRange, sheet: () => FakeSheet): () => Rect {
  return () => {
    if (typeof address !== 'string') return address._target().rect;
    const r = tryParseAddress(address);
    if (!r) throw new FakeOfficeError('InvalidArgument', `Not a valid address: ${address}`);
    void sheet;
    return r;
  };
}

export class FakeWorksheet extends ClientObject {
  readonly _sheet: () => FakeSheet | null;

  constructor(ctx: FakeContext, path: string, sheet: () => FakeSheet | null) {
    super(ctx, path);
    this._sheet = memo(sheet);
  }

  protected override _exists(): boolean {
    return this._sheet() !== null;
  }

  _target(): FakeSheet {
    const s = this._sheet();
    if (!s || !this.context.model.sheets.includes(s)) throw new FakeOfficeError('ItemNotFound', `${this._path}: the worksheet does not exist.`);
    return s;
  }

  protected _props(): Record<string, () => unknown> {
    return {
      name: () => this._target().name,
      visibility: () => this._target().visibility,
      position: () => this.context.model.sheets.indexOf(this._target()),
      id: () => this._target().id,
    };
  }

  get name(): string {
    return this._get('name');
  }
  set name(name: string) {
    this._do('name', name, () => {
      checkSheetName(name);
      const other = this.context.model.sheet(name);
      if (other && other !== this._target()) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
      this._target().name = name;
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._do('visibility', v, () => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `Not a visibility: ${v}`);
      const sheet = this._target();
      if (v !== 'Visible' && sheet.visibility === 'Visible' && this.context.model.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      sheet.visibility = v;
    });
  }
  get position(): number {
    return this._get('position');
  }
  get id(): string {
    return this._get('id');
  }

  private _range(path: string, rect: RectRef, nullable = false): FakeRange {
    this.context.addPathBytes(path);
    return new FakeRange(this.context, `${this._path}.${path}`, () => (this._exists() ? this._target() : null), rect, nullable);
  }

  getRange(address?: string): FakeRange {
    this.context.host.count('getRange');
    return this._range(`getRange(${address ?? ''})`, () => {
      if (address === undefined || address === '') return { r0: 0, c0: 0, rows: 1_048_576, cols: 16_384 };
      const r = tryParseAddress(address);
      if (!r) throw new FakeOfficeError('InvalidArgument', `Not a valid address: ${address}`);
      return r;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.host.count('getRange');
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > 1_048_576 || startColumn + columnCount > 16_384) {
        throw new FakeOfficeError('InvalidArgument', 'The range lies outside the sheet or is empty.');
      }
      return { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** On a sheet with nothing used Excel gives A1 (GUESS from experience; getUsedRangeOrNullObject gives a null object). */
  getUsedRange(valuesOnly = false): FakeRange {
    return this._range(`getUsedRange(${valuesOnly})`, () => this._target().usedRect(valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._range(`getUsedRangeOrNullObject(${valuesOnly})`, () => (this._exists() ? this._target().usedRect(valuesOnly) : null), true);
  }

  activate(): void {
    this._do('activate', null, () => {
      const s = this._target();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context.model.activeSheet = s;
    });
  }

  delete(): void {
    this._do('delete', null, () => {
      const model = this.context.model;
      const s = this._target();
      // GUESS (issue 11 asks for it): a very-hidden sheet cannot be deleted until made visible or hidden.
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
      if (s.visibility === 'Visible' && model.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      model.sheets.splice(model.sheets.indexOf(s), 1);
      model.tables = model.tables.filter((t) => t.sheet !== s);
      if (model.activeSheet === s) model.activeSheet = model.sheets.find((x) => x.visibility === 'Visible') ?? null;
      model.deletedSheets.push(s.name);
    });
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, `${this._path}.tables`, () => this._target());
  }

  get freezePanes(): any {
    this.context.requireApi('1.7', 'Worksheet.freezePanes');
    const set = (what: string, v: (s: FakeSheet) => { rows: number; columns: number }) =>
      this._do(`freezePanes.${what}`, what, () => {
        const s = this._target();
        s.freeze = v(s);
      });
    return {
      freezeRows: (n = 1) => set(`freezeRows(${n})`, (s) => ({ rows: n, columns: s.freeze.columns })),
      freezeColumns: (n = 1) => set(`freezeColumns(${n})`, (s) => ({ rows: s.freeze.rows, columns: n })),
      freezeAt: (at: string | FakeRange) =>
        set('freezeAt', (s) => {
          const r = rectOf(at, () => s)();
          return { rows: r.r0 + r.rows, columns: r.c0 + r.cols };
        }),
      unfreeze: () => set('unfreeze', () => ({ rows: 0, columns: 0 })),
    };
  }

  get pageLayout(): any {
    this.context.requireApi('1.9', 'Worksheet.pageLayout');
    const ws = this;
    const pl: Record<string, unknown> = {
      get zoom(): never {
        // Documented: zoom is set as a whole object; its sub-properties are not loaded.
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'zoom' is not available; set pageLayout.zoom to a whole PageLayoutZoomOptions object.");
      },
      set zoom(z: Record<string, number>) {
        ws._do('pageLayout.zoom', z, () => {
          const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
          if (fit && z.scale !== undefined) throw new FakeOfficeError('InvalidArgument', 'zoom is either a scale or fit-to-pages, not both.');
          ws._target().pageLayout.zoom = { ...z };
        });
      },
      setPrintArea(area: string | FakeRange) {
        ws._do('pageLayout.setPrintArea', typeof area === 'string' ? area : 'range', () => {
          const s = ws._target();
          s.pageLayout.printArea = rectAddress(rectOf(area, () => s)());
        });
      },
      get headersFooters() {
        return recorder(ws.context, `${ws._path}.pageLayout.headersFooters`, () => {
          const pl = ws._target().pageLayout;
          if (!pl.headersFooters) pl.headersFooters = {};
          return pl.headersFooters as Record<string, unknown>;
        });
      },
      setPrintTitleRows(rows: string | FakeRange) {
        ws._do('pageLayout.setPrintTitleRows', typeof rows === 'string' ? rows : 'range', () => {
          const s = ws._target();
          s.pageLayout.printTitleRows = rectAddress(rectOf(rows, () => s)());
        });
      },
    };
    for (const p of ['orientation', 'centerHorizontally', 'centerVertically', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin', 'printGridlines', 'paperSize']) {
      Object.defineProperty(pl, p, {
        get() {
          throw new FakeOfficeError('PropertyNotLoaded', `The property '${p}' is not available (write-only in the fake).`);
        },
        set(v: unknown) {
          ws._do(`pageLayout.${p}`, v, () => {
            ws._target().pageLayout[p] = v;
          });
        },
      });
    }
    return pl;
  }

  get horizontalPageBreaks(): any {
    this.context.requireApi('1.9', 'Worksheet.horizontalPageBreaks');
    const ws = this;
    return {
      add(at: string | FakeRange) {
        ws._do('horizontalPageBreaks.add', typeof at === 'string' ? at : 'range', () => {
          const s = ws._target();
          if (s.horizontalPageBreaks.length >= MAX_PAGE_BREAKS) {
            // Excel's specification: 1,026 horizontal and vertical page breaks a sheet. Code GUESSED.
            throw new FakeOfficeError('InvalidOperation', `A sheet holds at most ${MAX_PAGE_BREAKS} manual page breaks.`);
          }
          const r = rectOf(at, () => s)();
          if (!s.horizontalPageBreaks.includes(r.r0)) s.horizontalPageBreaks.push(r.r0);
        });
      },
      removePageBreaks() {
        ws._do('horizontalPageBreaks.removePageBreaks', null, () => {
          ws._target().horizontalPageBreaks = [];
        });
      },
      getCount() {
        const res = new FakeClientResult<number>();
        ws.context.queue('horizontalPageBreaks.getCount', null, () => res.set(ws._target().horizontalPageBreaks.length));
        return res;
      },
    };
  }

  get charts(): any {
    const ws = this;
    let items: { delete(): void; name: string }[] | null = null;
    return {
      add(type: string, sourceData: FakeRange, seriesBy = 'Auto') {
        const rec: Record<string, unknown> = { type, seriesBy };
        ws._do('charts.add', { type, seriesBy }, () => {
          const s = ws._target();
          rec.source = `${quoteSheet(s.name)}!${rectAddress(sourceData._target().rect)}`;
          s.charts.push(rec as never);
        });
        const chart = recorder(ws.context, `${ws._path}.chart`, () => rec);
        return new Proxy(chart, {
          get(t, key) {
            if (key === 'setPosition') {
              return (start: string | FakeRange, end?: string | FakeRange) =>
                ws._do('chart.setPosition', [typeof start === 'string' ? start : 'range', typeof end === 'string' ? end : 'range'], () => {
                  const s = ws._target();
                  rec.position = [rectAddress(rectOf(start, () => s)()), end === undefined ? null : rectAddress(rectOf(end, () => s)())];
                });
            }
            return Reflect.get(t, key);
          },
        });
      },
      /** As Excel's ChartCollection: load('items/name'), then items[i].delete(). */
      load() {
        ws.context.queue('charts.load', null, () => {
          const s = ws._target();
          items = s.charts.map((rec, i) => ({
            name: String(rec.name ?? `Chart ${i + 1}`),
            delete: () =>
              ws._do('chart.delete', null, () => {
                s.charts = s.charts.filter((c) => c !== rec);
              }),
          }));
          return items.length * 40;
        });
        return this;
      },
      get items() {
        if (!items) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Load the chart collection and sync first.");
        return items;
      },
      getCount() {
        const res = new FakeClientResult<number>();
        ws.context.queue('charts.getCount', null, () => res.set(ws._target().charts.length));
        return res;
      },
    };
  }

  get autoFilter(): any {
    this.context.requireApi('1.9', 'Worksheet.autoFilter');
    const ws = this;
    return {
      apply(range: string | FakeRange) {
        ws._do('autoFilter.apply', typeof range === 'string' ? range : 'range', () => {
          const s = ws._target();
          s.autoFilter = rectAddress(rectOf(range, () => s)());
        });
      },
      remove() {
        ws._do('autoFilter.remove', null, () => {
          ws._target().autoFilter = null;
        });
      },
    };
  }

  set showGridlines(v: boolean) {
    this._do('showGridlines', v, () => {
      this._target().showGridlines = v;
    });
  }
  set tabColor(v: string) {
    this._do('tabColor', v, () => {
      this._target().tabColor = v;
    });
  }
}

export class FakeWorksheetCollection extends ClientObject {
  private _items: FakeWorksheet[] | null = null;

  protected _props(): Record<string, () => unknown> {
    return {};
  }

  get items(): FakeWorksheet[] {
    if (!this._items) this._notLoaded('items');
    return this._items;
  }

  override load(arg?: unknown): this {
    const names = loadNames(arg).map((n) => n.replace(/^items\//, ''));
    this.context.queue('worksheets.load', names, () => {
      const sheets = this.context.model.sheets.slice();
      this._items = sheets.map((s, i) => new FakeWorksheet(this.context, `worksheets.items[${i}]`, () => s));
      let bytes = 0;
      this._items.forEach((ws, i) => {
        const s = sheets[i]!;
        const data: Record<string, unknown> = { name: s.name, visibility: s.visibility, position: i, id: s.id };
        const want = names.length ? names : Object.keys(data);
        for (const n of want) {
          if (!(n in data)) throw new FakeOfficeError('InvalidArgument', `Cannot load '${n}' on worksheets.`);
          (ws as unknown as { _loaded: Map<string, unknown> })._loaded.set(n, data[n]);
          bytes += n.length + 8 + JSON.stringify(data[n]).length;
        }
        ws._resolveNull();
      });
      return bytes;
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    this.context.addPathBytes(key);
    return new FakeWorksheet(this.context, `worksheets.getItem(${key})`, () => {
      const s = this.context.model.sheet(key) ?? this.context.model.sheets.find((x) => x.id === key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: sheet "${key}".`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.addPathBytes(key);
    return new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${key})`, () => this.context.model.sheet(key) ?? this.context.model.sheets.find((x) => x.id === key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, 'worksheets.getActiveWorksheet()', () => this.context.model.activeSheet);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.queue('worksheets.add', name ?? null, () => {
      const model = this.context.model;
      let n = name;
      if (n === undefined) {
        let i = model.sheets.length + 1;
        while (model.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      checkSheetName(n);
      if (model.sheet(n)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${n}" already exists.`);
      created = model.addSheet(n);
    });
    return new FakeWorksheet(this.context, `worksheets.add(${name ?? ''})`, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'The added sheet was not created.');
      return created;
    });
  }

  getCount(): FakeClientResult<number> {
    const res = new FakeClientResult<number>();
    this.context.queue('worksheets.getCount', null, () => res.set(this.context.model.sheets.length));
    return res;
  }
}

export class FakeTable extends ClientObject {
  constructor(ctx: FakeContext, path: string, private readonly _t: () => TableModel | null) {
    super(ctx, path);
    this._t = memo(_t);
  }
  protected override _exists(): boolean {
    const t = this._t();
    return !!t && this.context.model.tables.includes(t);
  }
  _target(): TableModel {
    const t = this._t();
    if (!t || !this.context.model.tables.includes(t)) throw new FakeOfficeError('ItemNotFound', `${this._path}: the table does not exist.`);
    return t;
  }
  protected _props(): Record<string, () => unknown> {
    return {
      name: () => this._target().name,
      style: () => this._target().style,
      showFilterButton: () => this._target().showFilterButton,
      showHeaders: () => this._target().showHeaders,
    };
  }
  get name(): string {
    return this._get('name');
  }
  set name(name: string) {
    this._do('name', name, () => {
      checkTableName(name);
      const other = this.context.model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (other && other !== this._target()) throw new FakeOfficeError('ItemAlreadyExists', `A table named "${name}" already exists.`);
      this._target().name = name;
    });
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._do('style', v, () => {
      this._target().style = v;
    });
  }
  get showFilterButton(): boolean {
    return this._get('showFilterButton');
  }
  set showFilterButton(v: boolean) {
    this._do('showFilterButton', v, () => {
      const t = this._target();
      if (!t.showHeaders && v) throw new FakeOfficeError('InvalidOperation', 'Filter buttons need a header row.');
      t.showFilterButton = v;
    });
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  set showBandedRows(v: boolean) {
    this._do('showBandedRows', v, () => {
      this._target().showBandedRows = v;
    });
  }
  private _range(path: string, rect: (t: TableModel) => Rect | null): FakeRange {
    return new FakeRange(this.context, `${this._path}.${path}`, () => (this._exists() ? this._target().sheet : null), () => (this._exists() ? rect(this._target()) : null));
  }
  getRange(): FakeRange {
    return this._range('getRange()', (t) => t.rect);
  }
  getHeaderRowRange(): FakeRange {
    return this._range('getHeaderRowRange()', (t) => (t.showHeaders ? { ...t.rect, rows: 1 } : null));
  }
  getDataBodyRange(): FakeRange {
    return this._range('getDataBodyRange()', (t) => (t.showHeaders ? { ...t.rect, r0: t.rect.r0 + 1, rows: t.rect.rows - 1 } : t.rect));
  }
  delete(): void {
    this._do('delete', null, () => {
      const t = this._target();
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
      t.sheet.clearRect(t.rect, 'All');
    });
  }
  convertToRange(): FakeRange {
    this._do('convertToRange', null, () => {
      const t = this._target();
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
    });
    return this._range('convertToRange()', (t) => t.rect);
  }
}

function checkTableName(name: string): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `Not a valid table name: "${name}"`);
  }
}

export class FakeTableCollection extends ClientObject {
  private _items: FakeTable[] | null = null;
  constructor(ctx: FakeContext, path: string, private readonly _sheet: (() => FakeSheet) | null) {
    super(ctx, path);
  }
  protected _props(): Record<string, () => unknown> {
    return {};
  }
  private _all(): TableModel[] {
    const tables = this.context.model.tables;
    return this._sheet ? tables.filter((t) => t.sheet === this._sheet!()) : tables.slice();
  }
  get items(): FakeTable[] {
    if (!this._items) this._notLoaded('items');
    return this._items;
  }
  override load(arg?: unknown): this {
    const names = loadNames(arg).map((n) => n.replace(/^items\//, ''));
    this.context.queue(`${this._path}.load`, names, () => {
      const all = this._all();
      this._items = all.map((t, i) => {
        const proxy = new FakeTable(this.context, `${this._path}.items[${i}]`, () => t);
        const data: Record<string, unknown> = { name: t.name, style: t.style, showFilterButton: t.showFilterButton, showHeaders: t.showHeaders };
        for (const n of names.length ? names : Object.keys(data)) (proxy as unknown as { _loaded: Map<string, unknown> })._loaded.set(n, data[n]);
        proxy._resolveNull();
        return proxy;
      });
      return all.length * 80;
    });
    return this;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, `${this._path}.getItem(${name})`, () => {
      const t = this._all().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: table "${name}".`);
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, `${this._path}.getItemOrNullObject(${name})`, () => this._all().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.context.queue(`${this._path}.add`, [typeof address === 'string' ? address : 'range', hasHeaders], () => {
      const model = this.context.model;
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof address === 'string') {
        const bang = address.lastIndexOf('!');
        const sheetName = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : null;
        const s = sheetName ? model.sheet(sheetName) : this._sheet ? this._sheet() : null;
        if (!s) throw new FakeOfficeError('InvalidArgument', `Table address needs a sheet: ${address}`);
        sheet = s;
        const r = tryParseAddress(address);
        if (!r) throw new FakeOfficeError('InvalidArgument', `Not a valid address: ${address}`);
        rect = r;
      } else {
        ({ sheet, rect } = address._target());
      }
      if (this._sheet && sheet !== this._sheet()) throw new FakeOfficeError('InvalidArgument', 'The range is on another sheet.');
      if (model.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
        // Documented (MergedRangeConflict): "A table can't overlap with another table…".
        throw new FakeOfficeError('MergedRangeConflict', "Cannot complete the operation. A table can't overlap with another table.");
      }
      let i = model.tables.length + 1;
      while (model.tables.some((t) => t.name === `Table${i}`)) i++;
      created = { name: `Table${i}`, sheet, rect, style: 'TableStyleMedium2', showFilterButton: hasHeaders, showHeaders: hasHeaders };
      model.tables.push(created);
    });
    return new FakeTable(this.context, `${this._path}.add()`, () => created);
  }
  getCount(): FakeClientResult<number> {
    const res = new FakeClientResult<number>();
    this.context.queue(`${this._path}.getCount`, null, () => res.set(this._all().length));
    return res;
  }
}

export class FakeApplication extends ClientObject {
  protected _props(): Record<string, () => unknown> {
    return { calculationMode: () => this.context.model.calculationMode };
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  set calculationMode(v: string) {
    this.context.requireApi('1.8', 'Application.calculationMode (set)');
    this._do('calculationMode', v, () => {
      if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(v)) throw new FakeOfficeError('InvalidArgument', `Not a calculation mode: ${v}`);
      this.context.model.calculationMode = v;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requireApi('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
    this.context.host.count('suspendScreenUpdatingUntilNextSync');
    this._do('suspendScreenUpdatingUntilNextSync', null, () => {
      this.context.model.screenUpdatingSuspended = true;
    });
  }
  calculate(type: string): void {
    this._do('calculate', type, () => undefined);
  }
}

export class FakeRuntime extends ClientObject {
  protected _props(): Record<string, () => unknown> {
    return { enableEvents: () => this.context.model.enableEvents };
  }
  get enableEvents(): boolean {
    return this._get('enableEvents');
  }
  set enableEvents(v: boolean) {
    this.context.requireApi('1.8', 'Runtime.enableEvents');
    this._do('enableEvents', v, () => {
      this.context.model.enableEvents = v;
    });
  }
}

export class FakeWorkbookApi extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeContext) {
    super(ctx, 'workbook');
    this.worksheets = new FakeWorksheetCollection(ctx, 'worksheets');
    this.tables = new FakeTableCollection(ctx, 'workbook.tables', null);
    this.application = new FakeApplication(ctx, 'application');
  }
  protected _props(): Record<string, () => unknown> {
    return { name: () => 'Book1.xlsx' };
  }
  get name(): string {
    return this._get('name');
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.context,
      'workbook.getSelectedRange()',
      () => (this.context.model.selection ? this.context.model.sheet(this.context.model.selection.sheet) ?? null : this.context.model.activeSheet),
      () => tryParseAddress(this.context.model.selection?.address ?? 'A1'),
    );
  }
}
