/**
 * What every findings rule reads: the input, account ids and a few memos
 * built as the single pass goes (coverage and patients by account, payer →
 * self-pay), and the two ways to report — a finding on a line/account, or a
 * once-per-rule notice when the workbook lacks what the rule needs.
 *
 * Rules are `LineRule`s: findDiscrepancies walks the lines once, in sheet
 * order, and hands each line to every rule; a rule's `finish` then reports
 * what needs the whole ledger (duplicates, per-account totals, notices).
 * One pass matters on a million lines: touching each line object once costs
 * about as much as the checks themselves.
 */
import type { ColumnMapping, LedgerField, LedgerLine } from '../ledger';
import { isSelfPay } from '../ledger';
import type { Config } from '../config';
import type { LineShares, SharesByLine } from '../shareTypes';
import type { Finding, RuleId, Severity } from '../findingTypes';
import type { Day } from '../day';
import { cents, type Cents } from '../money';
import { AccountTable } from './accountTable';
import { AccountIds } from './accountIds';
import { scratch } from './scratch';

export interface FindingsInput {
  readonly sheet: string;
  readonly lines: readonly LedgerLine[];
  readonly mapping: ColumnMapping;
  /** shares.at(i) belongs to lines[i]; a missing entry means "no shares computed". */
  readonly shares: SharesByLine;
  readonly config: Config;
  readonly asOf: Day;
}

export class RuleContext {
  readonly sheet: string;
  readonly lines: readonly LedgerLine[];
  readonly shares: SharesByLine;
  readonly mapping: ColumnMapping;
  readonly config: Config;
  readonly asOf: Day;
  /** Policy tolerance in cents: differences up to it are rounding, not findings. */
  readonly tolerance: number;
  readonly out: Finding[] = [];
  /** Where findDiscrepancies leaves AccountTable.warm's result (so its reads are kept). */
  warmed = 0;

  private readonly noticed = new Set<RuleId>();
  private readonly selfPayMemo = new Map<string, boolean>();
  private lastPayer: string | null = null;
  private lastSelfPay = true;
  private lastSelfPayLine: LedgerLine | null = null;
  /** Line position → account id (0, 1, … in order of first appearance). */
  readonly accountIds: readonly number[];
  private readonly ids: AccountIds;
  /** One record per account id: Coverage/Patients facts and the rules' running totals. */
  readonly facts: AccountTable;

  constructor(input: FindingsInput) {
    this.sheet = input.sheet;
    this.lines = input.lines;
    this.shares = input.shares;
    this.mapping = input.mapping;
    this.config = input.config;
    this.asOf = input.asOf;
    this.tolerance = Math.max(0, input.config.policy.tolerance);
    // Ids first, in a pass of their own: the account table is then allocated once at its final
    // size (no copies as accounts come), and the rules' pass reads ids sequentially.
    const { lines } = input;
    const ids = (this.ids = new AccountIds(Math.min(lines.length, Math.max(input.config.patients.length, input.config.coverage.length))));
    // A plain array, not a typed array: see ./scratch.ts.
    const accountIds: number[] = (this.accountIds = scratch(lines.length, 0));
    for (let i = 0; i < lines.length; i++) accountIds[i] = ids.idOf(lines[i]!.account);
    this.facts = new AccountTable(input.config.coverage, input.config.patients, ids.names);
  }

  /** Account id → the account as written on its first line. */
  get accountNames(): readonly string[] {
    return this.ids.names;
  }

  get accountCount(): number {
    return this.ids.count;
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
    // Several rules ask about the same line in turn.
    if (line === this.lastSelfPayLine) return this.lastSelfPay;
    this.lastSelfPayLine = line;
    const p = line.payer;
    if (p === null) {
      this.lastPayer = null;
      return (this.lastSelfPay = true);
    }
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

  /**
   * The cell of the `index`-th merged modifier or diagnosis. Exports fill
   * Mod 1..4 / Dx 1..4 from the left, so with no more codes than columns the
   * i-th code is in the i-th column; otherwise (a list in one cell) the
   * field's first cell. A blank Dx 1 before a filled Dx 2 would mislead this;
   * ingest keeps no per-code column to do better (noted for a later change).
   */
  codeCellOf(line: LedgerLine, field: 'modifiers' | 'diagnoses', index: number): string | null {
    const cols = this.mapping.fields[field];
    const codes = field === 'modifiers' ? line.modifiers : line.diagnoses;
    if (cols !== undefined && cols.length > 1 && codes.length <= cols.length && index >= 0 && index < cols.length) {
      const col = cols[index]!;
      if (/^[A-Z]{1,3}$/i.test(col)) return `${col.toUpperCase()}${line.row}`;
    }
    return this.cellOf(line, field, 'code');
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
export { netPatientPaid } from '../lineStatus';

/**
 * A rule (or family of rules) in the single pass: `line` sees every line in
 * sheet order (its account id already in ctx.accountIds[i]); `finish` runs
 * once after the last line.
 */
export interface LineRule {
  line(i: number, line: LedgerLine, share: LineShares | undefined): void;
  finish(): void;
}
