/**
 * DESIGN §7: what a user typed in `Status` and `Note` stays with its finding
 * on a re-run — the same rule, account, service date and code. Both
 * renderers read the old sheets of a family (Findings, Findings (2)…) as
 * plain grids and call `carryOverUserColumns` on the new plan sheets before
 * writing them; the rule lives here once.
 *
 * Rows are matched by the sheet's `carryOver.keyColumns` (header texts).
 * Several rows with one key (a duplicate charge found twice) match in order.
 * A user value replaces the plan's default only when the user left one
 * (non-blank); a finding that is gone takes its notes with it.
 */
import {
  cellText, isDateCell, parseA1, text, type BlockPlan, type CellValue, type SheetPlan,
} from './workbookPlan';

/** A value as a renderer reads it back: exceljs gives Date objects, Office.js serial numbers, either gives strings. */
export type ReadValue = string | number | boolean | Date | null | undefined | { readonly text?: unknown; readonly richText?: unknown; readonly hyperlink?: unknown; readonly result?: unknown };

const isoOfDate = (d: Date): string => d.toISOString().slice(0, 10);
const isoOfSerial = (n: number): string => isoOfDate(new Date(Math.round((n - 25_569) * 86_400_000)));

/** Normalised text of a read value; `dateColumn` reads numbers as Excel date serials. */
export function readText(v: ReadValue, dateColumn = false): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoOfDate(v);
  if (typeof v === 'number') return dateColumn ? isoOfSerial(v) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') {
    const s = v.trim();
    // Typed or read as US text dates: compare as ISO.
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (dateColumn && us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
    return s;
  }
  if ('richText' in v && Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('').trim();
  if ('text' in v && v.text !== undefined) return readText(v.text as ReadValue, dateColumn);
  if ('result' in v) return readText(v.result as ReadValue, dateColumn);
  return '';
}

function userValue(v: ReadValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return { date: isoOfDate(v) };
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = readText(v);
  return s === '' ? null : text(s);
}

const norm = (s: string): string => s.trim().toLowerCase();

/** The header row's column indexes (0-based in the grid) of `names`, or null when one is missing. */
function headerIndexes(header: readonly ReadValue[], names: readonly string[]): number[] | null {
  const texts = header.map((h) => norm(readText(h)));
  const out: number[] = [];
  for (const n of names) {
    const i = texts.indexOf(norm(n));
    if (i < 0) return null;
    out.push(i);
  }
  return out;
}

/** Carry user columns from old grids (each a sheet of the same family, as read, row 1 first) into new plan sheets. */
export function carryOverUserColumns(sheets: readonly SheetPlan[], oldGrids: readonly (readonly (readonly ReadValue[])[])[]): SheetPlan[] {
  const spec = sheets.find((s) => s.carryOver)?.carryOver;
  if (!spec) return [...sheets];
  const keyOf = (parts: readonly string[]): string => parts.map(norm).join('\u0001');
  const dateKey = spec.keyColumns.map((k) => /date/i.test(k));
  // Old user values by key, in order.
  const saved = new Map<string, ReadValue[][]>();
  for (const grid of oldGrids) {
    // The header may have moved if a user inserted rows above it: look in the first rows.
    let h = -1;
    let keys: number[] | null = null;
    let users: number[] | null = null;
    for (let r = 0; r < Math.min(grid.length, 20); r++) {
      keys = headerIndexes(grid[r]!, spec.keyColumns);
      users = headerIndexes(grid[r]!, spec.userColumns);
      if (keys && users) {
        h = r;
        break;
      }
    }
    if (h < 0 || !keys || !users) continue;
    for (let r = h + 1; r < grid.length; r++) {
      const row = grid[r]!;
      const k = keyOf(keys.map((c, i) => readText(row[c], dateKey[i])));
      const vals = users.map((c) => row[c]);
      if (vals.every((v) => readText(v) === '')) {
        // Still keep the slot so duplicates match in order.
        (saved.get(k) ?? saved.set(k, []).get(k)!).push([]);
        continue;
      }
      (saved.get(k) ?? saved.set(k, []).get(k)!).push(vals);
    }
  }
  if (saved.size === 0) return [...sheets];
  return sheets.map((sheet) => {
    const c = sheet.carryOver;
    if (!c) return sheet;
    const blocks = sheet.blocks.map((b) => applyToBlock(b, c.headerRow, spec.keyColumns, spec.userColumns, saved, keyOf, dateKey));
    return { ...sheet, blocks };
  });
}

function applyToBlock(
  b: BlockPlan, headerRow: number, keyColumns: readonly string[], userColumns: readonly string[],
  saved: Map<string, ReadValue[][]>, keyOf: (p: readonly string[]) => string, dateKey: readonly boolean[],
): BlockPlan {
  const at = parseA1(b.at);
  const hi = headerRow - at.row;
  const header = b.rows[hi];
  if (hi < 0 || header === undefined) return b;
  const headerTexts = header.map((v) => cellText(v));
  const keys = headerIndexes(headerTexts, keyColumns);
  const users = headerIndexes(headerTexts, userColumns);
  if (!keys || !users) return b;
  const rows = b.rows.map((row, r) => {
    if (r <= hi) return row;
    const k = keyOf(keys.map((c, i) => {
      const v = row[c] ?? null;
      return dateKey[i] && isDateCell(v) ? v.date : cellText(v);
    }));
    const queue = saved.get(k);
    const old = queue?.shift();
    if (!old || old.length === 0) return row;
    const next = [...row];
    users.forEach((c, i) => {
      const v = userValue(old[i]);
      if (v !== null) next[c] = v;
    });
    return next;
  });
  return { ...b, rows };
}
