/**
 * styles.xml → the number format code of each cell style index (a cell's
 * `s` attribute). Custom formats come from <numFmts>; built-in ids from the
 * table below (ECMA-376 §18.8.30, the codes exceljs reports, so the grid is
 * the same as the exceljs reader gave). General (id 0) and unknown ids are
 * null, as exceljs has them.
 */
import { elements, section } from './xmlText';

/**
 * Built-in ids with a locale-independent code. 14–22 and 45–47 are the
 * date/time ones; the East-Asian date ids 27–36 and 50–58 depend on the
 * locale and exceljs leaves them without a code, as we do.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** formats[s] = the number format code for cell style s, or null (General / none). */
export function styleFormats(stylesXml: string | null): (string | null)[] {
  if (stylesXml === null) return [];
  const custom = new Map<number, string>();
  const numFmts = section(stylesXml, 'numFmts');
  if (numFmts !== null) {
    for (const a of elements(numFmts, 'numFmt')) {
      const id = Number(a.get('numFmtId'));
      const code = a.get('formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    }
  }
  const cellXfs = section(stylesXml, 'cellXfs');
  if (cellXfs === null) return [];
  return elements(cellXfs, 'xf').map((a) => {
    const id = Number(a.get('numFmtId') ?? '0');
    // exceljs: numFmtId 0 (General) gives no format at all.
    if (!Number.isInteger(id) || id === 0) return null;
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  });
}
