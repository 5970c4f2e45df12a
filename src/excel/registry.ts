/**
 * The add-in's own sheets are listed on a very-hidden sheet,
 * `_PatientLedgerSheets` (REGISTRY_SHEET; the scheme is the report's, shared
 * with the CLI's exceljs renderer): row 1 `REGISTRY_HEADER` (`Sheet | Key |
 * PlanVersion | Written | A1`), then one row per sheet the add-in wrote. A
 * listed sheet counts as the add-in's only while its A1 still reads the text
 * written there (`sheetSignature`): a user who deletes our `Summary` and
 * makes their own sheet of that name has a sheet we never touch. Only listed,
 * still-signed sheets are ever rewritten or removed.
 */
import { readText, type ReadValue } from '../report/carryOver';
import type { RegistryEntry } from '../report/sheetNames';
import { PLAN_VERSION, REGISTRY_HEADER, REGISTRY_SHEET } from '../report/workbookPlan';

/** Queues the registry's read and syncs once; [] when there is none. */
export async function readRegistry(context: Excel.RequestContext): Promise<RegistryEntry[]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  if (sheet.isNullObject || used.isNullObject) return [];
  return registryRows(used.values as ReadValue[][]);
}

/**
 * The registry's rows (row 1, the header, first), read as the CLI reads them:
 * a row without its A1 column has signature "" — so a sheet whose A1 is not
 * empty is not counted as ours (when in doubt, a sheet is the user's).
 */
export function registryRows(values: readonly (readonly ReadValue[])[]): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  for (const row of values.slice(1)) {
    const name = readText(row[0]);
    const key = readText(row[1]);
    const a1 = readText(row[4]);
    if (name && key) entries.push({ name, key, a1 });
  }
  return entries;
}

/** A listed sheet that exists, with its A1 and used range queued for the next sync. */
export interface ListedSheet {
  readonly entry: RegistryEntry;
  /** The sheet's name as the workbook spells it. */
  readonly name: string;
  readonly a1: Excel.Range;
  readonly used: Excel.Range;
  /** Its tables (a sheet no longer ours keeps the tables we drew there). */
  readonly tables: Excel.TableCollection;
}

export interface SignatureCheck {
  /** Listed sheets that exist (their loads are queued; read them after the next sync). */
  readonly listed: readonly ListedSheet[];
  /** After the sync: the registry rows whose sheet still carries our A1. */
  signed(): RegistryEntry[];
  /** After the sync: the A1 text of a listed sheet ('' for others), as `reconcileSheets` wants it. */
  a1Of(sheet: string): string;
}

/**
 * Queues, in one grouped load, A1 (and the used range's size, for carry-over,
 * and its tables' names) of every listed sheet that exists — one sync for all of them, never a sync
 * per sheet. Call `signed()` / `a1Of()` only after that sync.
 */
export function queueSignatureCheck(
  context: Excel.RequestContext, registry: readonly RegistryEntry[], existing: readonly string[],
): SignatureCheck {
  const present = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const listed: ListedSheet[] = [];
  const byName = new Map<string, ListedSheet>();
  for (const entry of registry) {
    const name = present.get(entry.name.toLowerCase());
    if (name === undefined || name.toLowerCase() === REGISTRY_SHEET.toLowerCase()) continue;
    let l = byName.get(name.toLowerCase());
    if (!l) {
      const ws = context.workbook.worksheets.getItem(name);
      const a1 = ws.getRange('A1').load('values');
      const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      const tables = ws.tables.load('items/name');
      l = { entry, name, a1, used, tables };
      byName.set(name.toLowerCase(), l);
    }
    listed.push({ ...l, entry });
  }
  const a1Text = (l: ListedSheet): string => {
    const v = l.a1.values[0]?.[0] as ReadValue;
    // A date in A1 reads back as a serial; its signature is the ISO date (cellText of { date }).
    return readText(v, typeof v === 'number' && /^\d{4}-\d{2}-\d{2}$/.test(l.entry.a1 ?? ''));
  };
  return {
    listed,
    signed: () => listed.filter((l) => l.entry.a1 === undefined || a1Text(l).trim() === l.entry.a1.trim()).map((l) => l.entry),
    a1Of: (sheet) => {
      const l = byName.get(sheet.toLowerCase());
      return l ? a1Text(l) : '';
    },
  };
}

/**
 * Queues the registry's rewrite (created very hidden if missing). Names, keys
 * and signatures are written with the text format so that none is read as a
 * number or formula (a signature may be `{ text }` such as "=x").
 */
export function queueRegistryWrite(
  context: Excel.RequestContext,
  exists: boolean,
  entries: readonly RegistryEntry[],
  writtenAt: string,
): void {
  const sheets = context.workbook.worksheets;
  const sheet = exists ? sheets.getItem(REGISTRY_SHEET) : sheets.add(REGISTRY_SHEET);
  if (exists) sheet.getUsedRange().clear('All');
  const rows: (string | number)[][] = [
    [...REGISTRY_HEADER],
    ...entries.map((e) => [e.name, e.key, PLAN_VERSION, writtenAt, e.a1 ?? '']),
  ];
  const range = sheet.getRangeByIndexes(0, 0, rows.length, REGISTRY_HEADER.length);
  range.numberFormat = rows.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@')));
  range.values = rows;
  sheet.visibility = 'VeryHidden';
}
