/**
 * Line-length scratch arrays (one small integer per ledger line) for the
 * findings pass.
 *
 * Plain arrays, not Int32Array: a typed array's memory lives outside the JS
 * heap, and V8 meets each 64 MB of such memory with a full mark of the whole
 * heap ("external memory pressure"). With a million lines already on the
 * heap that mark costs a second or more — more than the pass itself — and
 * the findings pass alone used to allocate ~40 MB of typed arrays. On the
 * heap, the arrays count against the old generation's limit instead, which
 * grows with the heap. A filled `new Array(n)` stays a fast array of small
 * integers (measured: as quick to index as an Int32Array).
 */
export function scratch(length: number, fill: number): number[] {
  return new Array<number>(length).fill(fill);
}
