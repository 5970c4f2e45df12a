/**
 * exceljs writes every hyperlink as a relationship whose Target is the whole
 * string it was given, and copies a `Sheet!A1`-looking string into
 * `location` too. Excel wants (ECMA-376 §18.3.1.47):
 *  - a link into another file's cell: relationship Target = the file,
 *    `location` = the sub-address (`'Sheet'!D5`);
 *  - a link inside the workbook: `location` only, no relationship.
 * This pass rewrites the written package accordingly.
 */
import { ZipArchive } from '../xlsx/zip';
import { zipEntries } from '../xlsx/zipWrite';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const bytesOf = (s: string): Uint8Array => Buffer.from(s, 'utf8');

const decode = (s: string): string => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const encode = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const INTERNAL = /^('[^']+(?:''[^']*)*'|[^'!#]+)![A-Z]{1,3}\d+$/;

export function fixHyperlinks(xlsx: Uint8Array): Uint8Array {
  const archive = ZipArchive.open(xlsx);
  const files = new Map(archive.names().map((name) => [name, archive.read(name)!]));
  let changed = false;
  for (const name of files.keys()) {
    const m = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(name);
    if (!m) continue;
    const relsName = `xl/worksheets/_rels/${m[1]}.rels`;
    const relsBytes = files.get(relsName);
    if (!relsBytes) continue;
    let rels = text(relsBytes);
    let sheet = text(files.get(name)!);
    if (!sheet.includes('<hyperlink ')) continue;
    const fixes = new Map<string, { target: string | null; location: string }>();
    rels = rels.replace(/<Relationship ([^>]*?)\/>/g, (whole: string, attrs: string) => {
      if (!/relationships\/hyperlink"/.test(attrs)) return whole;
      const id = /Id="([^"]+)"/.exec(attrs)?.[1];
      const target = decode(/Target="([^"]*)"/.exec(attrs)?.[1] ?? '');
      if (!id) return whole;
      const hash = target.indexOf('#');
      if (hash > 0) {
        fixes.set(id, { target: target.slice(0, hash), location: target.slice(hash + 1) });
        return whole.replace(/Target="[^"]*"/, `Target="${encode(target.slice(0, hash))}"`);
      }
      if (hash === 0 || INTERNAL.test(target)) {
        fixes.set(id, { target: null, location: hash === 0 ? target.slice(1) : target });
        return '';
      }
      return whole;
    });
    if (fixes.size === 0) continue;
    sheet = sheet.replace(/<hyperlink ([^>]*?)\/>/g, (whole: string, attrs: string) => {
      const id = /r:id="([^"]+)"/.exec(attrs)?.[1];
      const fix = id ? fixes.get(id) : undefined;
      if (!fix) return whole;
      let a = attrs.replace(/\s*location="[^"]*"/, '');
      if (fix.target === null) a = a.replace(/\s*r:id="[^"]*"/, '');
      return `<hyperlink ${a} location="${encode(fix.location)}"/>`;
    });
    files.set(relsName, bytesOf(rels));
    files.set(name, bytesOf(sheet));
    changed = true;
  }
  return changed ? zipEntries(files) : xlsx;
}
