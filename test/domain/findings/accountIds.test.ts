import fc from 'fast-check';
import { AccountIds } from '../../../src/domain/findings/accountIds';

describe('AccountIds', () => {
  it('numbers accounts 0, 1, 2, … in order of first appearance, through table growth', () => {
    const ids = new AccountIds();
    const names = Array.from({ length: 5000 }, (_, i) => `ACC${i}`);
    names.forEach((n, i) => expect(ids.idOf(n)).toBe(i));
    // Equal text from a different string object finds the same id.
    names.forEach((n, i) => expect(ids.idOf(`${n.slice(0, 3)}${n.slice(3)}`)).toBe(i));
    expect(ids.count).toBe(5000);
    expect(ids.names[4321]).toBe('ACC4321');
  });

  it('agrees with a Map on any sequence of accounts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (seq) => {
        const ids = new AccountIds();
        const ref = new Map<string, number>();
        for (const s of seq) {
          if (!ref.has(s)) ref.set(s, ref.size);
          expect(ids.idOf(s)).toBe(ref.get(s));
        }
        expect(ids.count).toBe(ref.size);
      }),
    );
  });
});
