/**
 * What the task pane needs from the workbook, as callbacks (the components
 * never see Office.js — OfficeDev's task-pane layout: host code outside the
 * components). `officePaneHost.ts` builds it from src/excel; tests can pass
 * their own.
 */
import type { WorkbookPort } from '../app/port';
import type { WorkbookPlan } from '../report/workbookPlan';

/** sheet → field → column letter; never cell values (no PHI). */
export type ColumnOverrides = Record<string, Record<string, string>>;

export interface WriteResult {
  /** The names the sheets were written under (a user's "Findings" makes ours "Findings (2)"). */
  readonly sheets: readonly string[];
}

export interface PaneHost {
  /** Reads sheets on the main thread (Office.js); the worker gets the grids. */
  readonly port: WorkbookPort;
  /**
   * Writes the plan's sheets. `replaceOnly`: the key families the plan
   * replaces (the add-in's other sheets stay); `show`: the key of the sheet to
   * activate afterwards.
   */
  writePlan(plan: WorkbookPlan, opts: { replaceOnly: readonly string[]; show?: string }): Promise<WriteResult>;
  selectCell(sheet: string, cell: string): Promise<void>;
  loadOverrides(): ColumnOverrides;
  saveOverrides(overrides: ColumnOverrides): Promise<void>;
  /** Creates the missing configuration sheets, when the host can. */
  readonly setupWorkbook?: (sheets: readonly string[]) => Promise<WriteResult>;
}
