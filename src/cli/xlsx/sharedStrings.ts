/**
 * sharedStrings.xml → the string table cells of type "s" index into. A rich
 * text item (<si><r><rPr/><t>a</t></r><r><t>b</t></r></si>) is its runs'
 * text joined, as Excel.Range.values gives it; phonetic guides (<rPh>) are
 * not part of the value and are skipped.
 */
import { cursor, decodeOoxmlEscapes, isName, readText, skipPrefix } from './xmlText';


export function parseSharedStrings(x: string): string[] {
  const out: string[] = [];
  let text = '';
  let inSi = false;
  let inRph = false;
  let pos = 0;
  for (;;) {
    const lt = x.indexOf('<', pos);
    if (lt < 0) break;
    const closing = x.charCodeAt(lt + 1) === 47;
    const n = skipPrefix(x, closing ? lt + 2 : lt + 1);
    const gt = x.indexOf('>', n);
    if (gt < 0) break;
    pos = gt + 1;
    if (closing) {
      if (isName(x, n, 'si')) {
        out.push(decodeOoxmlEscapes(text));
        inSi = false;
      } else if (isName(x, n, 'rPh')) {
        inRph = false;
      }
      continue;
    }
    const selfClosing = x.charCodeAt(gt - 1) === 47;
    if (isName(x, n, 'si')) {
      text = '';
      inSi = !selfClosing;
      if (selfClosing) out.push('');
    } else if (isName(x, n, 't')) {
      if (inSi && !inRph && !selfClosing) {
        text += readText(x, pos);
        pos = cursor.end;
      }
    } else if (isName(x, n, 'rPh')) {
      inRph = !selfClosing;
    }
  }
  return out;
}
