/**
 * An .xlsx file as the CLI reads it: the zip (./zip), the workbook part
 * (sheet names, visibility, the 1904 date system), its relationships, the
 * styles' number formats and the shared strings. Sheet parts are inflated
 * only when a grid is read, and the shared strings on the first grid.
 */
import type { CellGrid } from '../../ingest/grid';
import { parseSharedStrings } from './sharedStrings';
import { parseSheetXml, type SheetParts } from './sheetXml';
import { styleFormats } from './styles';
import { elements, section } from './xmlText';
import { ZipArchive, ZipError } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxSheet {
  readonly name: string;
  readonly state: SheetState;
  /** The sheet part's path in the zip; null when the workbook names a part that is not there. */
  readonly part: string | null;
}

/** The file is not a readable workbook (not a zip, or no workbook part in it). */
export class XlsxFormatError extends Error {}

const REL_WORKSHEET = /\/worksheet$/;

function utf8(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** A relationship target → the zip path (targets are relative to the source part's folder, or absolute from the root). */
function resolveTarget(sourceFolder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${sourceFolder}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const relsOf = (path: string): string => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

export class XlsxPackage {
  private sharedStrings: string[] | null = null;

  private constructor(
    private readonly zip: ZipArchive,
    readonly sheets: readonly XlsxSheet[],
    readonly date1904: boolean,
    private readonly formats: readonly (string | null)[],
    private readonly sharedStringsPart: string | null,
  ) {}

  /** Throws XlsxFormatError when the bytes are not an .xlsx workbook. */
  static open(bytes: Uint8Array): XlsxPackage {
    let zip: ZipArchive;
    try {
      zip = ZipArchive.open(bytes);
    } catch {
      throw new XlsxFormatError('not a zip archive');
    }
    const read = (path: string): string | null => readPart(zip, path);

    const rootRels = read('_rels/.rels');
    const officeDoc = rootRels === null ? undefined : elements(rootRels, 'Relationship').find((r) => /\/officeDocument$/.test(r.get('Type') ?? ''));
    const workbookPath = officeDoc?.get('Target') !== undefined ? resolveTarget('', officeDoc.get('Target')!) : 'xl/workbook.xml';
    const workbook = read(workbookPath);
    if (workbook === null) throw new XlsxFormatError('no workbook part');

    const rels = new Map<string, { type: string; path: string }>();
    const wbRels = read(relsOf(workbookPath));
    if (wbRels !== null) {
      for (const r of elements(wbRels, 'Relationship')) {
        const id = r.get('Id');
        const target = r.get('Target');
        if (id === undefined || target === undefined || r.get('TargetMode') === 'External') continue;
        rels.set(id, { type: r.get('Type') ?? '', path: resolveTarget(folderOf(workbookPath), target) });
      }
    }
    const relOfType = (suffix: string): string | null => {
      for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.path;
      return null;
    };

    const pr = elements(workbook, 'workbookPr')[0];
    const d1904 = pr?.get('date1904');
    const date1904 = d1904 === '1' || d1904 === 'true';

    const sheets: XlsxSheet[] = [];
    for (const s of elements(section(workbook, 'sheets') ?? '', 'sheet')) {
      const rel = rels.get(s.get('r:id') ?? s.get('id') ?? '');
      // Chart sheets and macro sheets hold no cells: not offered as sheets (exceljs skips them too).
      if (rel !== undefined && !REL_WORKSHEET.test(rel.type)) continue;
      const state = s.get('state');
      sheets.push({
        name: s.get('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: rel !== undefined && zip.has(rel.path) ? rel.path : null,
      });
    }
    const styles = read(relOfType('/styles') ?? 'xl/styles.xml');
    return new XlsxPackage(zip, sheets, date1904, styleFormats(styles), relOfType('/sharedStrings') ?? 'xl/sharedStrings.xml');
  }

  /** The sheet's cells as a grid (A1 to its last used row and column). */
  readGrid(sheet: XlsxSheet): CellGrid {
    const xml = sheet.part === null ? null : readPart(this.zip, sheet.part);
    if (this.sharedStrings === null) {
      const sst = this.sharedStringsPart === null ? null : readPart(this.zip, this.sharedStringsPart);
      this.sharedStrings = sst === null ? [] : parseSharedStrings(sst);
    }
    const parts: SheetParts = { sharedStrings: this.sharedStrings, styleFormats: this.formats, date1904: this.date1904 };
    return parseSheetXml(sheet.name, xml ?? '', parts);
  }
}

function readPart(zip: ZipArchive, path: string): string | null {
  let bytes: Uint8Array | null;
  try {
    bytes = zip.read(path);
  } catch (e) {
    if (e instanceof ZipError) throw new XlsxFormatError(e.message);
    throw e;
  }
  return bytes === null ? null : utf8(bytes);
}
