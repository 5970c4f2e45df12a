import type { CellValue } from '../grid';

/** Blank = null/undefined, empty or whitespace-only text. Checked per cell, so no regex. */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 32 && c !== 160 && c !== 0xfeff) return false;
  }
  return true;
}

/** Trim only when needed: most export cells have no surrounding spaces, and `trim()` allocates. */
export function trimFast(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  // 160 = non-breaking space, common in exports; trim() removes it too.
  if (a > 32 && a !== 160 && b > 32 && b !== 160) return s;
  return s.trim();
}
