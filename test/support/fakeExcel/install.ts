/**
 * installFakeOffice(globalThis, workbook): defines `Office` and `Excel` (and
 * `OfficeExtension`) over a FakeWorkbookModel, in place of office.js — in jest
 * and, bundled, in the task pane's browser test. No Node APIs.
 */
import { FakeContext, FakeHost, FakeHostOptions, FakeOfficeError } from './core';
import { FakeWorkbookModel } from './model';
import { FakeRuntime, FakeWorkbookApi } from './workbook';

export class FakeRequestContext extends FakeContext {
  readonly workbook: FakeWorkbookApi;
  readonly runtime: FakeRuntime;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  constructor(host: FakeHost) {
    super(host);
    this.workbook = new FakeWorkbookApi(this);
    this.runtime = new FakeRuntime(this, 'runtime');
  }
  get application() {
    return this.workbook.application;
  }
}

class FakeSettings {
  constructor(private readonly model: FakeWorkbookModel) {}
  get(name: string): unknown {
    return this.model.settings.has(name) ? structuredCloneJson(this.model.settings.get(name)) : null;
  }
  set(name: string, value: unknown): void {
    if (value === undefined) throw new Error('Office settings cannot hold undefined');
    this.model.settings.set(name, structuredCloneJson(value));
  }
  remove(name: string): void {
    this.model.settings.delete(name);
  }
  saveAsync(...args: unknown[]): void {
    this.model.savedSettings = new Map(this.model.settings);
    const cb = args.find((a) => typeof a === 'function') as ((r: unknown) => void) | undefined;
    const result = { status: 'succeeded', value: undefined, error: null, asyncContext: undefined };
    if (cb) setTimeout(() => cb(result), 0);
  }
  refreshAsync(cb?: (r: unknown) => void): void {
    this.model.settings = new Map(this.model.savedSettings);
    if (cb) setTimeout(() => cb({ status: 'succeeded', value: this }), 0);
  }
}

/** Settings travel as JSON (Office serialises them): a Date becomes a string, as in Office. */
function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export interface InstalledFake {
  host: FakeHost;
  model: FakeWorkbookModel;
  uninstall(): void;
}

export function installFakeOffice(target: Record<string, unknown>, workbook: FakeWorkbookModel, opts: FakeHostOptions = {}): InstalledFake {
  const host = new FakeHost(workbook, opts);
  const HostType = { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' };
  const PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' };
  const info = { host: 'Excel', platform: host.platform };
  const previous = { Office: target.Office, Excel: target.Excel, OfficeExtension: target.OfficeExtension };

  const Office = {
    HostType,
    PlatformType,
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(cb?: (i: typeof info) => void): Promise<typeof info> {
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      platform: host.platform,
      diagnostics: { host: 'Excel', platform: host.platform, version: '16.0' },
      document: { settings: new FakeSettings(workbook) },
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name !== 'ExcelApi') return false;
          return host.supports(version ?? '1.1');
        },
      },
      displayLanguage: 'en-US',
    },
  };

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args.find((a) => typeof a === 'function') as ((ctx: FakeRequestContext) => Promise<T>) | undefined;
    if (!batch) throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    const ctx = new FakeRequestContext(host);
    try {
      const p = batch(ctx);
      if (!p || typeof (p as Promise<T>).then !== 'function') {
        throw new FakeOfficeError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise.');
      }
      const result = await p;
      if (ctx.pendingOps > 0) await ctx.sync(); // Excel.run syncs what is still queued
      return result;
    } finally {
      ctx.closed = true;
    }
  }

  const Excel = {
    run,
    RequestContext: FakeRequestContext,
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    CalculationMode: { automatic: 'Automatic', automaticExceptTables: 'AutomaticExceptTables', manual: 'Manual' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    ConditionalFormatType: { custom: 'Custom', cellValue: 'CellValue', containsText: 'ContainsText', dataBar: 'DataBar', colorScale: 'ColorScale' },
    ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', pie: 'Pie', line: 'Line', doughnut: 'Doughnut' },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  };

  const OfficeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      generalException: 'GeneralException',
      activityLimitReached: 'ActivityLimitReached',
      invalidObjectPath: 'InvalidObjectPath',
      propertyNotLoaded: 'PropertyNotLoaded',
      valueNotLoaded: 'ValueNotLoaded',
      invalidRequestContext: 'InvalidRequestContext',
      invalidArgument: 'InvalidArgument',
      runMustReturnPromise: 'RunMustReturnPromise',
      cannotRegisterEvent: 'CannotRegisterEvent',
      apiNotFound: 'ApiNotFound',
      connectionFailure: 'ConnectionFailure',
    },
  };

  target.Office = Office;
  target.Excel = Excel;
  target.OfficeExtension = OfficeExtension;
  return {
    host,
    model: workbook,
    uninstall() {
      target.Office = previous.Office;
      target.Excel = previous.Excel;
      target.OfficeExtension = previous.OfficeExtension;
    },
  };
}
