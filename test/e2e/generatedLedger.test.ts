/**
 * The whole pipeline over generated ledgers: grid → ingest → shares →
 * findings. The generator (tools/sample) is an independent oracle: it records
 * what it injected where and computes every clean line's shares with its own
 * implementation of DESIGN §5, so nothing here compares the engine to itself.
 */
import fc from 'fast-check';
import { generateSample, ledgerGrid, configGrid, type GeneratedSample } from '../../tools/sample';
import { CONFIG_SHEETS, ingestLedger, readConfig } from '../../src/ingest';
import { adjudicate } from '../../src/domain/adjudication';
import { findDiscrepancies } from '../../src/domain/findings';
import { parseIso } from '../../src/domain/day';
import { formatMoney } from '../../src/domain/money';
import { RULE_IDS } from '../../src/domain/findingTypes';

const AS_OF = parseIso('2026-11-01')!;

function analyse(sample: GeneratedSample, numberFormats = true) {
  const r = ingestLedger(ledgerGrid(sample, { numberFormats }));
  if (!r.ok) throw new Error(r.message);
  const grids = Object.fromEntries(CONFIG_SHEETS.map((s) => [s, configGrid(sample, s)]));
  const { config, issues } = readConfig(grids);
  const shares = adjudicate(r.ledger.lines, config);
  const findings = findDiscrepancies({ sheet: r.ledger.sheet, lines: r.ledger.lines, mapping: r.ledger.mapping, shares, config, asOf: AS_OF });
  return { ledger: r.ledger, config, configIssues: issues, shares, findings };
}

describe('a clean generated ledger', () => {
  it('yields no error or warning findings, no input issues, and the oracle’s shares on every line (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 40, max: 400 }), fc.boolean(), (seed, lines, formats) => {
        const sample = generateSample({ seed, lines, asOf: AS_OF, problems: false });
        const { ledger, configIssues, shares, findings } = analyse(sample, formats);
        expect(configIssues.filter((i) => i.severity !== 'info')).toEqual([]);
        expect(ledger.issues).toEqual([]);
        expect(ledger.counts).toEqual({
          rowsRead: sample.counts.rowsRead, linesAnalyzed: sample.counts.linesAnalyzed, excludedRows: sample.counts.excludedRows,
          blankRows: sample.counts.blankRows, totalRows: sample.counts.totalRows,
        });
        const loud = findings.filter((f) => f.severity !== 'info');
        expect(loud.map((f) => `${f.rule}@${f.row}`)).toEqual([]);
        const byRow = new Map(ledger.lines.map((l, i) => [l.row, shares.at(i)!]));
        for (const e of sample.expected) {
          const s = byRow.get(e.row);
          expect(s).toBeDefined();
          const got = {
            row: e.row,
            allowed: formatMoney(s!.allowed), contractual: formatMoney(s!.contractual),
            patientShare: s!.patientShare === null ? null : formatMoney(s!.patientShare),
            insurerShare: s!.insurerShare === null ? null : formatMoney(s!.insurerShare),
            secondaryShare: s!.secondaryShare === null ? null : formatMoney(s!.secondaryShare),
          };
          expect(got).toEqual({
            row: e.row, allowed: e.allowed, contractual: e.contractual, patientShare: e.patientShare,
            insurerShare: e.insurerShare, secondaryShare: e.secondaryShare,
          });
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('a generated ledger with injected problems', () => {
  it('finds each injected rule at its row, and each input problem as an input issue at its cell (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 300, max: 900 }), (seed, lines) => {
        const sample = generateSample({ seed, lines, asOf: AS_OF, problems: true });
        const { ledger, findings } = analyse(sample);
        const found = new Set(findings.map((f) => `${f.rule}@${f.row}`));
        const issueCells = new Set(ledger.issues.map((i) => `${i.row}:${i.cell}`));
        const issueRows = new Set(ledger.issues.map((i) => i.row));
        const missing: string[] = [];
        for (const p of sample.injected) {
          if ((RULE_IDS as readonly string[]).includes(p.kind)) {
            if (!found.has(`${p.kind}@${p.row}`)) missing.push(`${p.kind}@${p.row}`);
            // Code rules point at the very cell holding the bad code (Mod 2, Dx 3, …).
            else if ((p.kind === 'INVALID_DIAGNOSIS_CODE' || p.kind === 'INVALID_MODIFIER') && p.cell !== undefined
              && !findings.some((f) => f.rule === p.kind && f.row === p.row && f.cell === p.cell)) missing.push(`${p.kind}@${p.cell}`);
          } else if (p.kind === 'BLANK_ROW') {
            continue; // counted, not reported
          } else if (p.cell !== undefined ? !issueCells.has(`${p.row}:${p.cell}`) : !issueRows.has(p.row)) {
            missing.push(`${p.kind}@${p.cell ?? p.row}`);
          }
        }
        expect(missing).toEqual([]);
        expect(ledger.counts).toEqual({
          rowsRead: sample.counts.rowsRead, linesAnalyzed: sample.counts.linesAnalyzed, excludedRows: sample.counts.excludedRows,
          blankRows: sample.counts.blankRows, totalRows: sample.counts.totalRows,
        });
      }),
      { numRuns: Number(process.env.E2E_RUNS ?? 5) },
    );
  });

  it('covers all 19 rule ids at 300 lines', () => {
    const sample = generateSample({ seed: 2026, lines: 300, asOf: AS_OF, problems: true });
    const fired = new Set(analyse(sample).findings.filter((f) => f.severity !== 'info').map((f) => f.rule));
    expect([...RULE_IDS].filter((r) => !fired.has(r))).toEqual([]);
  });
});
