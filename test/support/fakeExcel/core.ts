/**
 * The request machinery of the strict fake: a RequestContext that queues
 * every write and load until sync(), as Office.js does, and the strict rules
 * that make a fake worth testing against:
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - each sync's request and response are sized (an estimate of Office.js's
 *   JSON; see `opBytes`) and, over the limit (5 MB on Excel on the web),
 *   refused with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 * - a member newer than the host's ExcelApi version throws ApiNotFound;
 * - objects of a finished Excel.run cannot be used (InvalidObjectPath).
 */
import type { FakeWorkbookModel } from './model';

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Thrown like OfficeExtension.Error: `name` RichApi.Error, `code` from Excel.ErrorCodes / OfficeExtension.ErrorCodes. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
}

export interface FakeHostOptions {
  /** ExcelApi version the host supports ("1.9" is the manifest's floor; default "1.17"). */
  apiVersion?: string;
  /** Request/response limit in bytes (default 5 MB, Excel on the web). Infinity for desktop. */
  payloadLimit?: number;
  platform?: 'PC' | 'Mac' | 'OfficeOnline';
}

/** What one installed fake host shares across Excel.run calls: the model, options and counters. */
export class FakeHost {
  readonly syncs: SyncRecord[] = [];
  readonly apiVersion: string;
  readonly payloadLimit: number;
  readonly platform: string;
  /** Every call a test may want to count (e.g. "getRange"), by name. */
  readonly calls = new Map<string, number>();

  constructor(readonly model: FakeWorkbookModel, opts: FakeHostOptions = {}) {
    this.apiVersion = opts.apiVersion ?? '1.17';
    this.payloadLimit = opts.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.platform = opts.platform ?? 'OfficeOnline';
  }

  supports(version: string): boolean {
    return compareVersions(this.apiVersion, version) >= 0;
  }

  count(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
  }

  get maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  resetCounters(): void {
    this.syncs.length = 0;
    this.calls.clear();
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Estimated bytes of one queued action in Office.js's request JSON: an action
 * and, usually, an object path, each a small JSON object (~60–120 bytes)
 * around its arguments. A guess from the shape of the protocol, not a
 * measurement; it errs high so a renderer sized by it stays under the limit.
 */
export function opBytes(args: unknown): number {
  return 160 + jsonBytes(args);
}

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const s = JSON.stringify(value);
  if (s === undefined) return 0;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 ? 2 : 1;
  }
  return n;
}

interface Op {
  bytes: number;
  what: string;
  run(): number | void; // returns response bytes
}

export class FakeContext {
  private ops: Op[] = [];
  private pendingBytes = 0;
  /** Objects whose isNullObject becomes known at the next sync. */
  private unresolved: ClientObject[] = [];
  closed = false;

  constructor(readonly host: FakeHost) {}

  get model(): FakeWorkbookModel {
    return this.host.model;
  }

  /** Queues an action; its effect happens at sync. */
  queue(what: string, args: unknown, run: () => number | void): void {
    if (this.closed) {
      throw new FakeOfficeError('InvalidObjectPath', `The object path '${what}' isn't working for what you're trying to do. Its Excel.run has finished.`);
    }
    this.ops.push({ bytes: opBytes(args), what, run });
  }

  /** Bytes of an object path created in this batch (getRange, getItem…). */
  addPathBytes(args: unknown): void {
    this.pendingBytes += 100 + jsonBytes(args);
  }

  track(obj: ClientObject): void {
    this.unresolved.push(obj);
  }

  requireApi(version: string, member: string): void {
    if (!this.host.supports(version)) {
      throw new FakeOfficeError('ApiNotFound', `${member} needs ExcelApi ${version}; this Excel has ${this.host.apiVersion}.`);
    }
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', 'The request context is no longer valid.');
    const ops = this.ops;
    const unresolved = this.unresolved;
    this.ops = [];
    this.unresolved = [];
    const requestBytes = 200 + this.pendingBytes + ops.reduce((s, o) => s + o.bytes, 0);
    this.pendingBytes = 0;
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.length };
    this.host.syncs.push(record);
    await Promise.resolve(); // a sync is always asynchronous
    if (requestBytes > this.host.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    let responseBytes = 100;
    for (const op of ops) {
      try {
        responseBytes += op.run() ?? 0;
      } catch (e) {
        record.responseBytes = responseBytes;
        if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = op.what;
        throw e;
      }
    }
    for (const o of unresolved) o._resolveNull();
    record.responseBytes = responseBytes;
    if (responseBytes > this.host.payloadLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
  }

  get pendingOps(): number {
    return this.ops.length;
  }
}

/** Property names asked for by load("a, b/c"), load(["a"]) or load({ a: true }). */
export function loadNames(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadNames(a));
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === 'string') return loadNames(o.select);
    return Object.keys(o).filter((k) => o[k]);
  }
  return [];
}

/**
 * The base of every proxy: loaded properties are readable only after a sync
 * that ran their load; isNullObject only after a sync.
 */
export abstract class ClientObject {
  protected readonly _loaded = new Map<string, unknown>();
  private _nullKnown: boolean | null = null;

  constructor(readonly context: FakeContext, protected readonly _path: string) {
    context.track(this);
  }

  /** Scalar properties a load may ask for, read from the model at sync. */
  protected abstract _props(): Record<string, () => unknown>;
  /** Whether the object exists (false only for *OrNullObject objects that found nothing). */
  protected _exists(): boolean {
    return true;
  }

  _resolveNull(): void {
    if (this._nullKnown === null) this._nullKnown = !this._exists();
  }

  get isNullObject(): boolean {
    if (this._nullKnown === null) this._notLoaded('isNullObject');
    return this._nullKnown as boolean;
  }

  protected _notLoaded(prop: string): never {
    throw new FakeOfficeError(
      'PropertyNotLoaded',
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${this._path}.${prop}`,
    );
  }

  protected _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) this._notLoaded(prop);
    return this._loaded.get(prop) as T;
  }

  load(arg?: unknown): this {
    const props = this._props();
    let names = loadNames(arg);
    if (names.length === 0) names = Object.keys(props).filter((n) => n !== 'text' && n !== 'formulas');
    for (const n of names) {
      if (n.includes('/')) continue; // navigation paths are loaded on the child object
      if (!(n in props)) {
        throw new FakeOfficeError('InvalidArgument', `Cannot load '${n}' on ${this._path}: the fake does not know that property.`);
      }
    }
    this.context.queue(`${this._path}.load`, names, () => {
      let bytes = 0;
      const exists = this._exists();
      for (const n of names) {
        if (n.includes('/')) continue;
        const v = exists ? props[n]!() : null;
        this._loaded.set(n, v);
        bytes += n.length + 4 + jsonBytes(v);
      }
      return bytes;
    });
    return this;
  }

  /** Queues a property write or method call on the existing object. */
  protected _do(what: string, args: unknown, run: () => void): void {
    this.context.queue(`${this._path}.${what}`, args, () => {
      if (!this._exists()) throw new FakeOfficeError('ItemNotFound', `${this._path} does not exist (a null object).`);
      run();
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A result of a method that returns a plain value (getCount…): `value` readable after sync. */
export class FakeClientResult<T> {
  private _v: { value: T } | null = null;
  set(v: T): void {
    this._v = { value: v };
  }
  get value(): T {
    if (!this._v) throw new FakeOfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this._v.value;
  }
}
