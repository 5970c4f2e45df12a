/**
 * Writes the whole-analysis benchmark's input: a generated service-line
 * workbook (tools/sample: families, secondaries, plan years, ~3 % injected
 * problems per kind — what a practice's ledger looks like) as one JSON value
 * per line, so the benchmark reads it row by row without holding the text.
 * Run in its own process by bench/analysis.ts: the generator's memory never
 * counts toward the analysis's peak RSS.
 *
 *   node build/bench/analysisInput.js <lines> <file>
 */
import { openSync, writeSync, closeSync } from 'node:fs';
import { generateWorkbook } from '../tools/sample';

function main(): void {
  const lines = Number(process.argv[2]);
  const file = process.argv[3]!;
  const w = generateWorkbook({ shape: 'service-lines', seed: 7, lines, problems: true });
  const fd = openSync(file, 'w');
  const put = (kind: string, sheet: string, value: unknown): void => {
    writeSync(fd, `${JSON.stringify([kind, sheet, value])}\n`);
  };
  for (const s of w.sheets) for (const row of s.values) put('row', s.name, row);
  for (const [name, rows] of Object.entries(w.config ?? {})) for (const row of rows) put('row', name, row);
  put('asOf', '', w.asOf);
  closeSync(fd);
}

main();
