/**
 * The written report opens in LibreOffice and prints as a billing office
 * expects: each account's statement on its own page, the Summary on one
 * landscape page. Needs `soffice` and `pdfinfo` (apt: libreoffice-calc-nogui
 * poppler-utils); skipped without them locally, FAILS without them on CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkbookPlan } from '../../src/report/buildPlan';
import { writeReport } from '../../src/cli/render/renderXlsx';
import type { SheetPlan, WorkbookPlan } from '../../src/report/workbookPlan';
import { smallInput } from './fixture';

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = has('soffice') && has('pdfinfo');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const run = available || ci ? describe : describe.skip;

/** Page sizes of a PDF, in order ("612 x 792" portrait letter, "792 x 612" landscape). */
function pages(pdf: string): string[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '10000', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]!);
}

async function toPdf(plan: WorkbookPlan, dir: string, name: string): Promise<string> {
  const xlsx = join(dir, `${name}.xlsx`);
  await writeReport(plan, xlsx);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore', timeout: 120_000 });
  return join(dir, `${name}.pdf`);
}

const only = (plan: WorkbookPlan, tag: SheetPlan['tag']): WorkbookPlan => ({ ...plan, sheets: plan.sheets.filter((s) => s.tag === tag) });

run('LibreOffice prints the report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-lo-'));

  it('has soffice and pdfinfo (required on CI)', () => {
    expect(available).toBe(true);
  });

  it('Statements: one page per account', async () => {
    const base = smallInput();
    const statements = Array.from({ length: 12 }, (_, i) => ({ ...base.statements[i % 3]!, account: `ACCT${i}` }));
    const pdf = await toPdf(only(buildWorkbookPlan(smallInput({ statements })), 'statements'), dir, 'statements');
    const p = pages(pdf);
    expect(p).toHaveLength(12);
    expect(new Set(p)).toEqual(new Set(['612 x 792']));
  });

  it('Summary: one landscape page', async () => {
    const base = smallInput();
    const lines = Array.from({ length: 60 }, (_, i) => ({ ...base.lines[0]!, account: `S${i}`, payer: ['Aetna', 'Cigna', 'Humana', 'Medicare'][i % 4]!, row: 10 + i }));
    const findings = Array.from({ length: 40 }, (_, i) => ({ ...base.findings[0]!, account: `S${i}`, rule: ['INSURER_UNDERPAID', 'DUPLICATE_CHARGE', 'DATE_ERROR'][i % 3]! }));
    const pdf = await toPdf(only(buildWorkbookPlan(smallInput({ lines, findings })), 'summary'), dir, 'summary');
    expect(pages(pdf)).toEqual(['792 x 612']);
  });
});
