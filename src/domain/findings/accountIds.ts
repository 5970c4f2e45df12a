/**
 * Account text → a small integer id (0, 1, 2, … in order of first
 * appearance), by open addressing over one typed array.
 *
 * Why not a Map: in a ledger sorted by date the accounts come in random
 * order, and a Map lookup over 100,000 accounts misses the cache about three
 * times (the key's hash, the bucket, the entry); here a slot holds the hash
 * and the id side by side, so a lookup misses about twice (the slot, the
 * name). It allocates no object per key either: on a million-line heap every
 * retained object makes the next full garbage collection dearer. Consecutive
 * lines of one account skip the lookup altogether.
 */
export class AccountIds {
  readonly names: string[] = [];
  /** Slot k: [2k] = hash, [2k + 1] = id + 1 (0 = empty); the slot count is a power of two kept over twice the count. */
  private slots: Int32Array;
  private lastName: string | null = null;
  private lastId = -1;

  /** `expected`: about how many keys will come (sizes the table once; it still grows past it). */
  constructor(expected = 512) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
  }

  get count(): number {
    return this.names.length;
  }

  /** The id of `name`, adding it when new (then `count` grows by one). */
  idOf(name: string): number {
    if (name === this.lastName) return this.lastId;
    const h = hashOf(name);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let k = h & mask;
    for (;;) {
      const s = slots[2 * k + 1]!;
      if (s === 0) break;
      if (slots[2 * k] === h && this.names[s - 1] === name) return this.remember(name, s - 1);
      k = (k + 1) & mask;
    }
    const id = this.names.length;
    this.names.push(name);
    slots[2 * k] = h;
    slots[2 * k + 1] = id + 1;
    if (this.names.length * 4 > slots.length) this.grow();
    return this.remember(name, id);
  }

  /** The id of `name`, or −1 when it was never added. */
  find(name: string): number {
    const h = hashOf(name);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const s = slots[2 * k + 1]!;
      if (s === 0) return -1;
      if (slots[2 * k] === h && this.names[s - 1] === name) return s - 1;
    }
  }

  private remember(name: string, id: number): number {
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let k = old[j]! & mask;
      while (slots[2 * k + 1] !== 0) k = (k + 1) & mask;
      slots[2 * k] = old[j]!;
      slots[2 * k + 1] = old[j + 1]!;
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
