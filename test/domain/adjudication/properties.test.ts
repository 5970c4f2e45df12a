/**
 * fast-check properties over generated plans, coverage and ledgers. The
 * model here only sums what adjudicate() reported (per member, family and
 * plan year) and checks the limits and identities DESIGN §5 promises.
 */
import fc from 'fast-check';
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { defaultCategory } from '../../../src/domain/adjudication/serviceCategory';
import { percentOf, percent, cents, type Cents, type Percent } from '../../../src/domain/money';
import { addDays, day, ymd, type Day } from '../../../src/domain/day';
import { categoryKey, type BenefitConfig, type Config, type CoverageRow, type PlanConfig } from '../../../src/domain/config';
import type { LedgerLine } from '../../../src/domain/ledger';
import type { LineShares } from '../../../src/domain/shareTypes';
import { DEFAULT_POLICY } from '../../../src/domain/policyDefaults';
import { line, ledgerOf } from '../../support/builders';

const CODES = ['99213', '99395', '80053', '71046', '29881', '99284', 'J1100', '97110'];
const CATEGORIES = [...new Set(CODES.map(defaultCategory))];
const ACCOUNTS = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'];
const START = day(2025, 6, 1);

const money = (max: number) => fc.integer({ min: 0, max }).map((n) => cents(n));
const pct = fc.oneof(fc.constantFrom(0, 10, 20, 30, 100).map((p) => percent(p)), fc.integer({ min: 0, max: 1_000_000 }).map((n) => n as Percent));

const planArb = (planId: string, payer: string) => fc.record({
  dedInd: money(200_000), dedFamExtra: fc.option(money(300_000), { nil: null }),
  oopInd: fc.option(money(500_000), { nil: null }), oopFamExtra: fc.option(money(500_000), { nil: null }),
  pct, type: fc.constantFrom<'Embedded' | 'Aggregate'>('Embedded', 'Aggregate'),
  month: fc.integer({ min: 1, max: 12 }), dayOfMonth: fc.integer({ min: 1, max: 28 }),
}).map((g): PlanConfig => ({
  planId, payer, yearStartMonth: g.month, yearStartDay: g.dayOfMonth,
  deductibleIndividual: g.dedInd, deductibleFamily: g.dedFamExtra === null ? null : cents(g.dedInd + g.dedFamExtra),
  oopMaxIndividual: g.oopInd, oopMaxFamily: g.oopInd === null || g.oopFamExtra === null ? null : cents(g.oopInd + g.oopFamExtra),
  coinsurancePct: g.pct, deductibleType: g.type, row: 2,
}));

const benefitsArb = (planId: string) => fc.uniqueArray(fc.record({
  category: fc.constantFrom(...CATEGORIES), covered: fc.integer({ min: 0, max: 9 }).map((n) => n < 8), // mostly covered
  copay: money(6000), deductibleApplies: fc.boolean(), coinsurancePct: fc.option(pct, { nil: null }),
}), { selector: (b) => b.category, maxLength: 5 }).map((rows) => rows.map((b): BenefitConfig => ({ ...b, planId, row: 2 })));

interface World { config: Config; lines: LedgerLine[] }

const worldArb: fc.Arbitrary<World> = fc.record({
  p1: planArb('P1', 'Acme'), p2: planArb('P2', 'Beta'), b1: benefitsArb('P1'), b2: benefitsArb('P2'),
  cob: fc.constantFrom<'Traditional' | 'NonDuplication'>('Traditional', 'NonDuplication'),
  // One member per account (a primary row, maybe a secondary row of the other plan).
  members: fc.uniqueArray(fc.record({
    account: fc.constantFrom(...ACCOUNTS), plan: fc.constantFrom('P1', 'P2'), family: fc.constantFrom(null, 'F1', 'F2'),
    secondary: fc.boolean(), from: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), len: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    startShare: fc.integer({ min: 0, max: 4 }), asOf: fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }),
  }), { maxLength: 6, selector: (mb) => mb.account }),
  lines: fc.array(fc.record({
    account: fc.constantFrom(...ACCOUNTS, 'A9'), dayOffset: fc.integer({ min: 0, max: 700 }), code: fc.constantFrom(...CODES),
    billed: fc.integer({ min: 0, max: 500_000 }), allowedPart: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    payer: fc.constantFrom('Acme', 'Beta', 'Self Pay'), units: fc.constantFrom(1, 1, 1, 2, 1.5),
  }), { minLength: 1, maxLength: 40 }),
}).map((g) => {
  const plans = [g.p1, g.p2];
  const coverage: CoverageRow[] = [];
  g.members.forEach((mb, i) => {
    const p = plans.find((x) => x.planId === mb.plan)!;
    // Starting totals small enough that three members' sum stays within every limit: limit × k / 12.
    const lim = (v: Cents | null) => (v === null ? 0 : Math.floor((v * mb.startShare) / 12));
    const dedStart = Math.min(lim(p.deductibleIndividual), lim(p.deductibleFamily ?? p.deductibleIndividual));
    const oopStart = p.oopMaxIndividual === null ? 0 : Math.min(lim(p.oopMaxIndividual), p.oopMaxFamily === null ? Infinity : lim(p.oopMaxFamily));
    const from = mb.from === null ? null : addDays(START, mb.from);
    coverage.push({
      account: mb.account, planId: mb.plan, memberId: `M${i}`, familyId: mb.family, priority: 'Primary',
      effectiveFrom: from, effectiveTo: from === null || mb.len === null ? null : addDays(from, mb.len),
      deductibleMet: cents(dedStart), oopMet: cents(oopStart), asOf: mb.asOf === null ? null : addDays(START, mb.asOf), row: i + 2,
    });
    if (mb.secondary) {
      coverage.push({
        account: mb.account, planId: mb.plan === 'P1' ? 'P2' : 'P1', memberId: `S${i}`, familyId: null, priority: 'Secondary',
        effectiveFrom: null, effectiveTo: null, deductibleMet: cents(0), oopMet: cents(0), asOf: null, row: i + 100,
      });
    }
  });
  const lines = g.lines.map((l, i) => {
    const allowed = l.allowedPart === null ? null : cents(Math.floor((l.billed * l.allowedPart) / 100));
    return { ...line({ index: i, account: l.account, code: l.code, payer: l.payer, units: l.units }), billed: cents(l.billed), allowed, serviceDate: addDays(START, l.dayOffset) };
  });
  const config: Config = {
    present: new Set(['Plans', 'Benefits', 'Coverage']), plans, benefits: [...g.b1, ...g.b2], feeSchedule: [],
    coverage, coverageIssues: [], patients: [], policy: { ...DEFAULT_POLICY, cobMethod: g.cob },
  };
  return { config, lines };
});

function planYear(d: Day, p: PlanConfig): number {
  const { y, m, d: dd } = ymd(d);
  return m * 100 + dd >= p.yearStartMonth * 100 + p.yearStartDay ? y : y - 1;
}

/** The account's Coverage row of the plan (one per account and plan here); undefined without one (coverage from the payer). */
function primaryRow(w: World, l: LedgerLine, planId: string): CoverageRow | undefined {
  return w.config.coverage.find((c) => c.account === l.account && c.planId === planId);
}

/** The plan whose split the line shows: the secondary's when it acted as primary (DESIGN §5 step 10). */
function adjudicatingPlanId(r: LineShares): string {
  return r.working.kind === 'covered' && r.working.secondaryAsPrimary !== null ? r.secondaryPlanId! : r.primaryPlanId!;
}

/** What the adjudicating plan pays: the insurer share, or the secondary's under §5 step 10. */
function planPays(r: LineShares): number {
  return r.working.kind === 'covered' && r.working.secondaryAsPrimary !== null ? r.secondaryShare! : r.insurerShare!;
}
function familyOf(w: World, l: LedgerLine, planId: string): string | null {
  return primaryRow(w, l, planId)?.familyId ?? null;
}
/** OOP met before the ledger, summed over the family's rows (an upper bound for any one plan year). */
function familyStart(w: World, family: string, planId: string): number {
  return w.config.coverage.filter((c) => c.familyId === family && c.planId === planId).reduce((t, c) => t + c.oopMet, 0);
}

const covered = (r: LineShares) => r.basis === 'covered';

test('the generator reaches the interesting cases', () => {
  const seen = new Set<string>();
  fc.assert(fc.property(worldArb, (w) => {
    for (const r of adjudicate(ledgerOf(w.lines), w.config)) {
      seen.add(r.basis);
      if (explainShares(r).includes('Out-of-pocket maximum reached')) seen.add('oop-cut');
      if (explainShares(r).includes('Family deductible')) seen.add('family-deductible');
      if (r.secondaryShare !== null && r.secondaryShare > 0) seen.add('secondary-pays');
      if (r.copay !== null && r.copay > 0 && r.deductible !== null && r.deductible > 0 && r.coinsurance !== null && r.coinsurance > 0) seen.add('all-three');
    }
  }), { numRuns: 300, seed: 42 });
  expect([...seen].sort()).toEqual(['all-three', 'covered', 'family-deductible', 'no-coverage', 'not-covered', 'oop-cut', 'secondary-pays', 'self-pay']);
});
const params = { numRuns: 250 };

describe('adjudication properties', () => {
  test('every component is ≥ 0 and patient + insurer + secondary = allowed on covered lines', () => {
    fc.assert(fc.property(worldArb, (w) => {
      const res = adjudicate(ledgerOf(w.lines), w.config);
      // Collected, then one expect: jest's expect is slow enough to matter at this volume.
      const bad: string[] = [];
      res.forEach((r, i) => {
        const l = w.lines[i]!;
        if (r.lineIndex !== l.index) bad.push(`line ${i}: lineIndex`);
        for (const v of [r.allowed, r.contractual, r.copay, r.deductible, r.coinsurance, r.patientShare, r.insurerShare, r.secondaryShare]) {
          if (v !== null && (v < 0 || !Number.isSafeInteger(v))) bad.push(`line ${i}: component ${v}`);
        }
        if (covered(r) && r.patientShare !== null && r.patientShare + r.insurerShare! + r.secondaryShare! !== r.allowed) bad.push(`line ${i}: shares ≠ allowed`);
        if (covered(r) && r.copay! + r.deductible! + r.coinsurance! + planPays(r) !== r.allowed) bad.push(`line ${i}: split ≠ allowed`);
        if ((r.basis === 'self-pay' || r.basis === 'no-coverage' || r.basis === 'not-covered')
          && (r.allowed !== l.billed || r.patientShare !== l.billed || r.insurerShare !== 0 || r.contractual !== 0)) bad.push(`line ${i}: full charge`);
      });
      expect(bad).toEqual([]);
    }), params);
  });

  test('copay ≤ benefit copay; coinsurance = round(base × pct) unless the OOP maximum cut it', () => {
    fc.assert(fc.property(worldArb, (w) => {
      const res = adjudicate(ledgerOf(w.lines), w.config);
      const oop = new Map<string, number>(); // what the ledger added to OOP, per member / family and plan year
      const order = w.lines.map((_, i) => i).sort((a, b) => w.lines[a]!.serviceDate - w.lines[b]!.serviceDate || a - b);
      for (const i of order) {
        const r = res[i]!;
        if (!covered(r)) continue;
        const l = w.lines[i]!;
        const p = w.config.plans.find((x) => x.planId === adjudicatingPlanId(r))!;
        const b = w.config.benefits.find((x) => x.planId === p.planId && categoryKey(x.category) === categoryKey(r.category!));
        expect(r.copay!).toBeLessThanOrEqual(b === undefined ? 0 : b.copay);
        const full = percentOf(cents(r.allowed! - r.copay! - r.deductible!), b?.coinsurancePct ?? p.coinsurancePct);
        const py = planYear(l.serviceDate, p);
        const fam = familyOf(w, l, p.planId);
        const mk = `${l.account}|${p.planId}|${py}`;
        const fk = `${fam}|${p.planId}|${py}`;
        const patient = r.copay! + r.deductible! + r.coinsurance!;
        oop.set(mk, (oop.get(mk) ?? 0) + patient);
        if (fam !== null) oop.set(fk, (oop.get(fk) ?? 0) + patient);
        // A plan that is also this account's secondary feeds its accumulators "as if primary" on
        // lines the model cannot see, so only plans that never act as secondary are checked for the cut.
        const alsoSecondary = w.config.coverage.some((c) => c.account === l.account && c.planId === p.planId && c.priority === 'Secondary');
        if (r.coinsurance !== full) expect(r.coinsurance!).toBeLessThan(full);
        if (r.coinsurance !== full && !alsoSecondary) {
          // Cut: after this line the member (or family) is at its out-of-pocket maximum.
          // (The starting OOPMet may or may not be in this plan year, so it only widens the check.)
          const memberStart = primaryRow(w, l, p.planId)?.oopMet ?? 0;
          const memberAtMax = p.oopMaxIndividual !== null && oop.get(mk)! + memberStart >= p.oopMaxIndividual;
          const familyAtMax = fam !== null && p.oopMaxFamily !== null && oop.get(fk)! + familyStart(w, fam, p.planId) >= p.oopMaxFamily;
          expect(memberAtMax || familyAtMax).toBe(true);
        }
      }
    }), params);
  });

  test("no member's or family's accumulators exceed their limits; a member's patient total never exceeds the OOP max", () => {
    fc.assert(fc.property(worldArb, (w) => {
      const res = adjudicate(ledgerOf(w.lines), w.config);
      const ded = new Map<string, number>();
      const oop = new Map<string, number>();
      const owed = new Map<string, number>();
      res.forEach((r, i) => {
        if (!covered(r)) return;
        const l = w.lines[i]!;
        const p = w.config.plans.find((x) => x.planId === adjudicatingPlanId(r))!;
        const py = planYear(l.serviceDate, p);
        const fam = familyOf(w, l, p.planId);
        const keys = [`m|${l.account}|${p.planId}|${py}`, ...(fam === null ? [] : [`f|${fam}|${p.planId}|${py}`])];
        for (const k of keys) {
          ded.set(k, (ded.get(k) ?? 0) + r.deductible!);
          oop.set(k, (oop.get(k) ?? 0) + r.copay! + r.deductible! + r.coinsurance!);
          owed.set(k, (owed.get(k) ?? 0) + (r.patientShare ?? 0));
        }
        const m = keys[0]!;
        const f = keys[1];
        const selfOnly = f === undefined;
        if (selfOnly || p.deductibleType === 'Embedded') expect(ded.get(m)!).toBeLessThanOrEqual(p.deductibleIndividual);
        if (f !== undefined) {
          const famLimit = p.deductibleType === 'Aggregate' ? p.deductibleFamily ?? p.deductibleIndividual : p.deductibleFamily;
          if (famLimit !== null) expect(ded.get(f)!).toBeLessThanOrEqual(famLimit);
          if (p.oopMaxFamily !== null) expect(oop.get(f)!).toBeLessThanOrEqual(p.oopMaxFamily);
        }
        if (p.oopMaxIndividual !== null) {
          expect(oop.get(m)!).toBeLessThanOrEqual(p.oopMaxIndividual);
          expect(owed.get(m)!).toBeLessThanOrEqual(p.oopMaxIndividual);
        }
      });
    }), params);
  });

  test("shuffling the sheet's rows changes no line's result, as long as lines on one date keep their order", () => {
    fc.assert(fc.property(worldArb, fc.infiniteStream(fc.nat()), (w, rand) => {
      const before = adjudicate(ledgerOf(w.lines), w.config);
      // Random order, then put each date's lines back into their original relative order.
      const it = rand[Symbol.iterator]();
      const shuffled = w.lines.map((l) => ({ l, k: it.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.l);
      const byDate = new Map<number, LedgerLine[]>();
      for (const l of w.lines) byDate.set(l.serviceDate, [...(byDate.get(l.serviceDate) ?? []), l]);
      const seen = new Map<number, number>();
      const reordered = shuffled.map((l) => {
        const n = seen.get(l.serviceDate) ?? 0;
        seen.set(l.serviceDate, n + 1);
        return byDate.get(l.serviceDate)![n]!;
      });
      const renumbered = reordered.map((l, i) => ({ ...l, index: i }));
      const after = adjudicate(ledgerOf(renumbered), w.config);
      reordered.forEach((l, j) => {
        // Rest/spread copy own fields; the explanation (a getter) is compared explicitly.
        const { lineIndex: _a, ...x } = after[j]!;
        const { lineIndex: _b, ...y } = before[l.index]!;
        expect(x).toEqual(y);
        expect(explainShares(after[j]!)).toBe(explainShares(before[l.index]!));
      });
    }), { numRuns: 150 });
  });

  test('lines on different dates do not depend on sheet order at all', () => {
    fc.assert(fc.property(worldArb, fc.infiniteStream(fc.nat()), (w, rand) => {
      const seenDates = new Set<number>();
      const distinct = w.lines.filter((l) => !seenDates.has(l.serviceDate) && seenDates.add(l.serviceDate)).map((l, i) => ({ ...l, index: i }));
      const before = adjudicate(ledgerOf(distinct), w.config);
      const it = rand[Symbol.iterator]();
      const shuffled = distinct.map((l) => ({ l, k: it.next().value as number })).sort((a, b) => a.k - b.k).map((x, i) => ({ ...x.l, index: i, orig: x.l.index }));
      const after = adjudicate(ledgerOf(shuffled), w.config);
      shuffled.forEach((l, j) => {
        expect({ ...after[j]!, lineIndex: 0 }).toEqual({ ...before[l.orig]!, lineIndex: 0 });
        expect(explainShares(after[j]!)).toBe(explainShares(before[l.orig]!));
      });
    }), { numRuns: 150 });
  });
});
