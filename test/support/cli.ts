/**
 * The compiled command line for tests that run it as a user does
 * (`node bin/patient-ledger.js …`). bin/ runs build/src/cli/main.js, so a test
 * first makes sure build/ is at least as new as the sources: when any .ts file
 * under src/, tools/ or bench/ (or a tsconfig) is newer than build/.stamp, it
 * runs `npm run build:cli` once — under a lock, since jest runs test files
 * in parallel workers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'patient-ledger.js');
const STAMP = join(ROOT, 'build', '.stamp');
const LOCK = join(ROOT, 'build.lock');

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['src', 'tools', 'bench', 'test/oracle', 'scripts']) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'scripts/build-cli.js']) newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  return newest;
}

const fresh = (): boolean => existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource();

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** Builds the command line when the sources changed since the last build; returns the bin path. */
export function builtCli(): string {
  for (let waited = 0; !fresh(); waited += 200) {
    try {
      mkdirSync(LOCK);
    } catch {
      if (waited > 180_000) throw new Error('timed out waiting for another worker to build the command line');
      sleep(200);
      continue;
    }
    try {
      if (!fresh()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.js')], { cwd: ROOT, stdio: 'pipe' });
    } finally {
      rmdirSync(LOCK);
    }
  }
  return BIN;
}
