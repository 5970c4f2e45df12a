/**
 * The built task pane in a real browser (Debian's chromium via playwright-core)
 * at task-pane size (350×700): outside Excel it names itself and its version
 * and says it is a preview; inside Excel (the strict fake of Office.js, built
 * for the browser, answering the page's request for office.js) it offers
 * Analyze and lists the workbook's sheets. No serious accessibility
 * violations (axe-core); nothing asked of any host but 127.0.0.1. The day's
 * walk is taskpane.walk.browser.test.ts. Screenshots go to test-output/.
 *
 * The pages come from dist/ when `npm run build` produced it after the last
 * source change (as in CI); otherwise from a fresh production build in a temp
 * directory. PL_FRESH_BUILD=1 forces the fresh build.
 */
import fs from 'fs';
import path from 'path';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, describeIfTool, hasChromium } from '../support/externalTools';
import {
  OUTPUT, ROOT, axeViolations, builtPages, cleanup, fakeOfficeScript, launch, officeJsFor, openPane, sampleSheets, seriousOnly, serve, type OpenedPane, type Site,
} from './browser/harness';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describeIfTool(hasChromium(), CHROMIUM_PATH, 'task pane in chromium', () => {
  let site: Site;
  let context: BrowserContext;
  let fake: string;
  const opened: OpenedPane[] = [];

  beforeAll(async () => {
    const [dir, script] = await Promise.all([builtPages(), fakeOfficeScript()]);
    fake = script;
    site = await serve(dir);
    context = await launch(CHROMIUM_PATH);
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
    cleanup();
  });

  test('renders outside Excel: name, version, preview notice, Analyze disabled', async () => {
    const pane = await openPane(context, site, '');
    opened.push(pane);
    const { page } = pane;
    const heading = page.getByRole('heading', { level: 1, name: 'Patient Ledger' });
    await heading.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(page.getByText(`Version ${VERSION}`).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Not running inside Excel').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Analyze ledger' }).getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe('Patient Ledger');
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane.png') });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.close();
  }, 60_000);

  test('inside Excel: no preview notice, Analyze enabled, the sheets listed and the missing configuration explained', async () => {
    const sheets = (await sampleSheets()).filter((s) => s.name === 'Ledger');
    const pane = await openPane(context, site, officeJsFor(fake, { sheets, theme: 'light' }));
    opened.push(pane);
    const { page } = pane;
    await page.getByRole('checkbox', { name: 'Ledger' }).waitFor({ timeout: 15_000 });
    await expect(page.getByText('Not running inside Excel').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Analyze ledger' }).getAttribute('aria-disabled')).not.toBe('true');
    // No configuration sheets in this workbook: each is named with what it would add.
    await expect(page.getByText('Plans', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/deductibles, out-of-pocket maximums/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-excel.png'), fullPage: true });
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.close();
  }, 60_000);

  test('"Set up workbook" adds the missing configuration sheets as the user\'s, says which, and the list empties', async () => {
    const sheets = (await sampleSheets()).filter((s) => s.name === 'Ledger');
    const pane = await openPane(context, site, officeJsFor(fake, { sheets, theme: 'light' }));
    opened.push(pane);
    const { page } = pane;
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    const notice = page.getByTestId('pane-notice');
    await notice.getByText(/^Added “Plans”, “Benefits”, “FeeSchedule”, “Coverage”, “Patients”, “Policy” to the workbook/).waitFor({ timeout: 15_000 });
    // The list was refreshed: nothing is missing, so the card (and its button) is gone.
    await page.getByRole('heading', { name: 'Configuration sheets' }).waitFor({ state: 'detached', timeout: 15_000 });
    const wb = await page.evaluate(() => {
      interface S { name: string; visibility: string; usedRect(v: boolean): unknown; valuesAt(r: unknown): unknown[][] }
      const m = (window as unknown as { __plFake: { model: { sheets: S[] } } }).__plFake.model;
      return m.sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: s.valuesAt(s.usedRect(true)) }));
    });
    // Visible, untagged (no registry sheet), the ledger first and untouched.
    expect(wb.map((s) => [s.name, s.visibility])).toEqual(
      ['Ledger', 'Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy'].map((n) => [n, 'Visible']),
    );
    expect(wb.find((s) => s.name === 'Coverage')!.values).toEqual([['Account', 'PlanId', 'MemberId', 'FamilyId', 'Priority', 'EffectiveFrom', 'EffectiveTo', 'DeductibleMet', 'OOPMet', 'AsOf']]);
    expect(wb.find((s) => s.name === 'Policy')!.values.slice(0, 2)).toEqual([['Key', 'Value'], ['PracticeName', '']]);
    // The new sheets are configuration, not ledgers: the picker still offers only the Ledger.
    await expect(page.getByRole('checkbox').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-setup.png'), fullPage: true });
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.close();
  }, 60_000);

  test('commands.html loads and registers its handler', async () => {
    const pane = await openPane(context, site, officeJsFor(fake, { sheets: [], theme: 'light' }));
    opened.push(pane);
    await pane.page.goto(`${site.origin}/commands.html`, { waitUntil: 'load' });
    await expect(pane.page.evaluate(() => typeof (window as unknown as { action?: unknown }).action)).resolves.toBe('function');
    await pane.page.close();
  }, 60_000);

  test('asked no host but 127.0.0.1 for anything, and threw no errors', () => {
    const all = opened.flatMap((o) => o.requested);
    expect(all.length).toBeGreaterThan(0);
    expect(opened.flatMap((o) => o.foreign)).toEqual([]);
    expect(opened.flatMap((o) => o.pageErrors)).toEqual([]);
  });
});
