/**
 * `npm run bench`: every benchmark in turn, each printing its figures, the
 * ratio to its baseline and `goal met: yes/no`. Benchmarks are not tests:
 * they measure, on this machine, and never fail the build.
 */
const SUITES = ['ingest', 'adjudicate', 'findings', 'cli'] as const;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const name of SUITES) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n=== ${name} ===`);
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(`./${name}`) as { run: () => Promise<void> };
    await mod.run();
  }
}

void main();
