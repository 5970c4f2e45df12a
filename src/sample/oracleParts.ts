/**
 * The oracle's small parts: default categories, accumulators, the grouping
 * of accounts that share them, and the service-date ordering.
 */
const DEFAULT_CATEGORIES: readonly [RegExp, string][] = [
  [/^992[01]\d$/, 'Office'], [/^9928\d$/, 'Emergency'], [/^99(38|39)\d$|^G04\d\d$/, 'Preventive'],
  [/^8\d{4}$|^36415$/, 'Lab'], [/^7\d{4}$/, 'Imaging'], [/^[1-6]\d{4}$/, 'Surgery'], [/^J\d{4}$/, 'Drug'],
];

/** DESIGN §4 default category from the code, for codes the fee schedule does not categorise. */
export function defaultCategory(code: string): string {
  for (const [re, cat] of DEFAULT_CATEGORIES) if (re.test(code)) return cat;
  return 'Other';
}

/**
 * Accumulators of one member or one family under one plan. Lines arrive in
 * service-date order, so plan years only move forward: one current year is
 * enough, and a later year starts from that year's starting values (those
 * given in Coverage for the AsOf plan year, else zero).
 */
export class Accumulators {
  constructor(readonly id = -1) {}
  year = Number.NaN;
  ded = 0;
  oop = 0;
  // Starting values per plan year: almost always one year, so the first is held inline.
  private startYear = Number.NaN;
  private startDed = 0;
  private startOop = 0;
  private moreStarts: { year: number; ded: number; oop: number }[] | null = null;

  addStart(year: number, ded: number, oop: number): void {
    if (Number.isNaN(this.startYear) || this.startYear === year) {
      this.startYear = year;
      this.startDed += ded;
      this.startOop += oop;
      return;
    }
    this.moreStarts ??= [];
    const s = this.moreStarts.find((x) => x.year === year);
    if (s) {
      s.ded += ded;
      s.oop += oop;
    } else {
      this.moreStarts.push({ year, ded, oop });
    }
  }

  /** Positions the accumulators on `year` (resetting when the year changes). */
  at(year: number): this {
    if (year !== this.year) {
      this.year = year;
      if (year === this.startYear) {
        this.ded = this.startDed;
        this.oop = this.startOop;
      } else {
        const s = this.moreStarts?.find((x) => x.year === year);
        this.ded = s ? s.ded : 0;
        this.oop = s ? s.oop : 0;
      }
    }
    return this;
  }
}

/** Disjoint sets over integers (families ≥ 0, lone accounts < 0). */
export class UnionFind {
  private readonly parent = new Map<number, number>();

  clear(): void {
    this.parent.clear();
  }

  find(x: number): number {
    let r = x;
    for (let p = this.parent.get(r); p !== undefined && p !== r; p = this.parent.get(r)) r = p;
    // Path compression keeps later look-ups short.
    for (let y = x, p = this.parent.get(y); p !== undefined && p !== r; y = p, p = this.parent.get(y)) this.parent.set(y, r);
    return r;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** Indices in service-date order, then input order — a counting sort when the date span is small. */
export function serviceOrder(lines: readonly { readonly serviceDate: number }[]): Int32Array | number[] {
  const n = lines.length;
  if (n === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = lines[i]!.serviceDate;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const span = hi - lo + 1;
  if (span > 4 * n + 100_000) {
    return Array.from({ length: n }, (_, i) => i).sort((a, b) => lines[a]!.serviceDate - lines[b]!.serviceDate || a - b);
  }
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) counts[lines[i]!.serviceDate - lo + 1]!++;
  for (let k = 1; k <= span; k++) counts[k]! += counts[k - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[counts[lines[i]!.serviceDate - lo]!++] = i;
  return order;
}
