/**
 * Helpers for findings and statements tests: a column mapping matching the
 * builders' cells, a one-sheet WorkbookLedger, hand-made LineShares (never
 * from the adjudication engine), and a runner.
 */
import { line, $, d, type LineInput } from './builders';
import { isSelfPay, type ColumnMapping, type LedgerField, type LedgerLine, type WorkbookLedger, type LedgerSheet } from '../../src/domain/ledger';
import type { Config, FeeScheduleRow } from '../../src/domain/config';
import type { AppliedBenefit, CoverageBasis, LineShares, LineStanding, WhoPays } from '../../src/domain/shareTypes';
import type { Finding } from '../../src/domain/findingTypes';
import { lineStanding } from '../../src/domain/lineStanding';
import { EMPTY_CONFIG } from '../../src/domain/policyDefaults';
import { findDiscrepancies } from '../../src/domain/findings';
import type { Cents } from '../../src/domain/money';

/** The columns builders.line() puts each field in. */
export const COLUMNS: Readonly<Partial<Record<LedgerField, string>>> = {
  account: 'A', dob: 'B', serviceDate: 'C', code: 'D', modifiers: 'E', diagnoses: 'F', units: 'G', billed: 'H',
  allowed: 'I', insurerPaid: 'J', secondaryPaid: 'K', patientPaid: 'L', adjustment: 'M', balance: 'N', payer: 'O',
  memberId: 'P', status: 'Q', denialCode: 'R', postingDate: 'S',
};

/** A mapping with every builder column, minus `without`. */
export function mapping(without: readonly LedgerField[] = []): ColumnMapping {
  const fields: Partial<Record<LedgerField, readonly string[]>> = {};
  for (const [f, col] of Object.entries(COLUMNS) as [LedgerField, string][]) if (!without.includes(f)) fields[f] = [col];
  return { fields, unmapped: {}, confidence: 1 };
}

/** Lines in sheet order: index i, row i + 2 (a header in row 1). */
export function sheet(...inputs: LineInput[]): LedgerLine[] {
  return inputs.map((inp, i) => line({ index: i, row: i + 2, ...inp }));
}

/** The lines as a WorkbookLedger: one LedgerSheet per sheet name met, each with `mappings[name]` or `fallback`. */
export function workbook(lines: readonly LedgerLine[], fallback: ColumnMapping = mapping(), mappings: Record<string, ColumnMapping> = {}): WorkbookLedger {
  const names = [...new Set(lines.map((l) => l.sheet))];
  if (names.length === 0) names.push('Ledger');
  const sheets: LedgerSheet[] = names.map((name) => {
    const n = lines.filter((l) => l.sheet === name).length;
    return {
      sheet: name, headerRow: 1, kind: 'service-line', mapping: mappings[name] ?? fallback,
      counts: { rowsRead: n, linesAnalyzed: n, excludedRows: 0, blankRows: 0, totalRows: 0 },
    };
  });
  const total = lines.length;
  return {
    sheets, lines, issues: [],
    counts: { rowsRead: total, linesAnalyzed: total, excludedRows: 0, blankRows: 0, totalRows: 0 },
  };
}

export interface SharesInput {
  whoPays?: WhoPays;
  standing?: LineStanding;
  basis?: CoverageBasis;
  allowed?: string | null;
  feeScheduleAllowed?: string | null;
  patientShare?: string | null;
  insurerShare?: string | null;
  secondaryShare?: string | null;
  primaryPlanId?: string | null;
  feeRow?: FeeScheduleRow | null;
  category?: string;
  benefit?: AppliedBenefit | null;
  coverageRow?: number | null;
  coverageIssueCell?: string | null;
}

const m = (v: string | null | undefined): Cents | null => (v === null || v === undefined ? null : $(v));

/**
 * Hand-built shares for `l`. Who pays defaults from the line's Payer cell
 * (blank or Self → self-pay, else insured) and where it stands from §4's
 * lineStanding; unset amounts are null.
 */
export function handShares(l: LedgerLine, s: SharesInput = {}): LineShares {
  const whoPays = s.whoPays ?? (isSelfPay(l.payer) && !l.insurerPaid ? 'self-pay' : 'insured');
  return {
    lineIndex: l.index,
    whoPays,
    standing: s.standing ?? lineStanding(l, whoPays),
    basis: s.basis ?? (whoPays === 'self-pay' ? 'self-pay' : whoPays === 'unknown' ? 'unknown' : 'covered'),
    allowed: m(s.allowed),
    contractual: null,
    copay: null,
    deductible: null,
    coinsurance: null,
    patientShare: m(s.patientShare),
    insurerShare: m(s.insurerShare),
    secondaryShare: m(s.secondaryShare),
    feeRow: s.feeRow ?? null,
    feeScheduleAllowed: m(s.feeScheduleAllowed),
    category: s.category ?? 'Office',
    benefit: s.benefit ?? null,
    primaryPlanId: s.primaryPlanId ?? null,
    secondaryPlanId: null,
    coverageRow: s.coverageRow ?? null,
    coverageIssueCell: s.coverageIssueCell ?? null,
    working: { kind: 'unknown', billed: l.billed },
  };
}

/** Shares given by position: `shares(i, …)` is applied to line i by `run`. */
export interface SharesAt extends SharesInput {
  readonly at: number;
}

export function shares(i: number, s: SharesInput = {}): SharesAt {
  return { ...s, at: i };
}

export const AS_OF = d('2026-04-01');

export interface RunOptions {
  shares?: readonly SharesAt[];
  config?: Config;
  asOf?: string;
  without?: readonly LedgerField[];
  mapping?: ColumnMapping;
  mappings?: Record<string, ColumnMapping>;
}

/** Every line's shares: those given by position, the rest from handShares' defaults. */
export function sharesFor(lines: readonly LedgerLine[], given: readonly SharesAt[] = []): LineShares[] {
  return lines.map((l, i) => handShares(l, given.find((s) => s.at === i) ?? {}));
}

export function run(lines: readonly LedgerLine[], o: RunOptions = {}): Finding[] {
  return findDiscrepancies({
    ledger: workbook(lines, o.mapping ?? mapping(o.without ?? []), o.mappings),
    shares: sharesFor(lines, o.shares),
    config: o.config ?? EMPTY_CONFIG,
    asOf: o.asOf ? d(o.asOf) : AS_OF,
  });
}

/** Findings of one rule that fired on lines/accounts (notices left out). */
export const fired = (fs: readonly Finding[], rule: Finding['rule']): Finding[] => fs.filter((f) => f.rule === rule && f.severity !== 'info');
export const notices = (fs: readonly Finding[], rule?: Finding['rule']): Finding[] =>
  fs.filter((f) => f.severity === 'info' && (rule === undefined || f.rule === rule));

export { $, d };
