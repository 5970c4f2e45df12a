/**
 * What every findings rule reads: the input, a few indexes built once
 * (coverage and patients by account, payer → self-pay memo), and the two
 * ways to report — a finding on a line/account, or a once-per-rule notice
 * when the workbook lacks what the rule needs.
 */
import type { ColumnMapping, LedgerField, LedgerLine } from '../ledger';
import { isSelfPay } from '../ledger';
import type { Config, CoverageRow, PatientRow } from '../config';
import type { LineShares } from '../shareTypes';
import type { Finding, RuleId, Severity } from '../findingTypes';
import type { Day } from '../day';
import { cents, type Cents } from '../money';
import { indexAccounts, type AccountIndex } from './accountIndex';

const NONE: readonly CoverageRow[] = [];

export interface FindingsInput {
  readonly sheet: string;
  readonly lines: readonly LedgerLine[];
  readonly mapping: ColumnMapping;
  /** shares[i] belongs to lines[i]; a missing entry means "no shares computed". */
  readonly shares: readonly LineShares[];
  readonly config: Config;
  readonly asOf: Day;
}

/** Accounts are identifiers: only surrounding spaces are ignored (as adjudication does). */
export const accountKey = (raw: string): string => raw.trim();

export class RuleContext {
  readonly sheet: string;
  readonly lines: readonly LedgerLine[];
  readonly shares: readonly (LineShares | undefined)[];
  readonly mapping: ColumnMapping;
  readonly config: Config;
  readonly asOf: Day;
  /** Policy tolerance in cents: differences up to it are rounding, not findings. */
  readonly tolerance: number;
  readonly out: Finding[] = [];

  private readonly noticed = new Set<RuleId>();
  private readonly selfPayMemo = new Map<string, boolean>();
  private lastPayer: string | null = null;
  private lastSelfPay = true;
  private accountIndex: AccountIndex | null = null;
  private coverageByAccount: (readonly CoverageRow[])[] | null = null;
  private patientByAccount: (PatientRow | null)[] | null = null;

  constructor(input: FindingsInput) {
    this.sheet = input.sheet;
    this.lines = input.lines;
    this.shares = input.shares;
    this.mapping = input.mapping;
    this.config = input.config;
    this.asOf = input.asOf;
    this.tolerance = Math.max(0, input.config.policy.tolerance);
  }

  /** The ledger has a column for this field (a transaction ledger's Type/Amount carry the money fields). */
  hasColumn(field: LedgerField | 'type' | 'amount'): boolean {
    const cols = this.mapping.fields[field];
    return cols !== undefined && cols.length > 0;
  }

  /** Payments and adjustments can come from their own column or from a transaction ledger's rows. */
  hasMoneyField(field: 'insurerPaid' | 'secondaryPaid' | 'patientPaid' | 'adjustment'): boolean {
    return this.hasColumn(field) || this.hasColumn('type');
  }

  /** isSelfPay memoised per payer text: a million lines repeat a few hundred payers. */
  selfPay(line: LedgerLine): boolean {
    const p = line.payer;
    if (p === null) return true;
    if (p === this.lastPayer) return this.lastSelfPay;
    let v = this.selfPayMemo.get(p);
    if (v === undefined) {
      v = isSelfPay(p);
      this.selfPayMemo.set(p, v);
    }
    this.lastPayer = p;
    this.lastSelfPay = v;
    return v;
  }

  /** Lines grouped by account (built on first use, shared by every rule). */
  accounts(): AccountIndex {
    return (this.accountIndex ??= indexAccounts(this.lines));
  }

  /** The Coverage rows of the account with this id (from accounts()). */
  coverageOf(accountId: number): readonly CoverageRow[] {
    if (this.coverageByAccount === null) {
      const byKey = new Map<string, CoverageRow[]>();
      for (const c of this.config.coverage) {
        const k = accountKey(c.account);
        const list = byKey.get(k);
        if (list) list.push(c);
        else byKey.set(k, [c]);
      }
      this.coverageByAccount = this.accounts().names.map((name) => byKey.get(accountKey(name)) ?? NONE);
    }
    return this.coverageByAccount[accountId] ?? NONE;
  }

  /** The Patients row of the account with this id; the first row wins when an account repeats. */
  patientOf(accountId: number): PatientRow | null {
    if (this.patientByAccount === null) {
      const byKey = new Map<string, PatientRow>();
      for (const p of this.config.patients) if (!byKey.has(accountKey(p.account))) byKey.set(accountKey(p.account), p);
      this.patientByAccount = this.accounts().names.map((name) => byKey.get(accountKey(name)) ?? null);
    }
    return this.patientByAccount[accountId] ?? null;
  }

  /**
   * The A1 address of the first of `fields` the line has a cell for — its
   * own record, else the field's mapped column on the line's row (a blank
   * cell may have no recorded address but is still the cell at fault) — else
   * any cell of the line, so the finding still links to its row.
   */
  cellOf(line: LedgerLine, ...fields: LedgerField[]): string | null {
    for (const f of fields) {
      const c = line.cells[f];
      if (c !== undefined) return c;
      const col = this.mapping.fields[f]?.[0];
      if (col !== undefined && /^[A-Z]{1,3}$/i.test(col)) return `${col.toUpperCase()}${line.row}`;
    }
    return line.cells.account ?? line.cells.code ?? line.cells.serviceDate ?? firstCell(line);
  }

  /** A finding on one line (or on an account's latest line). Amount ≤ 0 becomes null: at stake is positive. */
  add(
    line: LedgerLine,
    rule: RuleId,
    severity: Severity,
    cell: string | null,
    amount: number | null,
    message: string,
    inputs: Record<string, string>,
  ): void {
    this.out.push({
      rule,
      severity,
      sheet: line.sheet,
      row: line.row,
      cell,
      account: line.account,
      amount: amount !== null && amount > 0 ? cents(amount) : null,
      message,
      serviceDate: line.serviceDate,
      inputs,
    });
  }

  /** A workbook-level notice: at most one per rule, however many lines it concerns. */
  notice(rule: RuleId, message: string, inputs: Record<string, string> = {}): void {
    if (this.noticed.has(rule)) return;
    this.noticed.add(rule);
    this.out.push({
      rule,
      severity: 'info',
      sheet: this.sheet,
      row: null,
      cell: null,
      account: null,
      amount: null,
      message,
      serviceDate: null,
      inputs,
    });
  }
}

function firstCell(line: LedgerLine): string | null {
  for (const v of Object.values(line.cells)) if (typeof v === 'string') return v;
  return null;
}

/** A blank money field is "nothing recorded": 0 for arithmetic. */
export const orZero = (c: Cents | null | undefined): number => (c === null || c === undefined ? 0 : c);

/** What the patient has paid on the line, net of refunds already sent back. */
export const netPatientPaid = (line: LedgerLine): number => orZero(line.patientPaid) - orZero(line.patientRefunded);
