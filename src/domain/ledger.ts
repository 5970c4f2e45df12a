/**
 * The canonical ledger: what ingest produces from any sheet layout and what
 * every domain rule reads. One `LedgerLine` is one service line (a charge),
 * whatever the export looked like.
 */
import type { Cents } from './money';
import { idKey } from './nameKeys';
import type { Day } from './day';

export const LEDGER_FIELDS = [
  'account', 'patientName', 'dob', 'serviceDate', 'postingDate', 'code', 'modifiers', 'diagnoses',
  'description', 'units', 'billed', 'allowed', 'insurerPaid', 'secondaryPaid', 'patientPaid',
  'adjustment', 'balance', 'payer', 'planId', 'memberId', 'claimId', 'lineId', 'status',
  'denialCode', 'pos',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Normalised claim status; `other` keeps the raw text in `statusText`. */
export type ClaimStatus = 'paid' | 'denied' | 'pending' | 'appealed' | 'other';

export interface LedgerLine {
  /** Position among analysed lines, in sheet order (0-based). */
  readonly index: number;
  readonly sheet: string;
  /** 1-based Excel row (1-based CSV line) of the line's charge. */
  readonly row: number;
  readonly account: string;
  readonly patientName: string | null;
  readonly dob: Day | null;
  /** Required for a charge: a line without a readable one is an input issue, not a line. */
  readonly serviceDate: Day;
  readonly postingDate: Day | null;
  /** Upper-cased, trimmed procedure code as written (its shape is checked by findings, not ingest). */
  readonly code: string;
  /** Upper-cased modifiers, merged from Mod / Mod 1..4 columns. */
  readonly modifiers: readonly string[];
  /** Upper-cased diagnosis codes, merged from Dx / Dx 1..4 columns. */
  readonly diagnoses: readonly string[];
  readonly description: string | null;
  /** Whole or fractional units; 1 when the ledger has none. */
  readonly units: number;
  readonly billed: Cents;
  /** null = not given (column absent or cell blank). */
  readonly allowed: Cents | null;
  /** Amounts received are positive even when exported negative; null = blank/absent (nothing recorded). */
  readonly insurerPaid: Cents | null;
  readonly secondaryPaid: Cents | null;
  readonly patientPaid: Cents | null;
  readonly adjustment: Cents | null;
  /** Refunds already sent to the patient (transaction ledgers); null for none. */
  readonly patientRefunded?: Cents | null;
  readonly balance: Cents | null;
  readonly payer: string | null;
  readonly planId: string | null;
  readonly memberId: string | null;
  readonly claimId: string | null;
  readonly lineId: string | null;
  readonly status: ClaimStatus | null;
  readonly statusText: string | null;
  /** Reason code(s) as written (CARC, with or without group: `CO-45`, `PR-1`, `45`); lineStanding.ts reads them. */
  readonly denialCode: string | null;
  readonly pos: string | null;
  /**
   * DESIGN §8 dunning: the latest date the insurer posted on the line — a
   * transaction ledger's insurer payment, adjustment or denial row; a
   * service-line ledger's Posting Date where the insurer paid or adjusted
   * the line; null when none (the balance then arises on the service date).
   */
  readonly insurerPostedOn: Day | null;
  /**
   * Column letters of each field's cell on the line's own row: one object
   * shared by every line of a sheet (a transaction ledger's `billed` is its
   * Amount column). Read addresses with `cellOf`.
   */
  readonly columns: Readonly<Partial<Record<LedgerField, string>>>;
  /**
   * A1 addresses of fields whose cell is on another row — a transaction
   * ledger's payments and adjustments point at the (last) row folded in —
   * else null.
   */
  readonly movedCells: Readonly<Partial<Record<LedgerField, string>>> | null;
}

/** The A1 address of the cell a line's field came from; null when the sheet has no such column. */
export function cellOf(line: LedgerLine, field: LedgerField): string | null {
  const moved = line.movedCells?.[field];
  if (moved !== undefined) return moved;
  const letters = line.columns[field];
  return letters === undefined ? null : `${letters}${line.row}`;
}

export interface InputIssue {
  readonly sheet: string;
  readonly row: number;
  readonly cell: string;
  readonly message: string;
  /** `info` for notices (a total row left out); `error` excludes the row. */
  readonly severity: 'error' | 'warning' | 'info';
}

export interface LedgerCounts {
  /** Rows below the header row up to the last non-blank row. */
  readonly rowsRead: number;
  /** Rows analysed (service lines, or transaction rows folded into lines). */
  readonly linesAnalyzed: number;
  readonly excludedRows: number;
  readonly blankRows: number;
  readonly totalRows: number;
}

export interface ColumnMapping {
  /** field → column letters (several for merged Mod 1..4 / Dx 1..4). */
  readonly fields: Readonly<Partial<Record<LedgerField | 'type' | 'amount', readonly string[]>>>;
  /** Header text of columns no field claimed, by column letter. */
  readonly unmapped: Readonly<Record<string, string>>;
  /** 0..1: share of header cells recognised, weighted toward required fields. */
  readonly confidence: number;
}

/** One ledger sheet as ingest read it (`ingestLedger`). */
export interface Ledger {
  readonly sheet: string;
  readonly headerRow: number;
  readonly kind: 'service-line' | 'transaction';
  readonly mapping: ColumnMapping;
  readonly lines: readonly LedgerLine[];
  readonly counts: LedgerCounts;
  readonly issues: readonly InputIssue[];
}

/** One sheet of a workbook ledger, without its lines. */
export interface LedgerSheet {
  readonly sheet: string;
  readonly headerRow: number;
  readonly kind: 'service-line' | 'transaction';
  readonly mapping: ColumnMapping;
  readonly counts: LedgerCounts;
}

/**
 * DESIGN §3 "Several ledger sheets": every ledger sheet read, analysed as
 * one ledger. `lines` are in workbook then sheet order, `lines[i].index === i`;
 * each line keeps its own sheet and row.
 */
export interface WorkbookLedger {
  /** One entry per sheet read, in workbook order. */
  readonly sheets: readonly LedgerSheet[];
  readonly lines: readonly LedgerLine[];
  /** Input issues of every sheet, in sheet then row order. */
  readonly issues: readonly InputIssue[];
  /** Totals over every sheet. */
  readonly counts: LedgerCounts;
}

/**
 * DESIGN §4: a Payer cell that says "no insurer" — blank, Self, Self Pay,
 * Self-Pay, Patient, Cash, None (and Uninsured).
 */
export function isSelfPay(payer: string | null): boolean {
  if (payer === null) return true;
  const p = payer.trim().toLowerCase().replace(/[^a-z]/g, '');
  return SELF_PAY_WORDS.has(p);
}

const SELF_PAY_WORDS = new Set(['', 'self', 'selfpay', 'patient', 'cash', 'none', 'uninsured']);

/** One account's lines (positions in the ledger, in ledger order) and its latest line. */
export interface AccountLines {
  readonly positions: number[];
  latest: LedgerLine;
}

/** The ledger's lines grouped by account (idKey), in ledger order; the latest line is the latest service date, on a tie the later line. */
export function linesByAccount(lines: readonly LedgerLine[]): Map<string, AccountLines> {
  const accounts = new Map<string, AccountLines>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const key = idKey(line.account);
    const account = accounts.get(key);
    if (account === undefined) accounts.set(key, { positions: [i], latest: line });
    else {
      account.positions.push(i);
      if (line.serviceDate >= account.latest.serviceDate) account.latest = line;
    }
  }
  return accounts;
}
