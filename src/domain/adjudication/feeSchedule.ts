/**
 * Fee-schedule match (DESIGN §5.1), most specific first:
 *   1. the plan's PlanId or payer + code + modifier
 *   2. the plan's PlanId or payer + code (a row with a blank modifier)
 *   3. `*` + code + modifier
 *   4. `*` + code
 * Within a level the PlanId beats the payer name (it names one plan, the
 * payer all of its plans), and the line's first listed modifier beats later
 * ones. When two rows share a key, the first in sheet order wins.
 * This is the one place the precedence is written: UNITS_OVER_LIMIT and
 * ALLOWED_MISMATCH read the row adjudication matched.
 */
import type { FeeScheduleRow } from '../config';
import { codeKey, nameKey } from '../nameKeys';

/** Who the line is billed to, as nameKeys (null when not known). */
export interface FeeParty {
  readonly planKey: string | null;
  readonly payerKey: string | null;
}

const ANY_PARTY = '*';
const ANY_MODIFIER = '';

export class FeeSchedule {
  /** code → party → modifier ('' = any) → the first row in sheet order. */
  private readonly rows = new Map<string, Map<string, Map<string, FeeScheduleRow>>>();

  constructor(rows: readonly FeeScheduleRow[]) {
    for (const row of rows) {
      const code = codeKey(row.code);
      if (code === '') continue;
      const byParty = getOrAdd(this.rows, code, () => new Map<string, Map<string, FeeScheduleRow>>());
      const byModifier = getOrAdd(byParty, nameKey(row.payer), () => new Map<string, FeeScheduleRow>());
      const modifier = row.modifier === null ? ANY_MODIFIER : codeKey(row.modifier);
      if (!byModifier.has(modifier)) byModifier.set(modifier, row);
    }
  }

  /** The most specific row for the code (upper-cased) and modifiers billed to `party`; null when none. */
  match(code: string, modifiers: readonly string[], party: FeeParty): FeeScheduleRow | null {
    const byParty = this.rows.get(code);
    if (byParty === undefined) return null;
    const plan = party.planKey === null ? undefined : byParty.get(party.planKey);
    const payer = party.payerKey === null || party.payerKey === party.planKey ? undefined : byParty.get(party.payerKey);
    const star = byParty.get(ANY_PARTY);
    return (
      withModifier(plan, modifiers) ?? withModifier(payer, modifiers) ??
      plan?.get(ANY_MODIFIER) ?? payer?.get(ANY_MODIFIER) ??
      withModifier(star, modifiers) ?? star?.get(ANY_MODIFIER) ??
      null
    );
  }
}

/** The party's row for the line's first listed modifier that has one. */
function withModifier(byModifier: Map<string, FeeScheduleRow> | undefined, modifiers: readonly string[]): FeeScheduleRow | null {
  if (byModifier === undefined) return null;
  for (const modifier of modifiers) {
    const row = byModifier.get(modifier);
    if (row !== undefined) return row;
  }
  return null;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}
