/**
 * Everything a sheet plan asks for besides its values, queued through the
 * batch so each sync stays under the request limit: widths, heights, range
 * formats, merges, freeze panes, tables over the written cells (never
 * rows.add), an AutoFilter, conditional formats, hyperlinks, data
 * validation, charts and print setup. Members newer than the host's
 * ExcelApi version are skipped (feature-detected), never called.
 */
import {
  externalAddress, parseRange, quoteSheet, type BorderStyle, type ChartType, type SheetPlan,
} from '../report/workbookPlan';
import type { Batch } from './batch';

export type Supports = (version: string) => boolean;

/** Excel column width in points for a width in characters of the default font (Calibri 11: 7 px a character + 5 px padding; 0.75 pt a px). An approximation. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const CHART_TYPES: Record<ChartType, string> = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
  pie: 'Pie',
  doughnut: 'Doughnut',
  line: 'Line',
};

const BORDER: Record<BorderStyle, { style: string; weight: string }> = {
  thin: { style: 'Continuous', weight: 'Thin' },
  medium: { style: 'Continuous', weight: 'Medium' },
  double: { style: 'Double', weight: 'Thick' },
  dashed: { style: 'Dash', weight: 'Thin' },
};

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

export async function dressSheet(sheet: Excel.Worksheet, plan: SheetPlan, batch: Batch, supports: Supports): Promise<void> {
  for (const c of plan.columns ?? []) {
    if (c.width === undefined && !c.hidden) continue;
    await batch.need(60);
    const col = sheet.getRange(`${c.column}:${c.column}`);
    if (c.width !== undefined) col.format.columnWidth = widthPoints(c.width);
    if (c.hidden) col.columnHidden = true;
  }
  for (const h of plan.rowHeights ?? []) {
    await batch.need(40);
    sheet.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
  }
  for (const f of plan.formats ?? []) {
    if (!f.font && !f.fill && !f.border && !f.alignment) continue; // numFmt went with the values
    await batch.need(400);
    const format = sheet.getRange(f.range).format;
    if (f.font) {
      const font = format.font;
      if (f.font.bold !== undefined) font.bold = f.font.bold;
      if (f.font.italic !== undefined) font.italic = f.font.italic;
      if (f.font.underline !== undefined) font.underline = f.font.underline ? 'Single' : 'None';
      if (f.font.size !== undefined) font.size = f.font.size;
      if (f.font.color !== undefined) font.color = f.font.color;
      if (f.font.name !== undefined) font.name = f.font.name;
    }
    if (f.fill) format.fill.color = f.fill;
    if (f.alignment) {
      const a = f.alignment;
      if (a.horizontal) format.horizontalAlignment = H_ALIGN[a.horizontal];
      if (a.vertical) format.verticalAlignment = V_ALIGN[a.vertical];
      if (a.wrapText !== undefined) format.wrapText = a.wrapText;
      if (a.indent !== undefined) format.indentLevel = a.indent;
    }
    if (f.border) {
      const edges: [string, BorderStyle | undefined][] = f.border.all
        ? ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'].map((e) => [e, f.border!.all])
        : [['EdgeTop', f.border.top], ['EdgeBottom', f.border.bottom], ['EdgeLeft', f.border.left], ['EdgeRight', f.border.right]];
      for (const [edge, style] of edges) {
        if (!style) continue;
        const b = format.borders.getItem(edge as Excel.BorderIndex);
        b.style = BORDER[style].style as Excel.BorderLineStyle;
        b.weight = BORDER[style].weight as Excel.BorderWeight;
      }
    }
  }
  for (const m of plan.merges ?? []) {
    await batch.need(40);
    sheet.getRange(m).merge(false);
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0) && supports('1.7')) {
    await batch.need(60);
    const { rows, columns } = plan.freeze;
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else sheet.freezePanes.freezeColumns(columns);
  }
  for (const t of plan.tables ?? []) {
    await batch.need(200);
    // A Range, not an address string: a bare address would be taken on the ACTIVE sheet.
    const table = sheet.tables.add(sheet.getRange(t.range), true);
    table.name = t.name;
    table.style = t.style;
    table.showFilterButton = t.autoFilter;
    table.showBandedRows = t.bandedRows;
  }
  if (plan.autoFilter && supports('1.9')) {
    await batch.need(60);
    sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
  }
  for (const cf of plan.conditionalFormats ?? []) {
    await batch.need(300 + (cf.kind === 'textEquals' ? cf.text.length : cf.formula.length));
    const range = sheet.getRange(cf.range);
    let target: { format: Excel.ConditionalRangeFormat };
    if (cf.kind === 'textEquals') {
      const c = range.conditionalFormats.add('CellValue');
      // Text compared by value: Excel compares text case-insensitively, as the plan asks.
      c.cellValue.rule = { formula1: `="${cf.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      target = c.cellValue;
    } else {
      const c = range.conditionalFormats.add('Custom');
      c.custom.rule.formula = `=${cf.formula}`;
      target = c.custom;
    }
    if (cf.style.fill) target.format.fill.color = cf.style.fill;
    if (cf.style.fontColor) target.format.font.color = cf.style.fontColor;
    if (cf.style.bold !== undefined) target.format.font.bold = cf.style.bold;
  }
  if (supports('1.7')) {
    for (const h of plan.hyperlinks ?? []) {
      const link: Excel.RangeHyperlink = {};
      const t = h.target;
      if (t.kind === 'cell') link.documentReference = `${quoteSheet(t.sheet)}!${t.cell}`;
      else if (t.kind === 'file') {
        link.address = t.file;
        link.documentReference = `${quoteSheet(t.sheet)}!${t.cell}`;
        void externalAddress;
      } else link.address = t.url;
      if (h.tooltip) link.screenTip = h.tooltip;
      await batch.need(100 + JSON.stringify(link).length);
      sheet.getRange(h.cell).hyperlink = link;
    }
  }
  if (supports('1.8')) {
    for (const v of plan.validations ?? []) {
      await batch.need(300 + v.values.join(',').length + (v.prompt?.length ?? 0) + (v.error?.length ?? 0));
      const dv = sheet.getRange(v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.values.join(',') } };
      dv.ignoreBlanks = v.allowBlank;
      dv.errorAlert = { showAlert: v.strict, style: 'Stop', title: 'Not in the list', message: v.error ?? `Choose one of: ${v.values.join(', ')}` };
      if (v.prompt) dv.prompt = { showPrompt: true, title: '', message: v.prompt };
    }
  }
  for (const c of plan.charts ?? []) {
    await batch.need(600 + c.title.length);
    const boxes = [c.categories, ...c.series.map((s) => s.values)].map(parseRange);
    const top = Math.min(...boxes.map((b) => b.top));
    const left = Math.min(...boxes.map((b) => b.left));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    const right = Math.max(...boxes.map((b) => b.right));
    const chart = sheet.charts.add(CHART_TYPES[c.type] as Excel.ChartType, sheet.getRangeByIndexes(top - 1, left - 1, bottom - top + 1, right - left + 1), 'Columns');
    chart.title.text = c.title;
    chart.legend.visible = c.series.length > 1 || c.type === 'pie' || c.type === 'doughnut';
    chart.setPosition(c.from, c.to);
  }
  if (plan.showGridLines !== undefined && supports('1.8')) {
    await batch.need(20);
    sheet.showGridlines = plan.showGridLines;
  }
  if (plan.tabColor && supports('1.7')) {
    await batch.need(20);
    sheet.tabColor = plan.tabColor;
  }
  if (plan.print && supports('1.9')) await printSetup(sheet, plan.print, batch);
}

async function printSetup(sheet: Excel.Worksheet, p: NonNullable<SheetPlan['print']>, batch: Batch): Promise<void> {
  await batch.need(600);
  const pl = sheet.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = ({ letter: 'Letter', legal: 'Legal', a4: 'A4' } as const)[p.paperSize];
  if (p.fitTo) {
    // zoom is set as one object (it cannot be set member by member).
    const zoom: Excel.PageLayoutZoomOptions = {};
    if (p.fitTo.width > 0) zoom.horizontalFitToPages = p.fitTo.width;
    if (p.fitTo.height > 0) zoom.verticalFitToPages = p.fitTo.height;
    pl.zoom = zoom;
  }
  if (p.printArea) pl.setPrintArea(p.printArea);
  if (p.titleRows) pl.setPrintTitleRows(p.titleRows.split(':').map((r) => `$${r.replace(/\$/g, '')}`).join(':'));
  if (p.margins) {
    pl.leftMargin = p.margins.left * 72;
    pl.rightMargin = p.margins.right * 72;
    pl.topMargin = p.margins.top * 72;
    pl.bottomMargin = p.margins.bottom * 72;
    pl.headerMargin = p.margins.header * 72;
    pl.footerMargin = p.margins.footer * 72;
  }
  if (p.centerHorizontally !== undefined) pl.centerHorizontally = p.centerHorizontally;
  if (p.gridLines !== undefined) pl.printGridlines = p.gridLines;
  if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
  for (const row of p.pageBreaksBefore ?? []) {
    await batch.need(40);
    // The range given is the first one after the break.
    sheet.horizontalPageBreaks.add(`A${row}`);
  }
}
