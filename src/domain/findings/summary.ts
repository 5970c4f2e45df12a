/**
 * Findings per rule for the Summary sheet (summary.findingsByRule).
 *
 * Every rule id in RULE_IDS is present, in that order, with count 0 when it
 * did not fire: a manager's table then always has the same rows, and "0
 * duplicate charges" is itself worth reporting. Rules outside RULE_IDS (added
 * later) follow in first-seen order. Info notices ("this rule needs a
 * FeeSchedule sheet") are not discrepancies to work and are not counted.
 * `amount` sums the findings' amounts (a null amount adds nothing).
 */
import type { Finding } from '../findingTypes';
import { RULE_IDS } from '../findingTypes';
import { cents, type Cents } from '../money';

export function summarizeFindingsByRule(findings: readonly Finding[]): Record<string, { count: number; amount: Cents }> {
  const counts = new Map<string, { count: number; amount: number }>();
  for (const r of RULE_IDS) counts.set(r, { count: 0, amount: 0 });
  for (const f of findings) {
    if (f.severity === 'info') continue;
    let e = counts.get(f.rule);
    if (e === undefined) {
      e = { count: 0, amount: 0 };
      counts.set(f.rule, e);
    }
    e.count++;
    if (f.amount !== null) e.amount += f.amount;
  }
  const out: Record<string, { count: number; amount: Cents }> = {};
  for (const [rule, e] of counts) out[rule] = { count: e.count, amount: cents(e.amount) };
  return out;
}

/** One rule's findings: how many, and the money at stake. */
export interface RuleTotal {
  readonly rule: string;
  readonly count: number;
  readonly amount: number;
}

/**
 * Findings totalled per rule, the most money at stake first (then the most
 * findings, then by rule id): the worklist's "totals by rule", the same in
 * the terminal report and in the task pane.
 */
export function ruleTotals(findings: Iterable<{ readonly rule: string; readonly amount: number | null }>): RuleTotal[] {
  const byRule = new Map<string, { count: number; amount: number }>();
  for (const f of findings) {
    const entry = byRule.get(f.rule) ?? { count: 0, amount: 0 };
    entry.count++;
    entry.amount += f.amount ?? 0;
    byRule.set(f.rule, entry);
  }
  return [...byRule]
    .map(([rule, e]) => ({ rule, count: e.count, amount: e.amount }))
    .sort((a, b) => b.amount - a.amount || b.count - a.count || a.rule.localeCompare(b.rule));
}
