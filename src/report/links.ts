/** Links from report rows to the ledger cells (DESIGN §7 "`Cell` links to the ledger cell"). */
import type { LinkBase } from './reportInput';
import { quoteSheet, type HyperlinkTarget } from './workbookPlan';

/** The text shown in a link cell: `Ledger!D5`, or `'Jan 2026'!D5`. */
export function cellLabel(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

export function linkTarget(base: LinkBase, sheet: string, cell: string): HyperlinkTarget | null {
  switch (base.kind) {
    case 'workbook':
      return { kind: 'cell', sheet, cell };
    case 'file':
      return { kind: 'file', file: base.file, sheet, cell };
    case 'none':
      return null;
  }
}
