/**
 * Zip helpers for tests that hand-build .xlsx packages, over the CLI's own
 * writer (src/cli/xlsx/zipWrite.ts).
 */
import { zipEntries } from '../../src/cli/xlsx/zipWrite';

/** UTF-8 bytes of a string. */
export const strToU8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** A zip archive of the given entries (name → bytes), deflated — the shipped writer. */
export function zipSync(files: Record<string, Uint8Array>): Buffer {
  return zipEntries(new Map(Object.entries(files)));
}
