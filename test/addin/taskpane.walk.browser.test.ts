/**
 * A representative's day in the built task pane, in Chromium, against the
 * strict fake of Office.js holding the sample workbook (assets/
 * sample-ledger.xlsx): analyze → the findings appear → clicking one selects
 * its cell → bill an account → a payment plan with a live preview → write
 * the schedule → write the summary. After each step the fake workbook's
 * contents are checked, a screenshot is kept under test-output/walk-<theme>/,
 * and axe-core must find no serious or critical violation. The walk runs in
 * the light and in the dark Office theme. Every request is recorded: one to
 * any host but 127.0.0.1 fails the test.
 */
import fs from 'fs';
import path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, describeIfTool, hasChromium } from '../support/externalTools';
import { OUTPUT, axeViolations, builtPages, cleanup, fakeOfficeScript, launch, officeJsFor, openPane, sampleSheets, seriousOnly, serve, type Site } from './browser/harness';
import type { BrowserSheet } from './browser/fakeOfficeEntry';

interface SheetDump {
  name: string;
  visibility: string;
  values: (string | number | boolean)[][];
}

/** The fake workbook as plain data: sheet names, visibility and used values; the selection and active sheet. */
async function workbook(page: Page): Promise<{ sheets: SheetDump[]; selection: { sheet: string; address: string } | null; active: string | null }> {
  return page.evaluate(() => {
    interface FakeSheetLike {
      name: string;
      visibility: string;
      usedRect(v: boolean): unknown;
      valuesAt(r: unknown): (string | number | boolean)[][];
    }
    const m = (window as unknown as { __plFake: { model: { sheets: FakeSheetLike[]; selection: { sheet: string; address: string } | null; activeSheet: FakeSheetLike | null } } }).__plFake.model;
    return {
      sheets: m.sheets.map((s) => {
        const rect = s.usedRect(true);
        return { name: s.name, visibility: s.visibility, values: rect ? s.valuesAt(rect) : [] };
      }),
      selection: m.selection,
      active: m.activeSheet?.name ?? null,
    };
  });
}

function sheet(wb: { sheets: SheetDump[] }, name: string): SheetDump {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet "${name}" (sheets: ${wb.sheets.map((x) => x.name).join(', ')})`);
  return s;
}

const flat = (s: SheetDump): string[] => s.values.flat().map(String);

describeIfTool(hasChromium(), CHROMIUM_PATH, "a representative's day in the task pane", () => {
  let site: Site;
  let context: BrowserContext;
  let fake: string;
  let sheets: BrowserSheet[];

  beforeAll(async () => {
    const [dir, script, sample] = await Promise.all([builtPages(), fakeOfficeScript(), sampleSheets()]);
    fake = script;
    sheets = sample;
    site = await serve(dir);
    context = await launch(CHROMIUM_PATH);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
    cleanup();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`analyze → findings → select a cell → bill → plan → schedule → summary (${theme} theme)`, async () => {
      const out = path.join(OUTPUT, `walk-${theme}`);
      fs.mkdirSync(out, { recursive: true });
      const pane = await openPane(context, site, officeJsFor(fake, { sheets, theme }));
      const { page } = pane;
      const before = await workbook(page);
      const ledgerBefore = JSON.stringify(sheet(before, 'Ledger').values);

      const step = async (name: string): Promise<void> => {
        // The pane as seen, down to 1,400 px: enough to show a step, short enough to read.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 350, height: Math.min(height, 1400) } });
        const serious = seriousOnly(await axeViolations(page));
        if (serious.length > 0) throw new Error(`axe, step ${name}: ${JSON.stringify(serious, null, 1)}`);
      };

      // 1. Start.
      await page.getByRole('checkbox', { name: 'Ledger' }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.querySelector('.fui-FluentProvider')?.getAttribute('data-theme'))).toBe(theme);
      await step('01-start');

      // 2. Analyze: Findings, Expected Shares and Run Log are written; the ledger is not touched.
      await page.getByRole('button', { name: 'Analyze ledger' }).click();
      await page.getByTestId('pane-notice').getByText(/Analysis done/).waitFor({ timeout: 60_000 });
      let wb = await workbook(page);
      const findings = sheet(wb, 'Findings');
      expect(findings.values.length).toBeGreaterThan(10);
      expect(flat(findings)).toEqual(expect.arrayContaining(['Severity', 'Rule', 'Account', 'Amount', 'Message', 'Cell', 'Status', 'Note']));
      expect(sheet(wb, 'Expected Shares').values.length).toBeGreaterThan(250);
      expect(sheet(wb, 'Run Log').values.length).toBeGreaterThan(5);
      expect(JSON.stringify(sheet(wb, 'Ledger').values)).toBe(ledgerBefore);
      const cards = page.getByTestId('finding');
      expect(await cards.count()).toBeGreaterThan(10);
      await step('03-findings');
      await page.getByRole('tab', { name: 'Start' }).click();
      await page.getByTestId('analysis-counts').waitFor();
      await step('02-analyze');

      // 3. A finding's button selects its cell in the ledger.
      await page.getByRole('tab', { name: 'Findings' }).click();
      const go = page.getByRole('button', { name: /^Select .* in the ledger$/ }).first();
      const label = (await go.getAttribute('aria-label'))!;
      const ref = /^Select (.*)!([A-Z]+\d+) in the ledger$/.exec(label)!;
      await go.click();
      await page.waitForFunction(() => (window as unknown as { __plFake: { model: { selection: unknown } } }).__plFake.model.selection !== null);
      wb = await workbook(page);
      expect(wb.selection).toEqual({ sheet: ref[1]!.replace(/^'|'$/g, ''), address: ref[2] });
      expect(wb.active).toBe(ref[1]!.replace(/^'|'$/g, ''));
      // The working opens under the finding.
      await cards.first().getByRole('button', { name: 'Working' }).click();
      await step('04-finding-working');

      // 4. Bill the account with the largest balance: Statements holds its statement.
      await page.getByRole('tab', { name: 'Accounts' }).click();
      const match = page.getByTestId('account-match').first();
      const account = /^Account (\S+),/.exec((await match.getAttribute('aria-label'))!)![1]!;
      await match.click();
      await page.getByTestId('account-detail').waitFor();
      await page.getByRole('button', { name: 'Bill', exact: true }).click();
      await page.getByTestId('pane-notice').getByText(/Wrote “Statements”/).waitFor({ timeout: 30_000 });
      wb = await workbook(page);
      expect(flat(sheet(wb, 'Statements')).some((v) => v.includes(account))).toBe(true);
      expect(wb.active).toBe('Statements');
      await step('05-account-billed');

      // 5. Payment plan, prefilled from the account, previewed live as the income changes.
      await page.getByRole('button', { name: 'Payment plan' }).click();
      const preview = page.getByTestId('plan-preview');
      await preview.waitFor({ timeout: 15_000 });
      const income = page.getByRole('textbox', { name: /Gross monthly income/ });
      await income.fill('1500');
      await expect(page.getByTestId('plan-discount').textContent()).resolves.toBeTruthy();
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-discount"]')?.textContent === '100 %');
      await income.fill('25000');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-discount"]')?.textContent === '0 %');
      const monthly = await page.getByTestId('plan-monthly').textContent();
      expect(monthly).toMatch(/^\$[\d,]+\.\d\d$/);
      // A working household's income: the screenshot shows a plan of several months.
      await income.fill('7000');
      await page.waitForFunction((m) => document.querySelector('[data-testid="plan-monthly"]')?.textContent !== m, monthly);
      await step('06-plan');

      // 6. Write the schedule: a Payment Plan sheet for the account.
      await page.getByRole('button', { name: 'Write schedule' }).click();
      await page.getByTestId('pane-notice').getByText(/Wrote “Payment Plan - /).waitFor({ timeout: 30_000 });
      wb = await workbook(page);
      const planSheet = wb.sheets.find((s) => s.name.startsWith('Payment Plan - '));
      expect(planSheet).toBeDefined();
      expect(flat(planSheet!).join(' ')).toContain(account);
      await step('07-schedule');

      // 7. Summary: written, de-identified, and shown.
      await page.getByRole('tab', { name: 'Summary' }).click();
      await page.getByRole('button', { name: 'Write summary' }).click();
      await page.getByTestId('pane-notice').getByText(/Wrote “Summary”/).waitFor({ timeout: 30_000 });
      wb = await workbook(page);
      expect(wb.active).toBe('Summary');
      expect(flat(sheet(wb, 'Summary')).some((v) => v === account)).toBe(false);
      // Writing one sheet kept the others.
      for (const name of ['Findings', 'Expected Shares', 'Run Log', 'Statements', planSheet!.name]) expect(wb.sheets.map((s) => s.name)).toContain(name);
      expect(JSON.stringify(sheet(wb, 'Ledger').values)).toBe(ledgerBefore);
      await step('08-summary');

      expect(pane.foreign).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
