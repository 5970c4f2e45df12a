/** The report's look, in one place: a plain, printable billing-office style. */
import type { CellStylePlan, FontPlan, RangeFormatPlan } from './workbookPlan';

export const HEADER_FILL = '#1F4E78';
export const HEADER_FONT: FontPlan = { bold: true, color: '#FFFFFF' };
export const SUBTLE_FILL = '#DDEBF7';
export const TITLE_FONT: FontPlan = { bold: true, size: 16, color: '#1F4E78' };
export const TABLE_STYLE = 'TableStyleMedium2';

export const SEVERITY_STYLES: Readonly<Record<'Error' | 'Warning' | 'Info', CellStylePlan>> = {
  Error: { fill: '#F8CBAD', fontColor: '#9C0006', bold: true },
  Warning: { fill: '#FFEB9C', fontColor: '#9C5700' },
  Info: { fill: '#DDEBF7', fontColor: '#1F4E78' },
};

/** A header row: white bold on dark blue, wrapped, bottom border. */
export function headerFormat(range: string): RangeFormatPlan {
  return { range, font: HEADER_FONT, fill: HEADER_FILL, alignment: { vertical: 'middle', wrapText: true }, border: { bottom: 'thin' } };
}

/** A section caption inside a sheet. */
export function captionFormat(range: string): RangeFormatPlan {
  return { range, font: { bold: true, size: 12, color: '#1F4E78' }, border: { bottom: 'thin' } };
}
