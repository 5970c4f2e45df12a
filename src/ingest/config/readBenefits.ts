/** `Benefits` sheet (DESIGN §4). */
import type { BenefitConfig } from '../../domain/config';
import type { InputIssue } from '../../domain/ledger';
import { ZERO } from '../../domain/money';
import type { CellGrid } from '../grid';
import { dataRows, findConfigHeader, RowReader } from './configTable';
import { BENEFITS_COLUMNS } from './configSheets';

/** Blank: Covered → Y, Copay → 0.00, DeductibleApplies → Y, CoinsurancePct → the plan's (null). */
export function readBenefits(grid: CellGrid, issues: InputIssue[]): BenefitConfig[] {
  const t = findConfigHeader(grid, BENEFITS_COLUMNS, ['PlanId', 'Category']);
  if (!('cols' in t)) {
    issues.push(t);
    return [];
  }
  const out: BenefitConfig[] = [];
  for (const r of dataRows(t)) {
    const rr = new RowReader(t, r, issues);
    const planId = rr.required('PlanId', rr.text('PlanId'), 'each benefit row names its plan');
    const category = rr.required('Category', rr.text('Category'), 'each benefit row names a category');
    const b: BenefitConfig = {
      planId: planId ?? '',
      category: category ?? '',
      covered: rr.flag('Covered') ?? true,
      copay: rr.money('Copay') ?? ZERO,
      deductibleApplies: rr.flag('DeductibleApplies') ?? true,
      coinsurancePct: rr.percent('CoinsurancePct'),
      row: rr.row,
    };
    if (!rr.bad) out.push(b);
  }
  return out;
}
