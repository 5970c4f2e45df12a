/**
 * `npm run bench` (compiled to build/bench by `npm run build:cli`): every benchmark in turn, each in its own Node process (so
 * one suite's heap never inflates another's peak RSS), each printing its
 * figures, the ratio to its baseline and `goal met: yes/no`. Benchmarks
 * measure on this machine; they are not tests and never fail the build.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SUITES = ['startup', 'ingest', 'analysis', 'cli', 'paneLongTasks', 'fakeRender'] as const;

const only = process.argv.slice(2);
for (const name of SUITES) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', join(__dirname, `${name}.js`)], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${name} exited with ${r.status})`);
}
