/**
 * Issue 9: the analysis result is finished plain data — it crosses from the
 * task pane's Web Worker by structured clone. The sample ledger's whole
 * result, cloned, is strictly equal to the original (same values, same
 * plain-object and array types: no class instance, getter, Proxy or function
 * anywhere, or the clone would differ or throw).
 */
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/app/analyze';
import { XlsxWorkbook } from '../../src/cli/xlsxWorkbook';
import { parseIso } from '../../src/domain/day';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample-ledger.xlsx');

test('the sample ledger\'s whole analysis survives structuredClone unchanged', async () => {
  const port = await XlsxWorkbook.open(SAMPLE);
  const asOf = parseIso('2026-11-01')!;
  const result = await analyzeWorkbook(port, { asOf, today: asOf });
  expect(result.ledger.lines.length).toBeGreaterThan(200);
  expect(result.findings.length).toBeGreaterThan(0);
  const copy = structuredClone(result);
  // The clone's Sets come from Node's own realm, not jest's, so they are compared by a realm-blind canonical form.
  expect(canonical(copy)).toBe(canonical(result));
  // Nothing in it is a class instance: every object's prototype is Object's, Array's, Set's or Map's.
  const plain = new Set<unknown>([Object.prototype, Array.prototype, Set.prototype, Map.prototype, null]);
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v === 'function') throw new Error('a function in the result');
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    expect(plain.has(Object.getPrototypeOf(v))).toBe(true);
    for (const key of Object.getOwnPropertyNames(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      expect(d.get).toBeUndefined();
      visit(d.value);
    }
      if (v instanceof Set || v instanceof Map) for (const x of v) visit(x);
  };
  visit(result);
});

/** A text that two values share exactly when they are structurally equal (kinds, keys, order of arrays, -0, NaN, undefined). */
function canonical(v: unknown): string {
  const kind = Object.prototype.toString.call(v);
  if (v === undefined) return 'u';
  if (typeof v === 'number') return Object.is(v, -0) ? 'n-0' : `n${String(v)}`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (kind === '[object Set]') return `S[${[...(v as Iterable<unknown>)].map(canonical).join(',')}]`;
  if (kind === '[object Map]') return `M[${[...(v as Iterable<[unknown, unknown]>)].map(([k, x]) => `${canonical(k)}:${canonical(x)}`).join(',')}]`;
  if (Array.isArray(v)) return `A[${v.map(canonical).join(',')}]`;
  return `O{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
}
