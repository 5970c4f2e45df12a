/**
 * The "analyze" use case shared by the task pane and the CLI:
 * read grids through a WorkbookPort → ingest → shares → findings → statements
 * → summary. No Office and no Node APIs here.
 */
import type { WorkbookPort, RunControl, SheetInfo } from './port';
import { CancelledError, LedgerError, OptionError } from './port';
import type { CellGrid } from '../ingest/grid';
import {
  CONFIG_SHEETS, checkColumnMap, combineLedgers, configSheetName, ingestLedger, mapPastLastColumn, readConfig, scoreLedgerGrid,
  type ColumnMap,
} from '../ingest';
import type { Config, ConfigSheetName } from '../domain/config';
import { linesByAccount, type InputIssue, type Ledger, type WorkbookLedger } from '../domain/ledger';
import { accountRows } from '../domain/accountRows';
import type { Day } from '../domain/day';
import type { SharesByLine } from '../domain/shareTypes';
import type { Finding } from '../domain/findingTypes';
import { adjudicate } from '../domain/adjudication';
import { findDiscrepancies } from '../domain/findings';
import { buildStatements, type Statement } from '../domain/statements';
import { summarize, type Summary } from '../domain/kpis/summary';

/** Sheets the add-in writes (DESIGN §6, with their `(2)` suffixes): never taken for a ledger. */
const OUTPUT_SHEET = /^(findings|expected shares|statements|summary|run log|payment plan - .*)( \(\d+\))?$/i;

export function isOutputSheet(name: string): boolean {
  return OUTPUT_SHEET.test(name.trim());
}

export interface AnalyzeOptions {
  /** The ledger sheets (`--sheet`, repeatable); none = every sheet that looks like a ledger, in workbook order. */
  readonly sheets?: readonly string[];
  /** Field → column letters (`--map field=COLUMN`), applied on every ledger sheet. */
  readonly map?: ColumnMap;
  /** DESIGN §4: --as-of, else Policy StatementDate, else today. */
  readonly asOf?: Day | null;
  readonly today: Day;
  /** Where the configuration sheets are (default: the ledger workbook). */
  readonly configWorkbook?: WorkbookPort | null;
  /** How messages name the configuration workbook (the CLI: its path). */
  readonly configWorkbookName?: string;
}

/** Plain data end to end: it crosses from a Web Worker by structured clone. */
export interface AnalysisResult {
  readonly asOf: Day;
  /** Every ledger sheet read (DESIGN §3), as one ledger. */
  readonly ledger: WorkbookLedger;
  readonly config: Config;
  /** Ledger input issues followed by configuration-sheet input issues. */
  readonly inputIssues: readonly InputIssue[];
  readonly shares: SharesByLine;
  readonly findings: readonly Finding[];
  readonly statements: readonly Statement[];
  readonly summary: Summary;
}

function checkCancel(control?: RunControl): void {
  if (control?.signal?.aborted) throw new CancelledError();
}

const sheetList = (sheets: readonly SheetInfo[]): string => sheets.map((s) => `"${s.name}"`).join(', ');

/** The configuration sheets of a workbook, by the §4 name each matches. */
async function readConfigGrids(port: WorkbookPort): Promise<Partial<Record<ConfigSheetName, CellGrid>>> {
  const grids: Partial<Record<ConfigSheetName, CellGrid>> = {};
  for (const s of await port.listSheets()) {
    const name = configSheetName(s.name);
    if (name !== null && grids[name] === undefined) grids[name] = await port.readGrid(s.name);
  }
  return grids;
}

async function readConfigWorkbook(opts: AnalyzeOptions, ledgerPort: WorkbookPort): Promise<Partial<Record<ConfigSheetName, CellGrid>>> {
  if (!opts.configWorkbook) return readConfigGrids(ledgerPort);
  const grids = await readConfigGrids(opts.configWorkbook);
  if (Object.keys(grids).length === 0) {
    const sheets = await opts.configWorkbook.listSheets();
    throw new OptionError(
      `${opts.configWorkbookName ?? 'The configuration workbook'} has no configuration sheet (expected ${CONFIG_SHEETS.join(', ')}); ` +
        `its sheets: ${sheets.length === 0 ? 'none' : sheetList(sheets)}`,
    );
  }
  return grids;
}

/** The named sheets' ledgers, in the order named. */
async function readNamedSheets(port: WorkbookPort, names: readonly string[], map: ColumnMap): Promise<Ledger[]> {
  const sheets = await port.listSheets();
  const ledgers: Ledger[] = [];
  let firstLineIndex = 0;
  for (const name of [...new Set(names)]) {
    const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new LedgerError(`There is no sheet named "${name}" (sheets: ${sheetList(sheets)})`);
    const grid = await port.readGrid(found.name);
    const past = mapPastLastColumn(grid, map);
    if (past !== null) throw new OptionError(past);
    const r = ingestLedger(grid, { map, firstLineIndex });
    if (!r.ok) throw new LedgerError(r.message);
    ledgers.push(r.ledger);
    firstLineIndex += r.ledger.lines.length;
  }
  return ledgers;
}

/**
 * Every sheet that looks like a ledger, in workbook order (DESIGN §3); the
 * add-in's own sheets and the configuration sheets are never one.
 */
async function readLedgerSheets(port: WorkbookPort, map: ColumnMap): Promise<Ledger[]> {
  const sheets = (await port.listSheets()).filter((s) => configSheetName(s.name) === null && !isOutputSheet(s.name));
  const ledgers: Ledger[] = [];
  let firstLineIndex = 0;
  let mapDoesNotFit: string | null = null;
  for (const s of sheets) {
    const grid = await port.readGrid(s.name);
    const past = mapPastLastColumn(grid, map);
    if (past !== null) {
      // A sheet the map does not fit is not this ledger; if it would be one without the map, the map is wrong.
      if (scoreLedgerGrid(grid) > 0) throw new OptionError(past);
      mapDoesNotFit ??= past;
      continue;
    }
    if (scoreLedgerGrid(grid, { map }) === 0) continue;
    const r = ingestLedger(grid, { map, firstLineIndex });
    if (!r.ok) throw new LedgerError(r.message);
    ledgers.push(r.ledger);
    firstLineIndex += r.ledger.lines.length;
  }
  if (ledgers.length > 0) return ledgers;
  if (mapDoesNotFit !== null) throw new OptionError(mapDoesNotFit);
  throw new LedgerError(
    sheets.length === 0
      ? 'The workbook has no sheet that could hold a ledger'
      : `No sheet looks like a patient ledger (looked at: ${sheetList(sheets)}); expected a header row with Account, Date of Service, Code and Charge columns in the first 30 rows`,
  );
}

export async function readWorkbookLedger(port: WorkbookPort, opts: Pick<AnalyzeOptions, 'sheets' | 'map'>): Promise<WorkbookLedger> {
  const checked = checkColumnMap(opts.map ?? {});
  if (!checked.ok) throw new OptionError(checked.message);
  const { map } = checked;
  const ledgers = opts.sheets && opts.sheets.length > 0 ? await readNamedSheets(port, opts.sheets, map) : await readLedgerSheets(port, map);
  return combineLedgers(ledgers);
}

export async function analyzeWorkbook(port: WorkbookPort, opts: AnalyzeOptions, control?: RunControl): Promise<AnalysisResult> {
  const progress = (stage: string, done: number, total: number): void => control?.onProgress?.(stage, done, total);
  progress('Reading the ledger', 0, 5);
  const ledger = await readWorkbookLedger(port, opts);
  checkCancel(control);
  progress('Reading configuration', 1, 5);
  const { config, issues: configIssues } = readConfig(await readConfigWorkbook(opts, port));
  checkCancel(control);
  const asOf = opts.asOf ?? config.policy.statementDate ?? opts.today;
  progress('Computing expected shares', 2, 5);
  const shares = adjudicate(ledger, config);
  checkCancel(control);
  progress('Checking for discrepancies', 3, 5);
  // Findings and statements both walk the ledger account by account and look up each account's
  // Patients and Coverage rows: one grouping of each serves both.
  const accounts = linesByAccount(ledger.lines);
  const byAccount = accountRows(config);
  const findings = findDiscrepancies({ ledger, accounts, accountRows: byAccount, shares, config, asOf });
  checkCancel(control);
  progress('Building statements', 4, 5);
  const statements = buildStatements({ ledger, accounts, accountRows: byAccount, shares, config, asOf });
  const summary = summarize({ ledger, shares, findings, config, asOf });
  progress('Done', 5, 5);
  return { asOf, ledger, config, inputIssues: [...ledger.issues, ...configIssues], shares, findings, statements, summary };
}
