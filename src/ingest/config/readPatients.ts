/** `Patients` sheet (DESIGN §4). */
import type { PatientRow } from '../../domain/config';
import type { InputIssue } from '../../domain/ledger';
import type { CellGrid } from '../grid';
import { dataRows, findConfigHeader, RowReader } from './configTable';
import { PATIENTS_COLUMNS, type PatientsColumn } from './configSheets';

/**
 * A US zip typed into Excel as a number loses its leading zero (02134 →
 * 2134): a whole number under 5 digits is padded back. Blank OnPaymentPlan → N.
 */
function zip(rr: RowReader<PatientsColumn>): string | null {
  const raw = rr.raw('Zip');
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < 100000) return String(raw).padStart(5, '0');
  return rr.text('Zip');
}

export function readPatients(grid: CellGrid, issues: InputIssue[]): PatientRow[] {
  const t = findConfigHeader(grid, PATIENTS_COLUMNS, ['Account']);
  if (!('cols' in t)) {
    issues.push(t);
    return [];
  }
  const out: PatientRow[] = [];
  for (const r of dataRows(t)) {
    const rr = new RowReader(t, r, issues);
    const account = rr.required('Account', rr.text('Account'), 'each patient row names the account');
    const p: PatientRow = {
      account: account ?? '',
      name: rr.text('Name'),
      dob: rr.date('DOB'),
      address1: rr.text('Address1'),
      address2: rr.text('Address2'),
      city: rr.text('City'),
      state: rr.text('State'),
      zip: zip(rr),
      monthlyIncome: rr.money('MonthlyIncome'),
      householdSize: rr.whole('HouseholdSize', 1),
      onPaymentPlan: rr.flag('OnPaymentPlan') ?? false,
      preferredContact: rr.text('PreferredContact'),
      bestTimeToCall: rr.text('BestTimeToCall'),
      row: rr.row,
    };
    if (!rr.bad) out.push(p);
  }
  return out;
}
