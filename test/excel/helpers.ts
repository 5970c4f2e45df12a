/** Shared set-up for the Office.js tests: a fresh fake workbook installed as the globals Office and Excel. */
import { FakeWorkbookModel, installFakeOffice, type FakeHostOptions, type InstalledFake } from '../support/fakeExcel';

export function freshExcel(sheets: string[] = ['Sheet1'], opts: FakeHostOptions = {}): InstalledFake {
  return installFakeOffice(globalThis as unknown as Record<string, unknown>, new FakeWorkbookModel(sheets), opts);
}

/** A ledger-like block: header + n rows of 16 columns (text, dates as serials, money). */
export function ledgerRows(n: number): { values: (string | number)[][]; formats: string[][] } {
  const header = ['Account', 'Patient', 'DOS', 'CPT', 'Mod', 'Dx', 'Units', 'Charge', 'Allowed', 'Ins Paid', 'Pt Paid', 'Adj', 'Balance', 'Payer', 'Member ID', 'Status'];
  const values: (string | number)[][] = [header];
  const formats: string[][] = [header.map(() => 'General')];
  for (let i = 0; i < n; i++) {
    values.push([`A${100000 + (i % 5000)}`, `Patient Name ${i % 977}`, 46000 + (i % 365), '99213', i % 7 === 0 ? '25' : '', 'E11.9', 1, 150.25, 98.5, 70.12, 20, 51.75, 8.38, 'Aetna Choice POS II', `M${i}`, 'Paid']);
    formats.push(['@', 'General', 'mm/dd/yyyy', '@', '@', 'General', 'General', '#,##0.00', '#,##0.00', '#,##0.00', '#,##0.00', '#,##0.00', '#,##0.00', 'General', 'General', 'General']);
  }
  return { values, formats };
}
