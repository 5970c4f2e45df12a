import path from 'path';
import { XlsxWorkbook } from '../../src/cli/xlsxWorkbook';
import { AnalysisSession } from '../../src/taskpane/worker/session';
import { renderPlan } from '../../src/excel/renderPlan';
import { installFakeOffice } from '../support/fakeExcel';
import { FakeWorkbookModel } from '../support/fakeExcel/model';
test('bisect', async () => {
  const wb = await XlsxWorkbook.open(path.resolve('assets/sample-ledger.xlsx'));
  const grids: any[] = [];
  const port: any = { listSheets: () => wb.listSheets(), readGrid: async (s: string) => { const g = await wb.readGrid(s); grids.push(g); return g; }, headerRow: () => null };
  const session = await AnalysisSession.run(port, { sheets: [], map: {}, today: '2026-11-01', version: 'x', runAt: '2026-11-01T00:00:00Z' }, {});
  const plan = session.analysisSheets();
  for (const sp of plan.sheets) {
    const model = new FakeWorkbookModel(['Ledger']);
    const f = installFakeOffice(globalThis as any, model, {});
    try { await renderPlan({ ...plan, sheets: [sp] }); console.log('ok', sp.name); } catch (e) { console.log('FAIL', sp.name, (e as Error).message, JSON.stringify(sp.blocks.map(b => [b.at, b.rows.length, b.rows.map(r => r.length).filter((v, i, a) => a.indexOf(v) === i)]))); }
    f.uninstall();
  }
});
