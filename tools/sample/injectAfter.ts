/**
 * Problems that change only what was posted or typed, not what the payer
 * adjudicated: payment variances, balance errors, code/modifier/diagnosis
 * typos, and the account-level credit balances and collections candidates.
 * Each keeps every other check quiet:
 * - an insurer under/overpayment is balanced by the adjustment (the variance
 *   was written off / the write-off reduced), so the balance still equals the
 *   patient's share minus what they paid;
 * - a patient overpayment leaves the account's total balance positive
 *   (other lines still owe more), so it is not also a credit balance;
 * - a balance mismatch shows a *lower* balance than the arithmetic, so it is
 *   not also an overbilling;
 * - overbilling is a contractual adjustment never taken: the balance is
 *   consistent with the columns but above the patient's share.
 */
import { cents, type Cents } from '../../src/domain/money';
import { arithmeticBalance } from './payments';
import { chooseLines, free, release, type Held } from './injectBefore';
import type { InjectedKind, Person, SampleField, SLine } from './model';
import type { Rng } from './prng';

export type AfterKind =
  | 'INSURER_UNDERPAID' | 'INSURER_OVERPAID' | 'PATIENT_OVERPAID' | 'PATIENT_OVERBILLED' | 'BALANCE_MISMATCH'
  | 'INVALID_PROCEDURE_CODE' | 'INVALID_DIAGNOSIS_CODE' | 'INVALID_MODIFIER' | 'MISSING_DIAGNOSIS';

const BAD_DX = ['110', 'J6.9', 'R5', 'E11.6.5', 'Z0.00', '1J06.9'] as const;
const BAD_MODS = ['2', '255', 'RTT', 'L', '5Q9', 'X'] as const;

/** CPT (4 digits + digit/F/T/U) or HCPCS Level II (letter + 4 digits) — the shapes a typo must leave. */
const VALID_CODE = /^(\d{4}[0-9FTU]|[A-Z]\d{4})$/;

/** A realistic keying error that leaves an invalid code: a dropped or doubled digit, or O for 0. */
export function codeTypo(rng: Rng, code: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const i = rng.int(0, code.length - 1);
    let t: string;
    switch (rng.int(0, 2)) {
      case 0: t = code.slice(0, i) + code.slice(i + 1); break;
      case 1: t = code.slice(0, i + 1) + code.slice(i); break;
      default: t = code.includes('0') ? code.replace('0', 'O') : code.slice(0, i) + code.slice(i + 1);
    }
    if (!VALID_CODE.test(t)) return t;
  }
  return code.slice(0, code.length - 1);
}

const secondaryFree = (l: SLine): boolean => l.shares!.secondaryPlanId === null;
const covered = (l: SLine): boolean => l.shares!.basis === 'covered';
const due = (l: SLine): number => l.shares!.patientShare - (l.patientPaid ?? 0);

function mark(l: SLine, kind: InjectedKind, field: SampleField): void {
  l.injected = kind;
  l.injectedField = field;
}

export interface AfterContext {
  readonly rng: Rng;
  readonly held: Held;
  readonly lines: readonly SLine[];
  /** Accounts whose other lines' balances another injection counts on. */
  readonly locked: Set<Person>;
  /** Without an Allowed column a mis-keyed code changes the allowed amount an engine computes: self-pay only then. */
  readonly hasAllowedColumn: boolean;
}

/** What the account still owes on its other analysed lines (the lower of its balance and its share − paid). */
function otherDues(p: Person, except: SLine): number {
  let t = 0;
  for (const o of p.lines) if (o !== except && !o.excluded) t += Math.min(o.balance, due(o));
  return t;
}

export function injectAfter(ctx: AfterContext, kind: AfterKind, n: number): void {
  const { rng, lines, locked } = ctx;
  const mine = release(ctx.held, kind);
  const pick = (count: number, ok: (l: SLine) => boolean): SLine[] => chooseLines(rng, lines, count, ok, mine);
  const money = (lo: number, hi: number): Cents => cents(rng.int(lo, hi));
  switch (kind) {
    case 'INSURER_UNDERPAID':
      for (const l of pick(n, (x) => free(x) && covered(x) && secondaryFree(x) && x.shares!.insurerShare >= 1000)) {
        const ins = l.shares!.insurerShare;
        const x = Math.max(500, Math.round((ins * rng.int(5, 30)) / 100));
        l.insurerPaid = cents(ins - x);
        l.adjustment = cents((l.adjustment ?? 0) + x);
        mark(l, kind, 'insurerPaid');
      }
      return;
    case 'INSURER_OVERPAID':
      for (const l of pick(n, (x) => free(x) && covered(x) && secondaryFree(x) && x.shares!.contractual >= 1000)) {
        const c = l.shares!.contractual;
        const x = rng.chance(0.4) ? c : Math.max(500, Math.round((c * rng.int(10, 60)) / 100));
        l.insurerPaid = cents(l.shares!.insurerShare + x);
        l.adjustment = cents(c - x);
        mark(l, kind, 'insurerPaid');
      }
      return;
    case 'PATIENT_OVERBILLED':
      for (const l of pick(n, (x) => free(x) && covered(x) && x.shares!.contractual >= 500)) {
        l.adjustment = rng.chance(0.7) ? null : cents(Math.floor(l.shares!.contractual / 2));
        l.balance = arithmeticBalance(l);
        mark(l, kind, 'balance');
      }
      return;
    case 'PATIENT_OVERPAID':
      for (const l of pick(n, (x) => free(x) && !locked.has(x.person) && otherDues(x.person, x) >= 1600)) {
        // Re-checked here: an earlier pick in this loop may have locked the account.
        if (locked.has(l.person)) continue;
        const x = money(500, Math.min(4000, otherDues(l.person, l) - 1100));
        l.patientPaid = cents(l.shares!.patientShare + x);
        l.balance = arithmeticBalance(l);
        locked.add(l.person);
        mark(l, kind, 'patientPaid');
      }
      return;
    case 'BALANCE_MISMATCH':
      for (const l of pick(n, (x) => free(x) && !locked.has(x.person) && x.balance >= 200)) {
        l.balance = cents(l.balance - rng.int(100, l.balance));
        mark(l, kind, 'balance');
      }
      return;
    case 'INVALID_PROCEDURE_CODE':
      // Self-pay lines, or HMO lines that cost the patient nothing in any category, so a
      // mis-keyed code cannot change the expected shares either way.
      for (const l of pick(n, (x) => free(x) && (x.person.planKind === 'self' || (ctx.hasAllowedColumn
        && x.person.planKind === 'hmo' && covered(x) && x.shares!.patientShare === 0 && /^(Lab|Drug|Injection|Preventive)$/.test(x.shares!.category ?? ''))))) {
        l.code = codeTypo(rng, l.code);
        mark(l, kind, 'code');
      }
      return;
    case 'INVALID_DIAGNOSIS_CODE':
      for (const l of pick(n, (x) => free(x) && x.dx.length > 0)) {
        const k = rng.int(0, l.dx.length - 1);
        const dx = [...l.dx];
        dx[k] = rng.pick(BAD_DX);
        l.dx = dx;
        mark(l, kind, `dx${k + 1}` as SampleField);
      }
      return;
    case 'INVALID_MODIFIER':
      // Not on lines priced by a modifier-specific fee row, so the allowed amount still matches.
      for (const l of pick(n, (x) => free(x) && !x.modifiers.includes('26') && !x.modifiers.includes('AT'))) {
        l.modifiers = [rng.pick(BAD_MODS), ...l.modifiers.slice(1)];
        mark(l, kind, 'mod1');
      }
      return;
    case 'MISSING_DIAGNOSIS':
      for (const l of pick(n, (x) => free(x) && x.dx.length > 0)) {
        l.dx = [];
        mark(l, kind, 'dx1');
      }
      return;
  }
}

/** The account's latest line: its last line in sheet order (a unique latest date of service for role accounts). */
export function latestLine(p: Person): SLine {
  return p.lines[p.lines.length - 1]!;
}

/** A duplicated write-off on the latest line takes the account below zero. */
export function injectCreditBalance(rng: Rng, p: Person): void {
  let total = 0;
  for (const l of p.lines) total += l.balance;
  const l = latestLine(p);
  const extra = total + rng.int(500, 8000);
  l.adjustment = cents((l.adjustment ?? 0) + extra);
  l.balance = arithmeticBalance(l);
  mark(l, 'CREDIT_BALANCE', 'balance');
}

/** Old visits (> 120 days) with the patient's share unpaid and no payment plan; false if too little is owed. */
export function injectCollections(p: Person): boolean {
  let owed = 0;
  for (const l of p.lines) owed += l.balance;
  if (owed < 2500) return false;
  mark(latestLine(p), 'COLLECTIONS_CANDIDATE', 'balance');
  return true;
}
