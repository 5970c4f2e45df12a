import type { CellValue, SheetPlan, WorkbookPlan } from '../../src/report/workbookPlan';
import { parseA1 } from '../../src/report/workbookPlan';

export function sheet(plan: WorkbookPlan, key: string): SheetPlan {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}: ${plan.sheets.map((x) => x.key).join(', ')}`);
  return s;
}

/** The sheet's cells as a dense grid (row 1 first). */
export function grid(s: SheetPlan): CellValue[][] {
  const out: CellValue[][] = [];
  for (const b of s.blocks) {
    const at = parseA1(b.at);
    b.rows.forEach((row, i) => row.forEach((v, j) => {
      (out[at.row + i - 1] ??= [])[at.col + j - 1] = v;
    }));
  }
  return out;
}

/** Rows as objects keyed by the header row. */
export function records(s: SheetPlan, headerRow = 1): Record<string, CellValue>[] {
  const g = grid(s);
  const header = g[headerRow - 1]!.map((h) => String(h));
  return g.slice(headerRow).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? null])));
}

export function allValues(s: SheetPlan): CellValue[] {
  return grid(s).flat();
}
