/**
 * The task pane on a 100,000-line ledger, in Chromium, through the strict
 * fake of Office.js (issue 12): how long the main thread is held while the
 * pane analyses. A PerformanceObserver for `longtask` entries (tasks over
 * 50 ms) runs in the page from before Analyze is pressed until the results
 * are written; the figures are the longest main-thread task, how many ran
 * over 200 ms, the total time, split into the analysis (reading the sheet
 * through the port, relaying it to the worker, the worker's run) and the
 * writing of Findings / Expected Shares / Run Log. Then a second run is
 * cancelled a second in and the time to "cancelled" is taken, with the
 * workbook compared before and after. Goal: no main-thread task over 200 ms
 * during analysis. A figure, not a timed test: it never fails.
 *
 *   npm run bench -- paneLongTasks      (once bench/index.ts lists it)
 *   node bin/run-ts.js bench/paneLongTasks.ts [lines]
 */
import fs from 'fs';
import { generateSample, DEMO_SAMPLE_OPTIONS, ledgerGrid, configGrid } from '../tools/sample';
import type { ConfigSheetName } from '../src/domain/config';
import { builtPages, cleanup, fakeOfficeScript, launch, officeJsFor, openPane, serve } from '../test/addin/browser/harness';
import type { BrowserSheet } from '../test/addin/browser/fakeOfficeEntry';

const CHROMIUM = '/usr/bin/chromium';
const GOAL_MS = 200;
const LINES = Number(process.argv[2] ?? 100_000);
const CONFIG: readonly ConfigSheetName[] = ['Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy'];

function sheets(): BrowserSheet[] {
  const sample = generateSample({ ...DEMO_SAMPLE_OPTIONS, lines: LINES });
  const grids = [ledgerGrid(sample, { numberFormats: true }), ...CONFIG.map((n) => configGrid(sample, n))];
  return grids.map((g) => ({ name: g.sheet, values: g.values, numberFormats: g.numberFormats, top: g.top, left: g.left }));
}

interface PageFigures {
  tasks: { start: number; duration: number }[];
  stages: { stage: string; at: number }[];
  clicked: number;
  writing: number | null;
  done: number | null;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`paneLongTasks: ${CHROMIUM} is missing (apt-get install -y chromium); no figure.`);
    return;
  }
  const t0 = Date.now();
  const [dir, fake] = await Promise.all([builtPages(), fakeOfficeScript()]);
  const wb = sheets();
  console.log(`${LINES.toLocaleString('en-US')}-line ledger generated and pages built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const site = await serve(dir);
  const context = await launch(CHROMIUM, { width: 350, height: 700 });
  try {
    const { page, foreign } = await openPane(context, site, officeJsFor(fake, { sheets: wb, theme: 'light' }));
    await page.getByRole('button', { name: 'Analyze ledger' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector('button[aria-disabled="true"]')?.textContent?.includes('Analyze ledger'), undefined, { timeout: 120_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __plBench: PageFigures };
      w.__plBench = { tasks: [], stages: [], clicked: 0, writing: null, done: null };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__plBench.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: false });
      // Stage changes, read cheaply (no innerText: that lays the page out and would make long tasks of its own).
      new MutationObserver(() => {
        const stage = document.querySelector('[role="progressbar"]')?.getAttribute('aria-label') ?? '';
        const last = w.__plBench.stages[w.__plBench.stages.length - 1];
        if (stage !== '' && stage !== last?.stage) w.__plBench.stages.push({ stage, at: performance.now() });
        if (w.__plBench.writing === null && stage.includes('Writing')) w.__plBench.writing = performance.now();
        const notice = document.querySelector('[data-testid="pane-notice"], [data-testid="pane-error"]');
        if (w.__plBench.done === null && notice && !stage) w.__plBench.done = performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
      w.__plBench.clicked = performance.now();
    });
    await page.getByRole('button', { name: 'Analyze ledger' }).click();
    await page.getByText(/Analysis done|failed/).first().waitFor({ timeout: 900_000 });
    const f = await page.evaluate(() => (window as unknown as { __plBench: PageFigures }).__plBench);
    const failed = await page.getByTestId('pane-error').count();
    if (failed > 0) console.log('The pane reported an error:', await page.getByTestId('pane-error').innerText());
    const writing = f.writing ?? f.done ?? Infinity;
    const during = (from: number, to: number) => f.tasks.filter((t) => t.start >= from && t.start < to);
    const analysis = during(f.clicked, writing);
    const write = during(writing, Infinity);
    const longest = (ts: { duration: number }[]) => ts.reduce((m, t) => Math.max(m, t.duration), 0);
    const over = (ts: { duration: number }[]) => ts.filter((t) => t.duration > GOAL_MS).length;
    const total = (f.done ?? writing) - f.clicked;
    for (const st of f.stages) {
      const inStage = f.tasks.filter((t) => t.start >= st.at && t.start < (f.stages[f.stages.indexOf(st) + 1]?.at ?? f.done ?? Infinity));
      console.log(`  ${((st.at - f.clicked) / 1000).toFixed(2).padStart(7)} s  ${st.stage.replace('Analysis progress: ', '').padEnd(48)} long tasks ${inStage.length}, longest ${longest(inStage).toFixed(0)} ms`);
    }
    console.log(`analysis (read + relay + worker): ${((writing - f.clicked) / 1000).toFixed(1)} s; main-thread long tasks: ${analysis.length}, longest ${longest(analysis).toFixed(0)} ms, over ${GOAL_MS} ms: ${over(analysis)}`);
    console.log(`writing Findings / Expected Shares / Run Log: ${(((f.done ?? writing) - writing) / 1000).toFixed(1)} s; long tasks: ${write.length}, longest ${longest(write).toFixed(0)} ms, over ${GOAL_MS} ms: ${over(write)}`);
    console.log(`total time: ${(total / 1000).toFixed(1)} s; longest main-thread task overall: ${longest(f.tasks).toFixed(0)} ms`);
    const fakeSyncs = await page.evaluate(() => (window as unknown as { __plFakeSyncMs: { start: number; ms: number }[] }).__plFakeSyncMs);
    console.log(`of which the stand-in Excel (work the real host does in its own process): ${fakeSyncs.length} syncs, longest ${Math.max(0, ...fakeSyncs.map((x) => x.ms)).toFixed(0)} ms, total ${(fakeSyncs.reduce((a, b) => a + b.ms, 0) / 1000).toFixed(1)} s`);
    // The pane's own share of a task: its duration less the stand-in's syncs that ran inside it.
    const own = (t: { start: number; duration: number }) => t.duration - fakeSyncs.filter((x) => x.start >= t.start && x.start < t.start + t.duration).reduce((a, x) => a + x.ms, 0);
    const ownAnalysis = analysis.map((t) => ({ start: t.start, duration: own(t) }));
    console.log(`the pane's own main-thread work (the stand-in's syncs taken out): longest task during analysis ${longest(ownAnalysis).toFixed(0)} ms, over ${GOAL_MS} ms: ${over(ownAnalysis)}; during writing ${longest(write.map((t) => ({ duration: own(t) }))).toFixed(0)} ms`);

    // Cancel a second run a second in: how soon it stops, and whether the workbook is as it was.
    const snapshot = () =>
      page.evaluate(() => {
        const m = (window as unknown as { __plFake: { model: { sheets: { name: string; clears: number; rows: unknown[] }[] } } }).__plFake.model;
        return JSON.stringify(m.sheets.map((s) => [s.name, s.clears, s.rows.length]));
      });
    const before = await snapshot();
    await page.getByRole('tab', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Analyze ledger' }).click();
    // Cancel while the worker computes: the worst moment (a synchronous run that cannot look at messages).
    await page.waitForFunction(() => /Computing|Checking|Building/.test(document.querySelector('[role="progressbar"]')?.getAttribute('aria-label') ?? ''), undefined, { timeout: 600_000, polling: 10 });
    const c0 = Date.now();
    await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 5_000 });
    await page.getByText('Analysis cancelled').waitFor({ timeout: 30_000 });
    const cancelMs = Date.now() - c0;
    const unchanged = (await snapshot()) === before;
    console.log(`cancel: stopped ${cancelMs} ms after the click (goal 500 ms); workbook unchanged: ${unchanged ? 'yes' : 'NO'}`);
    if (foreign.length > 0) console.log(`requests off 127.0.0.1: ${foreign.join(', ')}`);
    console.log(`longest main-thread task during analysis: ${longest(analysis).toFixed(0)} ms raw, ${longest(ownAnalysis).toFixed(0)} ms the pane's own`);
    console.log(`goal met: ${over(ownAnalysis) === 0 && failed === 0 ? 'yes' : 'no'} (no main-thread task of the pane's over ${GOAL_MS} ms during analysis; raw, stand-in Excel included: ${over(analysis) === 0 ? 'yes' : 'no'})`);
  } finally {
    await context.close();
    await site.close();
    cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
