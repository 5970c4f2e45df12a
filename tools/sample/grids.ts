/**
 * The sample as the ingest layer receives it: `CellGrid`s (with the number
 * formats Excel would report) and the ledger as CSV text (what "Save As CSV"
 * writes: dates and money as displayed).
 */
import { dayFromExcelSerial, toUs } from '../../src/domain/day';
import { formatMoneyDisplay, cents } from '../../src/domain/money';
import type { ConfigSheetName } from '../../src/domain/config';
import type { CellGrid, CellValue } from '../../src/ingest/grid';
import type { SampleField } from './model';
import type { GeneratedSample } from './types';

export const DATE_FORMAT = 'mm/dd/yyyy';
export const MONEY_FORMAT = '#,##0.00';
const DATE_FIELDS: readonly SampleField[] = ['dob', 'serviceDate', 'postingDate'];
const MONEY_FIELDS: readonly SampleField[] = ['billed', 'allowed', 'adjustment', 'insurerPaid', 'secondaryPaid', 'patientPaid', 'balance', 'amount'];

/** 0-based column indexes of the ledger's date and money columns. */
export function formatColumns(sample: GeneratedSample): { dates: Set<number>; money: Set<number> } {
  const cols = sample.ledger.columns;
  const pick = (fields: readonly SampleField[]): Set<number> =>
    new Set(fields.map((f) => cols[f]).filter((c): c is number => c !== undefined).map((c) => c - 1));
  return { dates: pick(DATE_FIELDS), money: pick(MONEY_FIELDS) };
}

/** Every ledger row from Excel row 1: title rows, header, data. */
export function ledgerMatrix(sample: GeneratedSample): CellValue[][] {
  return [...sample.ledger.titleRows, sample.ledger.header, ...sample.ledger.rows];
}

/** The Ledger sheet as a grid from A1; with `numberFormats`, dates and money numbers carry Excel formats. */
export function ledgerGrid(sample: GeneratedSample, opts: { numberFormats?: boolean } = {}): CellGrid {
  const values = ledgerMatrix(sample);
  let numberFormats: (string | null)[][] | null = null;
  if (opts.numberFormats) {
    const { dates, money } = formatColumns(sample);
    const first = sample.ledger.headerRow; // data starts at index headerRow (0-based)
    numberFormats = values.map((row, r) => row.map((v, c) => {
      if (r < first || typeof v !== 'number') return 'General';
      if (dates.has(c)) return DATE_FORMAT;
      if (money.has(c)) return MONEY_FORMAT;
      return 'General';
    }));
  }
  return { sheet: sample.ledger.sheet, values, numberFormats, top: 1, left: 1, date1904: false, allText: false };
}

export function configGrid(sample: GeneratedSample, name: ConfigSheetName): CellGrid {
  return { sheet: name, values: sample.config[name], numberFormats: null, top: 1, left: 1, date1904: false, allText: false };
}

/** How Excel displays a cell with the sample's formats. */
function display(v: CellValue, isDate: boolean, isMoney: boolean): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (isDate) {
      const d = dayFromExcelSerial(v);
      return d === null ? String(v) : toUs(d);
    }
    if (isMoney && Number.isFinite(v)) {
      const c = Math.round(v * 100);
      // Three-decimal values (an injected problem) keep their digits, as Excel's value would.
      return Math.abs(v * 100 - c) > 1e-6 ? String(v) : formatMoneyDisplay(cents(c));
    }
    return String(v);
  }
  return String(v);
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The Ledger sheet as CSV text (CRLF line ends, UTF-8), every cell as displayed. */
export function ledgerCsv(sample: GeneratedSample): string {
  const { dates, money } = formatColumns(sample);
  const first = sample.ledger.headerRow;
  const out: string[] = [];
  ledgerMatrix(sample).forEach((row, r) => {
    out.push(row.map((v, c) => csvField(r < first ? display(v, false, false) : display(v, dates.has(c), money.has(c)))).join(','));
  });
  return `${out.join('\r\n')}\r\n`;
}
