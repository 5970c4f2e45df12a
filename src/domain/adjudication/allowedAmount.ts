/**
 * Allowed amount and contractual adjustment (DESIGN §5.1).
 *
 * Units may be fractional (0.5 h of anaesthesia, 1.25 mL). The fee × units
 * product is computed exactly from the decimal the ledger showed (the
 * shortest round-trip form of the number, e.g. 1.25 → 125/100) and rounded
 * half-up to the cent there, once: a per-unit fee of 33.33 × 1.5 units is
 * 49.995 → 50.00. That is the one place §5.1 needs a rounding the DESIGN
 * does not spell out; half-up matches Excel's ROUND and the rest of §5.
 */
import Decimal from 'decimal.js';
import { cents, decimalToCentsHalfUp, type Cents } from '../money';

/** fee × units, exact, rounded half-up to the cent only when units are fractional. */
export function feeTimesUnits(fee: Cents, units: number): Cents {
  if (Number.isInteger(units)) return cents(fee * units);
  return decimalToCentsHalfUp(new Decimal(fee).mul(new Decimal(units)).div(100));
}

/** The fee schedule's allowed for the line: fee × units, never above the charge. */
export function scheduleAllowed(fee: Cents, units: number, billed: Cents): Cents {
  const v = feeTimesUnits(fee, units);
  return v < billed ? v : billed;
}

/** §5.1: the ledger's allowed if given, else the schedule's, else the charge. */
export function allowedFor(ledgerAllowed: Cents | null, schedule: Cents | null, billed: Cents): Cents {
  if (ledgerAllowed !== null) return ledgerAllowed;
  if (schedule !== null) return schedule;
  return billed;
}
