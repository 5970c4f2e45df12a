import fc from 'fast-check';
import { memoByText } from '../../src/domain/memoByText';

describe('memoByText', () => {
  test('works each distinct text out once and answers as the function does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('Acme', ' acme ', 'Self', '', 'Blue Cross'), { maxLength: 40 }), (texts) => {
      const calls: string[] = [];
      const upper = memoByText((t) => { calls.push(t); return t.toUpperCase(); });
      for (const t of texts) expect(upper(t)).toBe(t.toUpperCase());
      expect(calls).toEqual([...new Set(texts)]);
    }));
  });

  test('remembers falsy answers too (false, empty text, null)', () => {
    let calls = 0;
    const never = memoByText(() => { calls++; return null; });
    expect(never('x')).toBeNull();
    expect(never('x')).toBeNull();
    expect(calls).toBe(1);
  });

  test('each memo is its own: two runs share nothing', () => {
    let calls = 0;
    const work = (t: string): number => { calls++; return t.length; };
    memoByText(work)('abc');
    memoByText(work)('abc');
    expect(calls).toBe(2);
  });
});
