/**
 * Issue 11: `patient-ledger analyze … --out report.xlsx`, as a user runs it
 * on the sample ledger, opened by LibreOffice (a spreadsheet program nobody
 * here wrote) and printed to PDF: the Summary alone prints on one landscape
 * page, and each account's statement starts a page of its own. Needs
 * soffice, pdfinfo and pdftotext (apt: libreoffice-calc-nogui,
 * poppler-utils); with CI=true a missing tool fails the test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const available = has('soffice') && has('pdfinfo') && has('pdftotext');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const run = available || ci ? describe : describe.skip;

run('the CLI\'s report workbook, printed by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-cli-print-'));
  let pageTexts: string[] = [];
  let pageSizes: string[] = [];
  let statements: { account: string }[] = [];

  beforeAll(() => {
    if (!available) return;
    const out = join(dir, 'report.xlsx');
    const json = join(dir, 'results.json');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'patient-ledger.js'), 'analyze', join(ROOT, 'assets', 'sample-ledger.xlsx'),
      '--as-of', '2026-11-01', '--out', out, '--json', json], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    statements = JSON.parse(readFileSync(json, 'utf8')).statements;
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'ignore', timeout: 180_000 });
    const pdf = join(dir, 'report.pdf');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', pdf], { encoding: 'utf8' });
    pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]!);
    pageTexts = pageSizes.map((_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }));
  }, 240_000);

  it('has soffice, pdfinfo and pdftotext (required on CI)', () => {
    expect(available).toBe(true);
  });

  it('the Summary alone prints on one landscape page', () => {
    const summary = pageTexts.map((t, i) => ({ t, i })).filter(({ t }) => t.includes('Patient ledger summary'));
    expect(summary).toHaveLength(1);
    const at = summary[0]!.i;
    expect(pageSizes[at]).toBe('792 x 612');
    // The next page is another sheet's (the Run Log), not the Summary running over.
    expect(pageTexts[at + 1] ?? '').toMatch(/Run log/);
  });

  it('each account\'s statement starts a page', () => {
    expect(statements.length).toBeGreaterThan(20);
    const starts = pageTexts.map((t, i) => ({ t, i })).filter(({ t }) => /^\s*Springfield Family Practice/.test(t) && /STATEMENT|REFUND NOTICE/.test(t));
    // One page per statement in the sample (none runs over), in the order of results.json's statements.
    expect(starts).toHaveLength(statements.length);
    statements.forEach((s, k) => expect(starts[k]!.t).toContain(s.account));
  });
});
