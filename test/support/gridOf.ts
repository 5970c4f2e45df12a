/** Builds a CellGrid from rows for tests (top = 1, left = 1 unless given). */
import type { CellGrid, CellValue } from '../../src/ingest/grid';

export function gridOf(
  rows: CellValue[][],
  opts: { sheet?: string; formats?: (string | null)[][] | null; date1904?: boolean; allText?: boolean; top?: number; left?: number; tableName?: string } = {},
): CellGrid {
  return {
    sheet: opts.sheet ?? 'Ledger',
    values: rows,
    numberFormats: opts.formats ?? null,
    top: opts.top ?? 1,
    left: opts.left ?? 1,
    date1904: opts.date1904 ?? false,
    allText: opts.allText ?? false,
    ...(opts.tableName ? { tableName: opts.tableName } : {}),
  };
}
