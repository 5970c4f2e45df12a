/**
 * The whole analysis as the task pane and the CLI run it — ingest, expected
 * shares, findings, statements, summary (`analyzeWorkbook`) — on an
 * in-memory ledger of 1,000,000 generated lines with its configuration
 * sheets (tools/sample: families, secondaries, plan years, 0.2 % of lines
 * per problem kind). Cold: one run in a fresh process, as a user meets it.
 * Goal (issue 9): under 4 s, peak RSS under 1.5 GB. The input is generated
 * once per size by bench/analysisInput.ts in a process of its own, cached
 * in the temp directory, and read here row by row. Adjudication's ratio to a
 * bare pass over the lines is printed for information.
 */
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { analyzeWorkbook } from '../src/app/analyze';
import type { WorkbookPort } from '../src/app/port';
import type { CellGrid, CellValue } from '../src/ingest/grid';
import { adjudicate } from '../src/domain/adjudication';
import { parseIso } from '../src/domain/day';
import { PROBLEM_RATE } from './analysisInput';

/** BENCH_ROWS overrides the size (for profiling a smaller run); the goal is judged at 1,000,000. */
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const GOAL_SECONDS = 4;
const GOAL_RSS_MB = 1536;

interface Input {
  readonly grids: CellGrid[];
  readonly asOf: string;
}

async function loadInput(): Promise<Input> {
  const file = join(os.tmpdir(), `patient-ledger-analysis-${ROWS}-rate${PROBLEM_RATE}.jsonl`);
  if (!existsSync(file)) {
    const made = spawnSync(process.execPath, ['--max-old-space-size=6144', join(__dirname, 'analysisInput.js'), String(ROWS), file], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error('could not generate the benchmark input');
  }
  const sheets = new Map<string, CellValue[][]>();
  let asOf = '';
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const [kind, sheet, value] = JSON.parse(text) as [string, string, unknown];
    if (kind === 'asOf') asOf = value as string;
    else {
      let rows = sheets.get(sheet);
      if (rows === undefined) sheets.set(sheet, (rows = []));
      rows.push(value as CellValue[]);
    }
  }
  const grids = [...sheets].map(([sheet, values]) => ({ sheet, values, numberFormats: null, top: 1, left: 1, date1904: false, allText: false }));
  return { grids, asOf };
}

/**
 * The grids handed to the analysis as the CLI and the task pane hand them
 * over: each sheet's grid is read once and then belongs to the analysis,
 * which lets it go once the sheet is ingested (a file read by the CLI, a
 * range loaded by the pane, is not kept by anyone else either). The
 * 1,000,000-line grid is in memory when the run starts and counts toward
 * the peak for as long as the analysis holds it.
 */
function handOverPort(grids: CellGrid[]): WorkbookPort {
  const names = grids.map((g) => g.sheet);
  return {
    listSheets: async () => names.map((name) => ({ name, tables: [] })),
    readGrid: async (sheet) => {
      const at = grids.findIndex((x) => x.sheet === sheet);
      if (at < 0) throw new Error(`sheet ${sheet} was read twice (or never existed)`);
      return grids.splice(at, 1)[0]!;
    },
  };
}

async function run(): Promise<void> {
  const input = await loadInput();
  const coverageRows = (input.grids.find((g) => g.sheet === 'Coverage')?.values.length ?? 1) - 1;
  const port = handOverPort(input.grids);
  const asOf = parseIso(input.asOf)!;
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const stages: { stage: string; at: number }[] = [];
  const t0 = process.hrtime.bigint();
  const result = await analyzeWorkbook(port, { today: asOf, asOf }, {
    onProgress: (stage) => stages.push({ stage, at: Number(process.hrtime.bigint() - t0) / 1e9 }),
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  // For information: adjudication alone, again (warm), against a bare pass over the same lines.
  const lines = result.ledger.lines;
  let bare = Infinity;
  for (let k = 0; k < 3; k++) {
    const b0 = process.hrtime.bigint();
    let total = 0;
    for (const l of lines) total += l.billed;
    if (total === -1) console.log('');
    bare = Math.min(bare, Number(process.hrtime.bigint() - b0) / 1e9);
  }
  const a0 = process.hrtime.bigint();
  adjudicate(result.ledger, result.config);
  const adjudication = Number(process.hrtime.bigint() - a0) / 1e9;

  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  console.log(`whole analysis: ${fmt(lines.length)} lines analysed of a ${fmt(ROWS)}-line generated ledger, ${fmt(coverageRows)} Coverage rows`);
  stages.forEach((s, k) => {
    const next = stages[k + 1]?.at ?? seconds;
    if (s.stage !== 'Done') console.log(`  ${s.stage.padEnd(30)} ${(next - s.at).toFixed(2)} s`);
  });
  console.log(`findings ${fmt(result.findings.length)}, statements ${fmt(result.statements.length)}, input issues ${fmt(result.inputIssues.length)}`);
  console.log(`time (cold, one run): ${seconds.toFixed(2)} s; peak RSS ${fmt(peakMb)} MB (${fmt(rssBefore)} MB before the run: the grid, handed to the analysis)`);
  console.log(`adjudication alone (warm): ${adjudication.toFixed(3)} s, ${(adjudication / bare).toFixed(0)}x a bare pass summing billed (${bare.toFixed(4)} s) — for information`);
  console.log(`machine load (1-min average, ${os.cpus().length} cores): ${os.loadavg()[0]!.toFixed(1)}`);
  const met = seconds < GOAL_SECONDS && peakMb < GOAL_RSS_MB;
  console.log(`goal met: ${met ? 'yes' : 'no'} (goal < ${GOAL_SECONDS} s cold and peak RSS < ${fmt(GOAL_RSS_MB)} MB)`);
}

if (require.main === module) void run();
