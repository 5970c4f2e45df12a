/**
 * Draws one SheetPlan onto an exceljs worksheet. Knows the plan's
 * conventions (workbookPlan.ts), nothing of findings or bills.
 * exceljs cannot draw charts: each chart's data table is written, titled,
 * where the chart would stand.
 */
import type ExcelJS from 'exceljs';
import {
  DEFAULT_DATE_FORMAT, a1, cellText, columnNumber, externalAddress, isDateCell, isTextCell,
  parseA1, parseRange, quoteSheet, type BorderPlan, type BorderStyle, type CellValue, type ChartPlan,
  type HyperlinkTarget, type RangeFormatPlan, type SheetPlan,
} from '../../report/workbookPlan';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const PAPER: Record<string, number> = { letter: 1, legal: 5, a4: 9 };

/** A plan date as the JS Date exceljs writes as that serial (UTC midnight). */
function dateOf(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** exceljs value of a plan cell: text cells and strings are written as strings (never formulas). */
function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isTextCell(v)) return v.text;
  if (isDateCell(v)) return dateOf(v.date);
  return v;
}

/** The hyperlink string exceljs gets; renderXlsx's post-pass splits `file#sub` into Target + location. */
export function hyperlinkString(t: HyperlinkTarget): string {
  switch (t.kind) {
    case 'cell':
      return `${quoteSheet(t.sheet)}!${t.cell}`;
    case 'file':
      return externalAddress(t);
    case 'url':
      return t.url;
  }
}

function forRange(ws: ExcelJS.Worksheet, range: string, f: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  const b = parseRange(range);
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.getRow(r);
    for (let c = b.left; c <= b.right; c++) f(row.getCell(c), r, c);
  }
}

function applyBorder(ws: ExcelJS.Worksheet, range: string, border: BorderPlan): void {
  const b = parseRange(range);
  const edge = (s: BorderStyle | undefined): Partial<ExcelJS.Border> | undefined => (s ? { style: s } : undefined);
  forRange(ws, range, (cell, r, c) => {
    const next: Partial<ExcelJS.Borders> = { ...(cell.border ?? {}) };
    const all = edge(border.all);
    if (all) Object.assign(next, { top: all, bottom: all, left: all, right: all });
    if (r === b.top && border.top) next.top = edge(border.top);
    if (r === b.bottom && border.bottom) next.bottom = edge(border.bottom);
    if (c === b.left && border.left) next.left = edge(border.left);
    if (c === b.right && border.right) next.right = edge(border.right);
    cell.border = next;
  });
}

function applyFormat(ws: ExcelJS.Worksheet, f: RangeFormatPlan): void {
  forRange(ws, f.range, (cell) => {
    if (f.numFmt !== undefined) cell.numFmt = f.numFmt;
    if (f.font) {
      const { color, ...rest } = f.font;
      // Name the font: without one LibreOffice falls back to a serif face.
      cell.font = { name: 'Calibri', size: 11, ...(cell.font ?? {}), ...rest, ...(color ? { color: { argb: argb(color) } } : {}) };
    }
    if (f.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } };
    if (f.alignment) cell.alignment = { ...(cell.alignment ?? {}), ...f.alignment };
  });
  if (f.border) applyBorder(ws, f.range, f.border);
}

/** Plan cell values by position, for chart fallback tables. */
function valueAt(plan: SheetPlan): (r: number, c: number) => CellValue {
  const map = new Map<string, CellValue>();
  for (const b of plan.blocks) {
    const at = parseA1(b.at);
    b.rows.forEach((row, i) => row.forEach((v, j) => map.set(`${at.row + i},${at.col + j}`, v)));
  }
  return (r, c) => map.get(`${r},${c}`) ?? null;
}

function drawChartTable(ws: ExcelJS.Worksheet, chart: ChartPlan, at: (r: number, c: number) => CellValue): void {
  const from = parseA1(chart.from);
  // Values sit at the right edge of the chart's area so long category labels have room to run.
  const valueCol = Math.max(from.col + 1, parseA1(chart.to).col - chart.series.length + 1);
  const colOf = (j: number): number => (j === 0 ? from.col : valueCol + j - 1);
  const cats = parseRange(chart.categories);
  const series = chart.series.map((s) => parseRange(s.values));
  const title = ws.getCell(from.row, from.col);
  title.value = chart.title;
  title.font = { name: 'Calibri', bold: true, size: 12, color: { argb: argb('#1F4E78') } };
  const header = [chart.categoryHeading, ...chart.series.map((s) => s.name)];
  header.forEach((h, j) => {
    const cell = ws.getCell(from.row + 1, colOf(j));
    cell.value = h;
    cell.font = { name: 'Calibri', bold: true };
    cell.border = { bottom: { style: 'thin' } };
    if (j > 0) cell.alignment = { horizontal: 'right' };
  });
  for (let i = 0; i <= cats.bottom - cats.top; i++) {
    const r = from.row + 2 + i;
    ws.getCell(r, from.col).value = cellText(at(cats.top + i, cats.left));
    series.forEach((s, j) => {
      const cell = ws.getCell(r, colOf(j + 1));
      cell.value = excelValue(at(s.top + i, s.left));
      cell.numFmt = chart.numFmt;
      cell.alignment = { horizontal: 'right' };
    });
  }
  const note = ws.getCell(from.row + 3 + (cats.bottom - cats.top), from.col);
  note.value = `(${chart.type} chart in the add-in)`;
  note.font = { name: 'Calibri', italic: true, size: 8, color: { argb: argb('#7F7F7F') } };
}

export function drawSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const col of plan.columns ?? []) {
    const c = ws.getColumn(col.column);
    if (col.width !== undefined) c.width = col.width;
    if (col.hidden) c.hidden = true;
  }
  const colFmt = new Map((plan.columns ?? []).filter((c) => c.numFmt).map((c) => [columnNumber(c.column), c.numFmt!]));
  for (const b of plan.blocks) {
    const at = parseA1(b.at);
    b.rows.forEach((values, i) => {
      const row = ws.getRow(at.row + i);
      values.forEach((v, j) => {
        if (v === null) return;
        const cell = row.getCell(at.col + j);
        cell.value = excelValue(v);
        const fmt = colFmt.get(at.col + j);
        if (fmt) cell.numFmt = fmt;
        else if (isDateCell(v)) cell.numFmt = DEFAULT_DATE_FORMAT;
        // A string exceljs might otherwise take for a number or formula stays text.
        if (isTextCell(v)) cell.numFmt = '@';
      });
    });
  }
  for (const t of plan.tables ?? []) {
    const box = parseRange(t.range);
    const header = ws.getRow(box.top);
    const columns = [];
    for (let c = box.left; c <= box.right; c++) columns.push({ name: String(header.getCell(c).value ?? `Column${c}`), filterButton: t.autoFilter });
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = box.top + 1; r <= box.bottom; r++) {
      const row = ws.getRow(r);
      const vals: ExcelJS.CellValue[] = [];
      for (let c = box.left; c <= box.right; c++) vals.push(row.getCell(c).value);
      rows.push(vals);
    }
    ws.addTable({ name: t.name, ref: a1(box.top, box.left), headerRow: true, style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: t.bandedRows }, columns, rows });
  }
  for (const h of plan.hyperlinks ?? []) {
    const cell = ws.getCell(h.cell);
    const shown = cell.value === null || cell.value === undefined ? h.cell : String(cell.value);
    cell.value = { text: shown, hyperlink: hyperlinkString(h.target), ...(h.tooltip ? { tooltip: h.tooltip } : {}) } as ExcelJS.CellHyperlinkValue;
  }
  for (const f of plan.formats ?? []) applyFormat(ws, f);
  for (const m of plan.merges ?? []) ws.mergeCells(m);
  for (const h of plan.rowHeights ?? []) ws.getRow(h.row).height = h.height;
  if (plan.autoFilter) ws.autoFilter = plan.autoFilter;
  for (const cf of plan.conditionalFormats ?? []) {
    const style = {
      ...(cf.style.fill ? { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(cf.style.fill) } } } : {}),
      font: { ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}), ...(cf.style.bold ? { bold: true } : {}) },
    };
    const top = a1(parseRange(cf.range).top, parseRange(cf.range).left);
    const formula = cf.kind === 'textEquals' ? `EXACT(LOWER(${top}),"${cf.text.toLowerCase().replace(/"/g, '""')}")` : cf.formula;
    ws.addConditionalFormatting({ ref: cf.range, rules: [{ type: 'expression', priority: 1, formulae: [formula], style } as ExcelJS.ConditionalFormattingRule] });
  }
  for (const v of plan.validations ?? []) {
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, {
      type: 'list', allowBlank: v.allowBlank, formulae: [`"${v.values.join(',')}"`],
      showErrorMessage: v.strict, errorStyle: 'stop', ...(v.error ? { errorTitle: 'Status', error: v.error } : {}),
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }
  if (plan.charts && plan.charts.length > 0) {
    const at = valueAt(plan);
    for (const c of plan.charts) drawChartTable(ws, c, at);
  }
  ws.views = [{
    state: plan.freeze ? 'frozen' : 'normal',
    ...(plan.freeze ? { xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, topLeftCell: a1(plan.freeze.rows + 1, plan.freeze.columns + 1) } : {}),
    showGridLines: plan.showGridLines ?? true,
  } as ExcelJS.WorksheetView];
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  const p = plan.print;
  if (p) {
    const ps: Partial<ExcelJS.PageSetup> = {
      orientation: p.orientation,
      paperSize: PAPER[p.paperSize] as ExcelJS.PaperSize,
      horizontalCentered: p.centerHorizontally ?? false,
      showGridLines: p.gridLines ?? false,
    };
    if (p.fitTo) Object.assign(ps, { fitToPage: true, fitToWidth: p.fitTo.width, fitToHeight: p.fitTo.height });
    if (p.printArea) ps.printArea = p.printArea;
    if (p.titleRows) ps.printTitlesRow = p.titleRows;
    if (p.margins) ps.margins = p.margins;
    Object.assign(ws.pageSetup, ps);
    for (const r of p.pageBreaksBefore ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
    if (p.footer) ws.headerFooter.oddFooter = p.footer;
  }
}
