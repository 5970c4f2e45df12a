/**
 * Checks a plan against its own conventions and Excel's limits (DESIGN §6).
 * Builders call it in tests; renderers may call it before writing. Returns
 * the problems found (empty = fine) rather than throwing, so a test can show
 * them all.
 */
import {
  PLAN_LIMITS, isDateCell, isTextCell, looksLikeFormula, parseA1, type WorkbookPlan,
} from './workbookPlan';

export function validatePlan(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const s of plan.sheets) {
    const where = `sheet "${s.name}"`;
    if (keys.has(s.key)) problems.push(`${where}: key ${s.key} used twice`);
    keys.add(s.key);
    if (names.has(s.name.toLowerCase())) problems.push(`${where}: name used twice`);
    names.add(s.name.toLowerCase());
    if (s.name.length > PLAN_LIMITS.maxSheetNameChars) problems.push(`${where}: name over ${PLAN_LIMITS.maxSheetNameChars} characters`);
    for (const b of s.blocks) {
      const at = parseA1(b.at);
      const width = b.rows[0]?.length ?? 0;
      b.rows.forEach((row, r) => {
        if (row.length !== width) problems.push(`${where}: block at ${b.at} row ${at.row + r} has ${row.length} cells, expected ${width}`);
        row.forEach((v, c) => {
          const cell = `${at.col + c}:${at.row + r}`;
          if (typeof v === 'string') {
            if (looksLikeFormula(v)) problems.push(`${where} ${cell}: bare string starts like a formula: ${JSON.stringify(v.slice(0, 20))}`);
            if (v.length > PLAN_LIMITS.maxCellChars) problems.push(`${where} ${cell}: text over ${PLAN_LIMITS.maxCellChars} characters`);
          } else if (isTextCell(v)) {
            if (v.text.length > PLAN_LIMITS.maxCellChars) problems.push(`${where} ${cell}: text over ${PLAN_LIMITS.maxCellChars} characters`);
          } else if (isDateCell(v)) {
            if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) problems.push(`${where} ${cell}: bad date ${v.date}`);
          } else if (typeof v === 'number' && !Number.isFinite(v)) {
            problems.push(`${where} ${cell}: number not finite`);
          }
        });
      });
    }
    const breaks = s.print?.pageBreaksBefore?.length ?? 0;
    if (breaks > PLAN_LIMITS.maxPageBreaks) problems.push(`${where}: ${breaks} page breaks (at most ${PLAN_LIMITS.maxPageBreaks})`);
    const links = s.hyperlinks?.length ?? 0;
    if (links > PLAN_LIMITS.maxHyperlinks) problems.push(`${where}: ${links} hyperlinks (at most ${PLAN_LIMITS.maxHyperlinks})`);
  }
  return problems;
}
