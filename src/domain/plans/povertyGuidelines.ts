/**
 * HHS federal poverty guidelines (DESIGN §8): a base amount for one person
 * plus a fixed amount per extra household member, per region and year, in
 * whole dollars. Alaska and Hawaii have their own tables; every other state,
 * DC and anything we cannot place (blank, unknown code, territories) uses the
 * 48-state table, which is what HHS publishes for "the 48 contiguous states
 * and DC" and what a billing office falls back to.
 */
import { cents, type Cents } from '../money';
import { ymd, type Day } from '../day';

export type PovertyRegion = 'contiguous' | 'alaska' | 'hawaii';

interface GuidelineRow {
  readonly base: number;
  readonly perExtra: number;
}

/** Whole dollars, exactly as DESIGN §8 lists them. */
const TABLES: Readonly<Record<number, Readonly<Record<PovertyRegion, GuidelineRow>>>> = {
  2025: {
    contiguous: { base: 15_650, perExtra: 5_500 },
    alaska: { base: 19_550, perExtra: 6_880 },
    hawaii: { base: 17_990, perExtra: 6_330 },
  },
  2026: {
    contiguous: { base: 15_960, perExtra: 5_680 },
    alaska: { base: 19_950, perExtra: 7_100 },
    hawaii: { base: 18_360, perExtra: 6_530 },
  },
};

export const GUIDELINE_YEARS: readonly number[] = Object.keys(TABLES).map(Number).sort((a, b) => a - b);

/**
 * The table year for a plan whose first payment falls in `year`: that year's
 * table; a later year uses the newest table (DESIGN §8). An earlier year than
 * we carry uses the oldest table (2025) — we ship no older guidelines, and
 * the oldest one is the closest to what applied then.
 */
export function guidelineYearFor(year: number): number {
  const oldest = GUIDELINE_YEARS[0]!;
  const newest = GUIDELINE_YEARS[GUIDELINE_YEARS.length - 1]!;
  if (year >= newest) return newest;
  if (year <= oldest) return oldest;
  // Between carried years (none today): the newest table published by then.
  let pick = oldest;
  for (const y of GUIDELINE_YEARS) if (y <= year) pick = y;
  return pick;
}

/** 'AK' / 'Alaska' → alaska, 'HI' / 'Hawaii' → hawaii, anything else → the 48-state table. */
export function regionForState(state: string | null | undefined): PovertyRegion {
  if (state === null || state === undefined) return 'contiguous';
  const s = state.trim().toUpperCase().replace(/[^A-Z]/g, '');
  if (s === 'AK' || s === 'ALASKA') return 'alaska';
  if (s === 'HI' || s === 'HAWAII') return 'hawaii';
  return 'contiguous';
}

export function isValidHouseholdSize(size: number): boolean {
  return Number.isSafeInteger(size) && size >= 1;
}

/** The annual guideline in cents for a household of `householdSize` (a whole number ≥ 1). */
export function povertyGuideline(year: number, region: PovertyRegion, householdSize: number): Cents {
  if (!isValidHouseholdSize(householdSize)) throw new RangeError('household size must be a whole number of at least 1');
  const row = TABLES[guidelineYearFor(year)]![region];
  return cents((row.base + row.perExtra * (householdSize - 1)) * 100);
}

export interface GuidelineLookup {
  readonly year: number;
  readonly region: PovertyRegion;
  readonly householdSize: number;
  readonly guideline: Cents;
}

/** The guideline that applies to a plan whose first payment is due on `firstDue`. */
export function guidelineFor(firstDue: Day, state: string | null, householdSize: number): GuidelineLookup {
  const year = guidelineYearFor(ymd(firstDue).y);
  const region = regionForState(state);
  return { year, region, householdSize, guideline: povertyGuideline(year, region, householdSize) };
}
