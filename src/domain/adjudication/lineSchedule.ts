/**
 * The order adjudicate() takes lines in, without sorting a million of them.
 *
 * DESIGN §5 takes lines in service-date then sheet order so that lines
 * sharing an accumulator see each other in the order care happened. Only
 * lines of one component (coverageLookup.ts: accounts that can share an
 * accumulator) can affect each other, so that order is needed only within a
 * component; between components any order gives the same results.
 *
 * A ledger export is usually grouped by account and dated within it, so
 * most components already come in (service date, line.index) order in the
 * array: those lines are taken where they stand, in one sequential pass. A
 * component whose lines are out of order (a family's members one after the
 * other, or a shuffled sheet) waits until its last line, then its lines are
 * sorted and taken together — still close together in memory when the
 * sheet is grouped.
 */
import type { LedgerLine } from '../ledger';
import { processingOrder } from './lineOrder';

/** Where a line's account number and component come from (CoverageLookup). */
export interface ComponentSource {
  /** The account's number; -1: its lines touch no accumulator, any order will do. */
  accountOf(account: string): number;
  /** Accounts numbered so far (with a Coverage sheet: all of them, before any line is seen). */
  readonly accountCount: number;
  /** Each numbered account's component (asked once the lines are numbered). */
  componentsOfAccounts(): Int32Array;
  /** Components numbered so far. */
  readonly compCount: number;
  /** A component whose lines must all be looked up before any is computed (see CoverageLookup). */
  isComplex(comp: number): boolean;
}

/**
 * The per-line account numbers of the run in progress. One array, kept for
 * the next run: it never leaves adjudicate() (which runs to completion
 * before another can start), and a fresh 4 MB per million lines each run
 * counts towards the external-memory total at which V8 runs a full
 * collection over the whole ledger in memory (sharesTable.ts).
 */
let scratch = new Int32Array(0);
function accountScratch(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(n);
  return scratch.length === n ? scratch : scratch.subarray(0, n);
}

export class LineSchedule {
  /**
   * Per line: its account's number, -1 for none. Looked up here once per run
   * of an account's lines, so adjudication finds a line's coverage by
   * number, never by hashing the account again.
   */
  readonly account: Int32Array;
  /** Per account number: its component. */
  readonly compOfAccount: Int32Array;
  /** Per component: 1 when its lines wait for its last line. */
  readonly deferred: Uint8Array;
  /** Per component: array position of its last line. */
  readonly lastPos: Int32Array;
  /** Per component: where its lines start in `positions` (deferred components only). */
  readonly start: Int32Array;
  /** Deferred components' lines, component by component, in array order until sorted. */
  readonly positions: Int32Array;

  constructor(lines: readonly LedgerLine[], src: ComponentSource) {
    const n = lines.length;
    const acct = accountScratch(n);
    // With a Coverage sheet the accounts are known before any line: one walk over the lines
    // (each line object is read once here — on a large heap that read is the cost). Without one,
    // accounts are numbered as they come, so their per-component state is sized after a first walk.
    const known = src.accountCount;
    let lastAccount: string | null = null;
    let a = -1;
    if (known === 0) {
      for (let i = 0; i < n; i++) {
        const account = lines[i]!.account;
        if (account !== lastAccount) {
          lastAccount = account;
          a = src.accountOf(account);
        }
        acct[i] = a;
      }
    }
    const compOfAccount = src.componentsOfAccounts();
    const k = src.compCount;
    const lastDay = new Float64Array(k);
    const lastIndex = new Float64Array(k);
    const size = new Int32Array(k);
    const deferred = new Uint8Array(k);
    const lastPos = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const l = lines[i]!;
      const x = l.index;
      let aa: number;
      if (known === 0) {
        aa = acct[i]!;
      } else {
        const account = l.account;
        if (account !== lastAccount) {
          lastAccount = account;
          a = src.accountOf(account);
        }
        aa = acct[i] = a;
      }
      if (aa < 0) continue;
      const cc = compOfAccount[aa]!;
      const d = l.serviceDate;
      if (size[cc]! > 0 && (d < lastDay[cc]! || (d === lastDay[cc]! && x <= lastIndex[cc]!))) deferred[cc] = 1;
      lastDay[cc] = d;
      lastIndex[cc] = x;
      lastPos[cc] = i;
      size[cc]!++;
    }
    const start = new Int32Array(k + 1);
    let total = 0;
    for (let cc = 0; cc < k; cc++) {
      if (deferred[cc] === 0 && size[cc]! > 0 && src.isComplex(cc)) deferred[cc] = 1;
      start[cc] = total;
      if (deferred[cc] === 1) total += size[cc]!;
    }
    start[k] = total;
    const positions = new Int32Array(total);
    if (total > 0) {
      const fill = start.slice(0, k);
      for (let i = 0; i < n; i++) {
        const aa = acct[i]!;
        if (aa < 0) continue;
        const cc = compOfAccount[aa]!;
        if (deferred[cc] === 1) positions[fill[cc]!++] = i;
      }
    }
    this.account = acct;
    this.compOfAccount = compOfAccount;
    this.deferred = deferred;
    this.lastPos = lastPos;
    this.start = start;
    this.positions = positions;
  }

  /** A deferred component's lines, sorted in place by service date then line.index; returns [from, to) in `positions`. */
  sortComponent(lines: readonly LedgerLine[], c: number): void {
    const pos = this.positions;
    const from = this.start[c]!;
    const to = from + componentSize(this, c);
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
}

/** Lines in deferred component c (the next deferred component's start minus its own). */
function componentSize(s: LineSchedule, c: number): number {
  // start[] is cumulative over deferred components only, so the next component's start bounds this one.
  return s.start[c + 1]! - s.start[c]!;
}
