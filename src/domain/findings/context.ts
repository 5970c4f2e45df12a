/**
 * What every findings rule reads — the ledger (all its sheets), the shares
 * adjudication decided for each line, the configuration and the as-of date —
 * and the two shapes a rule reports in: a finding on a line (or on an
 * account's latest line), and a workbook-level notice when the data a rule
 * needs is missing.
 */
import { cellOf as lineCell, linesByAccount, type AccountLines, type LedgerField, type LedgerLine, type LedgerSheet, type WorkbookLedger } from '../ledger';

export type { AccountLines } from '../ledger';
import type { Config, CoverageRow, PatientRow } from '../config';
import { codeShapes, type CodeShapes } from './codeShapes';
import type { LineShares } from '../shareTypes';
import type { Finding, NoticeRuleId, RuleId, Severity } from '../findingTypes';
import type { Day } from '../day';
import { cents } from '../money';
import { nameKey } from '../nameKeys';
import { accountRows, type AccountRows } from '../accountRows';

export interface FindingsInput {
  readonly ledger: WorkbookLedger;
  /** `linesByAccount(ledger.lines)`, when the caller has it already (statements use the same). */
  readonly accounts?: ReadonlyMap<string, AccountLines>;
  /** `accountRows(config)`, when the caller has it already (statements use the same). */
  readonly accountRows?: AccountRows;
  /** `shares[i]` is adjudication's decision for `ledger.lines[i]`. */
  readonly shares: readonly LineShares[];
  readonly config: Config;
  readonly asOf: Day;
}

export interface RuleContext extends FindingsInput {
  /** Policy tolerance in cents: a difference up to it is rounding, not a finding. */
  readonly tolerance: number;
  /** Each ledger sheet by name: a line's columns are its own sheet's. */
  readonly sheets: ReadonlyMap<string, LedgerSheet>;
  /** Plans by PlanId (name key) → payer, to name the insurer of a line that has no Payer cell. */
  readonly planPayers: ReadonlyMap<string, string>;
  /**
   * Coverage rows by their sheet row (LineShares.coverageRow names one): an
   * array indexed by row, as sheet rows are small whole numbers and an array
   * fills without hashing (212k Coverage rows: 30 ms → 9 ms).
   */
  readonly coverageByRow: readonly (CoverageRow | undefined)[];
  /** Coverage rows by account (idKey), in sheet order. */
  readonly coverageByAccount: ReadonlyMap<string, readonly CoverageRow[]>;
  /** Patients rows by account (idKey); the first row wins when an account repeats. */
  readonly patients: ReadonlyMap<string, PatientRow>;
  /**
   * The ledger's lines grouped by account (idKey), built once for every rule
   * that looks at an account's lines together (duplicates, units, balances).
   */
  readonly accounts: ReadonlyMap<string, AccountLines>;
  /**
   * Whether each distinct code has a valid shape, worked out once a run: a
   * ledger repeats a few hundred codes over its lines, so the code rules
   * look a code up instead of running its pattern on every line.
   */
  readonly codeShapes: CodeShapes;
}



export function ruleContext(input: FindingsInput): RuleContext {
  if (input.shares.length !== input.ledger.lines.length) {
    throw new RangeError(`findings need one LineShares per line (${input.ledger.lines.length} lines, ${input.shares.length} shares)`);
  }
  const planPayers = new Map<string, string>();
  for (const p of input.config.plans) if (!planPayers.has(nameKey(p.planId))) planPayers.set(nameKey(p.planId), p.payer);
  const coverageByRow: (CoverageRow | undefined)[] = [];
  for (const c of input.config.coverage) coverageByRow[c.row] = c;
  const { patients, coverage } = input.accountRows ?? accountRows(input.config);
  return {
    ...input,
    coverageByRow,
    coverageByAccount: coverage,
    patients,
    accounts: input.accounts ?? linesByAccount(input.ledger.lines),
    tolerance: Math.max(0, input.config.policy.tolerance),
    sheets: new Map(input.ledger.sheets.map((s) => [s.sheet, s])),
    planPayers,
    codeShapes: codeShapes(),
  };
}

/**
 * Up to this many lines, a rule that looks at an account's lines together
 * compares them with each other directly instead of filing each under a key
 * in a Map: most accounts have a handful of lines (4 at the median), and a
 * key string and a Map per account cost more than a few comparisons
 * (duplicates and units at 1M lines: 0.45 s → 0.19 s of CPU). Above it,
 * comparing every pair would grow with the square of the account's lines.
 */
export const FEW_LINES = 64;

type Column = LedgerField | 'type' | 'amount';

function columnsOf(ctx: RuleContext, sheet: string, field: Column): readonly string[] {
  return ctx.sheets.get(sheet)?.mapping.fields[field] ?? [];
}

/** The line's own sheet has a column for the field. */
export function hasColumn(ctx: RuleContext, line: LedgerLine, field: Column): boolean {
  return columnsOf(ctx, line.sheet, field).length > 0;
}

/** Payments and adjustments come from their own column, or from a transaction ledger's Type/Amount rows. */
export function hasMoneyColumn(ctx: RuleContext, line: LedgerLine, field: 'insurerPaid' | 'secondaryPaid' | 'patientPaid' | 'adjustment'): boolean {
  return hasColumn(ctx, line, field) || hasColumn(ctx, line, 'type');
}

/** The sheets (holding lines) that have no column for any of the fields. */
export function sheetsWithout(ctx: RuleContext, ...fields: Column[]): string[] {
  return ctx.ledger.sheets
    .filter((s) => s.counts.linesAnalyzed > 0)
    .filter((s) => fields.every((f) => (s.mapping.fields[f] ?? []).length === 0))
    .map((s) => s.sheet);
}

const COLUMN_LETTERS = /^[A-Z]{1,3}$/i;

/**
 * The A1 address of the first of `fields` the line has a cell for — its own
 * record, else the field's column on the line's row (a blank cell has no
 * recorded address but is still the cell at fault) — else any cell of the
 * line, so the finding still links to its row.
 */
export function cellOf(ctx: RuleContext, line: LedgerLine, ...fields: LedgerField[]): string | null {
  for (const f of fields) {
    const c = lineCell(line, f);
    if (c !== null) return c;
    const col = columnsOf(ctx, line.sheet, f)[0];
    if (col !== undefined && COLUMN_LETTERS.test(col)) return `${col.toUpperCase()}${line.row}`;
  }
  return lineCell(line, 'account') ?? lineCell(line, 'code') ?? lineCell(line, 'serviceDate');
}

/**
 * The cell of the `index`-th merged modifier or diagnosis. Exports fill
 * Mod 1..4 / Dx 1..4 from the left, so with no more codes than columns the
 * i-th code is in the i-th column; a list in one cell is that cell.
 */
export function codeCellOf(ctx: RuleContext, line: LedgerLine, field: 'modifiers' | 'diagnoses', index: number): string | null {
  const cols = columnsOf(ctx, line.sheet, field);
  const codes = field === 'modifiers' ? line.modifiers : line.diagnoses;
  if (cols.length > 1 && codes.length <= cols.length && index >= 0 && index < cols.length && COLUMN_LETTERS.test(cols[index]!)) {
    return `${cols[index]!.toUpperCase()}${line.row}`;
  }
  return cellOf(ctx, line, field, 'code');
}

/** What a rule found on a line. */
export interface LineFault {
  readonly rule: RuleId | NoticeRuleId;
  readonly severity: Severity;
  readonly line: LedgerLine;
  readonly cell: string | null;
  /** The money at stake; zero or less is reported as none (null). */
  readonly amount: number | null;
  readonly message: string;
  readonly inputs: Readonly<Record<string, string>>;
}

export function lineFinding(fault: LineFault): Finding {
  const { line, amount } = fault;
  return {
    rule: fault.rule,
    severity: fault.severity,
    sheet: line.sheet,
    row: line.row,
    cell: fault.cell,
    account: line.account,
    amount: amount !== null && amount > 0 ? cents(amount) : null,
    message: fault.message,
    serviceDate: line.serviceDate,
    inputs: fault.inputs,
  };
}

/** A workbook-level notice: the rule could not look at some or all of the ledger. */
export function notice(ctx: RuleContext, rule: RuleId, message: string, inputs: Readonly<Record<string, string>> = {}): Finding {
  return {
    rule,
    severity: 'info',
    sheet: ctx.ledger.sheets[0]?.sheet ?? ctx.ledger.lines[0]?.sheet ?? '',
    row: null,
    cell: null,
    account: null,
    amount: null,
    message,
    serviceDate: null,
    inputs,
  };
}

/** The insurer a line is billed to: its Payer cell, else the payer of the plan adjudication used. */
export function insurerName(ctx: RuleContext, line: LedgerLine, share: LineShares): string {
  const own = line.payer?.trim();
  if (own) return own;
  const planPayer = share.primaryPlanId === null ? undefined : ctx.planPayers.get(nameKey(share.primaryPlanId));
  return planPayer?.trim() || 'the insurer';
}

/** A blank money cell records nothing: 0 in arithmetic. */
export const orZero = (c: number | null | undefined): number => (c === null || c === undefined ? 0 : c);
