/**
 * Normalised lookup keys for adjudication (../nameKeys.ts says how names
 * compare). Every key is built once per distinct raw string (see
 * `KeyCache`), never once per line: the hot path is a Map hit, not a regex.
 */
import { isSelfPay } from '../ledger';
import { codeKey, idKey, nameKey } from '../nameKeys';

export { codeKey, idKey, nameKey };

/** Memoises a string → T function; the ledger repeats a few hundred payers a million times. */
export class KeyCache<T> {
  private readonly memo = new Map<string, T>();
  /** The last string asked for and its key: an account's lines repeat their payer, so most asks end here. */
  private lastRaw: string | undefined = undefined;
  private lastValue: T | undefined = undefined;
  constructor(private readonly compute: (raw: string) => T) {}
  get(raw: string): T {
    if (raw === this.lastRaw) return this.lastValue as T;
    let v = this.memo.get(raw);
    if (v === undefined) {
      v = this.compute(raw);
      this.memo.set(raw, v);
    }
    this.lastRaw = raw;
    this.lastValue = v;
    return v;
  }
}

/** Per-run caches shared by the lookups (one set per adjudicate() call). */
export interface KeyCaches {
  readonly name: KeyCache<string>;
  readonly code: KeyCache<string>;
  readonly selfPay: KeyCache<boolean>;
}

export function makeKeyCaches(): KeyCaches {
  return { name: new KeyCache(nameKey), code: new KeyCache(codeKey), selfPay: new KeyCache(isSelfPay) };
}
