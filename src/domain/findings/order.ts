/**
 * DESIGN §7 order of findings: severity (error, warning, info), then amount
 * descending (null last), then service date (oldest first; none last). Then,
 * so equal findings always come out the same way: sheet, row (none last),
 * the rule's place in RULE_IDS, cell.
 */
import type { Finding, Severity } from '../findingTypes';
import { RULE_IDS } from '../findingTypes';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map<string, number>(RULE_IDS.map((r, i) => [r, i]));

/** Ascending with null after every number. */
function nullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    // Descending amount: compare b to a, but keep null last.
    (a.amount === null || b.amount === null ? nullsLast(a.amount, b.amount) : b.amount - a.amount) ||
    nullsLast(a.serviceDate, b.serviceDate) ||
    (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
    nullsLast(a.row, b.row) ||
    (RULE_RANK.get(a.rule) ?? RULE_IDS.length) - (RULE_RANK.get(b.rule) ?? RULE_IDS.length) ||
    nullsLast(a.cell === null ? null : 0, b.cell === null ? null : 0) ||
    (a.cell! < b.cell! ? -1 : a.cell! > b.cell! ? 1 : 0)
  );
}

/** Sorts in place and returns the array. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}
