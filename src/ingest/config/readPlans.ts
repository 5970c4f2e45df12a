/** `Plans` sheet (DESIGN §4). */
import type { PlanConfig, DeductibleType } from '../../domain/config';
import type { InputIssue } from '../../domain/ledger';
import type { CellGrid } from '../grid';
import { ZERO, percent } from '../../domain/money';
import { dataRows, findConfigHeader, requireColumns, RowReader, type ConfigTable } from './configTable';
import { parseMonthDay } from './monthDay';
import { PLANS_COLUMNS, type PlansColumn } from './configSheets';

function deductibleType(rr: RowReader<PlansColumn>): DeductibleType | null {
  const t = rr.text('DeductibleType');
  if (t === null) return 'Embedded';
  const k = t.toLowerCase().replace(/[^a-z]/g, '');
  if (k === 'embedded') return 'Embedded';
  if (k === 'aggregate' || k === 'nonembedded') return 'Aggregate';
  return rr.fail('DeductibleType', 'is not Embedded or Aggregate');
}

/**
 * Blank amounts: DeductibleIndividual → 0 (no deductible), family and
 * out-of-pocket limits → none; CoinsurancePct → 0 %; PlanYearStart → 01-01.
 * A PlanId seen before is an issue (the first row wins).
 */
export function readPlans(grid: CellGrid, issues: InputIssue[]): PlanConfig[] {
  const t = findConfigHeader(grid, PLANS_COLUMNS, ['PlanId']);
  if (!('cols' in t)) {
    issues.push(t);
    return [];
  }
  return readPlanRows(t, issues);
}

function readPlanRows(t: ConfigTable<PlansColumn>, issues: InputIssue[]): PlanConfig[] {
  if (!requireColumns(t, ['PlanId'], issues)) return [];
  const out: PlanConfig[] = [];
  const seen = new Map<string, number>();
  for (const r of dataRows(t)) {
    const rr = new RowReader(t, r, issues);
    const planId = rr.required('PlanId', rr.text('PlanId'), 'each plan needs an id');
    const start = parseMonthDay(rr.raw('PlanYearStart'), t.grid.date1904);
    if (typeof start === 'string') rr.fail('PlanYearStart', start);
    const plan = {
      planId: planId ?? '',
      payer: rr.text('Payer') ?? '',
      yearStartMonth: typeof start === 'string' ? 1 : start.month,
      yearStartDay: typeof start === 'string' ? 1 : start.day,
      deductibleIndividual: rr.money('DeductibleIndividual') ?? ZERO,
      deductibleFamily: rr.money('DeductibleFamily'),
      oopMaxIndividual: rr.money('OOPMaxIndividual'),
      oopMaxFamily: rr.money('OOPMaxFamily'),
      coinsurancePct: rr.percent('CoinsurancePct') ?? percent(0),
      deductibleType: deductibleType(rr) ?? 'Embedded',
      row: rr.row,
    };
    if (rr.bad || planId === null) continue;
    const first = seen.get(planId.toLowerCase());
    if (first !== undefined) {
      rr.fail('PlanId', `appears again (first on row ${first}); this row is skipped`);
      continue;
    }
    seen.set(planId.toLowerCase(), rr.row);
    out.push(plan);
  }
  return out;
}
