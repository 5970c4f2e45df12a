/**
 * The Office.js side at scale, inside the strict fake of Excel at Excel on
 * the web's limits (5 MB a request, 5 MB a response; test/support/fakeExcel):
 * a generated service-line ledger (tools/sample, with its configuration
 * sheets, dates and money under their number formats) is read through
 * `OfficeWorkbookPort`, analysed, planned (`reportInputFrom` + the plan
 * builder) and rendered with `renderPlan` into the same workbook — what the
 * task pane does. Printed for 25,000 and 100,000 lines: syncs for reading
 * and for rendering, the largest request and response, the bytes moved and
 * the time of each step.
 *
 * Goal (issue 11): no request or response over 5 MB, and syncs that grow only
 * with blocks. A "full" sync carries at least half the renderer's 4 MB
 * budget (a block of rows, or of formatting actions); the others are the
 * fixed ones (what is there, the registry, restoring the host) and the last,
 * partial block of each sheet. From 25,000 to 100,000 lines the full syncs
 * grow with the bytes, and the others only with the sheets (two a sheet at
 * most, and two for a sheet that outgrows one block) — never with rows,
 * statements or findings. The fake's bytes are an
 * estimate of Office.js's JSON (see the fake's README); only real Excel
 * confirms the margins.
 */
import * as os from 'node:os';
import { analyzeWorkbook } from '../src/app/analyze';
import { parseIso } from '../src/domain/day';
import { OfficeWorkbookPort } from '../src/excel/officeWorkbookPort';
import { renderPlan } from '../src/excel/renderPlan';
import { PAYLOAD_BUDGET } from '../src/excel/payload';
import { reportInputFrom } from '../src/report/adapter';
import { buildWorkbookPlan } from '../src/report/buildPlan';
import { DATE_FORMAT, MONEY_FORMAT, generateWorkbook } from '../tools/sample';
import { formatColumns } from '../tools/sample/grids';
import { DEFAULT_PAYLOAD_LIMIT, FakeWorkbookModel, installFakeOffice, type FakeHost } from '../test/support/fakeExcel';

const SIZES = (process.env.BENCH_LINES ?? '25000,100000').split(',').map(Number);
const MB = 1024 * 1024;

interface Phase {
  syncs: number;
  /** Syncs carrying at least half the budget: blocks. */
  full: number;
  /** Sheets read or written: each may end on one partial block. */
  sheets: number;
  maxRequest: number;
  maxResponse: number;
  totalBytes: number;
  seconds: number;
}

function phase(host: FakeHost, sheets: number, seconds: number): Phase {
  const totalBytes = host.syncs.reduce((s, x) => s + x.requestBytes + x.responseBytes, 0);
  const full = host.syncs.filter((x) => Math.max(x.requestBytes, x.responseBytes) >= PAYLOAD_BUDGET / 2).length;
  return { syncs: host.syncs.length, full, sheets, seconds, totalBytes, maxRequest: host.maxRequestBytes, maxResponse: host.maxResponseBytes };
}

const mb = (n: number): string => `${(n / MB).toFixed(2)} MB`;

function show(label: string, p: Phase): void {
  console.log(
    `  ${label.padEnd(7)} ${String(p.syncs).padStart(4)} syncs (${p.full} full blocks, ${p.syncs - p.full} others for ${p.sheets} sheets), ` +
      `largest request ${mb(p.maxRequest)}, largest response ${mb(p.maxResponse)}, moved ${mb(p.totalBytes)}, ${p.seconds.toFixed(2)} s`,
  );
}

async function measure(lines: number): Promise<{ read: Phase; render: Phase }> {
  const w = generateWorkbook({ shape: 'service-lines', seed: 11, lines, problems: true });
  const model = new FakeWorkbookModel([]);
  // The ledger as a practice's export holds it: dates and money as numbers under their formats.
  const { dates, money } = formatColumns(w.sample);
  for (const s of w.sheets) {
    const formats = s.values.map((row, r) => row.map((v, c) => (r < s.headerRow || typeof v !== 'number' ? null : dates.has(c) ? DATE_FORMAT : money.has(c) ? MONEY_FORMAT : null)));
    model.seed(s.name, s.values, { numberFormats: formats });
  }
  for (const [name, rows] of Object.entries(w.config ?? {})) model.seed(name, rows);
  model.activeSheet = model.sheets[0]!;
  const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, model, { payloadLimit: DEFAULT_PAYLOAD_LIMIT });
  try {
    let t = Date.now();
    const result = await analyzeWorkbook(new OfficeWorkbookPort(), { today: parseIso(w.asOf)! });
    // Reading and analysis together (the port reads inside analyzeWorkbook); the reads dominate the syncs.
    const read = phase(fake.host, result.ledger.sheets.length + Object.keys(w.config ?? {}).length, (Date.now() - t) / 1000);
    fake.host.resetCounters();
    t = Date.now();
    const plan = buildWorkbookPlan(reportInputFrom(result, { links: { kind: 'workbook' }, runAt: new Date().toISOString(), version: 'bench', producer: 'Patient Ledger add-in' }));
    const planSeconds = (Date.now() - t) / 1000;
    t = Date.now();
    await renderPlan(plan);
    const render = phase(fake.host, plan.sheets.length, (Date.now() - t) / 1000);
    const cells = plan.sheets.reduce((s, sp) => s + sp.blocks.reduce((b, x) => b + x.rows.length * (x.rows[0]?.length ?? 0), 0), 0);
    console.log(
      `${lines.toLocaleString('en-US')} lines: ${result.findings.length.toLocaleString('en-US')} findings, ${result.statements.length.toLocaleString('en-US')} statements; ` +
        `plan ${plan.sheets.length} sheets, ${cells.toLocaleString('en-US')} cells, built in ${planSeconds.toFixed(2)} s`,
    );
    show('read', read); // its time is the whole analysis: the port reads inside analyzeWorkbook
    show('render', render);
    return { read, render };
  } finally {
    fake.uninstall();
  }
}

export async function run(): Promise<void> {
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${os.cpus().length} CPUs; limit ${mb(DEFAULT_PAYLOAD_LIMIT)} a request or response (Excel on the web)`);
  const runs: { lines: number; read: Phase; render: Phase }[] = [];
  for (const lines of SIZES) runs.push({ lines, ...(await measure(lines)) });
  const underLimit = runs.every((r) => [r.read, r.render].every((p) => p.maxRequest <= DEFAULT_PAYLOAD_LIMIT && p.maxResponse <= DEFAULT_PAYLOAD_LIMIT));
  // Growth only by blocks: from the smallest to the largest run, the syncs that are not full blocks grow by two a sheet
  // at most (+2: a sheet that outgrows one block may gain a partial last block and, read, a first block sized by a guess).
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  const others = (p: Phase): number => p.syncs - p.full;
  const byBlocks = (a: Phase, b: Phase): boolean => others(b) - others(a) <= 2 * Math.max(0, b.sheets - a.sheets) + 2;
  const grows = byBlocks(first.read, last.read) && byBlocks(first.render, last.render);
  if (runs.length > 1) {
    const line = (label: string, a: Phase, b: Phase): string =>
      `${label} ${a.syncs} → ${b.syncs} syncs (full blocks ${a.full} → ${b.full} for ${mb(a.totalBytes)} → ${mb(b.totalBytes)}; others ${others(a)} → ${others(b)} for ${a.sheets} → ${b.sheets} sheets)`;
    console.log(`${first.lines.toLocaleString('en-US')} → ${last.lines.toLocaleString('en-US')} lines: ${line('read', first.read, last.read)}; ${line('render', first.render, last.render)}`);
  }
  console.log(`no request or response over 5 MB: ${underLimit ? 'yes' : 'no'}; syncs grow only with blocks: ${grows ? 'yes' : 'no'}`);
  console.log(`goal met: ${underLimit && grows ? 'yes' : 'no'}`);
}

// Runs when executed directly (node build/bench/fakeRender.js), not when imported.
if (require.main === module) void run();
