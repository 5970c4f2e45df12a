/**
 * The little XML the .xlsx reader needs, without a DOM: entity decoding,
 * OOXML's `_xHHHH_` character escapes, text runs (with CDATA) and the
 * attributes of small parts (workbook, rels, styles). The big parts (sheets,
 * shared strings) are scanned by hand in sheetXml.ts / sharedStrings.ts,
 * using `readText` from here.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entity(_m: string, hex: string | undefined, dec: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name]!;
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
  return code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
}

/** `&amp;`, `&lt;`, `&#233;`, `&#xE9;` … → characters. Text without `&` is returned as is. */
export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Excel stores characters XML cannot carry (CR, other control characters) in
 * strings as `_xHHHH_` (ECMA-376 §22.9.2.19); `_x005F_` escapes a literal
 * underscore, so one left-to-right pass is right.
 */
export function decodeOoxmlEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Set by `readText`: `end` is the index of the `<` that ended the text (a shared cell, not a return tuple, so no allocation per text run). */
export const cursor = { end: 0 };

/**
 * The character data from `from` up to the next tag (CDATA sections and
 * comments inside it are handled), entities decoded. Sets `cursor.end`.
 */
export function readText(x: string, from: number): string {
  let lt = x.indexOf('<', from);
  if (lt < 0) lt = x.length;
  if (x.charCodeAt(lt + 1) !== 33 /* ! */) {
    cursor.end = lt;
    return decodeEntities(x.slice(from, lt));
  }
  let out = '';
  let pos = from;
  for (;;) {
    out += decodeEntities(x.slice(pos, lt));
    if (x.startsWith('<![CDATA[', lt)) {
      const end = x.indexOf(']]>', lt + 9);
      const stop = end < 0 ? x.length : end;
      out += x.slice(lt + 9, stop);
      pos = stop + 3;
    } else if (x.startsWith('<!--', lt)) {
      const end = x.indexOf('-->', lt + 4);
      pos = end < 0 ? x.length : end + 3;
    } else {
      break;
    }
    lt = x.indexOf('<', pos);
    if (lt < 0) lt = x.length;
  }
  cursor.end = lt;
  return out;
}

/** Local-name test at x[i…]: `name` followed by whitespace, `/` or `>`. */
export function isName(x: string, i: number, name: string): boolean {
  if (!x.startsWith(name, i)) return false;
  const c = x.charCodeAt(i + name.length);
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13;
}

/** Index just past a namespace prefix (`x:`) of the tag name starting at i, else i. */
export function skipPrefix(x: string, i: number): number {
  for (let j = i; j < i + 16; j++) {
    const c = x.charCodeAt(j);
    if (c === 58 /* : */) return j + 1;
    if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c)) return i;
  }
  return i;
}

const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of one start tag's text (`name="v" …`), local names (prefix dropped), values decoded. */
export function attributes(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagText.matchAll(ATTR)) {
    const name = m[1]!;
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    // An unprefixed attribute wins over a prefixed one of the same local name (r:id vs id never clash in practice).
    if (colon < 0 || !out.has(local)) out.set(local, value);
    if (colon >= 0) out.set(name, value);
  }
  return out;
}

/** Every start tag with this local name (any namespace prefix): its attributes, in document order. */
export function elements(xml: string, localName: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])([^>]*)>`, 'g');
  const out: Map<string, string>[] = [];
  for (const m of xml.matchAll(re)) out.push(attributes(m[1]!));
  return out;
}

/** The text between the first start tag with this local name and its end tag, or null. */
export function section(xml: string, localName: string): string | null {
  const open = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${localName}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[2] === '/') return '';
  const start = open.index + open[0].length;
  const end = xml.indexOf(`</${open[1]}${localName}>`, start);
  return end < 0 ? xml.slice(start) : xml.slice(start, end);
}
