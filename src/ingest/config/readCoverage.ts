/** `Coverage` sheet (DESIGN §4). */
import type { CoverageRow, CoverageRowIssue, Priority } from '../../domain/config';
import type { InputIssue } from '../../domain/ledger';
import { ZERO } from '../../domain/money';
import type { CellGrid } from '../grid';
import { dataRows, findConfigHeader, RowReader } from './configTable';
import { COVERAGE_COLUMNS, type CoverageColumn } from './configSheets';

function priority(rr: RowReader<CoverageColumn>): Priority | null {
  const raw = rr.raw('Priority');
  if (raw === 1 || raw === 2) return raw === 1 ? 'Primary' : 'Secondary';
  const t = rr.text('Priority');
  if (t === null) return 'Primary';
  const k = t.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (['primary', 'pri', 'p', '1', '1st', 'first'].includes(k)) return 'Primary';
  if (['secondary', 'sec', 's', '2', '2nd', 'second'].includes(k)) return 'Secondary';
  return rr.fail('Priority', 'is not Primary or Secondary');
}

export interface CoverageRead {
  readonly rows: CoverageRow[];
  /**
   * DESIGN §4: a row with an input issue covers nothing and denies nothing.
   * When its account is readable it is kept here (with the dates that could
   * be read), so the lines it might cover get null shares, not "no coverage".
   */
  readonly rowIssues: CoverageRowIssue[];
}

/** Blank: Priority → Primary, dates → open, DeductibleMet/OOPMet → 0.00. EffectiveTo before EffectiveFrom is an issue. */
export function readCoverage(grid: CellGrid, issues: InputIssue[]): CoverageRead {
  const t = findConfigHeader(grid, COVERAGE_COLUMNS, ['Account', 'PlanId']);
  if (!('cols' in t)) {
    issues.push(t);
    return { rows: [], rowIssues: [] };
  }
  const out: CoverageRow[] = [];
  const rowIssues: CoverageRowIssue[] = [];
  for (const r of dataRows(t)) {
    const rr = new RowReader(t, r, issues);
    const account = rr.required('Account', rr.text('Account'), 'each coverage row names the account');
    const planId = rr.required('PlanId', rr.text('PlanId'), 'each coverage row names its plan');
    const c: CoverageRow = {
      account: account ?? '',
      planId: planId ?? '',
      memberId: rr.text('MemberId'),
      familyId: rr.text('FamilyId'),
      priority: priority(rr) ?? 'Primary',
      effectiveFrom: rr.date('EffectiveFrom'),
      effectiveTo: rr.date('EffectiveTo'),
      deductibleMet: rr.money('DeductibleMet') ?? ZERO,
      oopMet: rr.money('OOPMet') ?? ZERO,
      asOf: rr.date('AsOf'),
      row: rr.row,
    };
    if (!rr.bad && c.effectiveFrom !== null && c.effectiveTo !== null && c.effectiveTo < c.effectiveFrom) {
      rr.fail('EffectiveTo', 'is before EffectiveFrom');
    }
    if (!rr.bad) out.push(c);
    else if (account !== null) {
      rowIssues.push({ account, effectiveFrom: c.effectiveFrom, effectiveTo: c.effectiveTo, row: rr.row, cell: rr.firstBadCell! });
    }
  }
  return { rows: out, rowIssues };
}
