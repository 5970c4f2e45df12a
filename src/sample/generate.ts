/**
 * generateSample: a deterministic, seeded, realistic patient ledger with its
 * configuration sheets, the problems injected into it, and the expected
 * shares of every clean line from the sample's own DESIGN §5 oracle.
 *
 * Pipeline: population and visits → account roles (dates moved, coverage
 * ended) → problems the payer would have seen → adjudication (oracle, in
 * service-date order) → postings → problems in what was posted or typed →
 * layout (blank rows, total row) → cells.
 */
import { toIso, type Day } from '../domain/day';
import { cents, formatMoney } from '../domain/money';
import { a1 } from '../ingest/grid';
import { buildConfig } from './configSheets';
import { CellStyle } from './cells';
import { injectAfter, injectCollections, injectCreditBalance, type AfterKind } from './injectAfter';
import { holdSites, injectBefore, type BeforeKind } from './injectBefore';
import type { InjectedKind, Person, SLine } from './model';
import { SampleOracle, type OracleBasis } from './oracle';
import { arithmeticBalance, postPayments } from './payments';
import { addHousehold } from './population';
import { Rng } from './prng';
import { renderServiceLine, SERVICE_COLUMNS, columnsOf, serviceTotalRow, titleRows, type RowItem } from './renderLines';
import { renderTransactions } from './renderTransactions';
import { assignRoles } from './roles';
import type { ExpectedLine, GeneratedSample, InjectedProblem, SampleOptions } from './types';
import { addVisits } from './visits';
import type { CellValue } from '../ingest/grid';

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
/** A transaction ledger has no Allowed or Balance column, so these cannot be shown in one. */
const NOT_IN_TRANSACTIONS: ReadonlySet<string> = new Set(['ALLOWED_MISMATCH', 'BALANCE_MISMATCH']);

export function generateSample(opts: SampleOptions): GeneratedSample {
  const kind = opts.kind ?? 'service-line';
  const asOf = opts.asOf;
  const total = Math.max(0, Math.floor(opts.lines));
  const rate = opts.problems === true ? DEFAULT_PROBLEM_RATE : opts.problems === false ? 0 : Math.max(0, opts.problems);
  const per = (share: number, floor = 1): number => (rate > 0 ? Math.max(floor, Math.round(rate * total * share)) : 0);
  const root = new Rng(opts.seed);
  const rngPop = root.fork(1);
  const rngRoles = root.fork(2);
  const rngInject = root.fork(3);
  const rngPay = root.fork(4);
  const rngCells = root.fork(5);
  const rngLayout = root.fork(6);

  // 1. People and their visits, up to the line budget (duplicates are added later).
  const persons: Person[] = [];
  const popCtx = { asOf, nextAccount: 100_200, nextFamily: 1, persons };
  const duplicates = per(1);
  const visitCtx = { asOf, left: total - Math.min(duplicates, Math.floor(total / 4)), nextLineId: 1, nextClaim: 26_100_001, nextVisit: 1 };
  while (visitCtx.left > 0) for (const p of addHousehold(rngPop, popCtx)) addVisits(rngPop, p, visitCtx);

  // 2. Account roles, then the configuration they imply (coverage ends for NO_COVERAGE_ON_DOS).
  const roles = assignRoles(rngRoles, persons, asOf, {
    planOld: total >= 30 ? Math.max(1, Math.round(total / 150)) : 0,
    collections: per(1 / 6), credit: per(1 / 6), noCoverageLines: per(1 / 2),
  });
  const config = buildConfig(persons, asOf);
  const oracle = new SampleOracle(config.typed, asOf);

  // 3. Problems the payer saw.
  const pool: SLine[] = [];
  for (const p of persons) for (const l of p.lines) pool.push(l);
  const enabled = new Set<InjectedKind>(rate > 0 ? [...BEFORE_KINDS, ...AFTER_KINDS] : []);
  const held = holdSites(rngInject, pool, enabled);
  const before = { rng: rngInject, held, asOf, lines: pool, oracle, nextLineId: visitCtx.nextLineId, nextClaim: visitCtx.nextClaim };
  for (const k of BEFORE_KINDS) {
    if (kind === 'transaction' && NOT_IN_TRANSACTIONS.has(k)) continue;
    injectBefore(before, k, k === 'DUPLICATE_CHARGE' ? Math.min(duplicates, Math.floor(total / 4)) : per(1));
  }

  // 4. Sheet order (account, then date of service), adjudication in service-date order.
  const lines: SLine[] = [];
  for (const p of persons) {
    p.lines.sort((a, b) => a.serviceDate - b.serviceDate);
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
  const after = { rng: rngInject, held, lines: analysed, locked: new Set<Person>() };
  for (const k of AFTER_KINDS) {
    if (kind === 'transaction' && NOT_IN_TRANSACTIONS.has(k)) continue;
    injectAfter(after, k, per(1));
  }
  for (const p of roles.credit) injectCreditBalance(rngInject, p);
  for (const p of roles.collections) if (!injectCollections(p)) settleAccount(p);

  // 6. Layout and cells.
  const titleCount = Math.max(0, Math.floor(opts.titleRows ?? 3));
  const headerRow = titleCount + 1;
  const wantedBlanks = rate > 0 ? Math.max(2, Math.round((rate * total) / 4)) : 0;
  const items = layout(rngLayout, lines, wantedBlanks, rate > 0);
  let blankCount = 0;
  for (const it of items) if (it === 'blank') blankCount++;
  const style = new CellStyle(rngCells, TEXT_CELL_RATE);
  const injected: InjectedProblem[] = [];
  const rowOfLine = new Int32Array(lines.length);

  let header: string[];
  let rows: CellValue[][];
  let columns: ReturnType<typeof columnsOf>;
  let rowsAnalysed = 0;
  let excludedRows = 0;
  if (kind === 'service-line') {
    header = SERVICE_COLUMNS.map(([, h]) => h);
    columns = columnsOf(SERVICE_COLUMNS);
    rows = new Array<CellValue[]>(items.length);
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const excelRow = headerRow + 1 + i;
      if (it === 'blank') {
        rows[i] = new Array<CellValue>(header.length).fill(null);
        injected.push({ kind: 'BLANK_ROW', row: excelRow });
      } else if (it === 'total') {
        rows[i] = serviceTotalRow(lines);
        injected.push({ kind: 'TOTAL_ROW', row: excelRow, cell: a1(1, excelRow) });
      } else {
        rows[i] = renderServiceLine(it, style);
        rowOfLine[it.order] = excelRow;
        if (it.excluded) excludedRows++;
        else rowsAnalysed++;
        if (it.injected) {
          injected.push({ kind: it.injected, row: excelRow, cell: a1(columns[it.injectedField!]!, excelRow), account: it.account });
        }
      }
    }
  } else {
    const t = renderTransactions(items, headerRow, style, rngCells, rowOfLine);
    header = t.header;
    rows = t.rows;
    columns = t.columns;
    rowsAnalysed = t.rowsAnalysed;
    excludedRows = t.excludedRows;
    injected.push(...t.injected);
  }
  injected.sort((a, b) => a.row - b.row);

  const sample = {
    seed: opts.seed,
    asOf,
    ledger: { sheet: 'Ledger' as const, kind, header, rows, headerRow, titleRows: titleRows(titleCount, header.length, asOf), columns },
    config: config.grids,
    typedConfig: config.typed,
    injected,
    counts: {
      rowsRead: rows.length, linesAnalyzed: rowsAnalysed, excludedRows, blankRows: blankCount,
      totalRows: items.includes('total') ? 1 : 0, chargeLines: lines.length,
    },
  };
  // Expected lines are built on first use from a compact store: a million-line benchmark
  // that never reads them pays neither the strings nor the memory.
  const makeExpected = compactExpected(lines, rowOfLine);
  let expected: ExpectedLine[] | null = null;
  Object.defineProperty(sample, 'expected', { enumerable: true, get: () => (expected ??= makeExpected()) });
  return sample as GeneratedSample;
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

/** Lines in sheet order, with blank rows between lines (never two together) and a total row last. */
function layout(rng: Rng, lines: readonly SLine[], blanks: number, totalRow: boolean): RowItem[] {
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
  if (totalRow && lines.length > 0) items.push('total');
  return items;
}

const BASES: readonly OracleBasis[] = ['covered', 'not-covered', 'no-coverage', 'self-pay'];

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
