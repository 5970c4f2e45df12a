/**
 * Helpers for findings tests: a column mapping matching the builders' cells,
 * hand-made LineShares (never from the adjudication engine), and a runner.
 */
import { line, $, d, type LineInput } from './builders';
import type { ColumnMapping, LedgerField, LedgerLine } from '../../src/domain/ledger';
import type { Config } from '../../src/domain/config';
import type { LineShares } from '../../src/domain/shareTypes';
import type { Finding, RuleId } from '../../src/domain/findingTypes';
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

export interface SharesInput {
  basis?: LineShares['basis'];
  allowed?: string;
  feeScheduleAllowed?: string | null;
  patientShare?: string | null;
  insurerShare?: string | null;
  secondaryShare?: string | null;
  primaryPlanId?: string | null;
}

const m = (v: string | null | undefined): Cents | null => (v === null || v === undefined ? null : $(v));

/** Hand-built shares for line `i`. Unset shares are null. */
export function shares(i: number, s: SharesInput = {}): LineShares {
  return {
    lineIndex: i,
    basis: s.basis ?? 'covered',
    allowed: $(s.allowed ?? '100.00'),
    contractual: $('0.00'),
    feeScheduleAllowed: m(s.feeScheduleAllowed),
    category: null,
    primaryPlanId: s.primaryPlanId ?? null,
    secondaryPlanId: null,
    copay: null,
    deductible: null,
    coinsurance: null,
    patientShare: m(s.patientShare),
    insurerShare: m(s.insurerShare),
    secondaryShare: m(s.secondaryShare),
    explanation: 'hand-made for a test',
  };
}

export const AS_OF = d('2026-04-01');

export interface RunOptions {
  shares?: readonly LineShares[];
  config?: Config;
  asOf?: string;
  without?: readonly LedgerField[];
  mapping?: ColumnMapping;
}

export function run(lines: readonly LedgerLine[], o: RunOptions = {}): Finding[] {
  return findDiscrepancies({
    sheet: 'Ledger',
    lines,
    mapping: o.mapping ?? mapping(o.without ?? []),
    shares: o.shares ?? [],
    config: o.config ?? EMPTY_CONFIG,
    asOf: o.asOf ? d(o.asOf) : AS_OF,
  });
}

/** Findings of one rule that fired on lines/accounts (notices left out). */
export const fired = (fs: readonly Finding[], rule: RuleId): Finding[] => fs.filter((f) => f.rule === rule && f.severity !== 'info');
export const notices = (fs: readonly Finding[], rule?: RuleId): Finding[] =>
  fs.filter((f) => f.severity === 'info' && (rule === undefined || f.rule === rule));

export { $, d };
