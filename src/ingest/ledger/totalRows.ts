/**
 * Total and subtotal rows (DESIGN §3): left out of the analysis with one
 * `info` issue each and counted as total rows.
 *
 * A row is a total row when
 * - its code cell is blank (or is itself the label) and some text cell is a
 *   total label — "Total", "Totals:", "Subtotal", "Grand Total", "Total for
 *   A100", "Account Total". Requiring a blank code keeps a real line whose
 *   description says "Total knee arthroplasty" (code 27447) in the analysis;
 * - or it has money but no account, no code and no date of service: an
 *   unlabelled sum under a column.
 */
import type { CellGrid, CellValue } from '../grid';
import { isBlank } from '../values/blank';
import { showRaw } from '../values/invalid';
import { SLOT, type ColumnPlan } from './columnPlan';


const LABEL = /^(?:(?:grand|sub)[\s-]*totals?\b.*|totals?(?:\s*(?:[:(\-–—]|for\b|of\b).*)?|.*\s(?:sub)?totals?\s*:?)$/i;

export function isTotalLabel(v: CellValue | undefined): v is string {
  if (typeof v !== 'string' || v.length > 80) return false;
  // Cheap pre-check: a label always contains "tot" — most text cells do not.
  if (v.indexOf('ot') < 0 && v.indexOf('OT') < 0) return false;
  return LABEL.test(v.trim());
}

export interface TotalRowHit {
  /** 0-based column of the label or first amount. */
  readonly col: number;
  readonly message: string;
}

/** null when the row is not a total row. */
export function totalRowHit(grid: CellGrid, r: number, plan: ColumnPlan): TotalRowHit | null {
  const row = grid.values[r]!;
  const codeCol = plan.firstColumn[SLOT.code]?.index ?? -1;
  const code = codeCol >= 0 ? row[codeCol] : null;
  // Most rows have a code that is plainly not a label ("99213"): decide on its first character.
  if (code !== null && code !== undefined && typeof code !== 'string') return null;
  if (typeof code === 'string' && code.length > 0) {
    const c = code.charCodeAt(0);
    if (c >= 48 && c <= 57) return null;
    if (!isBlank(code) && !isTotalLabel(code)) return null;
  }
  const excelRow = grid.top + r;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isTotalLabel(v)) return { col: c, message: `Row ${excelRow} is a total row ("${showRaw(v.trim())}") and is left out of the analysis` };
  }
  const acctCol = plan.firstColumn[SLOT.account]?.index ?? -1;
  const dosCol = plan.firstColumn[SLOT.serviceDate]?.index ?? -1;
  if ((acctCol < 0 || isBlank(row[acctCol])) && (dosCol < 0 || isBlank(row[dosCol]))) {
    for (const c of plan.moneyColumns) {
      if (!isBlank(row[c])) {
        return { col: c, message: `Row ${excelRow} looks like a total row (amounts but no account, code or date of service) and is left out of the analysis` };
      }
    }
  }
  return null;
}
