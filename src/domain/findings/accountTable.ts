/**
 * One numeric record per account (128 bytes, two adjacent cache lines),
 * shared by the rules: what the configuration sheets say about the account —
 * date of birth, coverage periods, a member id on Coverage, the payment-plan
 * flag — looked up once when the account is first seen, and the per-account
 * running totals the rules keep while the pass goes.
 *
 * Why: on a million lines in date order the accounts come in random order,
 * and on such data memory, not arithmetic, is the cost — chasing a Coverage
 * row, a Patients row, a Map entry and a totals object per line costs more
 * than every check together. One record indexed by account id costs one
 * memory access per line.
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

const STRIDE = 16;
// Facts from the configuration sheets (this module).
const DOB = 0; // NaN = none
const COV_FROM = 1; // single period: from (−∞ when open)
const COV_TO = 2; // single period: to (+∞ when open)
const COV_KIND = 3; // 0 no Coverage row, 1 one row (period inline), 2 several rows
const COV_MEMBER_ID = 4; // 1 when a Coverage row gives a member id
const ON_PLAN = 5; // 1 when Patients says OnPaymentPlan
const COV_FIRST = 7; // the account's first Coverage row (index into config.coverage), −1 none
// unitsRule: the account's last units group (index into its group list), −1 none.
const UNITS_LAST_GROUP = 6;
// accountRules: running totals.
const LATEST = 8; // position of the latest line (latest service date, on a tie the later row)
const LATEST_DOS = 9;
const LATEST_ROW = 10;
const BALANCE_SUM = 11;
const BALANCE_LINES = 12;
const PATIENT_BALANCE = 13; // over all billable lines (newer credits offset older debts)
const OLD_PATIENT_BALANCE = 14; // on lines older than CollectionsDays

/** Accounts are identifiers: only surrounding spaces are ignored (as adjudication does). */
export const accountKey = (raw: string): string => raw.trim();

export class AccountTable {
  /** Record of account `id` at data[id × STRIDE …]. */
  readonly data: Float64Array;
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

    const d = (this.data = new Float64Array(STRIDE * names.length));
    for (let id = 0; id < names.length; id++) {
      const base = id * STRIDE;
      d[base + UNITS_LAST_GROUP] = -1;
      d[base + LATEST] = -1;
      const key = accountKey(names[id]!);
      const p = patients.length === 0 ? -1 : patientKeys.find(key);
      const patient = p < 0 ? undefined : patients[patientRow[p]!]!;
      d[base + DOB] = patient?.dob ?? NaN;
      d[base + ON_PLAN] = patient?.onPaymentPlan ? 1 : 0;
      const c = coverage.length === 0 ? -1 : coverageKeys.find(key);
      if (c < 0) {
        d[base + COV_KIND] = 0;
        d[base + COV_MEMBER_ID] = 0;
        d[base + COV_FIRST] = -1;
        continue;
      }
      const r0 = first[c]!;
      d[base + COV_FIRST] = r0;
      d[base + COV_KIND] = this.coverageNext[r0] === -1 ? 1 : 2;
      d[base + COV_FROM] = coverage[r0]!.effectiveFrom ?? -Infinity;
      d[base + COV_TO] = coverage[r0]!.effectiveTo ?? Infinity;
      let memberId = 0;
      for (let r = r0; r >= 0; r = this.coverageNext[r]!) {
        const m = coverage[r]!.memberId;
        if (m !== null && m.trim() !== '') {
          memberId = 1;
          break;
        }
      }
      d[base + COV_MEMBER_ID] = memberId;
    }
  }

  /** accountRules: the account has line `i`; it becomes the latest (service date, then row) and its balance counts. */
  noteLine(id: number, i: number, serviceDate: number, row: number, balance: number | null): void {
    const d = this.data;
    const base = id * STRIDE;
    if (d[base + LATEST]! < 0 || serviceDate > d[base + LATEST_DOS]! || (serviceDate === d[base + LATEST_DOS]! && row >= d[base + LATEST_ROW]!)) {
      d[base + LATEST] = i;
      d[base + LATEST_DOS] = serviceDate;
      d[base + LATEST_ROW] = row;
    }
    if (balance !== null) {
      d[base + BALANCE_SUM] = d[base + BALANCE_SUM]! + balance;
      d[base + BALANCE_LINES] = d[base + BALANCE_LINES]! + 1;
    }
  }

  /** accountRules: what the patient owes on one line; `old` when the service is older than CollectionsDays. */
  addPatientOwed(id: number, owed: number, old: boolean): void {
    const d = this.data;
    const base = id * STRIDE;
    d[base + PATIENT_BALANCE] = d[base + PATIENT_BALANCE]! + owed;
    if (old) d[base + OLD_PATIENT_BALANCE] = d[base + OLD_PATIENT_BALANCE]! + owed;
  }

  /** Position of the account's latest line (−1: none yet). */
  latest(id: number): number {
    return this.data[id * STRIDE + LATEST]!;
  }

  balanceSum(id: number): number {
    return this.data[id * STRIDE + BALANCE_SUM]!;
  }

  balanceLines(id: number): number {
    return this.data[id * STRIDE + BALANCE_LINES]!;
  }

  patientBalance(id: number): number {
    return this.data[id * STRIDE + PATIENT_BALANCE]!;
  }

  oldPatientBalance(id: number): number {
    return this.data[id * STRIDE + OLD_PATIENT_BALANCE]!;
  }

  /** unitsRule: the account's last units group, −1 none. */
  unitsLastGroup(id: number): number {
    return this.data[id * STRIDE + UNITS_LAST_GROUP]!;
  }

  setUnitsLastGroup(id: number, g: number): void {
    this.data[id * STRIDE + UNITS_LAST_GROUP] = g;
  }

  /** Date of birth from Patients (first row for the account), or NaN. */
  dob(id: number): number {
    return this.data[id * STRIDE + DOB]!;
  }

  onPaymentPlan(id: number): boolean {
    return this.data[id * STRIDE + ON_PLAN] === 1;
  }

  coverageMemberId(id: number): boolean {
    return this.data[id * STRIDE + COV_MEMBER_ID] === 1;
  }

  /** A Coverage row is in effect on the day (blank EffectiveFrom/To are open-ended). */
  coveredOn(id: number, day: number): boolean {
    const base = id * STRIDE;
    const kind = this.data[base + COV_KIND];
    if (kind === 0) return false;
    if (kind === 1) return this.data[base + COV_FROM]! <= day && day <= this.data[base + COV_TO]!;
    for (let r = this.data[base + COV_FIRST]!; r >= 0; r = this.coverageNext[r]!) {
      const c = this.coverage[r]!;
      if ((c.effectiveFrom === null || c.effectiveFrom <= day) && (c.effectiveTo === null || day <= c.effectiveTo)) return true;
    }
    return false;
  }

  /** The account's Coverage rows in sheet order (built on demand: for messages). */
  rowsOf(id: number): readonly CoverageRow[] {
    const rows: CoverageRow[] = [];
    for (let r = this.data[id * STRIDE + COV_FIRST]!; r >= 0; r = this.coverageNext[r]!) rows.push(this.coverage[r]!);
    return rows;
  }
}
