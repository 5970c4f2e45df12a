/**
 * The add-in manifest: `npm run validate` (xmllint against the official XSDs +
 * office-addin-manifest info) accepts it and rejects a broken copy, and what
 * Office needs beyond the schema holds: the Excel host, every resid defined,
 * every icon a real PNG of the size its slot asks for.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import { describeIfTool, hasXmllint } from '../support/externalTools';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const VALIDATE = path.join(ROOT, 'scripts', 'validate-manifest.js');
const DEV_ORIGIN = 'https://localhost:3000/';

const manifestXml = fs.readFileSync(MANIFEST, 'utf8');

function validate(manifestPath?: string, env: NodeJS.ProcessEnv = process.env): { status: number | null; output: string } {
  const args = manifestPath ? [VALIDATE, manifestPath] : [VALIDATE];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Temp directories this file made, removed after the run. */
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function tempCopy(name: string, text: string): string {
  const dir = tempDir('pl-manifest-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Width and height from a PNG's IHDR chunk (bytes 16..23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(signature) || b.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** assets/ file behind a dev-server URL of the manifest. */
function assetFile(url: string): string {
  expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  return path.join(ROOT, url.slice(DEV_ORIGIN.length));
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

describeIfTool(hasXmllint(), 'xmllint', 'npm run validate', () => {
  test('accepts manifest.xml', () => {
    const r = validate();
    expect(r.output).toContain('manifest.xml validates');
    expect(r.output).toContain('is valid');
    expect(r.status).toBe(0);
  });

  test('rejects a copy whose <Permissions> is not one of the schema values', () => {
    expect(manifestXml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    const bad = tempCopy('bad-permissions.xml', manifestXml.replace('ReadWriteDocument', 'ReadWriteEverything'));
    const r = validate(bad);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/Permissions.*ReadWriteEverything/);
    expect(r.output).toContain('does not match the Office add-in manifest schema');
  });

  test('rejects a copy with elements out of the schema order', () => {
    // DisplayName must come before Description.
    const swapped = manifestXml.replace(/(<DisplayName [^>]*\/>)(\s*)(<Description [^>]*\/>)/, '$3$2$1');
    expect(swapped).not.toBe(manifestXml);
    expect(validate(tempCopy('swapped.xml', swapped)).status).toBe(1);
  });
});

test('validate says how to get xmllint when it is missing', () => {
  const emptyBin = tempDir('pl-nobin-');
  const r = validate(undefined, { ...process.env, PATH: emptyBin });
  expect(r.status).toBe(2);
  expect(r.output).toMatch(/xmllint is not installed.*libxml2-utils/);
});

test('validate names a manifest that does not exist', () => {
  const r = validate(path.join(os.tmpdir(), 'no-such-manifest.xml'));
  expect(r.status).toBe(2);
  expect(r.output).toContain('manifest not found');
});

describe('manifest.xml content', () => {
  test('is an Excel (Workbook) task pane that may read and write the document', () => {
    expect(manifestXml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifestXml).toMatch(/<Hosts>\s*<Host Name="Workbook"\s*\/>\s*<\/Hosts>/);
    expect(manifestXml).toMatch(/<Host xsi:type="Workbook">/);
    expect(manifestXml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifestXml).toContain('<DisplayName DefaultValue="Patient Ledger"/>');
    expect(manifestXml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(manifestXml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
    expect(manifestXml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  test("manifest version follows package.json's", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = /<Version>([^<]+)<\/Version>/.exec(manifestXml)?.[1];
    expect(version).toBe(`${pkg.version}.0`);
  });

  test('the Home tab button opens the task pane', () => {
    const tab = /<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/.exec(manifestXml)?.[1] ?? '';
    expect(tab).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifestXml).toMatch(/<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  });

  test('every resid used is defined once in Resources', () => {
    const used = new Set([...manifestXml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = [...manifestXml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
  });

  test('icons referenced are PNGs of the sizes their slots ask for (16/32/64/80 px)', () => {
    const checked = new Set<number>();
    const expectIcon = (url: string | undefined, size: number): void => {
      expect(url).toBeDefined();
      const file = assetFile(url ?? '');
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
      checked.add(size);
    };
    expectIcon(/<IconUrl DefaultValue="([^"]+)"/.exec(manifestXml)?.[1], 32);
    expectIcon(/<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(manifestXml)?.[1], 64);
    const images = new Map(
      [...manifestXml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]),
    );
    const slots = [...manifestXml.matchAll(/<bt:Image size="\d+" resid="[^"]+"\/>/g)].map((m) => m[0]);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    for (const slot of slots) {
      expectIcon(images.get(attr(slot, 'resid') ?? ''), Number(attr(slot, 'size')));
    }
    expect([...checked].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });
});
