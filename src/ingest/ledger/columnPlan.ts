/**
 * Per-column parsing plan, computed once per sheet so the row loop does no
 * lookups by name: parallel arrays of column index, field slot, parser kind,
 * header label (for messages) and column letters (for cell addresses).
 */
import { LEDGER_FIELDS } from '../../domain/ledger';
import { columnLetters, type CellGrid } from '../grid';
import type { HeaderDetection } from '../headers/detectHeaderRow';
import type { MappedField } from '../headers/synonyms';
import { safeLabel } from '../values/invalid';

/** Field slots in the per-row scratch array. */
export const FIELDS: readonly MappedField[] = [...LEDGER_FIELDS, 'type', 'amount'];
/** Field → slot. Written out as a literal (not Object.fromEntries) so it has fast properties. */
export const SLOT: Readonly<Record<MappedField, number>> = {
  account: 0, patientName: 1, dob: 2, serviceDate: 3, postingDate: 4, code: 5, modifiers: 6, diagnoses: 7,
  description: 8, units: 9, billed: 10, allowed: 11, insurerPaid: 12, secondaryPaid: 13, patientPaid: 14,
  adjustment: 15, balance: 16, payer: 17, planId: 18, memberId: 19, claimId: 20, lineId: 21, status: 22,
  denialCode: 23, pos: 24, type: 25, amount: 26,
};

export const K_TEXT = 0;
export const K_CODE = 1;
export const K_CODES = 2;
export const K_MONEY = 3;
export const K_RECEIVED = 4;
export const K_NONNEG = 5;
export const K_DATE = 6;
export const K_UNITS = 7;

const KIND: Readonly<Record<MappedField, number>> = {
  account: K_TEXT, patientName: K_TEXT, dob: K_DATE, serviceDate: K_DATE, postingDate: K_DATE, code: K_CODE,
  modifiers: K_CODES, diagnoses: K_CODES, description: K_TEXT, units: K_UNITS, billed: K_NONNEG, allowed: K_NONNEG,
  insurerPaid: K_RECEIVED, secondaryPaid: K_RECEIVED, patientPaid: K_RECEIVED, adjustment: K_RECEIVED,
  balance: K_MONEY, payer: K_TEXT, planId: K_TEXT, memberId: K_TEXT, claimId: K_TEXT, lineId: K_TEXT,
  status: K_TEXT, denialCode: K_CODE, pos: K_TEXT, type: K_TEXT, amount: K_MONEY,
};

/** Human names for messages when a header cell gives no usable label. */
export const FIELD_LABEL: Readonly<Record<MappedField, string>> = {
  account: 'Account', patientName: 'Patient', dob: 'DOB', serviceDate: 'Date of Service', postingDate: 'Posting Date',
  code: 'Code', modifiers: 'Modifier', diagnoses: 'Diagnosis', description: 'Description', units: 'Units',
  billed: 'Charge', allowed: 'Allowed', insurerPaid: 'Insurance Paid', secondaryPaid: 'Secondary Paid',
  patientPaid: 'Patient Paid', adjustment: 'Adjustment', balance: 'Balance', payer: 'Payer', planId: 'Plan',
  memberId: 'Member ID', claimId: 'Claim', lineId: 'Line', status: 'Status', denialCode: 'Denial Code', pos: 'POS',
  type: 'Type', amount: 'Amount',
};

export interface ColumnPlan {
  readonly count: number;
  /** The distinct field slots this sheet writes (reset per row). */
  readonly slots: Int32Array;
  readonly col: Int32Array;
  readonly slot: Int32Array;
  readonly kind: Int32Array;
  readonly label: readonly string[];
  readonly letters: readonly string[];
  /** Plan indices grouped by parser (see readRow). */
  readonly textK: Int32Array;
  readonly codeK: Int32Array;
  readonly codesK: Int32Array;
  readonly moneyK: Int32Array;
  readonly dateK: Int32Array;
  readonly unitsK: Int32Array;
  /** Slot → 0-based column of the field's first column, -1 when absent. */
  readonly firstCol: Int32Array;
  /** Slot → header label of the field's first column. */
  readonly fieldLabel: readonly string[];
  /** Slot → column letters of the field's first column ('' when absent). */
  readonly fieldLetters: readonly string[];
  /** Fields whose cell address goes into `LedgerLine.cells`, with their letters. */
  readonly cellFields: readonly MappedField[];
  readonly cellLetters: readonly string[];
  /** An object with every cell field as a key, cloned per row. */
  readonly cellTemplate: Readonly<Partial<Record<MappedField, string>>>;
  /** Shared one-code lists for this sheet (see readRow). */
  readonly singles: Map<string, readonly string[]>;
  /** Columns holding money (for spotting unlabelled total rows). */
  readonly moneyCols: Int32Array;
}

export function buildColumnPlan(grid: CellGrid, header: HeaderDetection, omitFromCells: readonly MappedField[] = []): ColumnPlan {
  const col: number[] = [];
  const slot: number[] = [];
  const kind: number[] = [];
  const label: string[] = [];
  const letters: string[] = [];
  const firstCol = new Int32Array(FIELDS.length).fill(-1);
  const fieldLabel: string[] = FIELDS.map((f) => FIELD_LABEL[f]);
  const fieldLetters: string[] = FIELDS.map(() => '');
  const cellFields: MappedField[] = [];
  const cellLetters: string[] = [];
  const moneyCols: number[] = [];
  for (const f of FIELDS) {
    const cols = header.columns.get(f);
    if (!cols || cols.length === 0) continue;
    const s = SLOT[f];
    cols.forEach((c, i) => {
      const lt = columnLetters(grid.left + c);
      const lb = safeLabel(header.headers[c] ?? '', FIELD_LABEL[f]);
      col.push(c);
      slot.push(s);
      kind.push(KIND[f]);
      label.push(lb);
      letters.push(lt);
      if (KIND[f] === K_MONEY || KIND[f] === K_RECEIVED || KIND[f] === K_NONNEG) moneyCols.push(c);
      if (i === 0) {
        firstCol[s] = c;
        fieldLabel[s] = lb;
        fieldLetters[s] = lt;
        if (f !== 'type' && f !== 'amount' && !omitFromCells.includes(f)) {
          cellFields.push(f);
          cellLetters.push(lt);
        }
      }
    });
  }
  // Parse left to right, so a row's issues come in the order the user reads the cells.
  const order = col.map((_, i) => i).sort((x, y) => col[x]! - col[y]!);
  const pick = <T>(a: readonly T[]): T[] => order.map((i) => a[i]!);
  const kinds = pick(kind);
  const group = (...ks: number[]): Int32Array => Int32Array.from(kinds.flatMap((x, k) => (ks.includes(x) ? [k] : [])));
  return {
    textK: group(K_TEXT), codeK: group(K_CODE), codesK: group(K_CODES), moneyK: group(K_MONEY, K_RECEIVED, K_NONNEG),
    dateK: group(K_DATE), unitsK: group(K_UNITS),
    count: col.length, slots: Int32Array.from(new Set(slot)), col: Int32Array.from(pick(col)), slot: Int32Array.from(pick(slot)), kind: Int32Array.from(pick(kind)),
    label: pick(label), letters: pick(letters), firstCol, fieldLabel, fieldLetters, cellFields, cellLetters, moneyCols: Int32Array.from(moneyCols),
    singles: new Map(),
    cellTemplate: Object.fromEntries(cellFields.map((f) => [f, ''])),
  };
}
