import { renderPlan } from '../../src/excel/renderPlan';
import { DEFAULT_PAYLOAD_LIMIT } from '../support/fakeExcel';
import { REGISTRY_SHEET, excelSerial } from '../../src/report/workbookPlan';
import { findingsSheet, manyFindings, planOf, summarySheet, FINDINGS_HEADER } from './planFixtures';
import { freshExcel } from './helpers';

describe('renderPlan (through the strict fake)', () => {
  test('a 50,000-row Findings sheet: a handful of syncs, no request over 5 MB', async () => {
    const fake = freshExcel(['Ledger']);
    const rows = manyFindings(50_000);
    const result = await renderPlan(planOf([findingsSheet(rows), summarySheet()]));
    const syncs = fake.host.syncs.length;
    const maxRequest = fake.host.maxRequestBytes;
    console.log(`render 50,000 findings: ${syncs} syncs, largest request ${maxRequest} bytes, total ${fake.host.syncs.reduce((s, x) => s + x.requestBytes, 0)}`);
    expect(maxRequest).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    expect(syncs).toBe(result.syncs);
    expect(syncs).toBeLessThanOrEqual(12);
    const m = fake.model;
    expect(result.sheets.map((s) => s.name)).toEqual(['Findings', 'Summary']);
    expect(m.cellAt('Findings', 'A1').v).toBe('Severity');
    expect(m.cellAt('Findings', 'C50001').v).toBe(rows[49_999]!.account);
    expect(m.cellAt('Findings', 'E2')).toMatchObject({ v: excelSerial(rows[0]!.date), nf: 'mm/dd/yyyy' });
    expect(m.cellAt('Findings', 'G2')).toMatchObject({ v: rows[0]!.amount, nf: '$#,##0.00;-$#,##0.00' });
    expect(m.cellAt('Findings', 'K2').v).toBe(''); // null → an empty cell
    const findings = m.mustSheet('Findings');
    expect(findings.freeze).toEqual({ rows: 1, columns: 0 });
    expect(m.tables.map((t) => [t.name, t.sheet.name])).toEqual([['PL_Findings', 'Findings']]);
    expect(findings.hyperlinks.get('1,8')).toMatchObject({ documentReference: 'Ledger!D2' });
    expect(findings.dataValidations[0]).toMatchObject({ address: 'J2:J50001' });
    const summary = m.mustSheet('Summary');
    expect(summary.charts[0]).toMatchObject({ type: 'ColumnClustered', source: 'Summary!A2:B4', position: ['D2', 'J15'] });
    expect(summary.pageLayout).toMatchObject({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, printArea: 'A1:J20', printTitleRows: 'A1:XFD1' }); // rows 1:1
    expect(summary.horizontalPageBreaks).toEqual([29, 59]);
    // Tagged: listed on the very-hidden registry.
    const reg = m.mustSheet(REGISTRY_SHEET);
    expect(reg.visibility).toBe('VeryHidden');
    expect(reg.valuesAt({ r0: 0, c0: 0, rows: 3, cols: 5 })).toEqual([
      ['Sheet', 'Key', 'PlanVersion', 'Written', 'A1'],
      ['Findings', 'findings', 1, '2026-11-01T10:00:00Z', 'Severity'],
      ['Summary', 'summary', 1, '2026-11-01T10:00:00Z', 'Bucket'],
    ]);
    // Host state restored.
    expect(m.enableEvents).toBe(true);
    expect(m.calculationMode).toBe('Automatic');
  });

  test("a user's own Findings sheet is never written: the plan takes Findings (2)", async () => {
    const fake = freshExcel(['Ledger', 'Findings']);
    fake.model.seed('Findings', [['My notes'], ['call Aetna Tuesday']]);
    const result = await renderPlan(planOf([findingsSheet(manyFindings(3))]));
    expect(result.sheets[0]).toMatchObject({ name: 'Findings (2)', reused: false });
    expect(fake.model.mustSheet('Findings').valuesAt({ r0: 0, c0: 0, rows: 2, cols: 2 })).toEqual([['My notes', ''], ['call Aetna Tuesday', '']]);
    expect(fake.model.cellAt('Findings (2)', 'A1').v).toBe('Severity');
    // A second run rewrites Findings (2) and still leaves the user's sheet alone.
    const again = await renderPlan(planOf([findingsSheet(manyFindings(2))]));
    expect(again.sheets[0]).toMatchObject({ name: 'Findings (2)', reused: true });
    expect(fake.model.cellAt('Findings', 'A1').v).toBe('My notes');
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Ledger', 'Findings', 'Findings (2)', REGISTRY_SHEET]);
  });

  test("a user's sheet that replaced ours under the same name is the user's: the plan takes Summary (2)", async () => {
    const fake = freshExcel(['Ledger']);
    const m = fake.model;
    await renderPlan(planOf([findingsSheet(manyFindings(2)), summarySheet()]));
    // The user deletes our Summary and makes a Summary of their own (still listed in the registry by name).
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Summary').delete();
      ctx.workbook.worksheets.add('Summary').getRange('A1:B2').values = [['My summary', ''], ['keep', 42]];
      await ctx.sync();
    });
    const again = await renderPlan(planOf([findingsSheet(manyFindings(2)), summarySheet()]));
    expect(again.sheets).toEqual([
      { key: 'findings', name: 'Findings', reused: true },
      { key: 'summary', name: 'Summary (2)', reused: false },
    ]);
    expect(again.removed).toEqual([]);
    const theirs = m.mustSheet('Summary');
    expect(theirs.valuesAt({ r0: 0, c0: 0, rows: 3, cols: 2 })).toEqual([['My summary', ''], ['keep', 42], ['', '']]);
    expect(theirs.clears).toBe(0);
    expect(theirs.charts).toEqual([]);
    expect(m.cellAt('Summary (2)', 'A1').v).toBe('Bucket');
    expect(m.mustSheet('Summary (2)').charts).toHaveLength(1);
    const reg = () => m.mustSheet(REGISTRY_SHEET).valuesAt({ r0: 1, c0: 0, rows: 3, cols: 5 }).map((r) => [r[0], r[1], r[4]]);
    expect(reg()).toEqual([['Findings', 'findings', 'Severity'], ['Summary (2)', 'summary', 'Bucket'], ['', '', '']]);
    // A third run rewrites Summary (2) in place; the user's Summary is still never touched.
    const third = await renderPlan(planOf([findingsSheet(manyFindings(2)), summarySheet()]));
    expect(third.sheets[1]).toEqual({ key: 'summary', name: 'Summary (2)', reused: true });
    expect(m.cellAt('Summary', 'A1').v).toBe('My summary');
    expect(m.mustSheet('Summary').clears).toBe(0);
    expect(m.sheets.map((s) => s.name)).toEqual(['Ledger', 'Findings', REGISTRY_SHEET, 'Summary', 'Summary (2)']);
  });

  test("a listed sheet whose A1 a user typed over is the user's: not cleared, not removed, Status/Note not read from it", async () => {
    const fake = freshExcel(['Ledger']);
    const m = fake.model;
    await renderPlan(planOf([findingsSheet(manyFindings(2))]));
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Findings');
      ws.getRange('A1').values = [['My worklist']];
      ws.getRange('J2').values = [['Resolved']]; // the row's keys are intact: only ownership stops the carry-over
      await ctx.sync();
    });
    // A plan without Findings would remove our sheet — but this one is the user's now.
    const result = await renderPlan(planOf([summarySheet()]));
    expect(result.removed).toEqual([]);
    expect(m.mustSheet('Findings').clears).toBe(0);
    expect(m.cellAt('Findings', 'A1').v).toBe('My worklist');
    const next = await renderPlan(planOf([findingsSheet(manyFindings(2)), summarySheet()]));
    expect(next.sheets[0]).toEqual({ key: 'findings', name: 'Findings (2)', reused: false });
    expect(m.cellAt('Findings (2)', 'J2').v).toBe('Open');
    expect(m.cellAt('Findings', 'J2').v).toBe('Resolved');
    // The user's sheet keeps the table we once drew there; ours takes the next free name.
    expect(m.tables.map((t) => [t.name, t.sheet.name])).toEqual([['PL_Findings', 'Findings'], ['PL_Findings_2', 'Findings (2)']]);
  });

  test("every listed sheet's A1 is read in one grouped load, not a sync per sheet", async () => {
    const sheets = (n: number) => Array.from({ length: n }, (_, i) => ({ ...summarySheet(), name: `Summary ${i + 1}`, key: `summary:${i + 1}` }));
    const rerunSyncs = async (n: number): Promise<number> => {
      const fake = freshExcel(['Ledger']);
      await renderPlan(planOf(sheets(n)));
      fake.host.resetCounters();
      const result = await renderPlan(planOf(sheets(n)));
      expect(result.sheets.every((s) => s.reused)).toBe(true);
      return fake.host.syncs.length;
    };
    expect(await rerunSyncs(8)).toBe(await rerunSyncs(1));
  });

  test('a plan null is an empty cell on a re-run, whatever the cell held', async () => {
    const fake = freshExcel(['Ledger']);
    await renderPlan(planOf([summarySheet()]));
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Summary').getRange('B3').values = [['typed over']];
      await ctx.sync();
    });
    const s = summarySheet();
    const next = { ...s, blocks: [{ at: 'A1', rows: [['Bucket', 'Amount'], ['0-30', 100], ['31-60', null], [null, 25]] }] };
    await renderPlan(planOf([next]));
    const m = fake.model;
    expect(m.cellAt('Summary', 'B3')).toMatchObject({ v: '', f: null });
    expect(m.cellAt('Summary', 'A4')).toMatchObject({ v: '', f: null });
    expect(m.cellAt('Summary', 'B2').v).toBe(100);
    expect(m.cellAt('Summary', 'B4').v).toBe(25);
  });

  test('a re-run rewrites in place and keeps Status/Note with the same finding', async () => {
    const fake = freshExcel(['Ledger']);
    const rows = manyFindings(5);
    await renderPlan(planOf([findingsSheet(rows)]));
    // The representative works two findings (sheet rows 3 and 5: rows[1] and rows[3]).
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Findings');
      ws.getRange('J3:K3').values = [['Working', 'called payer 11/2']];
      // Typed with Excel's apostrophe, as a user keeps "=…" as text.
      ws.getRange('J5:K5').values = [['Resolved', "'=not a formula"]];
      await ctx.sync();
    });
    // Next run: findings reordered, one gone, one new.
    const next = [rows[3]!, rows[1]!, { ...rows[0]!, account: 'NEW1' }, rows[2]!];
    fake.host.resetCounters();
    const result = await renderPlan(planOf([findingsSheet(next)]));
    expect(result.sheets[0]).toMatchObject({ name: 'Findings', reused: true });
    expect(fake.model.deletedSheets).toEqual([]);
    const m = fake.model;
    const status = (r: number) => [m.cellAt('Findings', `C${r}`).v, m.cellAt('Findings', `J${r}`).v, m.cellAt('Findings', `K${r}`).v];
    expect(status(2)).toEqual([rows[3]!.account, 'Resolved', '=not a formula']);
    expect(m.cellAt('Findings', 'K2')).toMatchObject({ f: null, nf: '@' });
    expect(status(3)).toEqual([rows[1]!.account, 'Working', 'called payer 11/2']);
    expect(status(4)).toEqual(['NEW1', 'Open', '']);
    expect(status(5)).toEqual([rows[2]!.account, 'Open', '']);
    expect(m.cellAt('Findings', 'A6').v).toBe(''); // the old sixth row is gone
    expect(m.tables).toHaveLength(1);
    console.log(`re-run of 4 findings: ${fake.host.syncs.length} syncs`);
  });

  test('text that looks like a formula or a number stays text', async () => {
    const fake = freshExcel(['Ledger']);
    const tricky = ['=HYPERLINK("http://x","y")', '+1+2', '@SUM(1)', '-2+3', '\tTAB', '\rCR', '00123', '3/2/2026', 'TRUE'];
    const rows = tricky.map((p, i) => ({ ...manyFindings(1)[0]!, patient: p, account: tricky[(i + 3) % tricky.length]! }));
    await renderPlan(planOf([findingsSheet(rows)]));
    tricky.forEach((p, i) => {
      const cell = fake.model.cellAt('Findings', `D${i + 2}`);
      expect(cell).toMatchObject({ v: p, f: null, nf: '@' });
      expect(fake.model.cellAt('Findings', `C${i + 2}`)).toMatchObject({ v: tricky[(i + 3) % tricky.length], f: null });
    });
  });

  test('events and calculation are restored after a failed write', async () => {
    const fake = freshExcel(['Ledger']);
    const bad = findingsSheet(manyFindings(3));
    const overlapping = { ...bad, tables: [...bad.tables!, { ...bad.tables![0]!, name: 'PL_Other' }] };
    await expect(renderPlan(planOf([overlapping]))).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    expect(fake.model.enableEvents).toBe(true);
    expect(fake.model.calculationMode).toBe('Automatic');
    expect(fake.host.calls.get('suspendScreenUpdatingUntilNextSync')).toBe(1);
  });

  test('at ExcelApi 1.7 (older Excel) the members it lacks are skipped, not called', async () => {
    const fake = freshExcel(['Ledger'], { apiVersion: '1.7' });
    await renderPlan(planOf([findingsSheet(manyFindings(3)), summarySheet()]));
    expect(fake.model.cellAt('Findings', 'A1').v).toBe('Severity');
    expect(fake.model.mustSheet('Summary').horizontalPageBreaks).toEqual([]);
    expect(fake.model.mustSheet('Findings').dataValidations).toEqual([]);
    expect(fake.host.calls.get('suspendScreenUpdatingUntilNextSync')).toBeUndefined();
  });

  test('the header row is written as planned', async () => {
    const fake = freshExcel(['Ledger']);
    await renderPlan(planOf([findingsSheet(manyFindings(1))]));
    expect(fake.model.mustSheet('Findings').valuesAt({ r0: 0, c0: 0, rows: 1, cols: FINDINGS_HEADER.length })).toEqual([FINDINGS_HEADER]);
  });
});
