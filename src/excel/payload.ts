/**
 * Excel on the web refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; the
 * desktop hosts have no such limit). Blocks are sized by an estimate of the
 * JSON that travels, against a budget well under the limit, so one block is
 * one sync and no sync is refused. The estimate is deliberately cheap (no
 * JSON.stringify of 5 MB arrays) and errs high.
 */

/** Excel on the web's limit, documented in "Resource limits and performance optimization". */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one sync may carry by our estimate: room for the envelope and the estimate's error. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Estimated bytes of one action and its object path in Office.js's request JSON (arguments aside). */
export const OP_OVERHEAD = 260;

/** Estimated JSON bytes of one cell value (UTF-8, quotes, escapes, separator). */
export function valueBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === 'number') return String(v).length + 1;
  if (typeof v === 'boolean') return 6;
  if (typeof v === 'string') {
    let n = v.length + 3;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c) n += 5; // \uXXXX at worst
      else if (c >= 0x80) n += 2; // UTF-8 of the BMP: at most 3 bytes
    }
    return n;
  }
  return 50;
}

/** Estimated bytes of one row of a 2-D array. */
export function rowBytes(row: readonly unknown[]): number {
  let n = 3;
  for (const v of row) n += valueBytes(v);
  return n;
}

/** Splits `count` rows into runs whose estimated bytes (`bytesOf(i)`) each fit `budget`; a row alone over budget is its own run. */
export function rowRuns(count: number, bytesOf: (i: number) => number, budget: number): { start: number; count: number; bytes: number }[] {
  const runs: { start: number; count: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const b = bytesOf(i);
    if (i > start && bytes + b > budget) {
      runs.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (count > start) runs.push({ start, count: count - start, bytes });
  return runs;
}
