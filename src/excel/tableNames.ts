/**
 * Table names are unique in a workbook (case-insensitively). A plan's tables
 * are named `PL_…` so they never meet a user's, but a sheet that was the
 * add-in's and became the user's (its A1 typed over — registry.ts) keeps the
 * table we drew there, and Excel would refuse the plan's table of the same
 * name. Such a plan table takes the next free name (`PL_Findings_2`, skipping
 * the plan's own names too).
 */
import type { SheetPlan } from '../report/workbookPlan';

export function withFreeTableNames(sheets: readonly SheetPlan[], takenByOthers: Iterable<string>): SheetPlan[] {
  const taken = new Set([...takenByOthers].map((n) => n.toLowerCase()));
  const planned = new Set(sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name.toLowerCase())));
  if (![...planned].some((n) => taken.has(n))) return [...sheets];
  const used = new Set([...taken, ...planned]);
  return sheets.map((s) => {
    if (!s.tables?.some((t) => taken.has(t.name.toLowerCase()))) return s;
    const tables = s.tables.map((t) => {
      if (!taken.has(t.name.toLowerCase())) return t;
      let n = 2;
      while (used.has(`${t.name}_${n}`.toLowerCase())) n++;
      const name = `${t.name}_${n}`;
      used.add(name.toLowerCase());
      return { ...t, name };
    });
    return { ...s, tables };
  });
}
