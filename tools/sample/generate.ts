/**
 * generateSample: a deterministic, seeded, realistic patient ledger with its
 * configuration sheets, the problems injected into it, and the expected
 * shares of every clean line from the sample's own DESIGN §5 oracle.
 *
 * Pipeline, per chunk of whole households: population and visits → one
 * site held per narrow problem kind → account roles (dates moved, coverage
 * ended) → problems the payer would have seen → adjudication (oracle, in
 * service-date order) → postings → problems in what was posted or typed →
 * layout (blank rows) → cells. The total row comes after the last chunk.
 */
import { toIso, type Day } from '../../src/domain/day';
import { cents, formatMoney } from '../../src/domain/money';
import { ConfigBuilder, PRACTICE_TABLES } from './configSheets';
import { CellStyle } from './cells';
import { injectAfter, injectCollections, injectCreditBalance, type AfterKind } from './injectAfter';
import { holdSites, injectBefore, type BeforeKind } from './injectBefore';
import type { InjectedKind, Person, SLine } from './model';
import { SampleAdjudicator } from './adjudicate';
import type { OracleBasis } from '../../test/oracle';
import { arithmeticBalance, postPayments } from './payments';
import { addHousehold } from './population';
import { Rng } from './prng';
import {
  addToTotals, columnsOf, emptyTotals, renderServiceLine, SERVICE_COLUMNS, serviceTotalRow, titleRows, type RowItem, type ServiceTotals,
} from './renderLines';
import { TRANSACTION_FIELD_COLUMNS, TRANSACTION_HEADER, TransactionRenderer } from './renderTransactions';
import { assignRoles } from './roles';
import type { ExpectedLine, GeneratedSample, InjectedProblem, SampleModelLine, SampleOptions } from './types';
import { oracleLine } from './adjudicate';
import { addVisits } from './visits';
import { InjectedLog } from './injectedLog';
import type { CellValue } from '../../src/ingest/grid';

/** Per problem kind, as a share of lines, when `problems: true`. */
export const DEFAULT_PROBLEM_RATE = 0.03;
/** Share of money and date cells written as text instead of numbers. */
const TEXT_CELL_RATE = 0.03;

const BEFORE_KINDS: readonly BeforeKind[] = [
  'UNITS_OVER_LIMIT', 'ALLOWED_MISMATCH', 'DATE_ERROR', 'TIMELY_FILING_RISK', 'DENIED_UNWORKED', 'MISSING_MEMBER_ID',
  'DUPLICATE_CHARGE', 'JUNK_CELL', 'BAD_DATE', 'MONEY_3_DECIMALS',
];
/** PATIENT_OVERPAID first: it locks accounts whose other balances it relies on. */
const AFTER_KINDS: readonly AfterKind[] = [
  'PATIENT_OVERPAID', 'INSURER_UNDERPAID', 'INSURER_OVERPAID', 'PATIENT_OVERBILLED', 'BALANCE_MISMATCH',
  'INVALID_PROCEDURE_CODE', 'INVALID_DIAGNOSIS_CODE', 'INVALID_MODIFIER', 'MISSING_DIAGNOSIS',
];
/**
 * A transaction ledger has no Allowed or Balance column: a mismatch against
 * either, or a balance billed above the patient's share, cannot be shown in one.
 */
const NOT_IN_TRANSACTIONS: ReadonlySet<string> = new Set(['ALLOWED_MISMATCH', 'BALANCE_MISMATCH', 'PATIENT_OVERBILLED']);

/**
 * Large samples are built in chunks of whole households so the per-line
 * working objects of one chunk die young (a million-line sample then costs
 * little more than its output cells). A sample up to this size is one chunk.
 */
const CHUNK_LINES = 2_000;

export function generateSample(opts: SampleOptions): GeneratedSample {
  const kind = opts.kind ?? 'service-line';
  const asOf = opts.asOf;
  const total = Math.max(0, Math.floor(opts.lines));
  const rate = opts.problems === true ? DEFAULT_PROBLEM_RATE : opts.problems === false ? 0 : Math.max(0, opts.problems);
  const root = new Rng(opts.seed);
  const streams = [root.fork(1), root.fork(2), root.fork(3), root.fork(4), root.fork(5), root.fork(6)] as const;
  const titleCount = Math.max(0, Math.floor(opts.titleRows ?? 3));
  const headerRow = titleCount + 1;
  const style = new CellStyle(streams[4], TEXT_CELL_RATE);

  const out: ChunkOutput = {
    rows: [], injected: new InjectedLog(), expected: [], model: opts.model ? [] : null, rowsAnalysed: 0, excludedRows: 0, blankRows: 0, chargeLines: 0, totals: emptyTotals(),
  };
  const tx = kind === 'transaction' ? new TransactionRenderer(out.rows, headerRow, style, streams[4]) : null;
  const config = new ConfigBuilder();
  const counters = { nextAccount: 100_200, nextFamily: 1, nextLineId: 1, nextClaim: 26_100_001, nextVisit: 1 };
  const oracle: { current: SampleAdjudicator | null } = { current: null };

  const chunks = Math.max(1, Math.ceil(total / CHUNK_LINES));
  for (let c = 0; c < chunks; c++) {
    const size = c < chunks - 1 ? CHUNK_LINES : total - CHUNK_LINES * (chunks - 1);
    // Chunk 0 uses the root streams, so a small sample does not depend on the chunk size.
    const rng = c === 0 ? streams : ([1, 2, 3, 4, 5, 6].map((k) => root.fork(c * 16 + k)) as unknown as typeof streams);
    generateChunk({ kind, asOf, size, rate, first: c === 0, headerRow, style, tx, config, counters, out, rng, oracle, kinds: opts.kinds ?? null });
  }
  if (rate > 0 && total > 0) {
    if (tx) tx.totalRow(out.injected);
    else {
      out.injected.add('TOTAL_ROW', headerRow + 1 + out.rows.length, 1, null);
      out.rows.push(serviceTotalRow(out.totals));
    }
  }
  const finished = config.finish(asOf);
  const header = tx ? TRANSACTION_HEADER : SERVICE_COLUMNS.map(([, h]) => h);
  const columns = tx ? TRANSACTION_FIELD_COLUMNS : columnsOf(SERVICE_COLUMNS);
  const sample = {
    seed: opts.seed,
    ...(out.model ? { model: out.model } : {}),
    asOf,
    ledger: { sheet: 'Ledger' as const, kind, header, rows: out.rows, headerRow, titleRows: titleRows(titleCount, header.length, asOf), columns },
    config: finished.grids,
    typedConfig: finished.typed,
    counts: {
      rowsRead: out.rows.length,
      linesAnalyzed: tx ? tx.rowsAnalysed : out.rowsAnalysed,
      excludedRows: tx ? tx.excludedRows : out.excludedRows,
      blankRows: out.blankRows,
      totalRows: rate > 0 && total > 0 ? 1 : 0,
      chargeLines: out.chargeLines,
    },
  };
  // Expected lines are built on first use from compact stores: a million-line benchmark
  // that never reads them pays neither the strings nor the memory.
  let expected: ExpectedLine[] | null = null;
  let injected: InjectedProblem[] | null = null;
  Object.defineProperty(sample, 'injected', { enumerable: true, get: () => (injected ??= out.injected.toArray()) });
  Object.defineProperty(sample, 'expected', { enumerable: true, get: () => (expected ??= out.expected.flatMap((f) => f())) });
  return sample as GeneratedSample;
}

interface ChunkOutput {
  readonly rows: CellValue[][];
  readonly injected: InjectedLog;
  readonly expected: (() => ExpectedLine[])[];
  /** Every charge line as the oracle reads it (with its row), when asked for. */
  readonly model: SampleModelLine[] | null;
  rowsAnalysed: number;
  excludedRows: number;
  blankRows: number;
  chargeLines: number;
  readonly totals: ServiceTotals;
}

interface ChunkInput {
  readonly kind: 'service-line' | 'transaction';
  readonly asOf: Day;
  readonly size: number;
  readonly rate: number;
  /** The first chunk guarantees at least one problem of each kind; later ones take their share. */
  readonly first: boolean;
  readonly headerRow: number;
  readonly style: CellStyle;
  readonly tx: TransactionRenderer | null;
  readonly config: ConfigBuilder;
  readonly counters: { nextAccount: number; nextFamily: number; nextLineId: number; nextClaim: number; nextVisit: number };
  readonly out: ChunkOutput;
  readonly rng: readonly [Rng, Rng, Rng, Rng, Rng, Rng];
  /** One adjudicator for the whole sample (its tables converted once); coverage is replaced per chunk. */
  readonly oracle: { current: SampleAdjudicator | null };
  /** Only these problem kinds (null = all). */
  readonly kinds: readonly InjectedKind[] | null;
}

function generateChunk(input: ChunkInput): void {
  const { kind, asOf, size, rate, headerRow, style, tx, config, counters, out } = input;
  const [rngPop, rngRoles, rngInject, rngPay, , rngLayout] = input.rng;
  const per = (share: number): number => (rate > 0 ? Math.max(input.first ? 1 : 0, Math.round(rate * size * share)) : 0);

  // 1. People and their visits, up to the line budget (duplicates are added later).
  const persons: Person[] = [];
  const popCtx = { asOf, nextAccount: counters.nextAccount, nextFamily: counters.nextFamily, persons };
  const allow = (k: InjectedKind): boolean => input.kinds === null || input.kinds.includes(k);
  const duplicates = allow('DUPLICATE_CHARGE') ? Math.min(per(1), Math.floor(size / 4)) : 0;
  const visitCtx = { asOf, left: size - duplicates, nextLineId: counters.nextLineId, nextClaim: counters.nextClaim, nextVisit: counters.nextVisit };
  // The first chunk's second household is self-pay, so even a small sample has self-pay lines.
  for (let h = 0; visitCtx.left > 0; h++) {
    for (const p of addHousehold(rngPop, popCtx, input.first && h === 1 ? 'self' : undefined)) addVisits(rngPop, p, visitCtx);
  }

  // 2. One site held for each narrow problem kind, then account roles (never on a held line's
  // account), then the coverage they imply (coverage ends for NO_COVERAGE_ON_DOS).
  const pool: SLine[] = [];
  for (const p of persons) for (const l of p.lines) pool.push(l);
  const enabled = new Set<InjectedKind>(rate > 0 ? [...BEFORE_KINDS, ...AFTER_KINDS].filter(allow) : []);
  const held = holdSites(rngInject, pool, enabled);
  const roles = assignRoles(rngRoles, persons, asOf, {
    planOld: size >= 30 ? Math.max(1, Math.round(size / 150)) : 0,
    collections: allow('COLLECTIONS_CANDIDATE') ? per(1 / 6) : 0, credit: allow('CREDIT_BALANCE') ? per(1 / 6) : 0,
    noCoverageLines: allow('NO_COVERAGE_ON_DOS') ? per(1 / 2) : 0,
  });
  const coverage = ConfigBuilder.coverageOf(persons);
  let oracle = input.oracle.current;
  if (oracle) oracle.replaceCoverage(coverage);
  else oracle = input.oracle.current = new SampleAdjudicator(PRACTICE_TABLES, coverage, asOf);

  // 3. Problems the payer saw.
  const before = { rng: rngInject, held, asOf, lines: pool, oracle, nextLineId: visitCtx.nextLineId, nextClaim: visitCtx.nextClaim };
  for (const k of BEFORE_KINDS) {
    if ((kind === 'transaction' && NOT_IN_TRANSACTIONS.has(k)) || !enabled.has(k)) continue;
    injectBefore(before, k, k === 'DUPLICATE_CHARGE' ? duplicates : per(1));
  }
  // Fewer duplicates than planned (a small sample): more households make up the line count exactly.
  let made = 0;
  for (const p of persons) made += p.lines.length;
  if (made < size) {
    visitCtx.left = size - made;
    visitCtx.nextLineId = before.nextLineId;
    visitCtx.nextClaim = before.nextClaim;
    while (visitCtx.left > 0) for (const p of addHousehold(rngPop, popCtx)) addVisits(rngPop, p, visitCtx);
    before.nextLineId = visitCtx.nextLineId;
    before.nextClaim = visitCtx.nextClaim;
    oracle.replaceCoverage(ConfigBuilder.coverageOf(persons));
  }
  counters.nextAccount = popCtx.nextAccount;
  counters.nextFamily = popCtx.nextFamily;
  counters.nextLineId = before.nextLineId;
  counters.nextClaim = before.nextClaim;
  counters.nextVisit = visitCtx.nextVisit;

  // 4. Sheet order (account, then date of service), adjudication in service-date order.
  const lines: SLine[] = [];
  for (const p of persons) {
    if (!inDateOrder(p.lines)) p.lines.sort((a, b) => a.serviceDate - b.serviceDate);
    for (const l of p.lines) {
      l.order = lines.length;
      lines.push(l);
    }
  }
  const analysed = lines.filter((l) => !l.excluded);
  const excluded = lines.filter((l) => l.excluded);
  oracle.adjudicateAll(analysed).forEach((s, i) => { analysed[i]!.shares = s; });
  // Excluded rows never reach the engine; they sit on accumulator-insensitive accounts, so
  // adjudicating them afterwards (for realistic postings) changes no line above.
  if (excluded.length > 0) oracle.adjudicateAll(excluded).forEach((s, i) => { excluded[i]!.shares = s; });

  // 5. Postings, then problems in what was posted or typed.
  for (const l of lines) {
    if (l.duplicateOf) copyPostings(l, l.duplicateOf);
    else postPayments(rngPay, l);
  }
  const after = { rng: rngInject, held, lines: analysed, locked: new Set<Person>(), hasAllowedColumn: kind === 'service-line' };
  for (const k of AFTER_KINDS) {
    if ((kind === 'transaction' && NOT_IN_TRANSACTIONS.has(k)) || !enabled.has(k)) continue;
    injectAfter(after, k, per(1));
  }
  for (const p of roles.credit) injectCreditBalance(rngInject, p);
  for (const p of roles.collections) if (!injectCollections(p)) settleAccount(p);
  config.addChunk(persons);

  // 6. Layout and cells.
  const items = layout(rngLayout, lines, rate > 0 ? Math.max(input.first ? 2 : 0, Math.round((rate * size) / 4)) : 0);
  for (const it of items) if (it === 'blank') out.blankRows++;
  const rowOfLine = new Int32Array(lines.length);
  // Rows are written in order, so the log stays sorted by row.
  if (tx) {
    tx.render(items, rowOfLine, out.injected);
  } else {
    const columns = columnsOf(SERVICE_COLUMNS);
    const width = SERVICE_COLUMNS.length;
    for (const it of items) {
      const excelRow = headerRow + 1 + out.rows.length;
      if (it === 'blank') {
        out.rows.push(new Array<CellValue>(width).fill(null));
        out.injected.add('BLANK_ROW', excelRow, 0, null);
      } else {
        out.rows.push(renderServiceLine(it, style));
        rowOfLine[it.order] = excelRow;
        if (it.excluded) out.excludedRows++;
        else out.rowsAnalysed++;
        if (it.injected) out.injected.add(it.injected, excelRow, columns[it.injectedField!]!, it.account);
      }
    }
    addToTotals(out.totals, lines);
  }
  out.chargeLines += lines.length;
  if (out.model) for (const l of lines) out.model.push(modelLine(l, rowOfLine[l.order]!));
  out.expected.push(compactExpected(lines, rowOfLine));
}

/** A charge line as the oracle reads it, after everything was posted on it. */
function modelLine(l: SLine, row: number): SampleModelLine {
  return { ...oracleLine(l), row, excluded: l.excluded };
}

function inDateOrder(lines: readonly SLine[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i]!.serviceDate < lines[i - 1]!.serviceDate) return false;
  return true;
}

function copyPostings(copy: SLine, original: SLine): void {
  copy.allowed = original.allowed;
  copy.adjustment = original.adjustment;
  copy.insurerPaid = original.insurerPaid;
  copy.secondaryPaid = original.secondaryPaid;
  copy.patientPaid = original.patientPaid;
  copy.status = original.status;
  copy.denialCode = original.denialCode;
  copy.balance = original.balance;
}

/** A would-be collections account that owes too little: the patient paid in full instead. */
function settleAccount(p: Person): void {
  for (const l of p.lines) {
    l.patientPaid = cents(l.shares!.patientShare);
    l.balance = arithmeticBalance(l);
  }
}

/** Lines in sheet order, with blank rows between lines (never two together). */
function layout(rng: Rng, lines: readonly SLine[], blanks: number): RowItem[] {
  const after = new Set<number>();
  for (let tries = 0; lines.length >= 3 && after.size < blanks && tries < blanks * 50; tries++) {
    const k = rng.int(0, lines.length - 2);
    if (!after.has(k - 1) && !after.has(k + 1)) after.add(k);
  }
  const items: RowItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    items.push(lines[i]!);
    if (after.has(i)) items.push('blank');
  }
  return items;
}

const BASES: readonly OracleBasis[] = ['covered', 'secondary-as-primary', 'not-covered', 'no-coverage', 'self-pay', 'unknown'];

/** Packs the clean lines' shares into typed arrays; returns a function that expands them. */
function compactExpected(lines: readonly SLine[], rowOfLine: Int32Array): () => ExpectedLine[] {
  let n = 0;
  for (const l of lines) if (l.injected === null && !l.excluded) n++;
  const FIELDS = 12;
  const nums = new Float64Array(n * FIELDS);
  const accounts = new Array<string>(n);
  const codes = new Array<string>(n);
  let i = 0;
  for (const l of lines) {
    if (l.injected !== null || l.excluded) continue;
    const s = l.shares!;
    const o = i * FIELDS;
    nums[o] = rowOfLine[l.order]!;
    nums[o + 1] = l.serviceDate;
    nums[o + 2] = BASES.indexOf(s.basis);
    nums[o + 3] = l.billed;
    nums[o + 4] = s.allowed;
    nums[o + 5] = s.contractual;
    nums[o + 6] = s.patientShare;
    nums[o + 7] = s.insurerShare;
    nums[o + 8] = s.secondaryShare;
    nums[o + 9] = s.copay;
    nums[o + 10] = s.deductible;
    nums[o + 11] = s.coinsurance;
    accounts[i] = l.account;
    codes[i] = l.code;
    i++;
  }
  return () => {
    const out = new Array<ExpectedLine>(n);
    const m = (v: number): string => formatMoney(cents(v));
    for (let k = 0; k < n; k++) {
      const o = k * FIELDS;
      out[k] = {
        row: nums[o]!, account: accounts[k]!, serviceDate: toIso(nums[o + 1]! as Day), code: codes[k]!, basis: BASES[nums[o + 2]!]!,
        billed: m(nums[o + 3]!), allowed: m(nums[o + 4]!), contractual: m(nums[o + 5]!), patientShare: m(nums[o + 6]!),
        insurerShare: m(nums[o + 7]!), secondaryShare: m(nums[o + 8]!), copay: m(nums[o + 9]!), deductible: m(nums[o + 10]!),
        coinsurance: m(nums[o + 11]!),
      };
    }
    return out;
  };
}
