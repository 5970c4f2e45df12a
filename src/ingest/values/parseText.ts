/**
 * Text cells. Numbers become their shortest decimal text (12345 → "12345",
 * never "12345.0"); a number shown with a zero-padded format ("00000") keeps
 * its leading zeros, as the user sees it in Excel.
 */
import type { CellValue } from '../grid';
import { trimFast } from './blank';


export function numberToText(n: number, format: string | null | undefined): string {
  const s = String(n);
  if (format && Number.isInteger(n) && n >= 0 && isZeroPadFormat(format) && s.length < format.length) {
    return s.padStart(format.length, '0');
  }
  return s;
}

function isZeroPadFormat(f: string): boolean {
  if (f.length < 2) return false;
  for (let i = 0; i < f.length; i++) if (f.charCodeAt(i) !== 48) return false;
  return true;
}

/** Trimmed text; blank → null. */
export function parseText(v: CellValue | undefined, format?: string | null): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = trimFast(v);
    return t.length === 0 ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? numberToText(v, format) : null;
  return v ? 'TRUE' : 'FALSE';
}

/** Codes (CPT, modifiers, ICD-10, denial codes) compare upper-cased. */
export function parseCode(v: CellValue | undefined, format?: string | null): string | null {
  const t = parseText(v, format);
  return t === null ? null : upperAscii(t);
}

/** `toUpperCase` allocates even when nothing changes; most codes are already upper case. */
export function upperAscii(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return s.toUpperCase();
  }
  return s;
}

/**
 * Several codes in one cell ("25, 59", "J06.9; R05", "25-59" is NOT split:
 * a dash is part of some codes). Separators: comma, semicolon, slash, whitespace.
 */
export function splitCodes(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/[\s,;/|]+/)) if (part.length > 0) out.push(upperAscii(part));
  return out;
}

/** True when a code cell needs splitting (cheap check before the regex). */
export function hasCodeSeparator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 59 || c === 47 || c === 124 || c === 32 || c === 9) return true;
  }
  return false;
}
