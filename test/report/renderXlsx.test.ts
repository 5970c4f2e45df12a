import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipArchive } from '../../src/cli/xlsx/zip';
import { buildWorkbookPlan } from '../../src/report/buildPlan';
import { writeReport, ReportTargetError } from '../../src/cli/render/renderXlsx';
import { REGISTRY_SHEET } from '../../src/report/workbookPlan';
import { smallInput } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'pl-report-'));

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function xml(path: string, part: string): string {
  return Buffer.from(ZipArchive.open(readFileSync(path)).read(part)!).toString('utf8');
}

describe('exceljs renderer', () => {
  const path = join(dir, 'report.xlsx');

  beforeAll(async () => {
    await writeReport(buildWorkbookPlan(smallInput()), path);
  });

  it('round trip: values, number formats, dates, text that looks like a formula', async () => {
    const wb = await open(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Findings', 'Expected Shares', 'Statements', 'Payment Plan - A100', 'Summary', 'Run Log', REGISTRY_SHEET]);
    const f = wb.getWorksheet('Findings')!;
    expect(f.getRow(1).values).toEqual([undefined, 'Severity', 'Rule', 'Account', 'Patient', 'Service Date', 'Code', 'Amount', 'Expected', 'Actual', 'Message', 'Cell', 'Status', 'Note']);
    expect(f.getCell('G2').value).toBe(10);
    expect(f.getCell('G2').numFmt).toBe('$#,##0.00;-$#,##0.00');
    expect(f.getCell('E2').value).toEqual(new Date(Date.UTC(2026, 8, 15)));
    expect(f.getCell('E2').numFmt).toBe('mm/dd/yyyy');
    expect(f.getCell('D3').value).toBe('+1+2');
    expect(f.getCell('F3').value).toBe('-2+3');
    const s = wb.getWorksheet('Expected Shares')!;
    expect(s.getCell('H2').value).toBe(600);
    expect(s.getCell('H3').value).toBeNull();
    // No formula anywhere in the sheet XML: every patient text is a string.
    for (let i = 1; i <= 6; i++) expect(xml(path, `xl/worksheets/sheet${i}.xml`)).not.toContain('<f>');
    const strings = xml(path, 'xl/sharedStrings.xml');
    expect(strings).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(strings).toContain('@SUM(1)');
  });

  it('round trip: Status validation, frozen header, filters, severity colours', async () => {
    const f = (await open(path)).getWorksheet('Findings')!;
    const dv = (f as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const status = Object.entries(dv).find(([k]) => k.startsWith('L2'));
    expect(status?.[1]).toMatchObject({ type: 'list', formulae: ['"Open,Working,Resolved,Won\'t fix"'] });
    expect(f.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const sheetXml = xml(path, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('<conditionalFormatting sqref="A2:A4">');
    expect(xml(path, 'xl/tables/table1.xml')).toContain('autoFilter');
  });

  it('links point into the ledger file: Target = the file, location = the cell', () => {
    const sheetXml = xml(path, 'xl/worksheets/sheet1.xml');
    const rels = xml(path, 'xl/worksheets/_rels/sheet1.xml.rels');
    const link = /<hyperlink ref="K2"[^>]*\/>/.exec(sheetXml)![0];
    expect(link).toContain('location="Ledger!M5"');
    const rid = /r:id="([^"]+)"/.exec(link)![1];
    expect(rels).toMatch(new RegExp(`Id="${rid}"[^>]*Target="ledger.xlsx"|Target="ledger.xlsx"[^>]*Id="${rid}"`));
  });

  it('links inside the workbook have a location and no relationship', async () => {
    const p = join(dir, 'internal.xlsx');
    await writeReport(buildWorkbookPlan(smallInput({ links: { kind: 'workbook' } })), p);
    const link = /<hyperlink ref="K2"[^>]*\/>/.exec(xml(p, 'xl/worksheets/sheet1.xml'))![0];
    expect(link).toContain('location="Ledger!M5"');
    expect(link).not.toContain('r:id');
  });

  it('round trip: print setup and page breaks', async () => {
    const wb = await open(path);
    const st = wb.getWorksheet('Statements')!;
    expect(st.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const breaks = [...xml(path, 'xl/worksheets/sheet3.xml').matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks).toHaveLength(2);
    const sum = wb.getWorksheet('Summary')!;
    expect(sum.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(wb.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');
  });

  it('update in place: keeps a user sheet and what was typed in Status/Note; a user sheet named Findings is never written', async () => {
    const p = join(dir, 'update.xlsx');
    await writeReport(buildWorkbookPlan(smallInput()), p);
    const wb = await open(p);
    const f = wb.getWorksheet('Findings')!;
    f.getCell('L3').value = 'Working';
    f.getCell('M3').value = 'Called the payer 11/02';
    wb.addWorksheet('My notes').getCell('A1').value = 'keep me';
    await wb.xlsx.writeFile(p);

    // Re-run with findings in a different order and one gone.
    const input = smallInput();
    const findings = [input.findings[2]!, input.findings[1]!];
    const res = await writeReport(buildWorkbookPlan(smallInput({ findings })), p);
    expect(res.updated).toBe(true);
    const again = await open(p);
    expect(again.getWorksheet('My notes')!.getCell('A1').value).toBe('keep me');
    const g = again.getWorksheet('Findings')!;
    expect(g.getCell('B3').value).toBe('INVALID_PROCEDURE_CODE');
    expect(g.getCell('L3').value).toBe('Working');
    expect(g.getCell('M3').value).toBe('Called the payer 11/02');
    expect(g.getCell('L2').value).toBe('Open');
    expect(again.worksheets.map((w) => w.name)).toContain('Findings');
    expect(again.worksheets.filter((w) => w.name.startsWith('Findings'))).toHaveLength(1);
  });

  it('a user sheet named like an output sheet: the report takes the next free name, then reuses it', async () => {
    const p = join(dir, 'clash.xlsx');
    await writeReport(buildWorkbookPlan(smallInput()), p);
    const wb = await open(p);
    // A user renames our Findings away and makes their own "Summary".
    wb.removeWorksheet(wb.getWorksheet('Summary')!.id);
    wb.addWorksheet('Summary').getCell('A1').value = 'mine';
    await wb.xlsx.writeFile(p);
    const r1 = await writeReport(buildWorkbookPlan(smallInput()), p);
    expect(r1.sheets).toContain('Summary (2)');
    const r2 = await writeReport(buildWorkbookPlan(smallInput()), p);
    expect(r2.sheets).toContain('Summary (2)');
    const after = await open(p);
    expect(after.getWorksheet('Summary')!.getCell('A1').value).toBe('mine');
    expect(after.worksheets.filter((w) => w.name.startsWith('Summary'))).toHaveLength(2);
  });

  it('refuses to overwrite a workbook it did not write', async () => {
    const p = join(dir, 'foreign.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 1;
    await wb.xlsx.writeFile(p);
    const before = readFileSync(p);
    await expect(writeReport(buildWorkbookPlan(smallInput()), p)).rejects.toBeInstanceOf(ReportTargetError);
    expect(readFileSync(p).equals(before)).toBe(true);
    writeFileSync(join(dir, 'junk.xlsx'), 'not a zip');
    await expect(writeReport(buildWorkbookPlan(smallInput()), join(dir, 'junk.xlsx'))).rejects.toBeInstanceOf(ReportTargetError);
  });
});
