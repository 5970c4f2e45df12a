/**
 * DESIGN §5: lines are taken in service-date order, then sheet order
 * (line.index) — a stable order, so family members share accumulators in
 * the order care happened. Returns array positions in that order.
 *
 * Ledgers usually arrive in sheet order, often already by date: an O(n)
 * check handles that; otherwise a counting sort by date (stable, so sheet
 * order is kept within a date) when the dates span a sane range, else a
 * comparison sort.
 */
import type { LedgerLine } from '../ledger';

const MAX_COUNTING_RANGE = 1 << 22; // ~11,000 years of days: any real ledger

export function processingOrder(lines: readonly LedgerLine[]): Int32Array {
  const n = lines.length;
  const order = new Int32Array(n);
  let byIndex = true;
  let byDate = true;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    const dd = l.serviceDate;
    if (dd < minDay) minDay = dd;
    if (dd > maxDay) maxDay = dd;
    if (i > 0) {
      const p = lines[i - 1]!;
      if (l.index <= p.index) byIndex = false;
      if (dd < p.serviceDate || (dd === p.serviceDate && l.index <= p.index)) byDate = false;
    }
  }
  if (byDate) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  if (byIndex && maxDay - minDay < MAX_COUNTING_RANGE) {
    const range = maxDay - minDay + 1;
    const starts = new Int32Array(range + 1);
    for (let i = 0; i < n; i++) starts[lines[i]!.serviceDate - minDay + 1]!++;
    for (let r = 1; r <= range; r++) starts[r]! += starts[r - 1]!;
    for (let i = 0; i < n; i++) order[starts[lines[i]!.serviceDate - minDay]!++] = i;
    return order;
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    const la = lines[a]!;
    const lb = lines[b]!;
    return la.serviceDate - lb.serviceDate || la.index - lb.index;
  });
  for (let i = 0; i < n; i++) order[i] = idx[i]!;
  return order;
}
