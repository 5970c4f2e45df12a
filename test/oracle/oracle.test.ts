/**
 * The oracle against hand-worked cases. Every expected figure is worked in
 * the comment beside it from the DESIGN text, not taken from any code.
 * (Moved from test/sample/oracle.test.ts with the oracle; its cases assert
 * what they asserted, written in the oracle's own plain input.)
 */
import { cents, money, oracleShares, type OracleBenefit, type OracleCoverage, type OracleFeeRow, type OracleLine, type OraclePlan, type OracleShares, type OracleTables } from '.';

type Amount = string | null;
const $ = (v: string): number => cents(v);
const opt = (v: Amount | undefined, dflt: Amount): number | null => {
  const x = v === undefined ? dflt : v;
  return x === null ? null : $(x);
};

function plan(p: Partial<Record<'planId' | 'payer' | 'planYearStart' | 'deductibleType', string>> & {
  deductibleIndividual?: string; deductibleFamily?: Amount; oopMaxIndividual?: Amount; oopMaxFamily?: Amount; coinsurancePct?: number;
} = {}): OraclePlan {
  return {
    planId: p.planId ?? 'P1', payer: p.payer ?? 'Acme Health', planYearStart: p.planYearStart ?? '01-01',
    deductibleIndividual: $(p.deductibleIndividual ?? '500.00'), deductibleFamily: opt(p.deductibleFamily, null),
    oopMaxIndividual: opt(p.oopMaxIndividual, '5000.00'), oopMaxFamily: opt(p.oopMaxFamily, null),
    coinsurancePct: p.coinsurancePct ?? 20, deductibleType: (p.deductibleType as 'Embedded' | 'Aggregate' | undefined) ?? 'Embedded',
  };
}
function benefit(b: { planId?: string; category: string; covered?: boolean; copay?: string; deductibleApplies?: boolean; coinsurancePct?: number | null }): OracleBenefit {
  return { planId: b.planId ?? 'P1', category: b.category, covered: b.covered ?? true, copay: $(b.copay ?? '0.00'), deductibleApplies: b.deductibleApplies ?? true, coinsurancePct: b.coinsurancePct ?? null };
}
function fee(f: { payer: string; code: string; allowed: string; category?: string | null; modifier?: string | null }): OracleFeeRow {
  return { payer: f.payer, code: f.code, modifier: f.modifier ?? null, allowed: $(f.allowed), category: f.category ?? null };
}
function coverage(c: Partial<Omit<OracleCoverage, 'deductibleMet' | 'oopMet'>> & { account: string; deductibleMet?: string; oopMet?: string }): OracleCoverage {
  return {
    account: c.account, planId: c.planId ?? 'P1', familyId: c.familyId ?? null, priority: c.priority ?? 'Primary',
    effectiveFrom: c.effectiveFrom ?? '2026-01-01', effectiveTo: c.effectiveTo ?? null,
    deductibleMet: $(c.deductibleMet ?? '0.00'), oopMet: $(c.oopMet ?? '0.00'), asOf: c.asOf ?? null, invalid: c.invalid ?? false,
  };
}
function ln(p: Partial<Omit<OracleLine, 'billed' | 'allowed' | 'insurerPaid'>> & { billed: string; allowed?: string | null; dos?: string; insurerPaid?: string }): OracleLine {
  return {
    account: p.account ?? 'A100', serviceDate: p.dos ?? '2026-03-02', code: p.code ?? '20610', modifiers: p.modifiers ?? [], units: p.units ?? 1,
    billed: $(p.billed), allowed: p.allowed === undefined || p.allowed === null ? null : $(p.allowed),
    payer: p.payer === undefined ? 'Acme Health' : p.payer,
    insurerPaid: p.insurerPaid === undefined ? null : $(p.insurerPaid), secondaryPaid: null, denialCode: p.denialCode ?? null, status: p.status ?? null,
  };
}
interface Cfg { plans?: OraclePlan[]; benefits?: OracleBenefit[]; feeSchedule?: OracleFeeRow[]; coverage?: OracleCoverage[] | null; hasPayerColumn?: boolean; asOf?: string }
function run(c: Cfg, lines: OracleLine[]): OracleShares[] {
  const tables: OracleTables = { plans: c.plans ?? [plan()], benefits: c.benefits ?? [], feeSchedule: c.feeSchedule ?? [] };
  return oracleShares(tables, { hasPayerColumn: c.hasPayerColumn ?? true, coverage: c.coverage === undefined ? [] : c.coverage, asOf: c.asOf ?? null }, lines);
}
const m = (c: number | null): string | null => (c === null ? null : money(c));

describe('oracle: DESIGN §5', () => {
  test('DESIGN worked check: billed 1,000, allowed 600, deductible left 500, 20 %', () => {
    // allowed = min(1000, 600) = 600; contractual 400; deductible = min(600, 500) = 500;
    // coinsurance = 20 % × (600 − 500) = 20.00; patient 520.00; insurer 600 − 520 = 80.00
    const [s] = run({
      plans: [plan({ deductibleIndividual: '500.00', oopMaxIndividual: '5000.00' })],
      feeSchedule: [fee({ payer: '*', code: '20610', allowed: '600.00', category: 'Surgery' })],
      coverage: [coverage({ account: 'A100' })],
    }, [ln({ billed: '1000.00' })]);
    expect(s!.basis).toBe('covered');
    expect([m(s!.allowed), m(s!.contractual), m(s!.deductible), m(s!.coinsurance), m(s!.patientShare), m(s!.insurerShare), m(s!.secondaryShare)])
      .toEqual(['600.00', '400.00', '500.00', '20.00', '520.00', '80.00', '0.00']);
  });

  const family = [
    coverage({ account: 'A', familyId: 'F1', deductibleMet: '900.00', asOf: '2026-01-15' }),
    coverage({ account: 'B', familyId: 'F1', deductibleMet: '800.00', asOf: '2026-01-15' }),
    coverage({ account: 'C', familyId: 'F1', deductibleMet: '0.00', asOf: '2026-01-15' }),
  ];
  const familyPlan = plan({ deductibleIndividual: '1000.00', deductibleFamily: '2000.00', oopMaxIndividual: null, oopMaxFamily: null });

  test('embedded family deductible: the family limit binds before the individual one', () => {
    // Individual 1,000, family 2,000, embedded, 20 %. Met A 900 + B 800 + C 0 → family 1,700.
    // C (allowed 500): left = min(1000 − 0, 2000 − 1700) = 300 → deductible 300, coins 20 % × 200 = 40 → patient 340.
    // Then A (allowed 200): family left 0 → deductible 0, coins 40.00 → patient 40.00, insurer 160.00.
    const out = run({ plans: [familyPlan], coverage: family }, [
      ln({ account: 'C', billed: '500.00', allowed: '500.00', dos: '2026-03-01' }),
      ln({ account: 'A', billed: '200.00', allowed: '200.00', dos: '2026-03-02' }),
    ]);
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare), m(out[0]!.insurerShare)]).toEqual(['300.00', '40.00', '340.00', '160.00']);
    expect([m(out[1]!.deductible), m(out[1]!.patientShare), m(out[1]!.insurerShare)]).toEqual(['0.00', '40.00', '160.00']);
  });

  test('family members are taken in service-date order across accounts, whatever the sheet order', () => {
    // Sheet: A on 03-02 first, then C on 03-01. C happened first: deductible 300 on C's 500.
    // A then finds 0 left: deductible 0, coinsurance 20 % × 200 = 40.00. Z (self-only) is on its own: 50.00 deductible.
    const out = run({ plans: [familyPlan], coverage: [...family, coverage({ account: 'Z' })] }, [
      ln({ account: 'A', billed: '200.00', allowed: '200.00', dos: '2026-03-02' }),
      ln({ account: 'Z', billed: '50.00', allowed: '50.00', dos: '2026-02-01' }),
      ln({ account: 'C', billed: '500.00', allowed: '500.00', dos: '2026-03-01' }),
    ]);
    expect([m(out[2]!.deductible), m(out[2]!.patientShare)]).toEqual(['300.00', '340.00']);
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare)]).toEqual(['0.00', '40.00', '40.00']);
    expect(m(out[1]!.deductible)).toBe('50.00');
  });

  test('aggregate family deductible ignores the individual amount', () => {
    // HDHP individual 3,300 / family 6,600 aggregate. A met 3,000, B met 0 → family 3,000, left 3,600.
    // A's line allowed 1,000: deductible = min(1000, 3600) = 1,000 (embedded would stop at 300) → patient 1,000, insurer 0.
    const out = run({
      plans: [plan({ deductibleIndividual: '3300.00', deductibleFamily: '6600.00', deductibleType: 'Aggregate', oopMaxIndividual: null })],
      coverage: [
        coverage({ account: 'A', familyId: 'F9', deductibleMet: '3000.00', asOf: '2026-02-01' }),
        coverage({ account: 'B', familyId: 'F9', deductibleMet: '0.00', asOf: '2026-02-01' }),
      ],
    }, [ln({ account: 'A', billed: '1000.00', allowed: '1000.00' }), ln({ account: 'B', billed: '3000.00', allowed: '3000.00', dos: '2026-03-03' })]);
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare), m(out[0]!.insurerShare)]).toEqual(['1000.00', '0.00', '1000.00', '0.00']);
    // B next: family 4,000 met, 2,600 left — more than B's individual 3,300 would allow alone is irrelevant under Aggregate:
    // deductible = min(3000, 2600) = 2,600, coinsurance 20 % × 400 = 80 → patient 2,680, insurer 320.
    expect([m(out[1]!.deductible), m(out[1]!.coinsurance), m(out[1]!.patientShare), m(out[1]!.insurerShare)]).toEqual(['2600.00', '80.00', '2680.00', '320.00']);
  });

  test('self-only member (no FamilyId): individual limits only, the family ones ignored', () => {
    // Family deductible 200 would bind first if it applied; individual 1,000 → the whole 500 allowed is deductible.
    const [s] = run({ plans: [plan({ deductibleIndividual: '1000.00', deductibleFamily: '200.00', oopMaxIndividual: null, oopMaxFamily: '100.00' })], coverage: [coverage({ account: 'A100' })] },
      [ln({ billed: '500.00', allowed: '500.00' })]);
    expect([m(s!.deductible), m(s!.patientShare)]).toEqual(['500.00', '500.00']);
  });

  test('out-of-pocket cap cuts coinsurance, then copay, then deductible', () => {
    // Copay 30 with deductible applying; deductible left 100; 20 %; allowed 200; OOP left 1,000 − 980 = 20.
    // copay 30, deductible min(170, 100) = 100, coinsurance 20 % × 70 = 14 → 144, over by 124:
    // coinsurance −14 → 0 (110 left), copay −30 → 0 (80 left), deductible 100 − 80 = 20 → patient 20, insurer 180.
    const [s] = run({
      plans: [plan({ deductibleIndividual: '500.00', oopMaxIndividual: '1000.00' })],
      benefits: [benefit({ category: 'Office', copay: '30.00', deductibleApplies: true })],
      feeSchedule: [fee({ payer: '*', code: '99213', allowed: '200.00', category: 'Office' })],
      coverage: [coverage({ account: 'A100', deductibleMet: '400.00', oopMet: '980.00', asOf: '2026-01-10' })],
    }, [ln({ code: '99213', billed: '250.00' })]);
    expect([m(s!.copay), m(s!.deductible), m(s!.coinsurance), m(s!.patientShare), m(s!.insurerShare)]).toEqual(['0.00', '20.00', '0.00', '20.00', '180.00']);
  });

  test('coinsurance rounds half-up; plan year resets the accumulators; a blank AsOf takes the statement date', () => {
    // Plan year from 09-01, deductible 1,500 met in the year containing AsOf 2026-07-15; 30 %.
    // 2026-08-20, allowed 100.25: deductible 0, coinsurance 30 % × 100.25 = 30.075 → 30.08 (half-up).
    // 2026-09-10 is a new plan year: deductible left 1,500 → deductible 100.00, coinsurance 0 → patient 100.00.
    const cfg = (asOf: string | null): Cfg => ({
      plans: [plan({ planYearStart: '09-01', deductibleIndividual: '1500.00', coinsurancePct: 30, oopMaxIndividual: null })],
      coverage: [coverage({ account: 'A100', deductibleMet: '1500.00', oopMet: '1800.00', asOf, effectiveFrom: '2025-09-01' })],
      asOf: '2026-07-20',
    });
    const lines = [ln({ billed: '150.00', allowed: '100.25', dos: '2026-08-20' }), ln({ billed: '150.00', allowed: '100.00', dos: '2026-09-10' })];
    for (const out of [run(cfg('2026-07-15'), lines), run(cfg(null), lines)]) {
      expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare)]).toEqual(['0.00', '30.08', '30.08']);
      expect([m(out[1]!.deductible), m(out[1]!.coinsurance), m(out[1]!.patientShare)]).toEqual(['100.00', '0.00', '100.00']);
    }
  });

  test('lines are taken in service-date order, not sheet order', () => {
    // Deductible 100. Row 1 is 2026-03-05 (allowed 80), row 2 is 2026-03-01 (allowed 80).
    // Row 2 first: deductible 80 → patient 80. Row 1 then has 20 left: 20 + 20 % × 60 = 12 → 32.
    const out = run({ plans: [plan({ deductibleIndividual: '100.00', oopMaxIndividual: null })], coverage: [coverage({ account: 'A100' })] }, [
      ln({ billed: '80.00', allowed: '80.00', dos: '2026-03-05' }),
      ln({ billed: '80.00', allowed: '80.00', dos: '2026-03-01' }),
    ]);
    expect(m(out[1]!.patientShare)).toBe('80.00');
    expect([m(out[0]!.deductible), m(out[0]!.coinsurance), m(out[0]!.patientShare)]).toEqual(['20.00', '12.00', '32.00']);
  });

  const twoPlans = (primaryCovers: boolean): Cfg => ({
    plans: [
      plan({ planId: 'P1', payer: 'Acme Health', deductibleIndividual: '500.00', oopMaxIndividual: null }),
      plan({ planId: 'S', payer: 'Second Co', deductibleIndividual: '0.00', coinsurancePct: 10, oopMaxIndividual: null }),
    ],
    benefits: primaryCovers ? [] : [benefit({ planId: 'P1', category: 'Surgery', covered: false })],
    feeSchedule: [fee({ payer: '*', code: '20610', allowed: '600.00', category: 'Surgery' }), fee({ payer: 'Second Co', code: '20610', allowed: '400.00', category: 'Surgery' })],
    coverage: [coverage({ account: 'A100', planId: 'P1', effectiveTo: '2026-06-30' }), coverage({ account: 'A100', planId: 'S', priority: 'Secondary' })],
  });

  test('step 9: the secondary pays the smaller of its normal benefit and what the primary left', () => {
    // Primary as in the worked check → patient 520. Secondary S (no deductible, 10 %): its fee 400 → allowed 400 →
    // normal benefit 400 − 40 = 360 → pays min(360, 520) = 360 → patient 160.
    const [s] = run(twoPlans(true), [ln({ billed: '1000.00' })]);
    expect([m(s!.insurerShare), m(s!.secondaryShare), m(s!.patientShare), m(s!.deductible), m(s!.coinsurance)]).toEqual(['80.00', '360.00', '160.00', '500.00', '20.00']);
  });

  test('step 10: the primary excludes the service (Covered = N) → the secondary acts as primary', () => {
    // S's fee 400 → allowed 400, contractual 600; deductible 0; coinsurance 10 % × 400 = 40 → patient 40,
    // insurer 0.00, secondary 360.00; the split is the secondary's.
    const [s] = run(twoPlans(false), [ln({ billed: '1000.00' })]);
    expect(s!.basis).toBe('secondary-as-primary');
    expect([m(s!.allowed), m(s!.contractual), m(s!.copay), m(s!.deductible), m(s!.coinsurance), m(s!.patientShare), m(s!.insurerShare), m(s!.secondaryShare)])
      .toEqual(['400.00', '600.00', '0.00', '0.00', '40.00', '40.00', '0.00', '360.00']);
  });

  test('step 10: only a Secondary row in effect (the primary ended); the ledger allowed is used', () => {
    // 2026-08-01, after P1 ended 06-30. Ledger allowed 300 under S: 10 % × 300 = 30 → patient 30, secondary 270.
    // Covered by neither (S excludes it too) → step 2: patient owes billed.
    const cfg = twoPlans(true);
    const out = run(cfg, [ln({ billed: '1000.00', allowed: '300.00', dos: '2026-08-01' })]);
    expect([out[0]!.basis, m(out[0]!.allowed), m(out[0]!.patientShare), m(out[0]!.insurerShare), m(out[0]!.secondaryShare)])
      .toEqual(['secondary-as-primary', '300.00', '30.00', '0.00', '270.00']);
    const neither = run({ ...cfg, benefits: [benefit({ planId: 'S', category: 'Surgery', covered: false })] }, [ln({ billed: '1000.00', dos: '2026-08-01' })]);
    expect([neither[0]!.basis, m(neither[0]!.patientShare), m(neither[0]!.insurerShare)]).toEqual(['not-covered', '1000.00', '0.00']);
  });

  test('not covered, no coverage and self-pay: the patient owes billed and accumulators stay', () => {
    // Cosmetic is Covered = N → patient 450.00, allowed = billed, contractual 0.
    // The next covered line still sees the whole 100.00 deductible: allowed 90 → deductible 90.
    // (The self-pay line is on an account with no Coverage row: DESIGN §4 puts a Coverage row before the Payer's word.)
    const out = run({
      plans: [plan({ deductibleIndividual: '100.00', oopMaxIndividual: null })],
      benefits: [benefit({ category: 'Cosmetic', covered: false })],
      feeSchedule: [fee({ payer: '*', code: '11950', allowed: '300.00', category: 'Cosmetic' })],
      coverage: [coverage({ account: 'A100', effectiveTo: '2026-06-30' })],
    }, [
      ln({ code: '11950', billed: '450.00', dos: '2026-03-01' }),
      ln({ billed: '90.00', allowed: '90.00', dos: '2026-03-02' }),
      ln({ billed: '70.00', dos: '2026-07-01' }),
      ln({ account: 'A200', billed: '60.00', payer: 'Self Pay' }),
    ]);
    expect([out[0]!.basis, m(out[0]!.allowed), m(out[0]!.contractual), m(out[0]!.patientShare), m(out[0]!.insurerShare)]).toEqual(['not-covered', '450.00', '0.00', '450.00', '0.00']);
    expect(m(out[1]!.deductible)).toBe('90.00');
    expect([out[2]!.basis, m(out[2]!.patientShare)]).toEqual(['no-coverage', '70.00']);
    expect([out[3]!.basis, m(out[3]!.patientShare)]).toEqual(['self-pay', '60.00']);
  });
});

describe('oracle: DESIGN §4 who pays a line', () => {
  const cfg: Cfg = { plans: [plan({ deductibleIndividual: '0.00' })], coverage: [coverage({ account: 'A100' })] };

  test('bare export (no Payer column, no Coverage sheet): coverage unknown, every share null', () => {
    const [s] = run({ ...cfg, coverage: null, hasPayerColumn: false }, [ln({ billed: '100.00', payer: null, insurerPaid: '60.00' })]);
    expect([s!.basis, s!.allowed, s!.patientShare, s!.insurerShare, s!.secondaryShare]).toEqual(['unknown', null, null, null, null]);
  });

  test('no Payer column but a Coverage sheet: covered by its row, else self-pay; an insurer payment makes it insured', () => {
    // A100 covered, no deductible, 20 %: allowed 100 → patient 20, insurer 80. A200 has no row → self-pay 100.
    // A300 has no row but an insurer payment → insured with no coverage on an out-of-date sheet → null.
    const out = run({ ...cfg, hasPayerColumn: false }, [
      ln({ billed: '100.00', payer: null }),
      ln({ account: 'A200', billed: '100.00', payer: null }),
      ln({ account: 'A300', billed: '100.00', payer: null, insurerPaid: '60.00' }),
    ]);
    expect([out[0]!.basis, m(out[0]!.patientShare), m(out[0]!.insurerShare)]).toEqual(['covered', '20.00', '80.00']);
    expect([out[1]!.basis, m(out[1]!.patientShare)]).toEqual(['self-pay', '100.00']);
    expect([out[2]!.basis, out[2]!.patientShare]).toEqual(['unknown', null]);
  });

  test('a Payer naming an insurer with no Coverage row on the DOS: §5.2 (NO_COVERAGE_ON_DOS); without any configuration: null', () => {
    const [s] = run(cfg, [ln({ account: 'A200', billed: '100.00' })]);
    expect([s!.basis, m(s!.patientShare)]).toEqual(['no-coverage', '100.00']);
    const [t] = run({ ...cfg, coverage: null }, [ln({ account: 'A200', billed: '100.00' })]);
    expect(t!.basis).toBe('unknown');
  });

  test('a Coverage row with an input issue covers nothing and denies nothing: null shares', () => {
    const [s] = run({ ...cfg, coverage: [coverage({ account: 'A100', invalid: true })] }, [ln({ billed: '100.00' })]);
    expect([s!.basis, s!.patientShare]).toEqual(['unknown', null]);
  });

  test('a PR-group denial is the patient’s: billed as not covered; CO-45 is not a denial', () => {
    const out = run(cfg, [ln({ billed: '100.00', denialCode: 'PR-96' }), ln({ billed: '100.00', denialCode: 'CO-45', dos: '2026-03-03' })]);
    expect([out[0]!.basis, m(out[0]!.patientShare), m(out[0]!.insurerShare)]).toEqual(['not-covered', '100.00', '0.00']);
    expect([out[1]!.basis, m(out[1]!.patientShare), m(out[1]!.insurerShare)]).toEqual(['covered', '20.00', '80.00']);
  });
});

test('the oracle imports nothing outside test/oracle (independent of src/ and tools/)', () => {
  const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.ts'))) {
    const specs = [...readFileSync(`${__dirname}/${f}`, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((x) => x[1]!);
    for (const s of specs) expect(`${f}: ${s}`).toMatch(/: \.\/?[A-Za-z]*$/);
  }
});
