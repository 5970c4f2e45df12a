/**
 * Claim status text → `ClaimStatus`. Practice-management systems word these
 * many ways; we keep the raw text (statusText) and map the common ones.
 * Unknown wording is `other`, not an issue: status is informative only.
 */
import type { ClaimStatus } from '../../domain/ledger';

const EXACT: Readonly<Record<string, ClaimStatus>> = {
  paid: 'paid', partiallypaid: 'paid', partialpaid: 'paid', partial: 'paid', paidinfull: 'paid',
  paidpartial: 'paid', closed: 'paid', settled: 'paid', complete: 'paid', completed: 'paid', processed: 'paid',
  denied: 'denied', deny: 'denied', denial: 'denied', rejected: 'denied', reject: 'denied', rejection: 'denied',
  pending: 'pending', submitted: 'pending', inprocess: 'pending', inprogress: 'pending', processing: 'pending',
  billed: 'pending', sent: 'pending', open: 'pending', new: 'pending', onhold: 'pending', hold: 'pending',
  received: 'pending', acknowledged: 'pending', accepted: 'pending', unpaid: 'pending', awaitingpayment: 'pending',
  pend: 'pending', pended: 'pending', resubmitted: 'pending', rebilled: 'pending', queued: 'pending',
  appealed: 'appealed', appeal: 'appealed', inappeal: 'appealed', underappeal: 'appealed', appealpending: 'appealed',
  appealsubmitted: 'appealed', reconsideration: 'appealed', redetermination: 'appealed',
};

export function normaliseStatus(text: string): ClaimStatus {
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  const exact = Object.prototype.hasOwnProperty.call(EXACT, key) ? EXACT[key] : undefined;
  if (exact) return exact;
  // Looser wording: "Appeal - 2nd level", "Denied (CO-97)", "Paid by primary".
  if (key.includes('appeal')) return 'appealed';
  if (key.includes('denied') || key.includes('reject')) return 'denied';
  if (key.startsWith('paid') || key.startsWith('partiallypaid')) return 'paid';
  if (key.startsWith('pending') || key.startsWith('submitted') || key.startsWith('inprocess')) return 'pending';
  return 'other';
}
