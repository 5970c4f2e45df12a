/**
 * The CLI's renderer: a WorkbookPlan → an .xlsx (exceljs), DESIGN §6, §7.
 *
 * - A new path: a workbook of the plan's sheets plus the very-hidden
 *   registry sheet that tags them (workbookPlan.ts, "TAGGING").
 * - A path holding a report this tool wrote (it has the registry): updated
 *   in place — the registry's sheets are rewritten (same name, same
 *   position), sheets the plan no longer has are removed, every other sheet
 *   (a user's) is kept as exceljs reads it, and Status/Note are carried over
 *   (report/carryOver.ts).
 * - A path holding any other file: refused (ReportTargetError) — we never
 *   overwrite a workbook we did not write.
 * The file is written to a temporary name and renamed, so a failure never
 * leaves half a report.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  PLAN_VERSION, REGISTRY_HEADER, REGISTRY_SHEET, sheetSignature, type SheetPlan, type WorkbookPlan,
} from '../../report/workbookPlan';
import { reconcileSheets, type RegistryEntry } from '../../report/sheetNames';
import { carryOverUserColumns, readText, type ReadValue } from '../../report/carryOver';
import { drawSheet } from './drawSheet';
import { fixHyperlinks } from './hyperlinkFix';

export class ReportTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportTargetError';
  }
}

export interface WriteReportResult {
  /** Final sheet names, in plan order. */
  readonly sheets: readonly string[];
  /** True when an earlier report at the path was updated. */
  readonly updated: boolean;
  /** Sheets of the earlier report that the plan no longer has, removed. */
  readonly removed: readonly string[];
}

function readRegistry(wb: ExcelJS.Workbook): RegistryEntry[] | null {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return null;
  const out: RegistryEntry[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const name = readText(row.getCell(1).value as ReadValue);
    const key = readText(row.getCell(2).value as ReadValue);
    const a1 = readText(row.getCell(5).value as ReadValue);
    if (name && key) out.push({ name, key, a1 });
  });
  return out;
}

/** A sheet's values as a grid (row 1 first), for carry-over. */
function gridOf(ws: ExcelJS.Worksheet): ReadValue[][] {
  const grid: ReadValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals: ReadValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      vals[c - 1] = cell.value as ReadValue;
    });
    grid[n - 1] = vals;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** Carries user columns over for each family of sheets that has a carry-over spec. */
function withCarryOver(plan: WorkbookPlan, wb: ExcelJS.Workbook, registry: readonly RegistryEntry[]): WorkbookPlan {
  const tags = new Set(plan.sheets.filter((s) => s.carryOver).map((s) => s.tag));
  if (tags.size === 0 || registry.length === 0) return plan;
  let sheets: SheetPlan[] = [...plan.sheets];
  for (const tag of tags) {
    const family = sheets.filter((s) => s.tag === tag);
    const old = registry
      .filter((r) => r.key === tag || r.key.startsWith(`${tag}:`))
      .map((r) => wb.getWorksheet(r.name))
      .filter((ws): ws is ExcelJS.Worksheet => ws !== undefined)
      .map(gridOf);
    if (old.length === 0) continue;
    const carried = carryOverUserColumns(family, old);
    const byKey = new Map(carried.map((s) => [s.key, s]));
    sheets = sheets.map((s) => byKey.get(s.key) ?? s);
  }
  return { ...plan, sheets };
}

/** Draws the plan into `wb` (empty, or an earlier report with its registry); returns the names used. */
export function renderIntoWorkbook(wb: ExcelJS.Workbook, plan: WorkbookPlan, registry: readonly RegistryEntry[]): Omit<WriteReportResult, 'updated'> {
  const a1Of = (name: string): string => {
    const ws = wb.getWorksheet(name);
    return ws ? readText(ws.getCell('A1').value as ReadValue) : '';
  };
  // Only registry rows whose sheet still carries our A1 are ours (a user may have replaced the sheet).
  const signed = registry.filter((r) => r.a1 === undefined || a1Of(r.name).trim() === r.a1.trim());
  const withUser = withCarryOver(plan, wb, signed);
  const existing = wb.worksheets.map((w) => w.name).filter((n) => n !== REGISTRY_SHEET);
  const rec = reconcileSheets(withUser, existing, signed, a1Of);
  for (const name of rec.remove) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const oldRegistry = wb.getWorksheet(REGISTRY_SHEET);
  if (oldRegistry) wb.removeWorksheet(oldRegistry.id);
  withUser.sheets.forEach((sheet, i) => {
    const a = rec.assignments[i]!;
    let orderNo: number | null = null;
    if (a.reuse) {
      const old = wb.getWorksheet(a.name);
      if (old) {
        orderNo = (old as unknown as { orderNo: number }).orderNo;
        wb.removeWorksheet(old.id);
      }
    }
    const ws = wb.addWorksheet(a.name);
    // Keep the rewritten sheet where it stood among the user's tabs.
    if (orderNo !== null) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    drawSheet(ws, sheet);
  });
  const reg = wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  reg.addRow([...REGISTRY_HEADER]);
  withUser.sheets.forEach((s, i) => reg.addRow([rec.assignments[i]!.name, s.key, PLAN_VERSION, plan.createdAt, sheetSignature(s)]));
  return { sheets: rec.assignments.map((a) => a.name), removed: rec.remove };
}

/** Writes (or updates) the report at `path`. */
export async function writeReport(plan: WorkbookPlan, path: string): Promise<WriteReportResult> {
  const wb = new ExcelJS.Workbook();
  let registry: RegistryEntry[] = [];
  const updated = existsSync(path);
  if (updated) {
    try {
      await wb.xlsx.readFile(path);
    } catch (e) {
      throw new ReportTargetError(`${path} exists and cannot be read as a workbook (${(e as Error).message}); choose another --out path`);
    }
    const found = readRegistry(wb);
    if (found === null) {
      throw new ReportTargetError(`${path} exists and is not a report written by patient-ledger; it is left as it is — choose another --out path`);
    }
    registry = found;
  }
  wb.creator = 'Patient Ledger';
  const result = renderIntoWorkbook(wb, plan, registry);
  const bytes = fixHyperlinks(new Uint8Array(await wb.xlsx.writeBuffer()));
  await mkdir(dirname(resolve(path)), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
  return { ...result, updated };
}
