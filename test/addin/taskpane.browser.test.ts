/**
 * The built task pane in a real browser (Debian's chromium via playwright-core)
 * at task-pane size (350×700): it renders without Excel, names itself and its
 * version, has no serious accessibility violations (axe-core), asks the
 * network for nothing but office.js, and shows the Excel state when Office.js
 * reports Excel. Screenshots go to test-output/ (gitignored).
 *
 * The pages come from dist/ when `npm run build` produced it after the last
 * source change (as in CI); otherwise from a fresh production build in a temp
 * directory. PL_FRESH_BUILD=1 forces the fresh build.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { execFile } from 'child_process';
import type { AddressInfo } from 'net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, describeIfTool, hasChromium } from '../support/externalTools';

const ROOT = path.resolve(__dirname, '..', '..');
const OUTPUT = path.join(ROOT, 'test-output');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const VIEWPORT = { width: 350, height: 700 };

/** Newest modification time under the inputs of the build. */
function newestInput(): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'assets', 'webpack.config.js', 'package.json', 'tsconfig.json', 'manifest.xml']) {
    visit(path.join(ROOT, p));
  }
  return newest;
}

/** Temp directories this file made (fresh build, browser profile), removed after the run. */
const tempDirs: string[] = [];

/** dist/ if it is newer than every build input, else a fresh production build in a temp dir. */
async function builtPages(): Promise<string> {
  const dist = path.join(ROOT, 'dist');
  const page = path.join(dist, 'taskpane.html');
  if (process.env.PL_FRESH_BUILD !== '1' && fs.existsSync(page) && fs.statSync(page).mtimeMs > newestInput()) {
    return dist;
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-dist-'));
  tempDirs.push(out);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, '--mode', 'production', '--output-path', out],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`webpack failed:\n${stdout}\n${stderr}`)) : resolve()),
    );
  });
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static file server for `dir` on 127.0.0.1, on a free port. */
async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
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
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A stand-in office.js that says "this is Excel", as Office.onReady does inside Excel. */
const FAKE_EXCEL_OFFICE_JS = `
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { host: 'Excel', requirements: { isSetSupported: function () { return true; } } },
    onReady: function (cb) {
      var info = { host: 'Excel', platform: 'OfficeOnline' };
      if (cb) cb(info);
      return Promise.resolve(info);
    }
  };`;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

describeIfTool(hasChromium(), CHROMIUM_PATH, 'task pane in chromium', () => {
  let site: { origin: string; close: () => Promise<void> };
  let context: BrowserContext;
  /** Every URL the page asked for, to check it reaches nothing but its own origin and office.js. */
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dir = await builtPages();
    site = await serve(dir);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-chromium-'));
    tempDirs.push(profile);
    // launchPersistentContext takes the fresh profile dir (launch() rejects --user-data-dir);
    // headless: true makes playwright pass --headless itself.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: VIEWPORT,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the pane with office.js answered by `officeJs` (empty: Office never initialises). */
  async function openPane(officeJs: string): Promise<Page> {
    const page = await context.newPage();
    page.on('request', (r) => requested.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs });
      if (url.startsWith(`${site.origin}/`)) return route.continue();
      return route.abort(); // this machine has no network; the test must not depend on it
    });
    await page.goto(`${site.origin}/taskpane.html`, { waitUntil: 'load' });
    return page;
  }

  test('renders outside Excel: name, version, preview notice, placeholder button', async () => {
    const page = await openPane('');
    const heading = page.getByRole('heading', { level: 1, name: 'Patient Ledger' });
    await heading.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(heading.isVisible()).resolves.toBe(true);
    await expect(page.getByText(`Version ${VERSION}`).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Not running inside Excel').isVisible()).resolves.toBe(true);
    const button = page.getByRole('button', { name: 'Analyze ledger' });
    await expect(button.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe('Patient Ledger');
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane.png') });

    // Nothing overflows the narrow pane sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const violations = await axeViolations(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (violations.length > serious.length) console.warn('axe (minor/moderate):', JSON.stringify(violations));
    expect(serious).toEqual([]);
    await page.close();
  }, 60_000);

  test('inside Excel (Office.onReady says Excel) the preview notice goes away', async () => {
    const page = await openPane(FAKE_EXCEL_OFFICE_JS);
    await page.getByRole('heading', { level: 1, name: 'Patient Ledger' }).waitFor({ timeout: 15_000 });
    await expect(page.getByText('Not running inside Excel').count()).resolves.toBe(0);
    await expect(page.getByText('Connecting to Excel').count()).resolves.toBe(0);
    // No analysis yet: the button stays a disabled placeholder even in Excel.
    await expect(page.getByRole('button', { name: 'Analyze ledger' }).getAttribute('aria-disabled')).resolves.toBe('true');
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-excel.png') });
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await page.close();
  }, 60_000);

  test('commands.html loads and registers no errors', async () => {
    const page = await openPane(FAKE_EXCEL_OFFICE_JS);
    await page.goto(`${site.origin}/commands.html`, { waitUntil: 'load' });
    await expect(page.evaluate(() => typeof (window as unknown as { action?: unknown }).action)).resolves.toBe('function');
    await page.close();
  }, 60_000);

  test('asked the network for nothing but its own pages and office.js, and threw no errors', () => {
    expect(requested.length).toBeGreaterThan(0);
    const foreign = requested.filter((u) => !u.startsWith(`${site.origin}/`) && u !== OFFICE_JS);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
