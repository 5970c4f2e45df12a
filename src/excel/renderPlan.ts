/**
 * The Office.js renderer: draws a WorkbookPlan into the open workbook in a
 * handful of syncs (DESIGN §6, §7).
 *
 * 1. One sync reads the sheet names, the registry of the add-in's own sheets
 *    (registry.ts) and the host state it will change; one more reads, for
 *    every listed sheet at once, its A1 (the registry's signature) and used
 *    range.
 * 2. `reconcileSheets` (report/sheetNames.ts, shared with the CLI) names
 *    each plan sheet: the add-in's own sheet — listed, and its A1 still as
 *    written — is rewritten in place; a user's sheet with the planned name
 *    (also one that replaced ours) is never written — the plan takes the
 *    next free name (`Findings (2)`).
 * 3. Status/Note typed on the old (signed) sheets are read back (blocked
 *    reads) and carried onto the new rows (`carryOverUserColumns`).
 * 4. With events off, calculation manual and screen updating suspended
 *    (where the host's ExcelApi has them), the old sheets are cleared — not
 *    deleted: deleting a sheet empties every co-author's undo stack — and
 *    the values and their number formats are written as 2-D blocks sized
 *    under the 5 MB request limit, then tables over the written cells, links,
 *    validation, charts and print setup, and the registry.
 * 5. Events and calculation are restored afterwards, also on an error.
 */
import { carryOverUserColumns, type ReadValue } from '../report/carryOver';
import { reconcileSheets, type RegistryEntry, type SheetAssignment } from '../report/sheetNames';
import { REGISTRY_SHEET, sheetSignature, type SheetPlan, type WorkbookPlan } from '../report/workbookPlan';
import { Batch } from './batch';
import { readInBlocks } from './blockRead';
import { dressSheet, type Supports } from './dressSheet';
import { blockOrigin, cellArrays, formatLookup } from './planCells';
import { rowBytes, rowRuns, PAYLOAD_BUDGET } from './payload';
import { withFreeTableNames } from './tableNames';
import { queueRegistryWrite, queueSignatureCheck, readRegistry, type ListedSheet } from './registry';

export interface RenderOptions {
  /** Bytes one sync may carry by our estimate (default 4 MB, under the web's 5 MB). */
  readonly budgetBytes?: number;
  /** The plan sheet (by key) to show when done; none: the active sheet stays. */
  readonly activateKey?: string;
  /**
   * Write part of the add-in's output (the task pane writes Statements, a
   * Payment Plan or the Summary one at a time): the plan replaces only the
   * add-in's sheets of these key families ("statements", "summary", …) and
   * its own keys; the add-in's other sheets and their registry rows stay.
   * Absent: the plan is the whole output, and the add-in's sheets it does
   * not hold are removed.
   */
  readonly replaceOnly?: readonly string[];
}

export interface RenderResult {
  /** Each plan sheet's key and the name it was written under. */
  readonly sheets: readonly { readonly key: string; readonly name: string; readonly reused: boolean }[];
  /** The add-in's sheets no longer in the plan, deleted. */
  readonly removed: readonly string[];
  readonly syncs: number;
}

function supportsFn(): Supports {
  return (v) => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return !!office?.context?.requirements?.isSetSupported('ExcelApi', v);
  };
}

export async function renderPlan(plan: WorkbookPlan, opts: RenderOptions = {}): Promise<RenderResult> {
  const supports = supportsFn();
  const budget = opts.budgetBytes ?? PAYLOAD_BUDGET;
  return Excel.run(async (context) => {
    const batch = new Batch(context, budget);
    // 1. What is there.
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const events = supports('1.8') ? context.runtime : null;
    events?.load('enableEvents');
    const app = context.workbook.application;
    app.load('calculationMode');
    const allTables = context.workbook.tables.load('items/name');
    const registry = await readRegistry(context);
    batch.syncs++;
    const existing = sheets.items.map((s) => s.name);
    const registryExists = existing.some((n) => n.toLowerCase() === REGISTRY_SHEET.toLowerCase());
    // Which listed sheets are still ours: A1 of all of them in one sync.
    const check = queueSignatureCheck(context, registry, existing);
    if (check.listed.length > 0) await batch.sync();
    const signed = new Set(check.signed());
    const ours = check.listed.filter((l) => signed.has(l.entry));
    // 2. Names.
    const reconciled = reconcileSheets(plan, existing, [...signed], check.a1Of);
    const { assignments } = reconciled;
    const { remove, kept } = partialWrite(reconciled.remove, plan, existing, [...signed], opts.replaceOnly);
    const byKey = new Map(assignments.map((a) => [a.key, a]));

    // 3. Status/Note from the old sheets of each carry-over family.
    const carried = await carryOver(context, plan.sheets, ours, budget, batch);
    // Tables on sheets we rewrite or remove go; any other keeps its name.
    const going = new Set([...assignments.filter((a) => a.reuse).map((a) => a.name), ...remove].map((n) => n.toLowerCase()));
    const freed = new Set(ours.filter((l) => going.has(l.name.toLowerCase())).flatMap((l) => l.tables.items.map((t) => t.name)));
    const planSheets = withFreeTableNames(carried, allTables.items.map((t) => t.name).filter((n) => !freed.has(n)));

    const wasEvents = events ? events.enableEvents : null;
    const wasCalc = app.calculationMode;
    try {
      // 4. Quiet the host while writing.
      if (events) events.enableEvents = false;
      if (supports('1.8')) app.calculationMode = 'Manual';
      if (supports('1.9')) app.suspendScreenUpdatingUntilNextSync();
      const targets = await prepareSheets(context, planSheets, byKey, remove, batch, supports);
      for (const sp of planSheets) {
        const sheet = targets.get(sp.key)!;
        await writeBlocks(sheet, sp, batch);
      }
      for (const sp of planSheets) await dressSheet(targets.get(sp.key)!, sp, batch, supports);
      const entries: RegistryEntry[] = [...kept, ...planSheets.map((sp) => ({ name: byKey.get(sp.key)!.name, key: sp.key, a1: sheetSignature(sp) }))];
      await batch.need(200 + entries.length * 80);
      queueRegistryWrite(context, registryExists, entries, plan.createdAt);
      if (opts.activateKey && targets.has(opts.activateKey)) targets.get(opts.activateKey)!.activate();
      await batch.sync();
    } finally {
      // 5. Restore, also after a failed sync (the context stays usable; its failed batch is gone).
      if (events && wasEvents !== null) events.enableEvents = wasEvents;
      if (supports('1.8')) app.calculationMode = wasCalc;
      await context.sync();
      batch.syncs++;
    }
    return {
      sheets: assignments.map((a) => ({ key: a.key, name: a.name, reused: a.reuse })),
      removed: remove,
      syncs: batch.syncs,
    };
  });
}

/** `ours`: the listed sheets still signed, their used ranges already loaded (registry.ts). */
async function carryOver(
  context: Excel.RequestContext,
  sheets: readonly SheetPlan[],
  ours: readonly ListedSheet[],
  budget: number,
  batch: Batch,
): Promise<SheetPlan[]> {
  let out = [...sheets];
  const tags = new Set(sheets.filter((s) => s.carryOver).map((s) => s.tag));
  for (const tag of tags) {
    const family = out.filter((s) => s.tag === tag);
    const familyKeys = new Set(family.map((s) => keyFamily(s.key)));
    const old = ours.filter((l) => familyKeys.has(keyFamily(l.entry.key)));
    if (old.length === 0) continue;
    const grids: ReadValue[][][] = [];
    for (const { name, used } of old) {
      if (used.isNullObject) continue;
      const ws = context.workbook.worksheets.getItem(name);
      // From column A and row 1, so header texts line up with the plan's columns.
      const read = await readInBlocks(context, ws, { row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount }, false, budget);
      batch.syncs += read.syncs;
      grids.push(read.values as ReadValue[][]);
    }
    const carried = carryOverUserColumns(family, grids);
    const byKey = new Map(carried.map((s) => [s.key, s]));
    out = out.map((s) => byKey.get(s.key) ?? s);
  }
  return out;
}

/** With `replaceOnly`, which of the add-in's sheets go and which stay listed (see RenderOptions). */
function partialWrite(
  remove: readonly string[],
  plan: WorkbookPlan,
  existing: readonly string[],
  registry: readonly RegistryEntry[],
  replaceOnly: readonly string[] | undefined,
): { remove: readonly string[]; kept: RegistryEntry[] } {
  if (replaceOnly === undefined) return { remove, kept: [] };
  const families = new Set(replaceOnly);
  const planKeys = new Set(plan.sheets.map((s) => s.key));
  const present = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const kept: RegistryEntry[] = [];
  const seen = new Set<string>();
  for (const e of registry) {
    const name = present.get(e.name.toLowerCase());
    if (name === undefined || planKeys.has(e.key) || families.has(keyFamily(e.key)) || seen.has(e.key)) continue;
    seen.add(e.key);
    kept.push({ ...e, name });
  }
  const keptNames = new Set(kept.map((e) => e.name.toLowerCase()));
  return { remove: remove.filter((n) => !keptNames.has(n.toLowerCase())), kept };
}

/** "findings:2" and "findings" are one family. */
function keyFamily(key: string): string {
  return key.split(':')[0]!;
}

/** Clears the add-in's sheets that are reused, deletes those no longer planned, adds the new ones. */
async function prepareSheets(
  context: Excel.RequestContext,
  plan: readonly SheetPlan[],
  byKey: Map<string, SheetAssignment>,
  remove: readonly string[],
  batch: Batch,
  supports: Supports,
): Promise<Map<string, Excel.Worksheet>> {
  const sheets = context.workbook.worksheets;
  const targets = new Map<string, Excel.Worksheet>();
  const reused: { sheet: Excel.Worksheet; tables: Excel.TableCollection; charts: Excel.ChartCollection }[] = [];
  for (const sp of plan) {
    const a = byKey.get(sp.key)!;
    if (!a.reuse) continue;
    const sheet = sheets.getItem(a.name);
    const tables = sheet.tables.load('items/name');
    const charts = sheet.charts.load('items/name');
    reused.push({ sheet, tables, charts });
    targets.set(sp.key, sheet);
  }
  if (reused.length > 0) await batch.sync();
  for (const r of reused) {
    await batch.need(400 + (r.tables.items.length + r.charts.items.length) * 60);
    for (const t of r.tables.items) t.delete();
    for (const c of r.charts.items) c.delete();
    const used = r.sheet.getUsedRange(false);
    used.conditionalFormats.clearAll();
    if (supports('1.8')) used.dataValidation.clear();
    used.unmerge();
    used.clear('All');
    if (supports('1.7')) r.sheet.freezePanes.unfreeze();
    if (supports('1.9')) {
      r.sheet.horizontalPageBreaks.removePageBreaks();
      r.sheet.autoFilter.remove();
    }
  }
  for (const name of remove) {
    await batch.need(60);
    sheets.getItem(name).delete();
  }
  for (const sp of plan) {
    const a = byKey.get(sp.key)!;
    if (a.reuse) continue;
    await batch.need(60 + a.name.length);
    targets.set(sp.key, sheets.add(a.name));
  }
  return targets;
}

/** Values with their number formats, formats first, in row runs that fit the request budget. */
async function writeBlocks(sheet: Excel.Worksheet, plan: SheetPlan, batch: Batch): Promise<void> {
  const fmt = formatLookup(plan);
  for (const block of plan.blocks) {
    if (block.rows.length === 0) continue;
    const { row0, col0, width } = blockOrigin(block);
    if (width === 0) continue;
    // Estimate each row once: its values plus a format string per cell (as long as "$#,##0.00;-$#,##0.00").
    const runs = rowRuns(block.rows.length, (i) => rowBytes(block.rows[i]!.map((v) => (v !== null && typeof v === 'object' ? ('text' in v ? v.text : 0) : v))) + width * 24, batch.budget - 1024);
    for (const run of runs) {
      await batch.need(run.bytes);
      const { values, formats } = cellArrays(block, fmt, run.start, run.count);
      const range = sheet.getRangeByIndexes(row0 + run.start, col0, run.count, width);
      range.numberFormat = formats;
      range.values = values;
    }
  }
}
