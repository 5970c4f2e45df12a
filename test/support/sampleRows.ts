/**
 * Reads a generated sample back from its cells, the way a reviewer would:
 * its own parsing of numbers, currency text and dates, and its own code
 * shape rules — nothing from the generator but the column positions.
 */
import { dayFromExcelSerial, dayFromYmd, type Day } from '../../src/domain/day';
import type { CellValue } from '../../src/ingest/grid';
import type { GeneratedSample, SampleField } from '../../tools/sample';

export const CPT_OR_HCPCS = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;
export const ICD10 = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
export const MODIFIER = /^[0-9A-Z]{2}$/;

/** Money cell → cents; null for blank; NaN for anything that is not money with ≤ 2 decimals. */
export function cents(v: CellValue): number | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') {
    const c = Math.round(v * 100);
    return Math.abs(v * 100 - c) < 1e-6 ? c : Number.NaN;
  }
  if (typeof v !== 'string') return Number.NaN;
  const m = /^\$?(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})$/.exec(v.trim());
  return m ? Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]) : Number.NaN;
}

/** Date cell → Day; null for blank or unreadable. */
export function dateOf(v: CellValue): Day | null {
  if (typeof v === 'number') return dayFromExcelSerial(v);
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim());
  return m ? dayFromYmd(Number(m[3]), Number(m[1]), Number(m[2])) : null;
}

export interface Row {
  readonly row: number;
  readonly cells: readonly CellValue[];
  get(field: SampleField): CellValue;
}

/** Data rows below the header with their Excel row numbers. */
export function dataRows(s: GeneratedSample): Row[] {
  const cols = s.ledger.columns;
  return s.ledger.rows.map((cells, i) => ({
    row: s.ledger.headerRow + 1 + i,
    cells,
    get: (field: SampleField): CellValue => {
      const c = cols[field];
      if (c === undefined) throw new Error(`no column for ${field}`);
      return cells[c - 1] ?? null;
    },
  }));
}

export const isBlankRow = (r: Row): boolean => r.cells.every((v) => v === null || v === '');
export const isTotalRow = (r: Row): boolean => r.get('account') === 'Total';

/** Config sheet as objects keyed by its header. */
export function sheetObjects(grid: readonly (readonly CellValue[])[]): Record<string, CellValue>[] {
  const [header, ...rows] = grid;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i] ?? null])));
}

export function a1Column(cell: string): number {
  const letters = /^([A-Z]+)\d+$/.exec(cell)![1]!;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const a1Row = (cell: string): number => Number(/^[A-Z]+(\d+)$/.exec(cell)![1]);

/** A row's money and dates as the checks read them (cents; null money cells as 0 where a blank means none). */
export function postings(r: Row) {
  return {
    account: String(r.get('account')),
    billed: cents(r.get('billed'))!,
    allowed: cents(r.get('allowed')),
    adj: cents(r.get('adjustment')) ?? 0,
    ins: cents(r.get('insurerPaid')) ?? 0,
    sec: cents(r.get('secondaryPaid')) ?? 0,
    pt: cents(r.get('patientPaid')) ?? 0,
    bal: cents(r.get('balance'))!,
    dos: dateOf(r.get('serviceDate')) as Day,
    posted: dateOf(r.get('postingDate')) as Day,
  };
}
