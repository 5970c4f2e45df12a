/**
 * What the practice posted on each line after adjudication: insurer and
 * secondary paid exactly the expected shares, the contractual adjustment was
 * written off, and the patient paid all, part or none of their share.
 */
import type { Cents } from '../../src/domain/money';

/** Whole cents by construction (sums of cents); a cast keeps the million-line path call-free. */
const cents = (n: number): Cents => n as Cents;
import type { SLine } from './model';
import type { Rng } from './prng';

function patientPayment(rng: Rng, share: Cents): Cents | null {
  if (share === 0) return rng.chance(0.8) ? cents(0) : null;
  const r = rng.next();
  if (r < 0.4) return share;
  if (r < 0.65 && share > 200) return cents(rng.int(1, Math.floor((share - 1) / 100)) * 100);
  return rng.chance(0.7) ? cents(0) : null;
}

/** Ledger balance from its own columns: billed − adjustment − payments (blank = 0). */
export function arithmeticBalance(l: SLine): Cents {
  return cents(l.billed - (l.adjustment ?? 0) - (l.insurerPaid ?? 0) - (l.secondaryPaid ?? 0) - (l.patientPaid ?? 0));
}

export function postPayments(rng: Rng, l: SLine): void {
  const s = l.shares!;
  l.allowed = null;
  l.adjustment = null;
  l.insurerPaid = null;
  l.secondaryPaid = null;
  l.patientPaid = null;
  l.status = null;
  switch (l.state) {
    case 'pending':
      l.status = 'Pending';
      break;
    case 'pending-blank':
      break;
    case 'denied':
      l.status = 'Denied';
      l.insurerPaid = cents(0);
      break;
    case 'paid':
      if (s.basis === 'covered') {
        l.status = 'Paid';
        l.allowed = s.allowed;
        l.adjustment = s.contractual;
        l.insurerPaid = s.insurerShare;
        l.secondaryPaid = s.secondaryPlanId !== null ? s.secondaryShare : null;
      } else if (s.basis === 'not-covered') {
        // Processed by the payer at zero (non-covered service); the patient owes the charge.
        l.status = 'Paid';
        l.adjustment = cents(0);
        l.insurerPaid = cents(0);
      }
      l.patientPaid = l.person.role === 'collections' ? null : patientPayment(rng, s.patientShare);
      break;
  }
  l.balance = arithmeticBalance(l);
}
