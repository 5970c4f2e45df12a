/**
 * `npm run demo` as a new user runs it: the bundled sample through the real
 * bin, into ./out of the working folder. The sample was generated with every
 * rule injected at least once (tools/sample), so all 19 rule ids must appear.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RULE_IDS } from '../../src/domain/findingTypes';
import { builtCli } from '../support/cli';

const BIN = builtCli(); // bin/ runs the compiled CLI: build it first if the sources changed

describe('demo', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'pl-demo-'));
  let code: number;
  let results: any;
  beforeAll(() => {
    code = spawnSync(process.execPath, [BIN, 'demo'], { cwd, encoding: 'utf8' }).status ?? -1;
    results = JSON.parse(readFileSync(join(cwd, 'out', 'results.json'), 'utf8'));
  });
  it('exits 0 and writes out/results.json for the sample as of its StatementDate', () => {
    expect(code).toBe(0);
    expect(results.asOf).toBe('2026-11-01'); // Policy StatementDate in the sample
    const c = results.input;
    expect(c.rowsRead).toBe(c.linesAnalyzed + c.excludedRows + c.blankRows + c.totalRows);
  });
  it('contains all 19 rule ids', () => {
    const fired = new Set(results.findings.filter((f: any) => f.severity !== 'info').map((f: any) => f.rule));
    expect(RULE_IDS.filter((r) => !fired.has(r))).toEqual([]);
  });
  it('every row is analysed or listed: each excluded row has an input issue with its cell', () => {
    const issueRows = new Set(results.inputIssues.filter((i: any) => i.severity === 'error').map((i: any) => i.row));
    expect(issueRows.size).toBe(results.input.excludedRows);
    for (const i of results.inputIssues) expect(i.cell).toMatch(/^[A-Z]+\d+$/);
  });
  it('shares add up on every covered line; findings are in DESIGN §7 order', () => {
    const c = (s: string) => Math.round(Number(s) * 100); // two-decimal strings → integer cents exactly
    for (const l of results.lines.filter((x: any) => x.basis === 'covered')) {
      expect(c(l.patientShare) + c(l.insurerShare) + c(l.secondaryShare)).toBe(c(l.allowed));
    }
    const sev = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    for (let i = 1; i < results.findings.length; i++) {
      const a = results.findings[i - 1];
      const b = results.findings[i];
      expect(sev[a.severity]! <= sev[b.severity]!).toBe(true);
      if (a.severity === b.severity && a.amount !== null && b.amount !== null) expect(c(a.amount) >= c(b.amount)).toBe(true);
    }
  });
});
