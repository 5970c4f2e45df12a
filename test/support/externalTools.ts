/**
 * What the add-in tests need from the machine (xmllint, Debian's chromium) and
 * how they react when it is missing: under CI (CI=true) a missing tool is a
 * failure, so a green CI run really ran the check; elsewhere the test is
 * skipped with a message.
 */
import fs from 'fs';
import { spawnSync } from 'child_process';

export const IN_CI = process.env.CI === 'true';
export const CHROMIUM_PATH = '/usr/bin/chromium';

export function hasXmllint(): boolean {
  const r = spawnSync('xmllint', ['--version'], { stdio: 'ignore' });
  return !r.error;
}

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/**
 * `describe` when the tool is present; otherwise under CI a suite whose one
 * test fails naming the missing tool, and elsewhere a skipped suite.
 */
export function describeIfTool(present: boolean, missing: string, name: string, body: () => void): void {
  if (present) {
    describe(name, body);
  } else if (IN_CI) {
    describe(name, () => {
      test(`${missing} is installed`, () => {
        throw new Error(`${missing} is missing, and CI=true requires it (apt-get install -y chromium libxml2-utils)`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": ${missing} is not installed (apt-get install -y chromium libxml2-utils).`);
    describe.skip(name, body);
  }
}
