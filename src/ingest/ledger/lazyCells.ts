/**
 * `LedgerLine.cells` for service-line ledgers, built on read.
 *
 * Why: a line's ~15 A1 addresses are 15 strings; for a million lines that
 * was 16 million small strings and, measured, about three quarters of all
 * ingestion time (almost all of it garbage collection) — while only lines
 * with a finding ever read a cell address. An accessor property on the line
 * (`Object.defineProperty` per line) or a class instance cost ~0.8 µs per
 * line; a Proxy costs ~0.03 µs and no closure.
 *
 * The proxy behaves as the plain, read-only object the type promises: every
 * mapped field is an own, enumerable string property (`cells.billed` →
 * "D7"), so property reads, `in`, Object.keys/values/entries, spread,
 * JSON.stringify and jest's toEqual all see `{ account: 'A7', … }`; writes
 * are refused. One thing a proxy cannot do: pass through structuredClone /
 * postMessage — copy it first with `{ ...line.cells }` if a line must cross
 * to a worker. Transaction ledgers (whose cells are edited while folding)
 * use plain objects.
 */
import type { LedgerField } from '../../domain/ledger';

export type CellMap = Partial<Record<LedgerField, string>>;

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const OBJECT_PROTO = Object.prototype as unknown as Record<PropertyKey, unknown>;

/**
 * The proxy's target: the row number and the sheet's address builder (a
 * dedicated object, so nothing else can freeze or change it). util.inspect
 * shows a proxy's target, so the target knows how to show the addresses.
 */
class CellsTarget {
  declare readonly row: number;
  declare readonly build: (row: number) => CellMap;
  constructor(row: number, build: (row: number) => CellMap) {
    (this as { row: number }).row = row;
    (this as { build: (row: number) => CellMap }).build = build;
  }

  [INSPECT](): CellMap {
    // Node calls this with the proxy as `this` (whose reads go through the traps), or with the target.
    return typeof this.build === 'function' ? this.build(this.row) : (Object.fromEntries(Object.entries(this)) as CellMap);
  }
}

export interface CellsFactory {
  readonly handler: ProxyHandler<CellsTarget>;
  readonly build: (row: number) => CellMap;
}

export function cellsFactory(fields: readonly LedgerField[], letters: readonly string[]): CellsFactory {
  const index = new Map<string, string>();
  fields.forEach((f, i) => index.set(f, letters[i]!));
  const keys: string[] = [...index.keys()];
  const build = (row: number): CellMap => {
    const o: Record<string, string> = {};
    for (const [f, l] of index) o[f] = l + row;
    return o as CellMap;
  };
  const handler: ProxyHandler<CellsTarget> = {
    get(t, k) {
      if (typeof k === 'string') {
        const l = index.get(k);
        if (l !== undefined) return l + t.row;
      }
      // Anything else reads as on a plain object (constructor, hasOwnProperty, toString…).
      return OBJECT_PROTO[k];
    },
    getPrototypeOf: () => Object.prototype,
    has: (_t, k) => typeof k === 'string' && index.has(k),
    ownKeys: () => keys.slice(),
    getOwnPropertyDescriptor(t, k) {
      if (typeof k !== 'string') return undefined;
      const l = index.get(k);
      return l === undefined ? undefined : { value: l + t.row, writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  return { handler, build };
}

export function lazyCells(f: CellsFactory, row: number): CellMap {
  return new Proxy<CellsTarget>(new CellsTarget(row, f.build), f.handler) as CellMap;
}
