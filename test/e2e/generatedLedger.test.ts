/**
 * The whole analysis over generated workbooks in every shape a practice
 * exports (issue 10): service lines with configuration, a bare export
 * (no Payer column, no configuration), a transaction export, and one ledger
 * sheet per month. The generator records what it injected where; the oracle
 * (test/oracle, which imports nothing from src/) computes every line's
 * shares with its own reading of DESIGN §4–§5 — nothing here compares the
 * engine with itself.
 */
import fc from 'fast-check';
import { generateWorkbook, type SampleWorkbook, type WorkbookShape } from '../../tools/sample';
import { oracleShares, money as oracleMoney } from '../oracle';
import { analyzeWorkbook, type AnalysisResult } from '../../src/app/analyze';
import type { WorkbookPort } from '../../src/app/port';
import type { CellGrid } from '../../src/ingest/grid';
import { parseIso } from '../../src/domain/day';
import { formatMoney, type Cents } from '../../src/domain/money';
import { RULE_IDS } from '../../src/domain/findingTypes';

const SHAPES: readonly WorkbookShape[] = ['service-lines', 'bare', 'transactions', 'monthly'];

function portOf(w: SampleWorkbook): WorkbookPort {
  const grids: CellGrid[] = [
    ...w.sheets.map((s) => ({ sheet: s.name, values: s.values, numberFormats: null, top: 1, left: 1, date1904: false, allText: false })),
    ...Object.entries(w.config ?? {}).map(([name, values]) => ({ sheet: name, values, numberFormats: null, top: 1, left: 1, date1904: false, allText: false })),
  ];
  return {
    listSheets: async () => grids.map((g) => ({ name: g.sheet, tables: [] })),
    readGrid: async (sheet) => grids.find((g) => g.sheet === sheet)!,
  };
}

async function analyse(w: SampleWorkbook): Promise<AnalysisResult> {
  return analyzeWorkbook(portOf(w), { asOf: parseIso(w.asOf), today: parseIso(w.asOf)! });
}

/**
 * A bare export has no Patients sheet, so nothing says an account with an
 * old balance is on a payment plan: there COLLECTIONS_CANDIDATE is right to
 * fire on the accounts the full workbook's Patients sheet marks OnPaymentPlan.
 */
function onPaymentPlanElsewhere(w: SampleWorkbook): Set<string> {
  if (w.config !== null) return new Set();
  const patients = w.sample.config.Patients;
  const header = patients[0]!;
  const account = header.indexOf('Account');
  const plan = header.indexOf('OnPaymentPlan');
  return new Set(patients.slice(1).filter((r) => String(r[plan]).toUpperCase() === 'Y').map((r) => String(r[account])));
}

const engineMoney = (c: Cents | null): string | null => (c === null ? null : formatMoney(c));
const oracleMoneyOrNull = (c: number | null): string | null => (c === null ? null : oracleMoney(c));

/** Every clean line (no injected problem on its row) against the oracle; returns the differences. */
function sharesAgainstOracle(w: SampleWorkbook, r: AnalysisResult): string[] {
  const expected = oracleShares(w.model.tables, w.model.workbook, w.model.lines);
  const dirty = new Set(w.injected.map((p) => `${p.sheet}!${p.row}`));
  const engineAt = new Map(r.ledger.lines.map((l, i) => [`${l.sheet}!${l.row}`, r.shares[i]!]));
  const diffs: string[] = [];
  w.model.lines.forEach((l, i) => {
    const at = `${l.sheet}!${l.row}`;
    if (dirty.has(at)) return;
    const e = expected[i]!;
    const s = engineAt.get(at);
    if (s === undefined) {
      diffs.push(`${at}: not analysed`);
      return;
    }
    const got = [s.allowed, s.contractual, s.patientShare, s.insurerShare, s.secondaryShare].map(engineMoney);
    const want = [e.allowed, e.contractual, e.patientShare, e.insurerShare, e.secondaryShare].map(oracleMoneyOrNull);
    if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push(`${at} ${s.basis}/${e.basis}: got ${got.join(' ')} want ${want.join(' ')}`);
  });
  return diffs;
}

describe.each(SHAPES)('a generated %s workbook', (shape) => {
  it('clean: no error or warning, no input issue, every line\'s shares equal the oracle\'s, every sheet\'s counts foot (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 60, max: 300 }), async (seed, lines) => {
      const w = generateWorkbook({ shape, seed, lines, problems: false });
      const r = await analyse(w);
      expect(r.inputIssues.filter((i) => i.severity !== 'info')).toEqual([]);
      const planned = onPaymentPlanElsewhere(w);
      const loud = r.findings.filter((f) => f.severity !== 'info' && !(f.rule === 'COLLECTIONS_CANDIDATE' && planned.has(f.account ?? '')));
      expect(loud.map((f) => `${f.rule}@${f.sheet}!${f.row}`)).toEqual([]);
      expect(sharesAgainstOracle(w, r)).toEqual([]);
      for (const c of w.counts) {
        const s = r.ledger.sheets.find((x) => x.sheet === c.sheet)!;
        expect(s).toBeDefined();
        expect([s.counts.rowsRead, s.counts.blankRows, s.counts.totalRows, s.counts.excludedRows]).toEqual([c.rowsRead, c.blankRows, c.totalRows, c.excludedRows]);
        expect(s.counts.rowsRead).toBe(s.counts.linesAnalyzed + s.counts.excludedRows + s.counts.blankRows + s.counts.totalRows);
      }
    }), { numRuns: Number(process.env.E2E_RUNS ?? 4) });
  });

  it('with injected problems: each is found at its sheet and row (code rules at their very cell), input problems as input issues at their cell; clean lines still match the oracle (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 300, max: 700 }), async (seed, lines) => {
      const w = generateWorkbook({ shape, seed, lines, problems: true });
      const r = await analyse(w);
      const found = new Set(r.findings.map((f) => `${f.rule}@${f.sheet}!${f.row}`));
      const issueCells = new Set(r.inputIssues.map((i) => `${i.sheet}!${i.cell}`));
      const issueRows = new Set(r.inputIssues.map((i) => `${i.sheet}!${i.row}`));
      const missing: string[] = [];
      for (const p of w.injected) {
        if ((RULE_IDS as readonly string[]).includes(p.kind)) {
          if (!found.has(`${p.kind}@${p.sheet}!${p.row}`)) missing.push(`${p.kind}@${p.sheet}!${p.row}`);
          else if ((p.kind === 'INVALID_DIAGNOSIS_CODE' || p.kind === 'INVALID_MODIFIER') && p.cell !== undefined
            && !r.findings.some((f) => f.rule === p.kind && f.sheet === p.sheet && f.cell === p.cell)) missing.push(`${p.kind}@${p.sheet}!${p.cell}`);
        } else if (p.kind === 'BLANK_ROW') {
          continue; // counted, not reported
        } else if (p.cell !== undefined ? !issueCells.has(`${p.sheet}!${p.cell}`) : !issueRows.has(`${p.sheet}!${p.row}`)) {
          missing.push(`${p.kind}@${p.sheet}!${p.cell ?? p.row}`);
        }
      }
      expect(missing).toEqual([]);
      expect(sharesAgainstOracle(w, r)).toEqual([]);
      for (const s of r.ledger.sheets) {
        expect(s.counts.rowsRead).toBe(s.counts.linesAnalyzed + s.counts.excludedRows + s.counts.blankRows + s.counts.totalRows);
      }
    }), { numRuns: Number(process.env.E2E_RUNS ?? 3) });
  });
});

it('service lines: all 19 rule ids fire at 300 lines', async () => {
  const w = generateWorkbook({ shape: 'service-lines', seed: 2026, lines: 300, problems: true });
  const fired = new Set((await analyse(w)).findings.filter((f) => f.severity !== 'info').map((f) => f.rule));
  expect([...RULE_IDS].filter((rule) => !fired.has(rule))).toEqual([]);
});
