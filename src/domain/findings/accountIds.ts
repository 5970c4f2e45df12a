/**
 * Account text → a small integer id (0, 1, 2, … in order of first
 * appearance), by open addressing over typed arrays.
 *
 * Why not a Map: in a ledger sorted by date the accounts come in random
 * order, and a Map lookup over 100,000 accounts misses the cache about three
 * times (the key's hash, the bucket, the entry); this table misses about
 * once. On a million lines that is the largest single cost of the findings
 * pass. Consecutive lines of one account skip the lookup altogether.
 */
export class AccountIds {
  readonly names: string[] = [];
  private hashes = new Int32Array(1024);
  /** Slot → id + 1 (0 = empty); the size is a power of two kept over twice the count. */
  private slots = new Int32Array(2048);
  private lastName: string | null = null;
  private lastId = -1;

  get count(): number {
    return this.names.length;
  }

  /** The id of `name`, adding it when new (then `count` grows by one). */
  idOf(name: string): number {
    if (name === this.lastName) return this.lastId;
    const h = hashOf(name);
    const mask = this.slots.length - 1;
    let k = h & mask;
    for (;;) {
      const s = this.slots[k]!;
      if (s === 0) break;
      if (this.hashes[s - 1] === h && this.names[s - 1] === name) return this.remember(name, s - 1);
      k = (k + 1) & mask;
    }
    const id = this.names.length;
    this.names.push(name);
    if (id >= this.hashes.length) {
      const bigger = new Int32Array(this.hashes.length * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[id] = h;
    this.slots[k] = id + 1;
    if (this.names.length * 2 > this.slots.length) this.grow();
    return this.remember(name, id);
  }

  private remember(name: string, id: number): number {
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.names.length; id++) {
      let k = this.hashes[id]! & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = id + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the UTF-16 code units, as a non-negative 31-bit integer. */
function hashOf(s: string): number {
  let h = 2166136261;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return (h >>> 1) & 0x7fffffff;
}
