/**
 * Per-column parsing plan, worked out once per sheet from its header: for
 * each mapped column (left to right) its field, how it parses, its header
 * label (for messages) and its column letters (for cell addresses).
 */
import { LEDGER_FIELDS, type LedgerField } from '../../domain/ledger';
import { columnLetters, type CellGrid } from '../grid';
import type { HeaderDetection } from '../headers/detectHeaderRow';
import type { MappedField } from '../headers/synonyms';
import { safeLabel } from '../values/invalid';

/** Every field a row can fill, in slot order: `fieldValues[SLOT[f]]` holds field f. */
export const FIELDS: readonly MappedField[] = [...LEDGER_FIELDS, 'type', 'amount'];
export const SLOT: Readonly<Record<MappedField, number>> = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<MappedField, number>;

/** How a column's cells parse. */
export type CellKind = 'text' | 'code' | 'codes' | 'money' | 'received' | 'nonNegative' | 'date' | 'units';

const KIND: Readonly<Record<MappedField, CellKind>> = {
  account: 'text', patientName: 'text', dob: 'date', serviceDate: 'date', postingDate: 'date', code: 'code',
  modifiers: 'codes', diagnoses: 'codes', description: 'text', units: 'units', billed: 'nonNegative', allowed: 'nonNegative',
  insurerPaid: 'received', secondaryPaid: 'received', patientPaid: 'received', adjustment: 'received',
  balance: 'money', payer: 'text', planId: 'text', memberId: 'text', claimId: 'text', lineId: 'text',
  status: 'text', denialCode: 'code', pos: 'text', type: 'text', amount: 'money',
};

export const isMoneyKind = (k: CellKind): boolean => k === 'money' || k === 'received' || k === 'nonNegative';

/** Human names for messages when a header cell gives no usable label. */
export const FIELD_LABEL: Readonly<Record<MappedField, string>> = {
  account: 'Account', patientName: 'Patient', dob: 'DOB', serviceDate: 'Date of Service', postingDate: 'Posting Date',
  code: 'Code', modifiers: 'Modifier', diagnoses: 'Diagnosis', description: 'Description', units: 'Units',
  billed: 'Charge', allowed: 'Allowed', insurerPaid: 'Insurance Paid', secondaryPaid: 'Secondary Paid',
  patientPaid: 'Patient Paid', adjustment: 'Adjustment', balance: 'Balance', payer: 'Payer', planId: 'Plan',
  memberId: 'Member ID', claimId: 'Claim', lineId: 'Line', status: 'Status', denialCode: 'Denial Code', pos: 'POS',
  type: 'Type', amount: 'Amount',
};

/** One mapped column. */
export interface PlannedColumn {
  /** 0-based index into a values row. */
  readonly index: number;
  readonly field: MappedField;
  readonly slot: number;
  readonly kind: CellKind;
  /** The header as written (or the field's name), to start messages with. */
  readonly label: string;
  readonly letters: string;
}

export interface ColumnPlan {
  /** Mapped columns, left to right (so a row's issues come in the order the user reads its cells). */
  readonly columns: readonly PlannedColumn[];
  /** Slot → the field's first column (merged Mod 1..4 / Dx 1..4: the leftmost); null when absent. */
  readonly firstColumn: readonly (PlannedColumn | null)[];
  /** Each field's first column letters: every line's `columns` (one object for the sheet). */
  readonly cellColumns: Readonly<Partial<Record<LedgerField, string>>>;
  /** 0-based indices of the money columns (for spotting unlabelled total rows). */
  readonly moneyColumns: readonly number[];
}

export function buildColumnPlan(grid: CellGrid, header: HeaderDetection, omitFromCells: readonly MappedField[] = []): ColumnPlan {
  const columns: PlannedColumn[] = [];
  const firstColumn: (PlannedColumn | null)[] = FIELDS.map(() => null);
  for (const field of FIELDS) {
    const indices = header.columns.get(field) ?? [];
    for (const index of indices) {
      const column: PlannedColumn = {
        index, field, slot: SLOT[field], kind: KIND[field],
        label: safeLabel(header.headers[index] ?? '', FIELD_LABEL[field]),
        letters: columnLetters(grid.left + index),
      };
      columns.push(column);
      if (firstColumn[column.slot] === null) firstColumn[column.slot] = column;
    }
  }
  columns.sort((a, b) => a.index - b.index);
  const cellColumns: Partial<Record<LedgerField, string>> = Object.fromEntries(firstColumn
    .filter((c): c is PlannedColumn => c !== null && c.field !== 'type' && c.field !== 'amount' && !omitFromCells.includes(c.field))
    .map((c) => [c.field, c.letters]));
  const moneyColumns = columns.filter((c) => isMoneyKind(c.kind)).map((c) => c.index);
  return { columns, firstColumn, cellColumns, moneyColumns };
}

/** The label and letters of a field's first column, or the field's own name when the sheet lacks it. */
export function fieldColumn(plan: ColumnPlan, slot: number): { readonly label: string; readonly letters: string; readonly index: number } {
  const c = plan.firstColumn[slot] ?? null;
  return c === null ? { label: FIELD_LABEL[FIELDS[slot]!], letters: '', index: -1 } : c;
}
