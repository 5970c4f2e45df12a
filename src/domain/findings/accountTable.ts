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
 */
import type { CoverageRow, PatientRow } from '../config';

export const STRIDE = 16;
// Facts from the configuration sheets (this module).
const DOB = 0; // NaN = none
const COV_FROM = 1; // single period: from (−∞ when open)
const COV_TO = 2; // single period: to (+∞ when open)
const COV_KIND = 3; // 0 no Coverage row, 1 one row (period inline), 2 several rows
const COV_MEMBER_ID = 4; // 1 when a Coverage row gives a member id
const ON_PLAN = 5; // 1 when Patients says OnPaymentPlan
// unitsRule: the account's last units group (index into its group list), −1 none.
export const UNITS_LAST_GROUP = 6;
// accountRules: running totals.
export const LATEST = 8; // position of the latest line (latest service date, on a tie the later row)
export const LATEST_DOS = 9;
export const LATEST_ROW = 10;
export const BALANCE_SUM = 11;
export const BALANCE_LINES = 12;
export const PATIENT_BALANCE = 13; // over all billable lines (newer credits offset older debts)
export const OLD_PATIENT_BALANCE = 14; // on lines older than CollectionsDays

const NONE: readonly CoverageRow[] = [];

/** Accounts are identifiers: only surrounding spaces are ignored (as adjudication does). */
export const accountKey = (raw: string): string => raw.trim();

export class AccountTable {
  /** Record of account `id` at data[id × STRIDE …]; reallocated as accounts come (read it through `data` each time). */
  data = new Float64Array(STRIDE * 1024);
  private coverageIndex: Map<string, CoverageRow[]> | null = null;
  private patientIndex: Map<string, PatientRow> | null = null;
  /** Rows of accounts with a Coverage row, for messages and the several-rows case. */
  private readonly rowsById = new Map<number, readonly CoverageRow[]>();

  constructor(
    private readonly coverage: readonly CoverageRow[],
    private readonly patients: readonly PatientRow[],
  ) {}

  /** Record account `id` (ids come 0, 1, 2, … in order). */
  add(id: number, name: string): void {
    const base = id * STRIDE;
    if (base + STRIDE > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const d = this.data;
    d[base + UNITS_LAST_GROUP] = -1;
    d[base + LATEST] = -1;
    const key = accountKey(name);
    const patient = this.patients.length === 0 ? undefined : this.patientsByKey().get(key);
    d[base + DOB] = patient?.dob ?? NaN;
    d[base + ON_PLAN] = patient?.onPaymentPlan ? 1 : 0;
    const rows = this.coverage.length === 0 ? undefined : this.coverageByKey().get(key);
    if (rows === undefined) {
      d[base + COV_KIND] = 0;
      d[base + COV_MEMBER_ID] = 0;
      return;
    }
    this.rowsById.set(id, rows);
    d[base + COV_KIND] = rows.length === 1 ? 1 : 2;
    d[base + COV_FROM] = rows[0]!.effectiveFrom ?? -Infinity;
    d[base + COV_TO] = rows[0]!.effectiveTo ?? Infinity;
    d[base + COV_MEMBER_ID] = rows.some((r) => r.memberId !== null && r.memberId.trim() !== '') ? 1 : 0;
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
    for (const c of this.rowsOf(id)) {
      if ((c.effectiveFrom === null || c.effectiveFrom <= day) && (c.effectiveTo === null || day <= c.effectiveTo)) return true;
    }
    return false;
  }

  rowsOf(id: number): readonly CoverageRow[] {
    return this.rowsById.get(id) ?? NONE;
  }

  private coverageByKey(): Map<string, CoverageRow[]> {
    if (this.coverageIndex === null) {
      const m = new Map<string, CoverageRow[]>();
      for (const c of this.coverage) {
        const k = accountKey(c.account);
        const list = m.get(k);
        if (list) list.push(c);
        else m.set(k, [c]);
      }
      this.coverageIndex = m;
    }
    return this.coverageIndex;
  }

  /** The first Patients row wins when an account repeats. */
  private patientsByKey(): Map<string, PatientRow> {
    if (this.patientIndex === null) {
      const m = new Map<string, PatientRow>();
      for (const p of this.patients) if (!m.has(accountKey(p.account))) m.set(accountKey(p.account), p);
      this.patientIndex = m;
    }
    return this.patientIndex;
  }
}
