/**
 * Header text → matching key: lower case, spaces and punctuation dropped
 * (`Account #` → `account`, `ICD-10 1` → `icd101`, `CPT/HCPCS` → `cpthcpcs`).
 * A percent sign reads as "pct" (`Coinsurance %` = `CoinsurancePct`).
 */
import type { CellValue } from '../grid';

export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/%/g, 'pct').replace(/[^a-z0-9]/g, '');
}

export function headerText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}
