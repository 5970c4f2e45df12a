/**
 * Ledger ingestion entry points: a sheet's cell grid (or an Excel table's)
 * → the canonical `Ledger`, or a message saying why the sheet holds none.
 */
import type { Ledger } from '../../domain/ledger';
import type { CellGrid } from '../grid';
import { REQUIRED_SERVICE, REQUIRED_TRANSACTION, detectHeaderRow, type HeaderDetection } from '../headers/detectHeaderRow';
import { FIELD_LABEL, buildColumnPlan } from './columnPlan';
import { readServiceLines } from './serviceLines';
import { readTransactions } from './transactions';

export type IngestResult = { readonly ok: true; readonly ledger: Ledger } | { readonly ok: false; readonly message: string };

export interface IngestOptions {
  /** field → column letters or header text (the CLI's `--map field=COLUMN`). */
  readonly map?: Readonly<Record<string, string>>;
  /** `index` of the sheet's first line, when earlier sheets' lines come first (default 0). */
  readonly firstLineIndex?: number;
}

function whereOf(grid: CellGrid): string {
  return grid.tableName ? `Table "${grid.tableName}" on sheet "${grid.sheet}"` : `Sheet "${grid.sheet}"`;
}

function missingRequired(header: HeaderDetection): string[] {
  const required = header.kind === 'transaction' ? REQUIRED_TRANSACTION : REQUIRED_SERVICE;
  return required.filter((f) => !header.columns.has(f)).map((f) => FIELD_LABEL[f]);
}

function orList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export function ingestLedger(grid: CellGrid, options: IngestOptions = {}): IngestResult {
  const found = detectHeaderRow(grid, options);
  if (!found.ok) return found;
  const header = found.header;
  const absent = missingRequired(header);
  if (absent.length > 0) {
    return {
      ok: false,
      message: `${whereOf(grid)} has no ledger: the header row (row ${header.headerRow}) has no ${orList(absent)} column`,
    };
  }
  const isTx = header.kind === 'transaction';
  const plan = buildColumnPlan(grid, header, isTx ? ['balance'] : []);
  const rows = { headerIndex: header.headerIndex, firstLineIndex: options.firstLineIndex ?? 0 };
  const read = isTx ? readTransactions(grid, plan, rows) : readServiceLines(grid, plan, rows);
  return {
    ok: true,
    ledger: {
      sheet: grid.sheet,
      headerRow: header.headerRow,
      kind: header.kind,
      mapping: header.mapping,
      lines: read.lines,
      counts: read.counts,
      issues: read.issues,
    },
  };
}

/**
 * How ledger-like a sheet is, for picking one when the user names none:
 * 0 = not a ledger (no header row with an Account column and every required
 * column); otherwise the header's confidence in (0, 1]. Reads only the
 * first 30 rows.
 */
export function scoreLedgerGrid(grid: CellGrid, options: IngestOptions = {}): number {
  // The user's --map counts: a sheet whose charge column only a mapping names is still the ledger.
  const found = detectHeaderRow(grid, options);
  if (!found.ok || missingRequired(found.header).length > 0) return 0;
  return Math.max(0.01, found.header.mapping.confidence);
}
