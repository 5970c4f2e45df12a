import { OfficeWorkbookPort } from '../../src/excel/officeWorkbookPort';
import { LedgerError } from '../../src/app/port';
import { DEFAULT_PAYLOAD_LIMIT } from '../support/fakeExcel';
import { freshExcel, ledgerRows } from './helpers';
import { renderPlan } from '../../src/excel/renderPlan';
import { findingsSheet, manyFindings, planOf, summarySheet } from './planFixtures';

describe('OfficeWorkbookPort (through the strict fake)', () => {
  test('reads a 100,000-row sheet in blocks: every response under 5 MB, syncs grow only by blocks', async () => {
    const fake = freshExcel(['Ledger']);
    const { values, formats } = ledgerRows(100_000);
    fake.model.seed('Ledger', values, { top: 3, left: 2, numberFormats: formats });
    fake.model.seed('Ledger', [['Practice ledger export']], { top: 1, left: 2 });
    const port = new OfficeWorkbookPort();
    const grid = await port.readGrid('Ledger');
    expect(grid.top).toBe(1);
    expect(grid.left).toBe(2);
    expect(grid.values).toHaveLength(100_003); // title (row 1), blank row 2, header (row 3), 100,000 lines
    expect(grid.values[2]![0]).toBe('Account');
    expect(grid.values[3]![2]).toBe(46000);
    expect(grid.numberFormats![3]![2]).toBe('mm/dd/yyyy');
    expect(grid.values[1]![0]).toBeNull(); // "" from Excel is the grid's blank
    const syncs = fake.host.syncs;
    const maxResponse = fake.host.maxResponseBytes;
    expect(maxResponse).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    expect(syncs.length).toBe(port.lastReadSyncs);
    const totalResponse = syncs.reduce((s, x) => s + x.responseBytes, 0);
    // O(blocks): about one sync per 3.5 MB of data, plus the first.
    expect(syncs.length).toBeLessThanOrEqual(Math.ceil(totalResponse / (3 * 1024 * 1024)) + 2);
    console.log(`read 100,000 rows: ${syncs.length} syncs, largest response ${maxResponse} bytes, total ${totalResponse}`);
  });

  test('a table is read with its header row; a missing sheet or table is a LedgerError', async () => {
    const fake = freshExcel(['Data']);
    fake.model.seed('Data', [['x'], [], [], ['Acct', 'Charge'], ['1', 10], ['2', 20]], { top: 1 });
    await Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A4:B6', true);
      t.name = 'Ledger';
      await ctx.sync();
    });
    const port = new OfficeWorkbookPort();
    const grid = await port.readGrid('Data', 'Ledger');
    expect(grid.top).toBe(4);
    expect(grid.values).toEqual([['Acct', 'Charge'], ['1', 10], ['2', 20]]);
    expect(grid.tableName).toBe('Ledger');
    await expect(port.readGrid('Nope')).rejects.toBeInstanceOf(LedgerError);
    await expect(port.readGrid('Data', 'Nope')).rejects.toBeInstanceOf(LedgerError);
    expect(await port.listSheets()).toEqual([{ name: 'Data', tables: ['Ledger'] }]);
  });

  test("listSheets leaves out the add-in's sheets, but not a user's sheet that replaced one of them", async () => {
    freshExcel(['Ledger']);
    await renderPlan(planOf([findingsSheet(manyFindings(2)), summarySheet()]));
    const port = new OfficeWorkbookPort();
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['Ledger']);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Summary').delete();
      ctx.workbook.worksheets.add('Summary').getRange('A1').values = [['Account']];
      await ctx.sync();
    });
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['Ledger', 'Summary']);
  });

  test('an empty sheet reads as an empty grid', async () => {
    freshExcel(['Empty']);
    const grid = await new OfficeWorkbookPort().readGrid('Empty');
    expect(grid.values).toEqual([]);
  });
});
