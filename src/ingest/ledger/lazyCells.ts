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

/** The proxy's target: only the row number (a dedicated object, so nothing else can freeze or change it). */
interface CellsTarget {
  readonly row: number;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export function cellsHandler(fields: readonly LedgerField[], letters: readonly string[]): ProxyHandler<CellsTarget> {
  const index = new Map<string, string>();
  fields.forEach((f, i) => index.set(f, letters[i]!));
  const keys: string[] = [...index.keys()];
  const materialise = (t: CellsTarget): CellMap => {
    const o: Record<string, string> = {};
    for (const [f, l] of index) o[f] = l + t.row;
    return o as CellMap;
  };
  return {
    get(t, k) {
      if (typeof k === 'string') {
        const l = index.get(k);
        return l === undefined ? undefined : l + t.row;
      }
      // console.log / util.inspect show the addresses, not the proxy's target.
      return k === INSPECT ? () => materialise(t) : undefined;
    },
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
}

export function lazyCells(handler: ProxyHandler<CellsTarget>, row: number): CellMap {
  return new Proxy<CellsTarget>({ row }, handler) as CellMap;
}
