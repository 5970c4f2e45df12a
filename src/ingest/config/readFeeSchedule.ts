/** `FeeSchedule` sheet (DESIGN §4). */
import type { FeeScheduleRow } from '../../domain/config';
import type { InputIssue } from '../../domain/ledger';
import type { CellGrid } from '../grid';
import { dataRows, findConfigHeader, requireColumns, RowReader } from './configTable';
import { FEE_SCHEDULE_COLUMNS } from './configSheets';

/** Blank: Payer → `*` (any), Modifier → any (null), Category/MaxUnitsPerDay → none. Code and Allowed are required. */
export function readFeeSchedule(grid: CellGrid, issues: InputIssue[]): FeeScheduleRow[] {
  const t = findConfigHeader(grid, FEE_SCHEDULE_COLUMNS, ['Code', 'Allowed']);
  if (!('cols' in t)) {
    issues.push(t);
    return [];
  }
  if (!requireColumns(t, ['Code', 'Allowed'], issues)) return [];
  const out: FeeScheduleRow[] = [];
  for (const r of dataRows(t)) {
    const rr = new RowReader(t, r, issues);
    const code = rr.required('Code', rr.code('Code'), 'each fee schedule row needs a procedure code');
    const allowed = rr.required('Allowed', rr.money('Allowed'), 'the allowed amount per unit');
    const f: FeeScheduleRow = {
      payer: rr.text('Payer') ?? '*',
      code: code ?? '',
      modifier: rr.code('Modifier'),
      allowed: allowed ?? (0 as FeeScheduleRow['allowed']),
      category: rr.text('Category'),
      maxUnitsPerDay: rr.whole('MaxUnitsPerDay', 1),
      row: rr.row,
    };
    if (!rr.bad) out.push(f);
  }
  return out;
}
