/**
 * The "analyze" use case shared by the task pane and the CLI:
 * read grids through a WorkbookPort → ingest → shares → findings → statements
 * → summary. No Office and no Node APIs here.
 */
import type { WorkbookPort, RunControl } from './port';
import { CancelledError, LedgerError } from './port';
import type { CellGrid } from '../ingest/grid';
import { CONFIG_SHEETS, ingestLedger, readConfig, scoreLedgerGrid } from '../ingest';
import type { Config, ConfigSheetName } from '../domain/config';
import type { InputIssue, Ledger, WorkbookLedger } from '../domain/ledger';
import type { Day } from '../domain/day';
import type { SharesByLine } from '../domain/shareTypes';
import type { Finding } from '../domain/findingTypes';
import { adjudicate } from '../domain/adjudication';
import { findDiscrepancies } from '../domain/findings';
import { buildStatements, type Statement } from '../domain/statements';
import { summarize, type Summary } from '../domain/kpis/summary';


/** Sheets the add-in writes: never taken for the ledger. */
const OUTPUT_SHEET = /^(findings|expected shares|statements|summary|run log|payment plan - .*)( \(\d+\))?$/i;

export interface AnalyzeOptions {
  /** The ledger sheet; otherwise the sheet that looks most like a ledger. */
  readonly sheet?: string | null;
  /** Field → column overrides (`--map field=COLUMN`). */
  readonly map?: Readonly<Record<string, string>>;
  /** DESIGN §4: --as-of, else Policy StatementDate, else today. */
  readonly asOf?: Day | null;
  readonly today: Day;
  /** Where the configuration sheets are (default: the ledger workbook). */
  readonly configWorkbook?: WorkbookPort | null;
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

async function readConfigGrids(port: WorkbookPort): Promise<Partial<Record<ConfigSheetName, CellGrid>>> {
  const sheets = await port.listSheets();
  const grids: Partial<Record<ConfigSheetName, CellGrid>> = {};
  for (const name of CONFIG_SHEETS) {
    const found = sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
    if (found) grids[name] = await port.readGrid(found.name);
  }
  return grids;
}

/** The named sheet's ledger, or the most ledger-like sheet's. */
async function readLedger(port: WorkbookPort, opts: AnalyzeOptions): Promise<Ledger> {
  const map = opts.map ?? {};
  if (opts.sheet) {
    const sheets = await port.listSheets();
    const found = sheets.find((s) => s.name === opts.sheet) ?? sheets.find((s) => s.name.toLowerCase() === opts.sheet!.toLowerCase());
    if (!found) throw new LedgerError(`There is no sheet named "${opts.sheet}" (sheets: ${sheets.map((s) => s.name).join(', ')})`);
    const r = ingestLedger(await port.readGrid(found.name), { map });
    if (!r.ok) throw new LedgerError(r.message);
    return r.ledger;
  }
  const sheets = (await port.listSheets()).filter(
    (s) => !CONFIG_SHEETS.some((c) => c.toLowerCase() === s.name.trim().toLowerCase()) && !OUTPUT_SHEET.test(s.name.trim()),
  );
  let best: { grid: CellGrid; score: number } | null = null;
  for (const s of sheets) {
    const grid = await port.readGrid(s.name);
    const score = scoreLedgerGrid(grid, { map });
    if (score > 0 && (best === null || score > best.score)) best = { grid, score };
  }
  if (best === null) {
    throw new LedgerError(
      sheets.length === 0
        ? 'The workbook has no sheet that could hold a ledger'
        : `No sheet looks like a patient ledger (looked at: ${sheets.map((s) => s.name).join(', ')}); expected a header row with an Account column in the first 30 rows`,
    );
  }
  const r = ingestLedger(best.grid, { map });
  if (!r.ok) throw new LedgerError(r.message);
  return r.ledger;
}

export async function analyzeWorkbook(port: WorkbookPort, opts: AnalyzeOptions, control?: RunControl): Promise<AnalysisResult> {
  const progress = (stage: string, done: number, total: number): void => control?.onProgress?.(stage, done, total);
  progress('Reading the ledger', 0, 5);
  const ledger = await readLedger(port, opts);
  checkCancel(control);
  progress('Reading configuration', 1, 5);
  const { config, issues: configIssues } = readConfig(await readConfigGrids(opts.configWorkbook ?? port));
  checkCancel(control);
  const asOf = opts.asOf ?? config.policy.statementDate ?? opts.today;
  progress('Computing expected shares', 2, 5);
  const shares = adjudicate(ledger.lines, config, { ledgerHasPayer: ledger.mapping.fields.payer !== undefined });
  checkCancel(control);
  progress('Checking for discrepancies', 3, 5);
  const findings = findDiscrepancies({ sheet: ledger.sheet, lines: ledger.lines, mapping: ledger.mapping, shares, config, asOf });
  checkCancel(control);
  progress('Building statements', 4, 5);
  const statements = buildStatements({ lines: ledger.lines, shares, config, asOf });
  const summary = summarize({ lines: ledger.lines, shares, findings, config, asOf });
  progress('Done', 5, 5);
  return { asOf, ledger, config, inputIssues: [...ledger.issues, ...configIssues], shares, findings, statements, summary };
}
