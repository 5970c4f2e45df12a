import { CHROMIUM_PATH } from './tools';
import { builtPages, cleanup, fakeOfficeScript, launch, officeJsFor, openPane, sampleSheets, serve } from './browser/harness';
test('dump', async () => {
  const [dir, fake, sheets] = await Promise.all([builtPages(), fakeOfficeScript(), sampleSheets()]);
  const site = await serve(dir);
  const ctx = await launch(CHROMIUM_PATH);
  const logs: string[] = [];
  ctx.on('console', (m) => logs.push(m.type() + ' ' + m.text()));
  const p = await openPane(ctx, site, officeJsFor(fake, { sheets, theme: 'light' }));
  const page = p.page;
  page.on('worker', (w) => logs.push('worker ' + w.url()));
  await page.getByRole('checkbox', { name: 'Ledger' }).waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Analyze ledger' }).click();
  await page.waitForTimeout(8000);
  await page.screenshot({ path: '/tmp/dbg.png', fullPage: true });
  console.log(logs.join('\n'), p.pageErrors, p.requested);
  console.log((await page.locator('main').innerText()).slice(0, 1500));
  await ctx.close(); await site.close(); cleanup();
}, 120000);
