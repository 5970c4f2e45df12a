/**
 * What the browser tests and the pane bench share: the production build,
 * the strict fake of Office.js built for the browser, a static server on
 * 127.0.0.1, Debian's Chromium with a fresh profile, and a page whose every
 * request is recorded — office.js is answered by the fake; any other host
 * than 127.0.0.1 is refused and reported.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { execFile } from 'child_process';
import type { AddressInfo } from 'net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { BrowserSheet, BrowserWorkbook } from './fakeOfficeEntry';

/** The project root: the nearest folder above with package.json (this file also runs compiled, from build/, in `npm run bench`). */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'build') dir = path.dirname(dir);
  return dir;
})();
export const OUTPUT = path.join(ROOT, 'test-output');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Temp directories made here, removed by cleanup(). */
const tempDirs: string[] = [];

export function cleanup(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

function newestInput(): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'assets', 'webpack.config.js', 'package.json', 'tsconfig.json', 'manifest.xml', 'scripts/bundle-size.js']) visit(path.join(ROOT, p));
  return newest;
}

function runWebpack(args: string[]): Promise<string> {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, ...args], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`webpack failed:\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** dist/ if `npm run build` made it after the last source change (as in CI); else a fresh production build in a temp dir. */
export async function builtPages(): Promise<string> {
  const dist = path.join(ROOT, 'dist');
  const page = path.join(dist, 'taskpane.html');
  if (process.env.PL_FRESH_BUILD !== '1' && fs.existsSync(page) && fs.statSync(page).mtimeMs > newestInput()) return dist;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-dist-'));
  tempDirs.push(out);
  await runWebpack(['--mode', 'production', '--output-path', out]);
  return out;
}

/** The strict fake (test/support/fakeExcel) as one browser script, compiled by webpack + ts-loader. */
export async function fakeOfficeScript(): Promise<string> {
  const webpack = require(require.resolve('webpack', { paths: [ROOT] })) as typeof import('webpack');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-fake-'));
  tempDirs.push(out);
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: path.join(ROOT, 'test', 'addin', 'browser', 'fakeOfficeEntry.ts'),
    output: { path: out, filename: 'fake-office.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: require.resolve('ts-loader', { paths: [ROOT] }), options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || !stats || stats.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
  return fs.readFileSync(path.join(out, 'fake-office.js'), 'utf8');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** A static file server for `dir` on 127.0.0.1, on a free port. */
export async function serve(dir: string): Promise<Site> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(dir, rel || 'taskpane.html');
    if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function launch(executablePath: string, viewport = { width: 350, height: 700 }): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-chromium-'));
  tempDirs.push(profile);
  // launchPersistentContext takes the fresh profile dir (launch() rejects --user-data-dir); headless: true passes --headless.
  return chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport, args: CHROMIUM_FLAGS });
}

export interface OpenedPane {
  page: Page;
  /** Every URL the page (and its worker) asked for. */
  requested: string[];
  /** Requests to any host but 127.0.0.1 (office.js is answered locally and listed here too if not routed). */
  foreign: string[];
  pageErrors: string[];
}

interface RouteState {
  officeJs: string;
  current: OpenedPane | null;
}
const routed = new WeakMap<BrowserContext, RouteState>();

/**
 * Opens the pane with office.js answered by `officeJs` (empty: Office never
 * initialises). Routing is on the context (once), so the Web Worker's
 * requests are recorded too; they count toward the page opened last.
 */
export async function openPane(context: BrowserContext, site: Site, officeJs: string, query = ''): Promise<OpenedPane> {
  let state = routed.get(context);
  if (!state) {
    const st: RouteState = { officeJs, current: null };
    state = st;
    routed.set(context, st);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      st.current?.requested.push(url);
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: st.officeJs });
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      st.current?.foreign.push(url);
      return route.abort();
    });
  }
  const page = await context.newPage();
  const opened: OpenedPane = { page, requested: [], foreign: [], pageErrors: [] };
  state.officeJs = officeJs;
  state.current = opened;
  page.on('pageerror', (e) => opened.pageErrors.push(e.message));
  await page.goto(`${site.origin}/taskpane.html${query}`, { waitUntil: 'load' });
  return opened;
}

/** The fake's office.js: the fake bundle, then the workbook installed into it. */
export function officeJsFor(fakeScript: string, wb: BrowserWorkbook): string {
  return `${fakeScript}\n;window.__plInstallFakeOffice(${JSON.stringify(wb)});\n`;
}

/** The sample workbook's sheets as Excel gives them (values with serial dates, number formats). */
export async function sampleSheets(file = path.join(ROOT, 'assets', 'sample-ledger.xlsx')): Promise<BrowserSheet[]> {
  const { XlsxWorkbook } = await import('../../../src/cli/xlsxWorkbook');
  const wb = await XlsxWorkbook.open(file);
  const out: BrowserSheet[] = [];
  for (const s of await wb.listSheets()) {
    const g = await wb.readGrid(s.name);
    out.push({ name: g.sheet, values: g.values, numberFormats: g.numberFormats, top: g.top, left: g.left });
  }
  return out;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // Tabster's focus-redirect dummies (Fluent's TabList, Toolbar…) are aria-hidden and focusable by
    // design: they hand focus on at once, and screen readers must not announce them (microsoft/tabster#288,
    // microsoft/fluentui#27517 "By Design"). Only they are left out; everything else is checked.
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export function seriousOnly(v: readonly AxeViolation[]): AxeViolation[] {
  return v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
}
