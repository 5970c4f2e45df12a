/**
 * Writes the whole-analysis benchmark's input: a generated service-line
 * workbook (tools/sample: families, secondaries, plan years) with 0.2 % of
 * lines per problem kind — about one line in twenty with something wrong,
 * as a practice's ledger has; the tests' 3 % a kind would make every other
 * line a finding — as one JSON value
 * per line, so the benchmark reads it row by row without holding the text.
 * Run in its own process by bench/analysis.ts: the generator's memory never
 * counts toward the analysis's peak RSS.
 *
 *   node build/bench/analysisInput.js <lines> <file>
 */
import { openSync, writeSync, closeSync } from 'node:fs';
import { generateWorkbook } from '../tools/sample';

/** Per problem kind, as a share of lines. */
export const PROBLEM_RATE = 0.002;

function main(): void {
  const lines = Number(process.argv[2]);
  const file = process.argv[3]!;
  const w = generateWorkbook({ shape: 'service-lines', seed: 7, lines, problems: PROBLEM_RATE });
  const fd = openSync(file, 'w');
  const put = (kind: string, sheet: string, value: unknown): void => {
    writeSync(fd, `${JSON.stringify([kind, sheet, value])}\n`);
  };
  for (const s of w.sheets) for (const row of s.values) put('row', s.name, row);
  for (const [name, rows] of Object.entries(w.config ?? {})) for (const row of rows) put('row', name, row);
  put('asOf', '', w.asOf);
  closeSync(fd);
}

if (require.main === module) main();
