/**
 * `patient-ledger` command line (DESIGN §7). Exit codes: 0 done (findings and
 * input issues are results), 1 the file/sheet cannot be read or holds no
 * ledger, 2 bad usage. Progress goes to stderr; stdout stays for results.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs, USAGE, type AnalyzeArgs, type PlanArgs } from './args';
import { LedgerError, OptionError, type WorkbookPort } from '../app/port';
import { analyzeWorkbook } from '../app/analyze';
import { resultsJsonChunks } from '../app/resultsJson';
import { planFromCli } from '../app/planCommand';
import { analysisReport } from './report';
import { parseIso, todayUtc, toIso } from '../domain/day';

class UsageError extends Error {}

const stderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function openWorkbook(path: string): Promise<WorkbookPort> {
  const ext = extname(path).toLowerCase();
  // Each reader is loaded only when a file needs it: a CSV run never loads the zip/XML reader.
  if (ext === '.csv' || ext === '.txt') return (await import('./csvWorkbook')).CsvWorkbook.open(path);
  if (ext === '.xlsx' || ext === '.xlsm') return (await import('./xlsxWorkbook')).XlsxWorkbook.open(path);
  throw new UsageError(`${path}: expected an .xlsx or .csv file`);
}

async function writeJson(path: string, data: unknown): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
}

/**
 * Writes text chunks to a file (results for a million lines run to hundreds
 * of MB): encoded into one reused buffer, written when it is full.
 */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    let buf = Buffer.allocUnsafe(4 << 20);
    let used = 0;
    const flush = (): void => {
      let off = 0;
      while (off < used) off += writeSync(fd, buf, off, used - off);
      used = 0;
    };
    for (const chunk of chunks) {
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      const most = chunk.length * 3;
      if (used + most > buf.length) {
        flush();
        if (most > buf.length) buf = Buffer.allocUnsafe(most);
      }
      used += buf.write(chunk, used, 'utf8');
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/** Writes text chunks to stdout in blocks, waiting for each block to drain (stdout may be a slow pipe). */
async function writeChunksToStdout(chunks: Iterable<string>): Promise<void> {
  const BLOCK = 1 << 20;
  let block: string[] = [];
  let size = 0;
  const flush = (): Promise<void> =>
    new Promise((done, fail) => {
      const text = block.join('');
      block = [];
      size = 0;
      process.stdout.write(text, (err) => (err ? fail(err) : done()));
    });
  for (const chunk of chunks) {
    block.push(chunk);
    size += chunk.length;
    if (size >= BLOCK) await flush();
  }
  await flush();
}

/** A failure to read names the file it is about (DESIGN §7 exit 1). */
function inFile(file: string, e: unknown): unknown {
  return e instanceof LedgerError && !e.message.includes(file) ? new LedgerError(`${file}: ${e.message}`) : e;
}

async function runAnalyze(args: AnalyzeArgs): Promise<number> {
  let asOf = null;
  if (args.asOf !== null) {
    asOf = parseIso(args.asOf);
    if (asOf === null) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, got "${args.asOf}"`);
  }
  if (args.out !== null && !/\.xlsx$/i.test(args.out)) {
    throw new UsageError(`--out expects an .xlsx path, got "${args.out}"`);
  }
  stderr(`Reading ${args.file}…`);
  const port = await openWorkbook(args.file);
  const configWorkbook = args.config !== null ? await openWorkbook(args.config) : null;
  let result;
  try {
    result = await analyzeWorkbook(
      port,
      { sheets: args.sheets, map: args.map, asOf, today: todayUtc(), configWorkbook, configWorkbookName: args.config ?? undefined },
      { onProgress: (stage, done, total) => stderr(`[${done}/${total}] ${stage}`) },
    );
  } catch (e) {
    throw inFile(args.file, e);
  }
  const c = result.ledger.counts;
  stderr(
    `${result.ledger.sheets.length === 1 ? 'Sheet' : 'Sheets'} ${result.ledger.sheets.map((s) => `"${s.sheet}"`).join(', ')}: ` +
      `${c.rowsRead} rows read, ${c.linesAnalyzed} analysed, ${c.excludedRows} excluded, ${c.blankRows} blank, ${c.totalRows} total rows; ` +
      `${result.findings.length} findings, ${result.inputIssues.length} input issues, ${result.statements.length} statements (as of ${toIso(result.asOf)}).`,
  );
  if (args.json === '-') {
    await writeChunksToStdout(resultsJsonChunks(result));
  } else if (args.json !== null) {
    await writeChunks(args.json, resultsJsonChunks(result));
    stderr(`Wrote ${args.json}`);
  } else if (args.out === null) {
    process.stdout.write(analysisReport(result));
  }
  if (args.out !== null) {
    // The report workbook (src/cli/render/): updated in place when it is one this tool wrote before.
    // exceljs and the report builders load only when a report is asked for (start-up on a plain run).
    const { writeAnalysisReport } = await import('./render/reportOut');
    const written = await writeAnalysisReport(result, args.file, args.out);
    stderr(`${written.updated ? 'Updated' : 'Wrote'} ${args.out} (${written.sheets.join(', ')})`);
  }
  return 0;
}

async function runPlan(args: PlanArgs): Promise<number> {
  const r = planFromCli(args, todayUtc());
  if (!r.ok) throw new UsageError(r.message);
  if (args.json !== null) {
    await writeJson(args.json, r.json);
    stderr(`Wrote ${args.json}`);
  } else {
    process.stdout.write(`${JSON.stringify(r.json, null, 2)}\n`);
  }
  return 0;
}

/** The package's root folder: the nearest folder up holding bin/patient-ledger.js (this file runs from src/cli or build/src/cli). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'bin', 'patient-ledger.js')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

async function runDemo(): Promise<number> {
  const sample = join(packageRoot(), 'assets', 'sample-ledger.xlsx');
  const outDir = resolve('out');
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, 'results.json');
  const report = join(outDir, 'report.xlsx');
  const code = await runAnalyze({ command: 'analyze', file: sample, sheets: [], config: null, map: {}, asOf: null, out: report, json });
  stderr(`Demo done: results in ${json}, the report workbook in ${report}`);
  return code;
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    stderr(`patient-ledger: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    switch (parsed.args.command) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case 'analyze':
        return await runAnalyze(parsed.args);
      case 'plan':
        return await runPlan(parsed.args);
      case 'demo':
        return await runDemo();
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof OptionError || (e instanceof Error && e.name === 'ReportTargetError')) {
      stderr(`patient-ledger: ${e.message}`);
      return 2;
    }
    if (e instanceof LedgerError) {
      stderr(`patient-ledger: ${e.message}`);
      return 1;
    }
    // An unexpected failure is still reported as one line, never a stack trace.
    stderr(`patient-ledger: unexpected error: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
