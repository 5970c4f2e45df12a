/**
 * A1 cell addresses: column numbers and letters, as every sheet the add-in
 * reads or writes names its cells. One definition for ingest (finding a
 * value's cell), the reports (links, ranges) and the sample generator.
 */

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 1-based column number (A → 1, AA → 27); null if not one to three letters. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
