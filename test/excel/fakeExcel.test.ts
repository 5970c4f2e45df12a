/** The strict fake's own rules: what makes tests against it worth something. */
import { FakeOfficeError } from '../support/fakeExcel';
import { selectCell } from '../../src/excel/selectCell';
import { loadColumnMapping, saveColumnMapping } from '../../src/excel/settings';
import { freshExcel } from './helpers';

describe('strict fake of Excel', () => {
  test('a property read before load + sync throws PropertyNotLoaded', async () => {
    freshExcel(['S']);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('address');
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // loaded but not synced
      await ctx.sync();
      expect(r.address).toBe('S!A1:B2');
      expect(() => r.values).toThrow(FakeOfficeError); // synced but not loaded
    });
  });

  test('writes are queued until sync; a 2-D write of the wrong shape fails there with InvalidArgument', async () => {
    const fake = freshExcel(['S']);
    await expect(
      Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
        r.values = [[1, 2]];
        expect(fake.model.cellAt('S', 'A1').v).toBe('');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('null in a 2-D write leaves the cell; strings are typed input unless the format is text', async () => {
    const fake = freshExcel(['S']);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:E1');
      r.values = [['=1+2', '+1+2', '00123', 'x', 'keep']];
      await ctx.sync();
      r.values = [[null, null, null, null, 'kept?']];
      r.getCell(0, 4).numberFormat = [['@']];
      r.getCell(0, 4).values = [['=SUM(1)']];
      await ctx.sync();
    });
    expect(fake.model.cellAt('S', 'A1')).toMatchObject({ f: '=1+2' });
    expect(fake.model.cellAt('S', 'B1')).toMatchObject({ f: '=+1+2' });
    expect(fake.model.cellAt('S', 'C1').v).toBe(123);
    expect(fake.model.cellAt('S', 'D1').v).toBe('x');
    expect(fake.model.cellAt('S', 'E1')).toMatchObject({ v: '=SUM(1)', f: null, nf: '@' });
  });

  test('a request over 5 MB is refused at sync; syncs and bytes are counted', async () => {
    const fake = freshExcel(['S']);
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} `.padEnd(100, 'x')]);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, big.length, 1).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.host.syncs).toHaveLength(1);
    expect(fake.host.syncs[0]!.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.model.cellAt('S', 'A1').v).toBe(''); // nothing of a refused request is applied
  });

  test('*OrNullObject gives a null object after sync; sheet-name rules and duplicates fail as in Excel', async () => {
    freshExcel(['S']);
    await Excel.run(async (ctx) => {
      const none = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => none.isNullObject).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      ctx.workbook.worksheets.add('x'.repeat(32));
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ctx.workbook.worksheets.add('s');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      const hidden = ctx.workbook.worksheets.add('H');
      hidden.visibility = 'VeryHidden';
      await ctx.sync();
      hidden.delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });

  test('a member above the host ExcelApi version is missing (ApiNotFound)', async () => {
    freshExcel(['S'], { apiVersion: '1.8' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('selectCell activates the sheet and selects the cell', async () => {
    const fake = freshExcel(['Summary', 'Ledger']);
    await selectCell('Ledger', 'D5');
    expect(fake.model.selection).toEqual({ sheet: 'Ledger', address: 'D5' });
    expect(fake.model.activeSheet?.name).toBe('Ledger');
    await expect(selectCell('Gone', 'A1')).rejects.toThrow(/no sheet named "Gone"/);
  });

  test('column mapping is saved in the workbook settings with letters only, no cell values', async () => {
    const fake = freshExcel(['Ledger']);
    await saveColumnMapping({ Ledger: { account: 'b', patientName: 'Jane Doe', serviceDate: 'D' } });
    expect(fake.model.savedSettings.get('patientLedger.columnMapping')).toEqual({ Ledger: { account: 'B', serviceDate: 'D' } });
    expect(loadColumnMapping()).toEqual({ Ledger: { account: 'B', serviceDate: 'D' } });
  });
});
