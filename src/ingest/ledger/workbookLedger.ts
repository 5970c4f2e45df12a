/**
 * DESIGN §3 "Several ledger sheets": the sheets read, in workbook order, as
 * one ledger. Each sheet is ingested with `firstLineIndex` = the number of
 * lines before it, so `lines[i].index === i` across sheets without copying
 * a line; every line keeps its own sheet and row.
 */
import type { Ledger, LedgerCounts, LedgerLine, WorkbookLedger } from '../../domain/ledger';

export function combineLedgers(ledgers: readonly Ledger[]): WorkbookLedger {
  let expected = 0;
  for (const ledger of ledgers) {
    for (const line of ledger.lines) {
      if (line.index !== expected) {
        throw new Error(`Sheet "${ledger.sheet}" was read with lines numbered from ${ledger.lines[0]!.index}, expected ${expected}`);
      }
      expected++;
    }
  }
  // One sheet, the usual case: its lines are the workbook's as they are (1M lines: not growing a second 1M-entry array).
  const lines: readonly LedgerLine[] = ledgers.length === 1 ? ledgers[0]!.lines : ledgers.flatMap((l) => l.lines);
  const counts: LedgerCounts = {
    rowsRead: sum(ledgers, (c) => c.rowsRead),
    linesAnalyzed: sum(ledgers, (c) => c.linesAnalyzed),
    excludedRows: sum(ledgers, (c) => c.excludedRows),
    blankRows: sum(ledgers, (c) => c.blankRows),
    totalRows: sum(ledgers, (c) => c.totalRows),
  };
  return {
    sheets: ledgers.map(({ sheet, headerRow, kind, mapping, counts: c }) => ({ sheet, headerRow, kind, mapping, counts: c })),
    lines,
    issues: ledgers.flatMap((l) => l.issues),
    counts,
  };
}

function sum(ledgers: readonly Ledger[], count: (c: LedgerCounts) => number): number {
  return ledgers.reduce((total, l) => total + count(l.counts), 0);
}
