/**
 * Account ids for the lines, built once per run and shared by the rules that
 * work per account (duplicates, units per day, credit balance, collections)
 * or look up the account's Coverage/Patients rows.
 *
 * Why ids: on a million lines, a string key per line (account + date + …)
 * and per-account walks that jump around the heap cost seconds; one Map
 * lookup per line here, then typed arrays indexed by id, keep every rule a
 * single pass in sheet order.
 */
import type { LedgerLine } from '../ledger';

export interface AccountIndex {
  readonly count: number;
  /** Line position → account id (0 … count − 1, in order of first appearance). */
  readonly ids: Int32Array;
  /** Account id → the account as written on its first line. */
  readonly names: readonly string[];
}

export function indexAccounts(lines: readonly LedgerLine[]): AccountIndex {
  const n = lines.length;
  const ids = new Int32Array(n);
  const byName = new Map<string, number>();
  const names: string[] = [];
  let prevName: string | null = null;
  let prevId = -1;
  for (let i = 0; i < n; i++) {
    const name = lines[i]!.account;
    // Exports usually list an account's lines together: skip the Map for a repeat.
    if (name !== prevName) {
      let id = byName.get(name);
      if (id === undefined) {
        id = names.length;
        names.push(name);
        byName.set(name, id);
      }
      prevName = name;
      prevId = id;
    }
    ids[i] = prevId;
  }
  return { count: names.length, ids, names };
}
