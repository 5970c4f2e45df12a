/**
 * Fee-schedule lookup (DESIGN §5.1), most specific first:
 *   1. the plan's PlanId or payer + code + modifier
 *   2. the plan's PlanId or payer + code (row with a blank modifier)
 *   3. `*` + code + modifier
 *   4. `*` + code
 * Within a level the PlanId beats the payer name (it names one plan, the payer
 * all of its plans), and the line's first listed modifier beats later ones.
 * When two rows share a key, the first in sheet order wins.
 *
 * Built once as code → party → modifier maps, so a lookup is a handful of Map
 * hits on strings that already exist (no key is concatenated per line).
 */
import type { FeeScheduleRow } from '../config';
import { codeKey, nameKey } from './keys';
import type { CategoryList, CategoryRef } from './serviceCategory';

export interface FeeEntry {
  readonly row: FeeScheduleRow;
  /** The row's Category as written and its Benefits match key; null when blank. */
  readonly category: CategoryRef | null;
}

interface ModifierRows {
  any: FeeEntry | null;
  byModifier: Map<string, FeeEntry> | null;
}

interface CodeRows {
  readonly byParty: Map<string, ModifierRows>;
  star: ModifierRows | null;
}

const STAR = '*';

export class FeeScheduleIndex {
  private readonly byCode = new Map<string, CodeRows>();
  readonly size: number;

  constructor(rows: readonly FeeScheduleRow[], private readonly categories: CategoryList) {
    for (const row of rows) this.add(row);
    this.size = rows.length;
  }

  private add(row: FeeScheduleRow): void {
    const code = codeKey(row.code);
    if (code === '') return;
    let c = this.byCode.get(code);
    if (!c) {
      c = { byParty: new Map(), star: null };
      this.byCode.set(code, c);
    }
    const party = nameKey(row.payer);
    let m: ModifierRows | null | undefined;
    if (party === STAR) {
      m = c.star ?? (c.star = { any: null, byModifier: null });
    } else {
      m = c.byParty.get(party);
      if (!m) {
        m = { any: null, byModifier: null };
        c.byParty.set(party, m);
      }
    }
    const cat = row.category !== null && row.category.trim() !== '' ? row.category.trim() : null;
    const entry: FeeEntry = { row, category: cat === null ? null : this.categories.ref(cat) };
    const mod = row.modifier === null ? '' : codeKey(row.modifier);
    if (mod === '') {
      if (m.any === null) m.any = entry;
    } else {
      const byMod = m.byModifier ?? (m.byModifier = new Map());
      if (!byMod.has(mod)) byMod.set(mod, entry);
    }
  }

  /**
   * The most specific row for `code` (already a codeKey) billed under
   * `planKey` / `payerKey` (nameKeys, or null when unknown).
   */
  match(code: string, planKey: string | null, payerKey: string | null, modifiers: readonly string[]): FeeEntry | null {
    const c = this.byCode.get(code);
    if (c === undefined) return null;
    const byPlan = planKey === null ? undefined : c.byParty.get(planKey);
    const byPayer = payerKey === null || payerKey === planKey ? undefined : c.byParty.get(payerKey);
    if (modifiers.length > 0) {
      const hit = byModifier(byPlan, modifiers) ?? byModifier(byPayer, modifiers);
      if (hit !== null) return hit;
    }
    const anyHit = byPlan?.any ?? byPayer?.any ?? null;
    if (anyHit !== null) return anyHit;
    const star = c.star;
    if (star === null) return null;
    if (modifiers.length > 0) {
      const hit = byModifier(star, modifiers);
      if (hit !== null) return hit;
    }
    return star.any;
  }
}

function byModifier(m: ModifierRows | null | undefined, modifiers: readonly string[]): FeeEntry | null {
  if (!m || m.byModifier === null) return null;
  for (let i = 0; i < modifiers.length; i++) {
    const hit = m.byModifier.get(modifiers[i]!);
    if (hit !== undefined) return hit;
  }
  return null;
}
