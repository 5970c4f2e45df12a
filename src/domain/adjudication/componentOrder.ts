/**
 * The order adjudicate() takes lines in, without sorting a million of them
 * and without a pass of its own over the ledger.
 *
 * DESIGN §5 takes lines in service-date then sheet order so that lines
 * sharing an accumulator see each other in the order care happened. Only
 * lines of one component (coverageLookup.ts: accounts that can share an
 * accumulator) can affect each other, so that order is needed only within a
 * component; between components any order gives the same results.
 *
 * A ledger export is usually grouped by account and dated within it (or
 * sorted by date), so most components come in (service date, line.index)
 * order: their lines are taken as the sheet is walked. A component whose
 * next line comes out of order (a family's members one after the other, a
 * shuffled sheet) is set aside from that line on; after the walk it is put
 * back as it was before its first line (CoverageLookup.resetComponent) and
 * its lines are taken again, sorted — so what its earlier lines were given
 * is overwritten by the same rule applied in the right order.
 *
 * Why not a first pass that finds the out-of-order components: reading every
 * line object once more costs more (~25 ms per million lines) than taking a
 * family's lines twice.
 */
import type { LedgerLine } from '../ledger';
import { processingOrder } from './lineOrder';

const UNSEEN = 0;
const IN_ORDER = 1;
const SET_ASIDE = 2;

export class ComponentOrder {
  /** Per component: UNSEEN, IN_ORDER or SET_ASIDE. */
  private status: Uint8Array;
  /** Per component: the service date and line.index of its last line taken. */
  private lastDay: Float64Array;
  private lastIndex: Float64Array;
  /** Components set aside, in the order they were. */
  readonly setAside: number[] = [];

  /** `components`: how many are known before the walk (more may come: they are numbered as accounts appear). */
  constructor(components: number) {
    const k = Math.max(16, components);
    this.status = new Uint8Array(k);
    this.lastDay = new Float64Array(k);
    this.lastIndex = new Float64Array(k);
  }

  /** A component whose lines must all wait for the end of the walk (CoverageLookup.isComplex). */
  setAsideFromStart(c: number): void {
    this.ensure(c);
    if (this.status[c] !== SET_ASIDE) {
      this.status[c] = SET_ASIDE;
      this.setAside.push(c);
    }
  }

  /** Whether the line (service date `d`, sheet index `x`) of component `c` is to be taken now. */
  takeNow(c: number, d: number, x: number): boolean {
    if (c >= this.status.length) this.ensure(c);
    const st = this.status[c]!;
    if (st === SET_ASIDE) return false;
    if (st === IN_ORDER) {
      const last = this.lastDay[c]!;
      if (d < last || (d === last && x <= this.lastIndex[c]!)) {
        this.status[c] = SET_ASIDE;
        this.setAside.push(c);
        return false;
      }
    } else {
      this.status[c] = IN_ORDER;
    }
    this.lastDay[c] = d;
    this.lastIndex[c] = x;
    return true;
  }

  private ensure(c: number): void {
    if (c < this.status.length) return;
    let k = this.status.length * 2;
    while (k <= c) k *= 2;
    const status = new Uint8Array(k);
    status.set(this.status);
    const lastDay = new Float64Array(k);
    lastDay.set(this.lastDay);
    const lastIndex = new Float64Array(k);
    lastIndex.set(this.lastIndex);
    this.status = status;
    this.lastDay = lastDay;
    this.lastIndex = lastIndex;
  }
}

/**
 * The set-aside components' lines, each component's in service-date then
 * sheet order. `account[i]`: line i's account number; `componentOf` maps it.
 */
export function setAsideLines(
  lines: readonly LedgerLine[], account: Int32Array, componentOf: (account: number) => number, setAside: readonly number[],
): { readonly components: readonly number[]; readonly start: Int32Array; readonly positions: Int32Array } {
  const slot = new Map<number, number>();
  setAside.forEach((c, s) => slot.set(c, s));
  const n = lines.length;
  // A line's slot: found once per run of an account's lines (twice over: to count, then to place).
  const slotAt = (a: number): number => (a < 0 ? -1 : slot.get(componentOf(a)) ?? -1);
  const count = new Int32Array(setAside.length + 1);
  let lastAccount = -2;
  let s = -1;
  for (let i = 0; i < n; i++) {
    const a = account[i]!;
    if (a !== lastAccount) {
      lastAccount = a;
      s = slotAt(a);
    }
    if (s >= 0) count[s + 1]!++;
  }
  const start = new Int32Array(setAside.length + 1);
  for (let k = 0; k < setAside.length; k++) start[k + 1] = start[k]! + count[k + 1]!;
  const positions = new Int32Array(start[setAside.length]!);
  const fill = start.slice(0, setAside.length);
  lastAccount = -2;
  for (let i = 0; i < n; i++) {
    const a = account[i]!;
    if (a !== lastAccount) {
      lastAccount = a;
      s = slotAt(a);
    }
    if (s >= 0) positions[fill[s]!++] = i;
  }
  for (let k = 0; k < setAside.length; k++) sortByServiceDate(lines, positions, start[k]!, start[k + 1]!);
  return { components: setAside, start, positions };
}

/** positions[from, to), array positions in sheet order, sorted in place by service date then line.index. */
function sortByServiceDate(lines: readonly LedgerLine[], pos: Int32Array, from: number, to: number): void {
  if (to - from <= 48) {
    // Small (a family's few dozen lines): insertion sort, stable.
    for (let i = from + 1; i < to; i++) {
      const p = pos[i]!;
      const l = lines[p]!;
      const d = l.serviceDate;
      const x = l.index;
      let j = i - 1;
      while (j >= from) {
        const q = lines[pos[j]!]!;
        if (q.serviceDate < d || (q.serviceDate === d && q.index <= x)) break;
        pos[j + 1] = pos[j]!;
        j--;
      }
      pos[j + 1] = p;
    }
    return;
  }
  const sub: LedgerLine[] = new Array<LedgerLine>(to - from);
  for (let i = from; i < to; i++) sub[i - from] = lines[pos[i]!]!;
  const order = processingOrder(sub);
  const was = pos.slice(from, to);
  for (let i = 0; i < order.length; i++) pos[from + i] = was[order[i]!]!;
}

/**
 * The per-line account numbers of the run in progress. One array, kept for
 * the next run: it never leaves adjudicate() (which runs to completion
 * before another can start), and a fresh 4 MB per million lines each run
 * counts towards the external-memory total at which V8 runs a full
 * collection over the whole ledger in memory (sharesTable.ts).
 */
let scratch = new Int32Array(0);
export function accountScratch(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(n);
  return scratch.length === n ? scratch : scratch.subarray(0, n);
}
