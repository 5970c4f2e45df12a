/**
 * The CLI's own .xlsx reader (src/cli/xlsx) against exceljs as the oracle:
 * workbooks are written with exceljs, then read by both, and the grids must
 * be the same. Parts exceljs does not write (inline strings, phonetic runs,
 * namespace prefixes, CDATA, cells without addresses) are built by hand and
 * checked against values worked out from the XML.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strToU8, zipSync } from '../support/zipFiles';
import { XlsxWorkbook } from '../../src/cli/xlsxWorkbook';
import { LedgerError } from '../../src/app/port';
import type { CellGrid, CellValue } from '../../src/ingest/grid';
import { day, excelSerialFromDay } from '../../src/domain/day';

const tmp = mkdtempSync(join(tmpdir(), 'pl-xlsx-'));
let fileNo = 0;

async function save(wb: ExcelJS.Workbook): Promise<string> {
  const p = join(tmp, `wb-${++fileNo}.xlsx`);
  await wb.xlsx.writeFile(p);
  return p;
}

// ---------- the oracle: exceljs's reading, converted as Excel.Range.values gives cells ----------
const MS_PER_DAY = 86_400_000;

function oracleValue(v: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // Serial = days since the epoch of the date system (1899-12-30, or 1904-01-01), fraction = time of day.
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return (v.getTime() - epoch) / MS_PER_DAY;
  }
  if ('richText' in v) return v.richText.map((p) => p.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as { result?: ExcelJS.CellValue }).result;
    return r === undefined ? null : oracleValue(r, date1904);
  }
  if ('error' in v) return String(v.error);
  if ('text' in v) return String(v.text);
  return String(v);
}

async function oracleGrids(path: string): Promise<{ sheets: string[]; grids: Map<string, CellGrid> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const date1904 = (wb.properties as unknown as { date1904?: boolean }).date1904 === true;
  const grids = new Map<string, CellGrid>();
  const sheets: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'veryHidden') sheets.push(ws.name);
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 1; r <= rows; r++) {
      const vr = new Array<CellValue>(cols).fill(null);
      const fr = new Array<string | null>(cols).fill(null);
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
        vr[c - 1] = oracleValue(cell.value, date1904);
        fr[c - 1] = cell.numFmt ?? null;
      });
      values.push(vr);
      formats.push(fr);
    }
    grids.set(ws.name, { sheet: ws.name, values, numberFormats: formats, top: 1, left: 1, date1904, allText: false });
  }
  return { sheets, grids };
}

/** Dates go through a JS Date in exceljs: equal to a millisecond, not to the last bit. */
function expectSameGrid(actual: CellGrid, expected: CellGrid): void {
  expect(actual.sheet).toBe(expected.sheet);
  expect(actual.date1904).toBe(expected.date1904);
  expect(actual.numberFormats).toEqual(expected.numberFormats);
  expect(actual.values.length).toBe(expected.values.length);
  actual.values.forEach((row, r) => {
    expect(row.length).toBe(expected.values[r]!.length);
    row.forEach((v, c) => {
      const e = expected.values[r]![c];
      if (typeof v === 'number' && typeof e === 'number' && v !== e) expect(Math.abs(v - e)).toBeLessThan(1e-8);
      else expect([r, c, v]).toEqual([r, c, e]);
    });
  });
}

async function expectLikeExceljs(path: string): Promise<XlsxWorkbook> {
  const ours = await XlsxWorkbook.open(path);
  const oracle = await oracleGrids(path);
  expect((await ours.listSheets()).map((s) => s.name)).toEqual(oracle.sheets);
  for (const [name, grid] of oracle.grids) expectSameGrid(await ours.readGrid(name), grid);
  return ours;
}

describe('same grid as exceljs', () => {
  it('text, shared strings, rich text, numbers, booleans, blanks, special characters', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ledger');
    ws.addRow(['Account', 'Name', 'Amount', 'Flag', 'Note']);
    ws.addRow(['A-1', 'Tom & "Jerry" <cat> \'n\' mouse', 12.5, true, null]);
    ws.addRow(['A-1', 'Tom & "Jerry" <cat> \'n\' mouse', -0.07, false, 'Line one\nline two']); // shared string reused
    ws.addRow([]);
    ws.addRow(['  padded  ', 'Zoë Ünal 😀 — ½', 1e-7, 123456789012, '=not a formula']);
    ws.getCell('E6').value = { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'and plain & <odd>' }] };
    ws.getCell('H7').value = 3; // widens the grid: columns F–G stay null
    await expectLikeExceljs(await save(wb));
  });

  it('dates with formats (1900 system), general and custom number formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dates');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 2, 2));
    ws.getCell('A1').numFmt = 'mm/dd/yyyy';
    ws.getCell('A2').value = new Date(Date.UTC(2026, 2, 2, 12, 0, 0)); // noon: .5 of a day
    ws.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('A3').value = new Date(Date.UTC(1900, 0, 1));
    ws.getCell('B1').value = 0.125;
    ws.getCell('B1').numFmt = '0.00%';
    ws.getCell('B2').value = 1234.5;
    ws.getCell('B2').numFmt = '"$"#,##0.00;[Red]("$"#,##0.00)';
    ws.getCell('B3').value = 7;
    ws.getCell('B3').numFmt = '@';
    ws.getCell('C1').value = 46083; // a serial typed as a plain number stays a number
    const ours = await expectLikeExceljs(await save(wb));
    // Hand check: 2 March 2026 is serial 46083 (days since 1899-12-30).
    const g = await ours.readGrid('Dates');
    expect(g.values[0]![0]).toBe(46083);
    expect(g.values[1]![0]).toBe(46083.5);
    expect(g.numberFormats![0]![0]).toBe('mm/dd/yyyy');
  });

  it('a 1904 workbook keeps its own serials', async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as unknown as { date1904: boolean }).date1904 = true;
    const ws = wb.addWorksheet('Mac');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 2, 2));
    ws.getCell('A1').numFmt = 'm/d/yyyy';
    const ours = await expectLikeExceljs(await save(wb));
    const g = await ours.readGrid('Mac');
    expect(g.date1904).toBe(true);
    // 1904 system: 46083 − 1462 = 44621.
    expect(g.values[0]![0]).toBe(44621);
    expect(g.values[0]![0]).toBe(excelSerialFromDay(day(2026, 3, 2), true));
  });

  it('formulas give their cached results; errors give their text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Calc');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = { formula: 'A1*2', result: 4 } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = { formula: 'TEXT(A1,"0")&"x"', result: 'it\'s <2> & "x"' } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = { formula: 'A1>1', result: true } as ExcelJS.CellFormulaValue;
    ws.getCell('A5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A6').value = { formula: 'A1+1' } as ExcelJS.CellFormulaValue; // never calculated: no cached value
    ws.getCell('A7').value = { error: '#N/A' };
    ws.getCell('B1').value = { formula: 'DATE(2026,3,2)', result: new Date(Date.UTC(2026, 2, 2)) } as ExcelJS.CellFormulaValue;
    ws.getCell('B1').numFmt = 'yyyy-mm-dd';
    const ours = await expectLikeExceljs(await save(wb));
    const g = await ours.readGrid('Calc');
    expect(g.values.map((r) => r[0])).toEqual([2, 4, 'it\'s <2> & "x"', true, '#DIV/0!', null, '#N/A']);
    expect(g.values[0]![1]).toBe(46083);
  });

  it('hidden sheets are listed, very hidden ones are not; sheet names with special characters', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Visible').getCell('A1').value = 1;
    const h = wb.addWorksheet('Hidden & <Co>');
    h.state = 'hidden';
    h.getCell('A1').value = 'h';
    const vh = wb.addWorksheet("It's very hidden");
    vh.state = 'veryHidden';
    vh.getCell('A1').value = 'vh';
    const ours = await expectLikeExceljs(await save(wb));
    expect((await ours.listSheets()).map((s) => s.name)).toEqual(['Visible', 'Hidden & <Co>']);
    expect((await ours.readGrid('hidden & <co>')).values).toEqual([['h']]);
  });

  it('an empty sheet is an empty grid', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Empty');
    const ours = await expectLikeExceljs(await save(wb));
    expect((await ours.readGrid('Empty')).values).toEqual([]);
  });

  it('random cells (property)', async () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 12 }).filter((s) => s !== '' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((n) => !Object.is(n, -0)),
      fc.integer(),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), async (rows) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('P');
        for (const r of rows) ws.addRow(r);
        await expectLikeExceljs(await save(wb));
      }),
      { numRuns: 30 },
    );
  });
});

// ---------- hand-built packages: what exceljs does not write ----------
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function handWorkbook(sheetXml: string, opts: { sst?: string; styles?: string; workbookPr?: string } = {}): string {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${NS}>${opts.workbookPr ?? ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  if (opts.sst !== undefined) files['xl/sharedStrings.xml'] = strToU8(opts.sst);
  if (opts.styles !== undefined) files['xl/styles.xml'] = strToU8(opts.styles);
  const p = join(tmp, `hand-${++fileNo}.xlsx`);
  writeFileSync(p, zipSync(files));
  return p;
}

describe('hand-built parts', () => {
  it('inline strings, phonetic runs, CDATA, entities, _xHHHH_ escapes, cells without addresses, prefixes', async () => {
    const sst =
      `<sst ${NS} count="3" uniqueCount="3">` +
      '<si><t xml:space="preserve"> a&amp;b </t></si>' +
      '<si><r><rPr><b/></rPr><t>Ka</t></r><r><t>nji</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>' +
      '<si><t>line_x000D_break _x005F_x000D_</t></si>' +
      '</sst>';
    const sheet =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c t="inlineStr"><x:is><x:t>in &lt;line&gt; &#233;&#x263A;</x:t></x:is></x:c>' + // no r: A2
      '<x:c t="inlineStr"><x:is><x:r><x:t>ri</x:t></x:r><x:r><x:t>ch</x:t></x:r></x:is></x:c>' + // B2
      '<x:c r="D2"><x:v><![CDATA[42]]></x:v></x:c><x:c t="str"><x:f>"x"</x:f><x:v>&quot;q&apos;</x:v></x:c></x:row>' + // D2, E2
      '<x:row><x:c><x:v>1.5E3</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c><x:c t="d"><x:v>2026-03-02T12:00:00</x:v></x:c></x:row>' + // row 3
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A9:B9"/></x:mergeCells></x:worksheet>';
    const wb = await XlsxWorkbook.open(handWorkbook(sheet, { sst }));
    const g = await wb.readGrid('S');
    expect(g.values).toEqual([
      [' a&b ', 'Kanji', 'line\rbreak _x000D_', null, null],
      ['in <line> é☺', 'rich', null, 42, '"q\''],
      [1500, true, '#REF!', 46083.5, null],
    ]);
  });

  it('styles: custom formats by id, built-in date ids, General; cellStyleXfs are not cell styles', async () => {
    const styles =
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;-&quot;mm"/></numFmts>` +
      '<cellStyleXfs count="1"><xf numFmtId="4"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"><alignment wrapText="1"/></xf><xf numFmtId="47"/></cellXfs></styleSheet>';
    const sheet =
      `<worksheet ${NS}><sheetData><row r="2"><c r="B2" s="1"><v>46083</v></c><c r="C2" s="2"><v>46083</v></c>` +
      '<c r="D2" s="3"><v>0.5</v></c><c r="E2" s="0"><v>1</v></c><c r="F2" s="2"/></row></sheetData></worksheet>';
    const g = await (await XlsxWorkbook.open(handWorkbook(sheet, { styles }))).readGrid('S');
    expect(g.values).toEqual([[null, null, null, null, null, null], [null, 46083, 46083, 0.5, 1, null]]);
    expect(g.numberFormats).toEqual([[null, null, null, null, null, null], [null, 'mm-dd-yy', 'yyyy"-"mm', 'mmss.0', null, null]]);
  });

  it('date1904="true" is the 1904 system too', async () => {
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const g = await (await XlsxWorkbook.open(handWorkbook(sheet, { workbookPr: '<workbookPr date1904="true"/>' }))).readGrid('S');
    expect(g.date1904).toBe(true);
  });
});

describe('unreadable files keep their messages', () => {
  it('not a zip', async () => {
    const p = join(tmp, 'junk.xlsx');
    writeFileSync(p, 'hello, not a workbook');
    await expect(XlsxWorkbook.open(p)).rejects.toThrow(/junk\.xlsx: it is not a readable \.xlsx workbook/);
  });
  it('a zip without a workbook part', async () => {
    const p = join(tmp, 'nowb.xlsx');
    writeFileSync(p, zipSync({ 'readme.txt': strToU8('hi') }));
    await expect(XlsxWorkbook.open(p)).rejects.toThrow(LedgerError);
    await expect(XlsxWorkbook.open(p)).rejects.toThrow(/not a readable \.xlsx/);
  });
  it('a damaged sheet part', async () => {
    const good = handWorkbook(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
    // The first byte of the sheet's deflate stream set to 0xFF: block type 3, which does not exist.
    const buf = readFileSync(good);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = buf.indexOf(name); // the local header's name comes before the central directory's
    buf[at + name.length + buf.readUInt16LE(at - 2)] = 0xff;
    const p = join(tmp, 'damaged.xlsx');
    writeFileSync(p, buf);
    const wb = await XlsxWorkbook.open(p); // sheets are inflated when read
    await expect(wb.readGrid('S')).rejects.toThrow(/damaged\.xlsx: it is not a readable \.xlsx/);
  });
  it('password-protected (OLE header)', async () => {
    const p = join(tmp, 'locked.xlsx');
    writeFileSync(p, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(XlsxWorkbook.open(p)).rejects.toThrow(/password-protected/);
  });
  it('missing file', async () => {
    await expect(XlsxWorkbook.open(join(tmp, 'nope.xlsx'))).rejects.toThrow(/File not found: .*nope\.xlsx/);
  });
});
