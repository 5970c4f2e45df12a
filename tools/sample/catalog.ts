/**
 * The practice's world: what it bills (chargemaster), whom it bills (plans,
 * benefits, fee schedules). Figures are realistic for a US family practice in
 * 2026 but invented; every number is integer cents so the oracle stays exact.
 */
import { cents, mulDivHalfUp, percent, type Cents } from '../../src/domain/money';
import type { BenefitConfig, FeeScheduleRow, PlanConfig } from '../../src/domain/config';

export interface CodeInfo {
  readonly code: string;
  readonly description: string;
  readonly category: string;
  /** The practice's charge per unit. */
  readonly charge: Cents;
  readonly maxUnitsPerDay: number | null;
  /** Which payers have their own contracted rate ('all' = every payer; else '*' only, plus Medicare). */
  readonly contracted: boolean;
}

const c = (
  code: string, description: string, category: string, dollars: number, maxUnitsPerDay: number | null = null, contracted = true,
): CodeInfo => ({ code, description, category, charge: cents(Math.round(dollars * 100)), maxUnitsPerDay, contracted });

export const CODES: readonly CodeInfo[] = [
  c('99212', 'Office visit, established, straightforward', 'Office', 110),
  c('99213', 'Office visit, established, low complexity', 'Office', 165),
  c('99214', 'Office visit, established, moderate complexity', 'Office', 240),
  c('99215', 'Office visit, established, high complexity', 'Office', 325),
  c('99392', 'Preventive visit, established, age 1-4', 'Preventive', 195),
  c('99393', 'Preventive visit, established, age 5-11', 'Preventive', 210),
  c('99394', 'Preventive visit, established, age 12-17', 'Preventive', 225),
  c('99395', 'Preventive visit, established, age 18-39', 'Preventive', 250),
  c('99396', 'Preventive visit, established, age 40-64', 'Preventive', 270),
  c('99397', 'Preventive visit, established, age 65+', 'Preventive', 290),
  c('G0439', 'Annual wellness visit, subsequent', 'Preventive', 200),
  c('90686', 'Influenza vaccine, quadrivalent, preservative free', 'Preventive', 38),
  c('90471', 'Immunization administration, first vaccine', 'Preventive', 30),
  c('80053', 'Comprehensive metabolic panel', 'Lab', 42, null, false),
  c('85025', 'Complete blood count with differential', 'Lab', 28, null, false),
  c('80061', 'Lipid panel', 'Lab', 55, null, false),
  c('83036', 'Hemoglobin A1c', 'Lab', 38, null, false),
  c('36415', 'Routine venipuncture', 'Lab', 10, 1, false),
  c('71046', 'Chest x-ray, 2 views', 'Imaging', 120),
  c('73030', 'Shoulder x-ray, minimum 2 views', 'Imaging', 110),
  c('20610', 'Arthrocentesis/injection, major joint', 'Surgery', 185),
  c('11102', 'Tangential biopsy of skin, single lesion', 'Surgery', 210),
  c('96372', 'Therapeutic injection, subcutaneous/intramuscular', 'Injection', 45),
  c('J1100', 'Dexamethasone sodium phosphate, 1 mg', 'Drug', 3.5, 20),
  c('J3420', 'Vitamin B-12 cyanocobalamin, up to 1000 mcg', 'Drug', 22, 1),
  c('98940', 'Chiropractic manipulation, spinal, 1-2 regions', 'Chiropractic', 68, 1),
  c('11950', 'Subcutaneous injection of filling material, 1 cc or less', 'Cosmetic', 450, null, false),
];

export const CODE_BY_ID: ReadonlyMap<string, CodeInfo> = new Map(CODES.map((x) => [x.code, x]));

export function codeInfo(code: string): CodeInfo {
  const info = CODE_BY_ID.get(code);
  if (!info) throw new RangeError(`unknown sample code ${code}`);
  return info;
}

export const PAYERS = ['Aetna', 'Blue Cross', 'UnitedHealthcare', 'Cigna', 'Medicare'] as const;
export type PayerName = (typeof PAYERS)[number];

/** Contracted rate as per-mille of the practice charge (Medicare labs pay less). */
const PAYER_RATE: Record<PayerName, number> = { Aetna: 580, 'Blue Cross': 620, UnitedHealthcare: 570, Cigna: 600, Medicare: 550 };
const MEDICARE_LAB_RATE = 350;
const ANY_PAYER_RATE = 650;

export type PlanKind = 'hmo' | 'hdhp' | 'ppo' | 'oap' | 'medicare' | 'medigap';

export interface SamplePlan extends PlanConfig {
  readonly kind: PlanKind;
  readonly name: string;
  /** Starts each plan-year text as written in the sheet. */
  readonly yearStartText: string;
}

const m = (dollars: number): Cents => cents(dollars * 100);

function plan(
  row: number, kind: PlanKind, planId: string, name: string, payer: PayerName, yearStart: string,
  dedInd: number, dedFam: number | null, oopInd: number | null, oopFam: number | null, coins: number,
  deductibleType: 'Embedded' | 'Aggregate',
): SamplePlan {
  const [mm, dd] = yearStart.split('-').map(Number);
  return {
    kind, name, planId, payer, yearStartText: yearStart, yearStartMonth: mm!, yearStartDay: dd!,
    deductibleIndividual: m(dedInd), deductibleFamily: dedFam === null ? null : m(dedFam),
    oopMaxIndividual: oopInd === null ? null : m(oopInd), oopMaxFamily: oopFam === null ? null : m(oopFam),
    coinsurancePct: percent(coins), deductibleType, row,
  };
}

/** Sheet rows start at 2 (row 1 is the header). */
export const PLANS: readonly SamplePlan[] = [
  plan(2, 'hmo', 'AET-HMO', 'Aetna HMO (copay only)', 'Aetna', '01-01', 0, 0, 4000, 8000, 0, 'Embedded'),
  plan(3, 'hdhp', 'BCBS-HDHP', 'Blue Cross HDHP PPO (aggregate family deductible)', 'Blue Cross', '01-01', 3300, 6600, 6500, 13000, 20, 'Aggregate'),
  plan(4, 'ppo', 'UHC-PPO', 'UnitedHealthcare Choice Plus PPO', 'UnitedHealthcare', '01-01', 1000, 2000, 4500, 9000, 20, 'Embedded'),
  plan(5, 'oap', 'CIG-OAP', 'Cigna Open Access Plus (plan year from September)', 'Cigna', '09-01', 1500, 3000, 5000, 10000, 30, 'Embedded'),
  plan(6, 'medicare', 'MCR-B', 'Medicare Part B', 'Medicare', '01-01', 283, null, null, null, 20, 'Embedded'),
  plan(7, 'medigap', 'UHC-MSF', 'AARP Medicare Supplement Plan F (UnitedHealthcare)', 'UnitedHealthcare', '01-01', 0, null, null, null, 0, 'Embedded'),
];

export function planById(planId: string): SamplePlan {
  const p = PLANS.find((x) => x.planId === planId);
  if (!p) throw new RangeError(`unknown sample plan ${planId}`);
  return p;
}

type BenefitSpec = [category: string, covered: boolean, copay: number, deductibleApplies: boolean, coins: number | null];

/**
 * Categories a plan leaves out get the DESIGN §4 default (covered, no copay,
 * deductible applies, plan coinsurance) — the HDHP relies on that on purpose.
 */
const BENEFIT_SPECS: Record<string, readonly BenefitSpec[]> = {
  'AET-HMO': [
    ['Office', true, 25, false, null], ['Preventive', true, 0, false, 0], ['Lab', true, 0, false, null],
    ['Imaging', true, 50, false, null], ['Surgery', true, 75, false, null], ['Drug', true, 0, false, null],
    ['Chiropractic', true, 20, false, null], ['Cosmetic', false, 0, false, null],
  ],
  'BCBS-HDHP': [
    ['Preventive', true, 0, false, 0], ['Chiropractic', true, 0, true, 30], ['Cosmetic', false, 0, false, null],
  ],
  'UHC-PPO': [
    ['Office', true, 30, false, 0], ['Preventive', true, 0, false, 0], ['Lab', true, 0, true, null],
    ['Imaging', true, 0, true, null], ['Surgery', true, 0, true, null], ['Drug', true, 0, true, 10],
    ['Chiropractic', true, 40, false, 0], ['Cosmetic', false, 0, false, null],
  ],
  'CIG-OAP': [
    ['Office', true, 35, false, 0], ['Preventive', true, 0, false, 0], ['Lab', true, 0, false, 0],
    ['Imaging', true, 0, true, null], ['Cosmetic', false, 0, false, null],
  ],
  'MCR-B': [
    ['Preventive', true, 0, false, 0], ['Lab', true, 0, false, 0], ['Cosmetic', false, 0, false, null],
  ],
  'UHC-MSF': [],
};

export const BENEFITS: readonly BenefitConfig[] = (() => {
  const rows: BenefitConfig[] = [];
  for (const p of PLANS) {
    for (const [category, covered, copay, deductibleApplies, coins] of BENEFIT_SPECS[p.planId] ?? []) {
      rows.push({
        planId: p.planId, category, covered, copay: m(copay), deductibleApplies,
        coinsurancePct: coins === null ? null : percent(coins), row: rows.length + 2,
      });
    }
  }
  return rows;
})();

const rate = (charge: Cents, perMille: number): Cents => cents(mulDivHalfUp(charge, perMille, 1000));

/**
 * Fee schedule rows: a `*` row for every code (the fallback), a row per
 * payer for contracted codes, Medicare rows for everything Medicare sees, and
 * two modifier-specific rows (professional-component shoulder x-ray; Medicare
 * chiropractic with AT) so the most-specific-first match is exercised.
 * Blue Cross pays more than the practice charges for venipuncture, so
 * allowed = min(billed, fee) matters.
 */
export const FEE_SCHEDULE: readonly FeeScheduleRow[] = (() => {
  const rows: FeeScheduleRow[] = [];
  const add = (payer: string, info: CodeInfo, allowed: Cents, modifier: string | null = null): void => {
    rows.push({
      payer, code: info.code, modifier, allowed, category: info.category, maxUnitsPerDay: info.maxUnitsPerDay, row: rows.length + 2,
    });
  };
  for (const info of CODES) {
    add('*', info, rate(info.charge, ANY_PAYER_RATE));
    if (info.code === '73030') add('*', info, rate(info.charge, 260), '26');
  }
  for (const payer of PAYERS) {
    for (const info of CODES) {
      if (info.category === 'Cosmetic') continue;
      if (payer === 'Medicare') {
        if (/^993/.test(info.code)) continue; // Medicare pays G0439, not routine physicals
        if (info.code === '98940') add(payer, info, rate(info.charge, PAYER_RATE.Medicare), 'AT');
        else add(payer, info, rate(info.charge, info.category === 'Lab' ? MEDICARE_LAB_RATE : PAYER_RATE.Medicare));
        continue;
      }
      if (info.code === 'G0439') continue;
      if (info.code === '36415' && payer === 'Blue Cross') add(payer, info, m(12));
      else if (info.contracted) add(payer, info, rate(info.charge, PAYER_RATE[payer]));
    }
  }
  return rows;
})();

/** ICD-10-CM codes by clinical situation. */
export const DX = {
  acute: ['J06.9', 'J02.9', 'R05.9', 'N39.0', 'H66.90', 'J01.90', 'M54.50', 'R51.9', 'K21.9', 'L03.90'],
  chronic: ['I10', 'E11.9', 'E78.5', 'E03.9', 'F41.1', 'F32.A', 'J45.909', 'M17.11', 'G47.00', 'E66.9'],
  adultWell: ['Z00.00', 'Z00.01'],
  childWell: ['Z00.129'],
  vaccine: ['Z23'],
  lab: ['E11.9', 'E78.5', 'I10', 'E03.9', 'D64.9'],
  chest: ['R05.9', 'J18.9', 'R06.02'],
  shoulder: ['M25.511', 'M25.512', 'M75.101'],
  knee: ['M17.11', 'M17.12', 'M25.561'],
  skin: ['L82.1', 'D48.5', 'L57.0'],
  chiro: ['M99.03', 'M54.50', 'M54.2', 'M99.01'],
  cosmetic: ['Z41.1'],
  steroid: ['J45.909', 'M54.50', 'L23.9'],
  b12: ['D51.9', 'E53.8'],
} as const;
