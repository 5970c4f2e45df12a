/**
 * The user's column map (the CLI's `--map field=COLUMN`, DESIGN §7): field
 * names as DESIGN §3 or its header synonyms give them, columns as letters
 * (several, comma-separated, for the merged Mod / Dx fields). A map that
 * names an unknown field, a column that is not column letters, or a column
 * past a sheet's last used column is a usage error, never a guess.
 */
import { columnLetters, columnNumber, type CellGrid } from '../grid';
import { isBlank } from '../values/blank';
import { resolveFieldName } from './detectHeaderRow';
import { MERGED_FIELDS } from './synonyms';
import { LEDGER_FIELDS } from '../../domain/ledger';

/** field → column letters, as the user gave them. */
export type ColumnMap = Readonly<Record<string, string>>;

/** Excel's last column, XFD. */
const LAST_EXCEL_COLUMN = 16384;

export type ColumnMapCheck = { readonly ok: true; readonly map: ColumnMap } | { readonly ok: false; readonly message: string };

/** Checks names and letters; the map it returns has canonical field names and upper-case letters. */
export function checkColumnMap(map: ColumnMap): ColumnMapCheck {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    const field = resolveFieldName(key);
    if (field === null) {
      return { ok: false, message: `Unknown field "${key}" in the column map (known fields: ${[...LEDGER_FIELDS, 'type', 'amount'].join(', ')})` };
    }
    const parts = (MERGED_FIELDS.has(field) ? value.split(',') : [value]).map((p) => p.trim());
    for (const p of parts) {
      const n = columnNumber(p);
      if (n === null || n > LAST_EXCEL_COLUMN) {
        return { ok: false, message: `Column "${p}" given for ${key} is not a column letter (expected letters such as F or AB)` };
      }
    }
    out[field] = parts.map((p) => p.toUpperCase()).join(',');
  }
  return { ok: true, map: out };
}

/** The sheet's last used column (1-based), 0 for an empty sheet. */
export function lastUsedColumn(grid: CellGrid): number {
  let last = -1;
  for (const row of grid.values) {
    for (let c = row.length - 1; c > last; c--) {
      if (!isBlank(row[c])) {
        last = c;
        break;
      }
    }
  }
  return last < 0 ? 0 : grid.left + last;
}

/** A message when a mapped column lies past the sheet's last used column; null when every one is inside. */
export function mapPastLastColumn(grid: CellGrid, map: ColumnMap): string | null {
  const entries = Object.entries(map);
  if (entries.length === 0) return null;
  const last = lastUsedColumn(grid);
  for (const [field, letters] of entries) {
    for (const part of letters.split(',')) {
      const n = columnNumber(part.trim());
      if (n !== null && n > last) {
        return `Column ${part.trim()} given for ${field} lies past the last used column of sheet "${grid.sheet}" (${last === 0 ? 'the sheet is empty' : columnLetters(last)})`;
      }
    }
  }
  return null;
}
