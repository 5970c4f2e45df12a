/**
 * One numeric record per account (64 bytes: a cache line's worth),
 * shared by the rules: what the configuration sheets say about the account —
 * date of birth, coverage periods, a member id on Coverage, the payment-plan
 * flag — looked up once when the account is first seen, and the per-account
 * running totals the rules keep while the pass goes.
 *
 * Why: on a million lines in date order the accounts come in random order,
 * and on such data memory, not arithmetic, is the cost — chasing a Coverage
 * row, a Patients row, a Map entry and a totals object per line costs more
 * than every check together. One record indexed by account id costs one
 * memory access per line. Integers (days, rows, positions, flags) are held
 * as 32-bit, the money sums as 64-bit floats (exact integer cents), over one
 * buffer: half the memory of all-float records, so half the misses.
 *
 * The rules reach the record through the methods below, not through
 * exported offsets: under tsx (esbuild) every use of an imported binding
 * is a getter call on the module object, a real cost a million times over.
 *
 * The Coverage and Patients indexes are typed arrays keyed through
 * AccountIds, not Maps of row arrays: on a million-line heap every object
 * retained during the pass makes the next full garbage collection dearer.
 */
import type { CoverageRow, PatientRow } from '../config';
import { AccountIds } from './accountIds';

/** Record of account `id`: float64 slots id × F_STRIDE + …, int32 slots id × I_STRIDE + … (one 64-byte span). */
const F_STRIDE = 8;
const I_STRIDE = 16;
// Float64 slots (bytes 0–23): accountRules' running money totals.
const BALANCE_SUM = 0;
const PATIENT_BALANCE = 1; // over all billable lines (newer credits offset older debts)
const OLD_PATIENT_BALANCE = 2; // on lines older than CollectionsDays
// Int32 slots (bytes 24–63).
const DOB = 6; // NO_DAY = none
const COV_FROM = 7; // single period: from (OPEN_FROM when open)
const COV_TO = 8; // single period: to (OPEN_TO when open)
const FLAGS = 9; // COV_KIND_MASK | HAS_MEMBER_ID | ON_PLAN
const COV_FIRST = 10; // the account's first Coverage row (index into config.coverage), −1 none
const UNITS_LAST_GROUP = 11; // unitsRule: the account's last units group, −1 none
const LATEST = 12; // position of the latest line (latest service date, on a tie the later row), −1 none
const LATEST_DOS = 13;
const LATEST_ROW = 14;
const BALANCE_LINES = 15;

const COV_KIND_MASK = 3; // 0 no Coverage row, 1 one row (period inline), 2 several rows
const HAS_MEMBER_ID = 4; // a Coverage row gives a member id
const ON_PLAN = 8; // Patients says OnPaymentPlan

const NO_DAY = -2147483648;
const OPEN_FROM = -2147483648;
const OPEN_TO = 2147483647;

/** Accounts are identifiers: only surrounding spaces are ignored (as adjudication does). */
export const accountKey = (raw: string): string => raw.trim();

export class AccountTable {
  private readonly f: Float64Array;
  private readonly n: Int32Array;
  /** Coverage row → the next Coverage row of the same account (sheet order), −1 last. */
  private readonly coverageNext: Int32Array;

  /** One record per name in `names` (account ids 0, 1, 2, …). */
  constructor(
    private readonly coverage: readonly CoverageRow[],
    patients: readonly PatientRow[],
    names: readonly string[],
  ) {
    // Coverage: account key → first row, rows chained in sheet order.
    const coverageKeys = new AccountIds(coverage.length);
    const first = new Int32Array(coverage.length);
    const last = new Int32Array(coverage.length);
    this.coverageNext = new Int32Array(coverage.length).fill(-1);
    for (let r = 0; r < coverage.length; r++) {
      const count = coverageKeys.count;
      const k = coverageKeys.idOf(accountKey(coverage[r]!.account));
      if (k === count) first[k] = r;
      else this.coverageNext[last[k]!] = r;
      last[k] = r;
    }
    // Patients: the first row wins when an account repeats.
    const patientKeys = new AccountIds(patients.length);
    const patientRow = new Int32Array(patients.length);
    for (let r = 0; r < patients.length; r++) {
      const count = patientKeys.count;
      if (patientKeys.idOf(accountKey(patients[r]!.account)) === count) patientRow[count] = r;
    }

    const buffer = new ArrayBuffer(64 * names.length);
    this.f = new Float64Array(buffer);
    const n = (this.n = new Int32Array(buffer));
    for (let id = 0; id < names.length; id++) {
      const b = id * I_STRIDE;
      n[b + UNITS_LAST_GROUP] = -1;
      n[b + LATEST] = -1;
      const key = accountKey(names[id]!);
      const p = patients.length === 0 ? -1 : patientKeys.find(key);
      const patient = p < 0 ? undefined : patients[patientRow[p]!]!;
      n[b + DOB] = patient?.dob ?? NO_DAY;
      let flags = patient?.onPaymentPlan ? ON_PLAN : 0;
      const c = coverage.length === 0 ? -1 : coverageKeys.find(key);
      if (c < 0) {
        n[b + FLAGS] = flags;
        n[b + COV_FIRST] = -1;
        continue;
      }
      const r0 = first[c]!;
      n[b + COV_FIRST] = r0;
      flags |= this.coverageNext[r0] === -1 ? 1 : 2;
      n[b + COV_FROM] = coverage[r0]!.effectiveFrom ?? OPEN_FROM;
      n[b + COV_TO] = coverage[r0]!.effectiveTo ?? OPEN_TO;
      for (let r = r0; r >= 0; r = this.coverageNext[r]!) {
        const m = coverage[r]!.memberId;
        if (m !== null && m.trim() !== '') {
          flags |= HAS_MEMBER_ID;
          break;
        }
      }
      n[b + FLAGS] = flags;
    }
  }

  /**
   * Reads the records of the accounts of lines from…to − 1 so they are in
   * cache when the rules come to them. The reads are independent, so the CPU
   * overlaps their cache misses — a dozen at a time — where the rules, one
   * line after another, would wait for each in turn. Returns a value only so
   * the reads cannot be optimised away.
   */
  warm(accountIds: readonly number[], from: number, to: number): number {
    const n = this.n;
    let x = 0;
    for (let i = from; i < to; i++) x |= n[accountIds[i]! * I_STRIDE + FLAGS]!;
    return x;
  }

  /** accountRules: the account has line `i`; it becomes the latest (service date, then row) and its balance counts. */
  noteLine(id: number, i: number, serviceDate: number, row: number, balance: number | null): void {
    const n = this.n;
    const b = id * I_STRIDE;
    if (n[b + LATEST]! < 0 || serviceDate > n[b + LATEST_DOS]! || (serviceDate === n[b + LATEST_DOS]! && row >= n[b + LATEST_ROW]!)) {
      n[b + LATEST] = i;
      n[b + LATEST_DOS] = serviceDate;
      n[b + LATEST_ROW] = row;
    }
    if (balance !== null) {
      const fb = id * F_STRIDE;
      this.f[fb + BALANCE_SUM] = this.f[fb + BALANCE_SUM]! + balance;
      n[b + BALANCE_LINES] = n[b + BALANCE_LINES]! + 1;
    }
  }

  /** accountRules: what the patient owes on one line; `old` when the service is older than CollectionsDays. */
  addPatientOwed(id: number, owed: number, old: boolean): void {
    const f = this.f;
    const fb = id * F_STRIDE;
    f[fb + PATIENT_BALANCE] = f[fb + PATIENT_BALANCE]! + owed;
    if (old) f[fb + OLD_PATIENT_BALANCE] = f[fb + OLD_PATIENT_BALANCE]! + owed;
  }

  /** Position of the account's latest line (−1: none yet). */
  latest(id: number): number {
    return this.n[id * I_STRIDE + LATEST]!;
  }

  balanceSum(id: number): number {
    return this.f[id * F_STRIDE + BALANCE_SUM]!;
  }

  balanceLines(id: number): number {
    return this.n[id * I_STRIDE + BALANCE_LINES]!;
  }

  patientBalance(id: number): number {
    return this.f[id * F_STRIDE + PATIENT_BALANCE]!;
  }

  oldPatientBalance(id: number): number {
    return this.f[id * F_STRIDE + OLD_PATIENT_BALANCE]!;
  }

  /** unitsRule: the account's last units group, −1 none. */
  unitsLastGroup(id: number): number {
    return this.n[id * I_STRIDE + UNITS_LAST_GROUP]!;
  }

  setUnitsLastGroup(id: number, g: number): void {
    this.n[id * I_STRIDE + UNITS_LAST_GROUP] = g;
  }

  /** Date of birth from Patients (first row for the account), or NaN. */
  dob(id: number): number {
    const d = this.n[id * I_STRIDE + DOB]!;
    return d === NO_DAY ? NaN : d;
  }

  onPaymentPlan(id: number): boolean {
    return (this.n[id * I_STRIDE + FLAGS]! & ON_PLAN) !== 0;
  }

  coverageMemberId(id: number): boolean {
    return (this.n[id * I_STRIDE + FLAGS]! & HAS_MEMBER_ID) !== 0;
  }

  /** A Coverage row is in effect on the day (blank EffectiveFrom/To are open-ended). */
  coveredOn(id: number, day: number): boolean {
    const n = this.n;
    const b = id * I_STRIDE;
    const kind = n[b + FLAGS]! & COV_KIND_MASK;
    if (kind === 0) return false;
    if (kind === 1) return n[b + COV_FROM]! <= day && day <= n[b + COV_TO]!;
    for (let r = n[b + COV_FIRST]!; r >= 0; r = this.coverageNext[r]!) {
      const c = this.coverage[r]!;
      if ((c.effectiveFrom === null || c.effectiveFrom <= day) && (c.effectiveTo === null || day <= c.effectiveTo)) return true;
    }
    return false;
  }

  /** The account's Coverage rows in sheet order (built on demand: for messages). */
  rowsOf(id: number): readonly CoverageRow[] {
    const rows: CoverageRow[] = [];
    for (let r = this.n[id * I_STRIDE + COV_FIRST]!; r >= 0; r = this.coverageNext[r]!) rows.push(this.coverage[r]!);
    return rows;
  }
}
