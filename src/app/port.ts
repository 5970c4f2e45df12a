/**
 * The one seam between the use cases and a workbook: Office.js in the task
 * pane (`src/excel/`), exceljs/CSV in the CLI (`src/cli/`). Everything behind
 * it is plain data, so the same analysis runs in both.
 */
import type { CellGrid } from '../ingest/grid';

export interface SheetInfo {
  readonly name: string;
  /** Excel tables on the sheet (names), if the host knows them. */
  readonly tables: readonly string[];
}

export interface WorkbookPort {
  listSheets(): Promise<readonly SheetInfo[]>;
  /** The sheet's used range (or the named table with its header row), values + number formats. */
  readGrid(sheet: string, table?: string): Promise<CellGrid>;
}

/** Progress reports and cooperative cancel for long runs. */
export interface RunControl {
  onProgress?(stage: string, done: number, total: number): void;
  readonly signal?: { readonly aborted: boolean };
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** A user-facing failure: the message names the file/sheet/cell and what was expected. */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** The options given cannot be used (an unknown --map field, a configuration workbook without configuration): the CLI's exit 2. */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}
