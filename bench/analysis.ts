/**
 * The whole analysis as the task pane and the CLI run it — ingest, expected
 * shares, findings, statements, summary (`analyzeWorkbook`) — on an in-memory
 * 1,000,000-line ledger grid with configuration sheets (50,000 accounts in
 * families of up to four, plans with deductibles and out-of-pocket maxima,
 * a fee schedule, secondaries on one account in ten). Cold: one run, in a
 * fresh process, as a user meets it. Goal (issue 9): under 4 s, peak RSS
 * under 1.5 GB. Adjudication's ratio to a bare pass over the lines is
 * printed for information.
 */
import * as os from 'node:os';
import { analyzeWorkbook } from '../src/app/analyze';
import type { WorkbookPort } from '../src/app/port';
import type { CellGrid, CellValue } from '../src/ingest/grid';
import { adjudicate } from '../src/domain/adjudication';
import { makeGrid } from './ingest';

const ROWS = 1_000_000;
const GOAL_SECONDS = 4;
const GOAL_RSS_MB = 1536;
const ACCOUNTS = 50_000;

function grid(sheet: string, values: CellValue[][]): CellGrid {
  return { sheet, values, numberFormats: null, top: 1, left: 1, date1904: false, allText: false };
}

/** Configuration for makeGrid's accounts (A100000…A149999) and payers. */
function configGrids(): CellGrid[] {
  const plans: CellValue[][] = [
    ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType'],
    ['ACME-PPO', 'Acme Health', '01-01', 500, 1000, 3000, 6000, 20, 'Embedded'],
    ['BLUE-HDHP', 'Blue Plan', '07-01', 1500, 3000, 5000, 10000, 10, 'Aggregate'],
    ['MEDICARE-B', 'Medicare', '01-01', 257, null, null, null, 20, 'Embedded'],
  ];
  const benefits: CellValue[][] = [
    ['PlanId', 'Category', 'Covered', 'Copay', 'DeductibleApplies', 'CoinsurancePct'],
    ['ACME-PPO', 'Office', 'Y', 25, 'N', null],
    ['ACME-PPO', 'Lab', 'Y', 0, 'Y', 10],
    ['BLUE-HDHP', 'Office', 'Y', 0, 'Y', null],
    ['MEDICARE-B', 'Preventive', 'Y', 0, 'N', 0],
  ];
  const fees: CellValue[][] = [['Payer', 'Code', 'Modifier', 'Allowed', 'Category', 'MaxUnitsPerDay'],
    ['*', '99213', null, 92.5, 'Office', 1], ['*', '99214', null, 131.2, 'Office', 1], ['*', '80053', null, 14.5, 'Lab', 1],
    ['*', '36415', null, 3.1, 'Lab', 2], ['*', '71046', null, 38.9, 'Imaging', 1], ['*', '97110', null, 29.4, 'Other', 4],
    ['Acme Health', '99213', '25', 99.0, 'Office', 1]];
  const payerPlan = ['ACME-PPO', 'BLUE-HDHP', 'MEDICARE-B'];
  const coverage: CellValue[][] = [['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf']];
  for (let a = 0; a < ACCOUNTS; a++) {
    const account = `A${100000 + a}`;
    const planId = payerPlan[a % 4 === 3 ? 0 : a % 4] ?? 'ACME-PPO';
    const family = a % 3 === 0 ? null : `F${Math.floor(a / 4)}`;
    coverage.push([account, planId, `M${a}`, family, 'Primary', null, null, a % 5 === 0 ? 100 : 0, a % 5 === 0 ? 150 : 0, null]);
    if (a % 10 === 0) coverage.push([account, 'MEDICARE-B', `S${a}`, null, 'Secondary', null, null, 0, 0, null]);
  }
  return [grid('Plans', plans), grid('Benefits', benefits), grid('FeeSchedule', fees), grid('Coverage', coverage)];
}

function memoryPort(grids: CellGrid[]): WorkbookPort {
  return {
    listSheets: async () => grids.map((g) => ({ name: g.sheet, tables: [] })),
    readGrid: async (sheet) => {
      const g = grids.find((x) => x.sheet === sheet);
      if (g === undefined) throw new Error(`no sheet ${sheet}`);
      return g;
    },
  };
}

async function run(): Promise<void> {
  const ledger = makeGrid(ROWS);
  const port = memoryPort([ledger, ...configGrids()]);
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const stages: { stage: string; at: number }[] = [];
  const t0 = process.hrtime.bigint();
  const result = await analyzeWorkbook(port, { today: 20_400 as never, asOf: null }, {
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
  console.log(`whole analysis: ${fmt(lines.length)} lines from a ${fmt(ROWS)}-row grid, ${fmt(configGrids()[3]!.values.length - 1)} Coverage rows`);
  let last = 0;
  for (const s of stages) {
    console.log(`  ${s.stage.padEnd(30)} from ${last.toFixed(2)} s`);
    last = s.at;
  }
  console.log(`findings ${fmt(result.findings.length)}, statements ${fmt(result.statements.length)}, input issues ${fmt(result.inputIssues.length)}`);
  console.log(`time (cold, one run): ${seconds.toFixed(2)} s; peak RSS ${fmt(peakMb)} MB (${fmt(rssBefore)} MB before the run, the grid included)`);
  console.log(`adjudication alone (warm): ${adjudication.toFixed(3)} s, ${(adjudication / bare).toFixed(0)}x a bare pass summing billed (${bare.toFixed(4)} s) — for information`);
  console.log(`machine load (1-min average, ${os.cpus().length} cores): ${os.loadavg()[0]!.toFixed(1)}`);
  const met = seconds < GOAL_SECONDS && peakMb < GOAL_RSS_MB;
  console.log(`goal met: ${met ? 'yes' : 'no'} (goal < ${GOAL_SECONDS} s cold and peak RSS < ${fmt(GOAL_RSS_MB)} MB)`);
}

if (require.main === module || process.argv[1] === __filename) void run();
