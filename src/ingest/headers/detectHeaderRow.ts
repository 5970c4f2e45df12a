/**
 * Finds the ledger's header row and maps its columns to fields (DESIGN §3).
 *
 * Exports often put a title, a practice name and a date range above the
 * header, so the first 30 rows are scored by how many cells name a known
 * field; the best row that has an Account column wins (ties: the earliest).
 * An Excel table's header is its first row, always.
 *
 * `map` (the CLI's `--map field=COLUMN`) forces a field onto a column given
 * by letters (`F`) or by header text (`Acct Num`); several columns for the
 * merged fields are comma-separated (`modifiers=E,F`).
 */
import { LEDGER_FIELDS, type ColumnMapping } from '../../domain/ledger';
import { columnLetters, columnNumber, type CellGrid } from '../grid';
import { headerCandidates } from './matchHeader';
import { headerText, normaliseHeader } from './normaliseHeader';
import { MERGED_FIELDS, SYNONYM_INDEX, type MappedField } from './synonyms';

export const HEADER_SEARCH_ROWS = 30;

export interface HeaderDetection {
  /** Index into grid.values of the header row. */
  readonly headerIndex: number;
  /** 1-based Excel row of the header. */
  readonly headerRow: number;
  /** field → 0-based column indices into a values row, left to right. */
  readonly columns: ReadonlyMap<MappedField, readonly number[]>;
  /** Header text by 0-based column index ('' for a blank header cell). */
  readonly headers: readonly string[];
  readonly kind: 'service-line' | 'transaction';
  readonly mapping: ColumnMapping;
}

export type HeaderResult = { readonly ok: true; readonly header: HeaderDetection } | { readonly ok: false; readonly message: string };

export interface HeaderOptions {
  readonly map?: Readonly<Record<string, string>>;
}

const ALL_FIELDS: readonly MappedField[] = [...LEDGER_FIELDS, 'type', 'amount'];

/** Required columns by ledger kind (DESIGN §3: account always; charges need DOS, code, billed). */
export const REQUIRED_SERVICE: readonly MappedField[] = ['account', 'serviceDate', 'code', 'billed'];
export const REQUIRED_TRANSACTION: readonly MappedField[] = ['account', 'serviceDate', 'code', 'type', 'amount'];

/** Assigns header cells to fields by rank: best candidates first, each column and (non-merged) field once. */
export function assignColumns(headers: readonly string[]): Map<MappedField, number[]> {
  const all: { col: number; field: MappedField; rank: number }[] = [];
  headers.forEach((h, col) => {
    for (const c of headerCandidates(normaliseHeader(h))) all.push({ col, field: c.field, rank: c.rank });
  });
  all.sort((a, b) => a.rank - b.rank || a.col - b.col);
  const usedCols = new Set<number>();
  const out = new Map<MappedField, number[]>();
  for (const c of all) {
    if (usedCols.has(c.col)) continue;
    const cur = out.get(c.field);
    if (cur && !MERGED_FIELDS.has(c.field)) continue;
    usedCols.add(c.col);
    if (cur) cur.push(c.col);
    else out.set(c.field, [c.col]);
  }
  for (const cols of out.values()) cols.sort((a, b) => a - b);
  return out;
}

function rowHeaders(grid: CellGrid, r: number): string[] {
  const row = grid.values[r] ?? [];
  const out: string[] = [];
  for (let c = 0; c < row.length; c++) out.push(headerText(row[c]));
  return out;
}

/** Field name as typed in `--map` ("account", "Account", "insurerPaid", or a synonym like "charge"). */
export function resolveFieldName(name: string): MappedField | null {
  const norm = normaliseHeader(name);
  for (const f of ALL_FIELDS) if (normaliseHeader(f) === norm) return f;
  return SYNONYM_INDEX.get(norm) ?? null;
}

interface Override {
  readonly field: MappedField;
  readonly key: string;
  /** Each part: a 0-based column index, or header text to find in the header row. */
  readonly parts: readonly (number | string)[];
}

function parseOverrides(grid: CellGrid, map: Readonly<Record<string, string>>): Override[] | string {
  const out: Override[] = [];
  for (const [key, value] of Object.entries(map)) {
    const field = resolveFieldName(key);
    if (!field) return `Unknown field "${key}" in the column map (known fields: ${ALL_FIELDS.join(', ')})`;
    const rawParts = MERGED_FIELDS.has(field) ? value.split(',') : [value];
    const parts: (number | string)[] = [];
    for (const p of rawParts) {
      const t = p.trim();
      if (t === '') continue;
      const n = /^[A-Za-z]{1,3}$/.test(t) ? columnNumber(t) : null;
      // Letters name a column when they fall inside the sheet; otherwise they are header text.
      if (n !== null && n >= grid.left && n - grid.left < 16384 && !headerTextInTop(grid, t)) parts.push(n - grid.left);
      else parts.push(t);
    }
    if (parts.length === 0) return `No column given for field "${key}" in the column map`;
    out.push({ field, key, parts });
  }
  return out;
}

/** "Dx" could be column DX or a header called Dx: a matching header cell wins. */
function headerTextInTop(grid: CellGrid, text: string): boolean {
  const norm = normaliseHeader(text);
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) for (const v of grid.values[r] ?? []) if (normaliseHeader(headerText(v)) === norm) return true;
  return false;
}

function findText(headers: readonly string[], text: string): number {
  const norm = normaliseHeader(text);
  return headers.findIndex((h) => h !== '' && normaliseHeader(h) === norm);
}

function describeRows(grid: CellGrid, limit: number): string {
  return `rows ${grid.top}–${grid.top + limit - 1}`;
}

export function detectHeaderRow(grid: CellGrid, options: HeaderOptions = {}): HeaderResult {
  const overrides = options.map ? parseOverrides(grid, options.map) : [];
  if (typeof overrides === 'string') return { ok: false, message: overrides };
  const accountOverride = overrides.find((o) => o.field === 'account');
  const limit = grid.tableName ? Math.min(1, grid.values.length) : Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  const where = grid.tableName ? `Table "${grid.tableName}" on sheet "${grid.sheet}"` : `Sheet "${grid.sheet}"`;

  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const headers = rowHeaders(grid, r);
    const auto = assignColumns(headers);
    let score = 0;
    for (const cols of auto.values()) score += cols.length;
    let hasAccount = auto.has('account');
    for (const o of overrides) {
      for (const p of o.parts) {
        if (typeof p === 'string' && findText(headers, p) >= 0) {
          score++;
          if (o.field === 'account') hasAccount = true;
        } else if (typeof p === 'number' && o.field === 'account' && headers[p] !== undefined && headers[p] !== '') {
          hasAccount = true;
        }
      }
    }
    if (hasAccount && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) {
    const what = accountOverride ? 'the column given for account' : 'an Account column';
    return {
      ok: false,
      message: grid.tableName
        ? `${where} has no ledger: its header row has no Account column`
        : `${where} has no ledger: no header row with ${what} in ${describeRows(grid, HEADER_SEARCH_ROWS)}`,
    };
  }

  const headers = rowHeaders(grid, best);
  const columns = assignColumns(headers);
  for (const o of overrides) {
    const cols: number[] = [];
    for (const p of o.parts) {
      const c = typeof p === 'number' ? p : findText(headers, p);
      if (c < 0) return { ok: false, message: `${where}: column "${p}" given for ${o.key} is not in the header row (row ${grid.top + best})` };
      cols.push(c);
    }
    // The override takes its columns away from whatever field had them.
    for (const [f, fc] of columns) {
      const kept = fc.filter((c) => !cols.includes(c));
      if (kept.length === 0) columns.delete(f);
      else columns.set(f, kept);
    }
    columns.set(o.field, cols.sort((a, b) => a - b));
  }

  const kind = columns.has('type') && columns.has('amount') ? 'transaction' : 'service-line';
  // A one-amount sheet with no Type column: its Amount is the charge.
  if (kind === 'service-line' && !columns.has('billed') && columns.has('amount')) {
    columns.set('billed', columns.get('amount')!);
    columns.delete('amount');
  }
  return { ok: true, header: { headerIndex: best, headerRow: grid.top + best, columns, headers, kind, mapping: buildMapping(grid, headers, columns, kind) } };
}

function buildMapping(
  grid: CellGrid,
  headers: readonly string[],
  columns: ReadonlyMap<MappedField, readonly number[]>,
  kind: 'service-line' | 'transaction',
): ColumnMapping {
  const fields: Partial<Record<MappedField, readonly string[]>> = {};
  const used = new Set<number>();
  for (const [f, cols] of columns) {
    fields[f] = cols.map((c) => columnLetters(grid.left + c));
    for (const c of cols) used.add(c);
  }
  const unmapped: Record<string, string> = {};
  let named = 0;
  headers.forEach((h, c) => {
    if (h === '') return;
    named++;
    if (!used.has(c)) unmapped[columnLetters(grid.left + c)] = h;
  });
  const required = kind === 'transaction' ? REQUIRED_TRANSACTION : REQUIRED_SERVICE;
  const reqFound = required.filter((f) => columns.has(f)).length;
  const recognised = named === 0 ? 0 : (named - Object.keys(unmapped).length) / named;
  // Weighted toward the required fields: a sheet with every required column but odd extras is still a ledger.
  const confidence = Math.round((0.6 * (reqFound / required.length) + 0.4 * recognised) * 100) / 100;
  return { fields, unmapped, confidence };
}
