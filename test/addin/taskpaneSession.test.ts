/**
 * The analysis worker's session, in Node: the sample analysed through a
 * port, its views, and every sheet the pane writes drawn by the Office.js
 * renderer into the strict fake — the same path as in the browser, without
 * the browser.
 */
import path from 'path';
import { XlsxWorkbook } from '../../src/cli/xlsxWorkbook';
import { AnalysisSession } from '../../src/taskpane/worker/session';
import type { CellGrid } from '../../src/ingest/grid';
import type { WorkbookPort } from '../../src/app/port';
import { renderPlan } from '../../src/excel/renderPlan';
import { installFakeOffice, type InstalledFake } from '../support/fakeExcel';
import { FakeWorkbookModel } from '../support/fakeExcel/model';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample-ledger.xlsx');

async function sessionOnSample(): Promise<{ session: AnalysisSession; grids: CellGrid[] }> {
  const wb = await XlsxWorkbook.open(SAMPLE);
  const grids: CellGrid[] = [];
  const port: WorkbookPort & { headerRow(s: string, r: number): readonly (string | number | boolean | null)[] | null } = {
    listSheets: () => wb.listSheets(),
    readGrid: async (s) => {
      const g = await wb.readGrid(s);
      grids.push(g);
      return g;
    },
    headerRow: (s, r) => {
      const g = grids.find((x) => x.sheet === s);
      return g ? (g.values[r - g.top] ?? null) : null;
    },
  };
  const session = await AnalysisSession.run(port, { sheets: [], map: {}, today: '2026-11-01', version: '0.0.0-test', runAt: '2026-11-01T12:00:00.000Z' }, {});
  return { session, grids };
}

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

test('views: findings with totals, accounts with balances, the mapping with its headers', async () => {
  const { session } = await sessionOnSample();
  const v = session.view();
  expect(v.findings.length).toBeGreaterThan(10);
  expect(v.ruleTotals.reduce((n, t) => n + t.count, 0)).toBe(v.findings.length);
  expect(v.accounts.some((a) => a.amountDue > 0)).toBe(true);
  expect(v.sheets[0]!.headers[v.sheets[0]!.fields.account![0]!]).toMatch(/acc|mrn|patient id/i);
  // Structured-clone-able, as it must be to leave the worker.
  expect(structuredClone(v)).toEqual(v);
  const top = [...v.accounts].sort((a, b) => b.amountDue - a.amountDue)[0]!;
  const d = session.account(top.account)!;
  expect(d.lines.length).toBe(top.lines);
  expect(d.lines.every((l) => l.explanation.length > 0)).toBe(true);
});

test('every sheet the pane writes renders into the strict fake, one family at a time', async () => {
  const { session, grids } = await sessionOnSample();
  const model = new FakeWorkbookModel([]);
  for (const g of grids) if (!model.sheet(g.sheet)) model.seed(g.sheet, g.values, { top: g.top, left: g.left, numberFormats: g.numberFormats });
  fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, model, { platform: 'OfficeOnline' });
  await renderPlan(session.analysisSheets(), { replaceOnly: ['findings', 'expected-shares', 'run-log'] });
  const top = [...session.view().accounts].sort((a, b) => b.amountDue - a.amountDue)[0]!;
  await renderPlan(session.statements([top.account]), { replaceOnly: ['statements'], activateKey: 'statements' });
  const d = session.account(top.account)!;
  const inputs = { account: d.account, balance: (d.amountDue / 100).toFixed(2), monthlyIncome: '3000', householdSize: '2', state: 'CA', start: '2026-12-01', apr: '' };
  expect(session.preview(inputs)).toMatchObject({ ok: true });
  const planPlan = session.planSheet(inputs);
  await renderPlan(planPlan, { replaceOnly: [], activateKey: planPlan.sheets[0]!.key });
  await renderPlan(session.summary(), { replaceOnly: ['summary'], activateKey: 'summary' });
  const names = model.sheets.map((s) => s.name);
  for (const n of ['Findings', 'Expected Shares', 'Run Log', 'Statements', 'Summary']) expect(names).toContain(n);
  expect(names.some((n) => n.startsWith('Payment Plan - '))).toBe(true);
  expect(model.activeSheet?.name).toBe('Summary');
});

test('plan form errors name the field and say what to type', async () => {
  const { session } = await sessionOnSample();
  const base = { account: null, balance: '1200.00', monthlyIncome: '', householdSize: '1', state: '', start: '', apr: '' };
  expect(session.preview({ ...base, balance: '12.345' })).toMatchObject({ ok: false, field: 'balance' });
  expect(session.preview({ ...base, householdSize: 'two' })).toMatchObject({ ok: false, field: 'householdSize' });
  expect(session.preview({ ...base, state: 'California' })).toMatchObject({ ok: false, field: 'state' });
  expect(session.preview({ ...base, apr: 'lots' })).toMatchObject({ ok: false, field: 'apr' });
  expect(session.preview(base)).toMatchObject({ ok: true, plan: { assistanceDiscountPct: 0 } });
});
