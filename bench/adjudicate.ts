/**
 * Adjudication throughput: 1,000,000 synthetic ledger lines over several
 * plans, families, a fee schedule and Coverage (with secondaries, self-pay
 * and lines outside coverage), against a bare pass that only sums `billed`
 * with money.ts `add` over the same objects.
 *
 * Goal: adjudicate < 1 s, ≤ 25× the bare pass, peak RSS < 1 GB.
 *
 * What the design does about it (src/domain/adjudication):
 * - One pass. Service-date order matters only among lines that can share an
 *   accumulator (an account's rows, a family's accounts: a "component"), so
 *   components already in date order in the sheet are taken where they
 *   stand, and the others (a family's members one after the other) are
 *   taken again from their start, sorted, after the walk (componentOrder.ts)
 *   — no million-line sort, no extra pass over the line objects.
 * - No object per line: results are written into one Int32Array, seven
 *   slots a line (sharesTable.ts), and `at(i)` builds a line's record when
 *   asked. A million retained result objects cost ~0.3 s to allocate and
 *   promote ("floor" below); and every byte allocated outside the heap
 *   counts towards the total at which V8 runs a full collection over the
 *   whole ledger in memory (~0.12 s), so a run allocates as little as it can.
 * - Lookups are done once per account, code or plan, not per line: an
 *   account's coverage is found when the walk reaches its first line, a
 *   code's fee row, category and benefit are kept per plan (and modifier),
 *   plan years' bounds per plan.
 * - `explanation` is written when read, from a few numbers per line: no
 *   text per line during adjudication. Texts are flattened and everyday
 *   amounts formatted once (explanation.ts).
 *
 * Timing: the first (cold) run is printed on its own; the figure compared
 * with the goal is the best of TIMED_RUNS runs after it — the steady state
 * of a task pane analysing again and again. The bare pass is timed before
 * and after those runs and the faster is used, so a slow baseline never
 * flatters the ratio.
 *
 * Peak RSS is measured on one full adjudication (what the CLI does);
 * after the timed runs it also holds the previous runs' results, garbage
 * V8 has not needed to collect yet — printed too.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { adjudicate } from '../src/domain/adjudication';
import type { SharesTable } from '../src/domain/adjudication/sharesTable';
import * as money from '../src/domain/money';
import { add, cents, percent, ZERO, type Cents } from '../src/domain/money';
import { day, addDays, type Day } from '../src/domain/day';
import type { LedgerLine } from '../src/domain/ledger';
import type { Config, CoverageRow, FeeScheduleRow, PlanConfig, BenefitConfig } from '../src/domain/config';
import { DEFAULT_POLICY } from '../src/domain/policyDefaults';

const N = Number(process.env.BENCH_LINES ?? 1_000_000);
const TIMED_RUNS = 5;
const ACCOUNTS = 50_000;

/** Deterministic PRNG (mulberry32) so every run adjudicates the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = ['99213', '99214', '99203', '99395', '80053', '85025', '36415', '71046', '73030', '20610', '99284', 'J1100', '97110', '93000', 'S9083'];
const PAYERS = ['Acme Health', 'Blue Ridge', 'Cedar Mutual', 'Delta Care'];

export function buildConfig(): Config {
  const plans: PlanConfig[] = [];
  const benefits: BenefitConfig[] = [];
  for (let p = 0; p < 8; p++) {
    const planId = `P${p + 1}`;
    plans.push({
      planId, payer: PAYERS[p % PAYERS.length]!, yearStartMonth: p % 3 === 0 ? 7 : 1, yearStartDay: 1,
      deductibleIndividual: cents(50_000 + p * 25_000), deductibleFamily: cents(100_000 + p * 50_000),
      oopMaxIndividual: cents(300_000 + p * 50_000), oopMaxFamily: cents(600_000 + p * 100_000),
      coinsurancePct: percent(10 + (p % 3) * 10), deductibleType: p % 2 === 0 ? 'Embedded' : 'Aggregate', row: p + 2,
    });
    benefits.push(
      { planId, category: 'Office', covered: true, copay: cents(2500), deductibleApplies: false, coinsurancePct: percent(0), row: 2 },
      { planId, category: 'Preventive', covered: true, copay: ZERO, deductibleApplies: false, coinsurancePct: percent(0), row: 3 },
      { planId, category: 'Emergency', covered: true, copay: cents(25_000), deductibleApplies: true, coinsurancePct: null, row: 4 },
      { planId, category: 'Therapy', covered: p % 4 !== 3, copay: cents(4000), deductibleApplies: true, coinsurancePct: null, row: 5 },
    );
  }
  const feeSchedule: FeeScheduleRow[] = [];
  CODES.forEach((code, i) => {
    feeSchedule.push({ payer: '*', code, modifier: null, allowed: cents(4000 + i * 1700), category: code === '97110' ? 'Therapy' : null, maxUnitsPerDay: null, row: feeSchedule.length + 2 });
    for (const payer of PAYERS) {
      feeSchedule.push({ payer, code, modifier: null, allowed: cents(3500 + i * 1500), category: code === '97110' ? 'Therapy' : null, maxUnitsPerDay: null, row: feeSchedule.length + 2 });
      feeSchedule.push({ payer, code, modifier: '25', allowed: cents(3000 + i * 1400), category: null, maxUnitsPerDay: null, row: feeSchedule.length + 2 });
    }
  });
  const coverage: CoverageRow[] = [];
  const r = rng(7);
  for (let a = 0; a < ACCOUNTS; a++) {
    if (a % 25 === 24) continue; // no coverage at all → NO_COVERAGE lines
    const planNo = a % 8;
    const family = a % 3 === 0 ? null : `F${Math.floor(a / 3)}`;
    coverage.push({
      account: `A${a}`, planId: `P${planNo + 1}`, memberId: `M${a}`, familyId: family, priority: 'Primary',
      effectiveFrom: day(2024, 1, 1), effectiveTo: a % 17 === 0 ? day(2025, 6, 30) : null,
      deductibleMet: cents(Math.floor(r() * 30_000)), oopMet: cents(Math.floor(r() * 60_000)), asOf: a % 2 === 0 ? day(2025, 1, 15) : null,
      row: coverage.length + 2,
    });
    if (a % 10 === 0) {
      coverage.push({
        account: `A${a}`, planId: `P${((planNo + 3) % 8) + 1}`, memberId: `S${a}`, familyId: null, priority: 'Secondary',
        effectiveFrom: null, effectiveTo: null, deductibleMet: ZERO, oopMet: ZERO, asOf: null, row: coverage.length + 2,
      });
    }
  }
  return {
    present: new Set(['Plans', 'Benefits', 'FeeSchedule', 'Coverage']),
    plans, benefits, feeSchedule, coverage, patients: [], policy: DEFAULT_POLICY,
  };
}

/**
 * The synthetic ledger. `grouped`: rows by account, then by date — how a
 * patient-ledger export is laid out (and how ingest would allocate them);
 * otherwise rows in random account and date order, the worst case for
 * memory locality.
 */
export function buildLines(grouped = true): LedgerLine[] {
  const r = rng(42);
  const start = day(2024, 7, 1);
  // Who and when first, so the rows can be laid out in sheet order before any object exists.
  const key = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = Math.floor(r() * ACCOUNTS);
    const off = Math.floor(r() * 730);
    key[i] = (grouped ? a * 1024 + off : i) * 2 ** 26 + a * 1024 + off; // who (26 bits) under the sort key
  }
  if (grouped) key.sort();
  const lines: LedgerLine[] = new Array<LedgerLine>(N);
  // Interned like a real ingest would hold them: one string per distinct account.
  const accounts = Array.from({ length: ACCOUNTS }, (_, a) => `A${a}`);
  const members = Array.from({ length: ACCOUNTS }, (_, a) => `M${a}`);
  const cells = {};
  const noMods: readonly string[] = [];
  const mod25: readonly string[] = ['25'];
  const dx: readonly string[] = ['J06.9'];
  for (let i = 0; i < N; i++) {
    const who = key[i]! % 2 ** 26;
    const a = Math.floor(who / 1024);
    const serviceDate: Day = addDays(start, who % 1024);
    const code = CODES[Math.floor(r() * CODES.length)]!;
    const selfPay = r() < 0.05;
    const billed = cents(5000 + Math.floor(r() * 200) * 500);
    lines[i] = {
      index: i, sheet: 'Ledger', row: i + 2, account: accounts[a]!, patientName: null, dob: null,
      serviceDate, postingDate: null, code, modifiers: r() < 0.2 ? mod25 : noMods, diagnoses: dx, description: null,
      units: r() < 0.05 ? 1.5 : 1, billed, allowed: r() < 0.3 ? cents(Math.floor(billed * 0.6)) : null,
      insurerPaid: null, secondaryPaid: null, patientPaid: null, adjustment: null, patientRefunded: null, balance: null,
      payer: selfPay ? 'Self Pay' : PAYERS[a % 8 % PAYERS.length]!, planId: null, memberId: members[a]!,
      claimId: null, lineId: null, status: null, statusText: null, denialCode: null, pos: null, cells,
    };
  }
  return lines;
}

/**
 * The bare pass: sum `billed` with money.ts `add`. Bound once like the adjudication hot path
 * (under tsx a named import is a getter call per use); `bareViaImport` is the naive form.
 */
const { add: addBound } = money;
function bare(lines: readonly LedgerLine[]): Cents {
  let t = ZERO;
  for (let i = 0; i < lines.length; i++) t = addBound(t, lines[i]!.billed);
  return t;
}
function bareViaImport(lines: readonly LedgerLine[]): Cents {
  let t = ZERO;
  for (let i = 0; i < lines.length; i++) t = add(t, lines[i]!.billed);
  return t;
}

/** One LineShares-shaped object per line and nothing else: the least any adjudicator must do. */
function allocationFloor(lines: readonly LedgerLine[]): object[] {
  const out = new Array<object>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    out[i] = {
      lineIndex: l.index, basis: 'covered', allowed: l.billed, contractual: ZERO, feeScheduleAllowed: null, category: 'Office',
      primaryPlanId: 'P1', secondaryPlanId: null, copay: ZERO, deductible: ZERO, coinsurance: ZERO, patientShare: ZERO,
      insurerShare: l.billed, secondaryShare: ZERO, explanation: '',
    };
  }
  return out;
}

function best(f: () => void, times: number): number {
  let b = Infinity;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    f();
    const t = performance.now() - t0;
    if (t < b) b = t;
  }
  return b / 1000;
}

const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

export async function run(): Promise<void> {
  const config = buildConfig();
  const lines = buildLines();
  const rssInput = rssMb();
  let sink = 0;
  const load0 = loadavg()[0]!;
  // One full adjudication first: the peak RSS goal (input + one run), and the JIT's warm-up.
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  sink += adjudicate(lines, config).length;
  const tFirst = (performance.now() - t1) / 1000;
  const cFirst = process.cpuUsage(c1);
  const rssOne = rssMb();
  sink += bare(lines) + bareViaImport(lines);
  // The bare pass both before and after the timed adjudications (collections in between can move the
  // lines in memory); the ratio takes the faster, so it is never flattered by a slow baseline.
  const tBareBefore = best(() => {
    sink += bare(lines);
  }, 5);
  const byBasis: Record<string, number> = {};
  let cpuAdj = Infinity;
  // Steady state, as in a task pane that analyses again and again: the best of TIMED_RUNS runs (the
  // optimising compiler and the heap settle over the first two or three).
  const tAdj = best(() => {
    const c0 = process.cpuUsage();
    const res = adjudicate(lines, config);
    const c = process.cpuUsage(c0);
    cpuAdj = Math.min(cpuAdj, (c.user + c.system) / 1e6);
    sink += res.length;
  }, TIMED_RUNS);
  const rssAdj = rssMb();
  const tBareAfter = best(() => {
    sink += bare(lines);
  }, 5);
  const tBare = Math.min(tBareBefore, tBareAfter);
  const tBareImport = best(() => {
    sink += bareViaImport(lines);
  }, 5);
  const tFloor = best(() => {
    sink += allocationFloor(lines).length;
  }, 3);
  // Explanations are written on each read (sharesTable.ts): what reading every one costs.
  let res: SharesTable | null = adjudicate(lines, config);
  for (let i = 0; i < res.length; i++) {
    const basis = res.at(i)!.basis;
    byBasis[basis] = (byBasis[basis] ?? 0) + 1;
  }
  const ct = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < res.length; i++) sink += res.at(i)!.explanation.length;
  const tText = (performance.now() - t0) / 1000;
  const cText = process.cpuUsage(ct);
  const rssText = rssMb();

  // Worst case: the same volume with rows in random account and date order.
  lines.length = 0;
  res = null;
  const shuffled = buildLines(false);
  const tShuffled = best(() => {
    sink += adjudicate(shuffled, config).length;
  }, 2);
  const load1 = loadavg()[0]!;

  const ratio = tAdj / tBare;
  const cpu = (c: NodeJS.CpuUsage): string => ((c.user + c.system) / 1e6).toFixed(3);
  console.log(`lines: ${N.toLocaleString('en-US')}, grouped by account then date like a ledger export (${Object.entries(byBasis).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`load average (1 min) on ${cpus().length} cores: ${load0.toFixed(1)} at start, ${load1.toFixed(1)} at end — other processes share the CPUs, so compare CPU times too`);
  console.log(`adjudicate: ${tAdj.toFixed(3)} s (${Math.round(N / tAdj).toLocaleString('en-US')} lines/s), best of ${TIMED_RUNS}; CPU ${cpuAdj.toFixed(3)} s (all threads, incl. GC helpers); first (cold) run ${tFirst.toFixed(3)} s, CPU ${cpu(cFirst)} s`);
  console.log(`bare pass (sum billed with add): ${tBare.toFixed(4)} s (${Math.round(N / tBare).toLocaleString('en-US')} lines/s; best of 5 before the timed runs ${tBareBefore.toFixed(4)} s, after ${tBareAfter.toFixed(4)} s); via a named import under tsx: ${tBareImport.toFixed(4)} s`);
  console.log(`ratio: ${ratio.toFixed(1)}× (${(tAdj / tBareImport).toFixed(1)}× the named-import pass)`);
  console.log(`for comparison, one plain 15-field result object per line and nothing computed (the design the results table replaced): ${tFloor.toFixed(3)} s`);
  console.log(`reading every explanation afterwards (written on each read): ${tText.toFixed(3)} s, CPU ${cpu(cText)} s`);
  console.log(`worst case, rows in random account and date order: ${tShuffled.toFixed(3)} s (${(tShuffled / tBare).toFixed(1)}× bare)`);
  console.log(`peak RSS: ${rssOne.toFixed(0)} MB through one adjudication (${rssInput.toFixed(0)} MB with just the input built); ${rssAdj.toFixed(0)} MB after ${TIMED_RUNS} more runs (their garbage not yet collected); ${rssText.toFixed(0)} MB once every explanation was read`);
  const met = tAdj < 1 && ratio <= 25 && rssOne < 1024;
  console.log(`goal met: ${met ? 'yes' : 'no'} (goal: < 1 s, ≤ 25× bare, peak RSS < 1 GB)`);
  if (sink === -1) console.log('unreachable'); // keeps the timed results observable to the optimiser
}

// Runs when executed directly (node build/bench/adjudicate.js), not when imported.
if (require.main === module) void run();
