/**
 * DESIGN §5: lines are taken in service-date order, then sheet order, so
 * family members share family accumulators in the order care happened.
 * One stable sort (Array.prototype.sort is stable).
 */
import type { LedgerLine } from '../ledger';

/** Positions in `lines`, in the order adjudication takes them. */
export function serviceDateOrder(lines: readonly LedgerLine[]): number[] {
  const positions = lines.map((_, i) => i);
  return positions.sort((a, b) => lines[a]!.serviceDate - lines[b]!.serviceDate || lines[a]!.index - lines[b]!.index);
}
