/**
 * Property tests: on generated ledgers, shares and configuration,
 * findDiscrepancies never throws, amounts are null or positive whole cents,
 * findings are in DESIGN §7 order (checked here independently of the
 * module's comparator), notices appear at most once per rule, and every
 * line/account finding points at a row and a cell.
 */
import fc from 'fast-check';
import { findDiscrepancies } from '../../../src/domain/findings';
import type { ColumnMapping, LedgerField, LedgerLine, ClaimStatus } from '../../../src/domain/ledger';
import type { CoverageBasis, LineShares, LineStanding, WhoPays } from '../../../src/domain/shareTypes';
import { RULE_IDS, type Finding } from '../../../src/domain/findingTypes';
import { cents, type Cents } from '../../../src/domain/money';
import type { Day } from '../../../src/domain/day';
import { config, coverage, fee, patient } from '../../support/builders';
import { COLUMNS, d, workbook } from '../../support/findings';

const BASE = d('2025-06-01');
const money = fc.integer({ min: -50_000, max: 500_000 }).map((n) => cents(n));
const optMoney = fc.option(money, { nil: null });
const day = fc.integer({ min: 0, max: 600 }).map((n) => (BASE + n) as Day);
const CODES = ['99213', '99214', '97110', '0001F', 'J1100', '9921', '', 'ABCDE', '992134'];
const DXS = ['J06.9', 'J069', 'E11', 'J06.99999', 'X', '', 'Z00.00'];
const MODS = ['25', 'LT', '59', '76', 'XS', '5', 'ABC', ''];
const PAYERS = ['Acme Health', 'Other Co', 'Self Pay', null];
const STATUSES: (ClaimStatus | null)[] = ['paid', 'denied', 'pending', 'appealed', 'other', null];

const lineArb = fc.record({
  account: fc.constantFrom('A1', 'A2', 'A3', ' A1'),
  dob: fc.option(day, { nil: null }),
  serviceDate: day,
  postingDate: fc.option(day, { nil: null }),
  code: fc.constantFrom(...CODES),
  modifiers: fc.array(fc.constantFrom(...MODS), { maxLength: 3 }),
  diagnoses: fc.array(fc.constantFrom(...DXS), { maxLength: 3 }),
  units: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(0.5, 1.5, 0.25)),
  billed: money,
  allowed: optMoney,
  insurerPaid: optMoney,
  secondaryPaid: optMoney,
  patientPaid: optMoney,
  patientRefunded: optMoney,
  adjustment: optMoney,
  balance: optMoney,
  payer: fc.constantFrom(...PAYERS),
  memberId: fc.constantFrom('M1', null, ''),
  status: fc.constantFrom(...STATUSES),
  denialCode: fc.constantFrom(null, '', 'CO-16'),
});

const sharesArb = fc.record({
  whoPays: fc.constantFrom<WhoPays>('insured', 'self-pay', 'unknown'),
  standing: fc.constantFrom<LineStanding>('pending', 'denied-office', 'denied-patient', 'decided'),
  basis: fc.constantFrom<CoverageBasis>('covered', 'not-covered', 'no-coverage', 'coverage-out-of-date', 'coverage-in-doubt', 'self-pay', 'unknown', 'unconfigured'),
  feeScheduleAllowed: optMoney,
  patientShare: optMoney,
  insurerShare: optMoney,
  secondaryShare: optMoney,
  primaryPlanId: fc.constantFrom('P1', null),
  feeRowLimit: fc.option(fc.constantFrom(1, 2, 4), { nil: null }),
  coverageRow: fc.option(fc.constantFrom(2, 3), { nil: null }),
  insurerPostedOn: fc.option(day, { nil: null }),
});

const REQUIRED: readonly LedgerField[] = ['account', 'serviceDate', 'code', 'billed'];

const caseArb = fc.record({
  lines: fc.array(fc.tuple(lineArb, sharesArb), { maxLength: 40 }),
  // Account, service date, code and charge are required columns: ingest always has their cells.
  fields: fc.subarray((Object.keys(COLUMNS) as LedgerField[]).filter((f) => !REQUIRED.includes(f))).map((f) => [...REQUIRED, ...f]),
  sheets: fc.record({ fee: fc.boolean(), cov: fc.boolean(), pat: fc.boolean() }),
  asOf: day,
  tolerance: fc.integer({ min: 0, max: 100 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): Parameters<typeof findDiscrepancies>[0] {
  const lines: LedgerLine[] = [];
  const shares: LineShares[] = [];
  c.lines.forEach(([l, s], i) => {
    const row = i + 5;
    lines.push({
      ...l, index: i, sheet: 'Ledger', row, patientName: null, description: null, planId: null, claimId: null, lineId: null,
      statusText: l.status, pos: null, insurerPostedOn: s.insurerPostedOn,
      columns: Object.fromEntries(c.fields.map((f) => [f, COLUMNS[f]])), movedCells: null,
    });
    const { feeRowLimit, insurerPostedOn: _posted, ...decided } = s;
    shares.push({
      lineIndex: i, allowed: null, contractual: null, copay: null, deductible: null, coinsurance: null, category: 'Office', benefit: null,
      secondaryPlanId: null, coverageIssueCell: s.basis === 'coverage-in-doubt' ? 'F3' : null, working: { kind: 'unknown', billed: l.billed },
      feeRow: feeRowLimit === null ? null : fee({ code: l.code, maxUnitsPerDay: feeRowLimit }),
      ...decided,
    });
  });
  const fields: Partial<Record<LedgerField, readonly string[]>> = {};
  for (const f of c.fields) fields[f] = [COLUMNS[f]!];
  const mapping: ColumnMapping = { fields, unmapped: {}, confidence: 1 };
  return {
    ledger: workbook(lines, mapping),
    shares,
    asOf: c.asOf,
    config: config({
      feeSchedule: c.sheets.fee ? [fee({ code: '97110', maxUnitsPerDay: 2 }), fee({ payer: 'Acme Health', code: '99213', maxUnitsPerDay: 1, modifier: '25' })] : [],
      coverage: c.sheets.cov ? [coverage({ account: 'A1', effectiveFrom: '2025-09-01', effectiveTo: null }), coverage({ account: 'A2', memberId: null, row: 3 })] : [],
      patients: c.sheets.pat ? [patient({ account: 'A1', onPaymentPlan: true, dob: '2025-08-01' })] : [],
      policy: { tolerance: cents(c.tolerance) as Cents },
    }),
  };
}

const SEV: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** True when b may follow a under §7 (severity, amount desc with null last, service date with null last). */
function inOrder(a: Finding, b: Finding): boolean {
  if (SEV[a.severity]! !== SEV[b.severity]!) return SEV[a.severity]! < SEV[b.severity]!;
  if (a.amount !== b.amount) {
    if (a.amount === null) return false;
    if (b.amount === null) return true;
    return a.amount > b.amount;
  }
  if (a.serviceDate !== b.serviceDate) {
    if (a.serviceDate === null) return false;
    if (b.serviceDate === null) return true;
    return a.serviceDate < b.serviceDate;
  }
  return true;
}

describe('findDiscrepancies properties', () => {
  it('never throws; amounts are null or positive whole cents; §7 order; notices once; findings point at a cell', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const fs = findDiscrepancies(build(c));
        const noticed = new Set<string>();
        for (let i = 0; i < fs.length; i++) {
          const x = fs[i]!;
          if (x.amount !== null) {
            expect(Number.isSafeInteger(x.amount)).toBe(true);
            expect(x.amount).toBeGreaterThan(0);
          }
          if (i > 0) expect(inOrder(fs[i - 1]!, x)).toBe(true);
          if (x.severity === 'info' && x.row !== null) {
            // A line-level info finding is only ever the COVERAGE_IN_DOUBT notice (DESIGN §4).
            expect(x.rule).toBe('COVERAGE_IN_DOUBT');
          } else if (x.severity === 'info') {
            expect(noticed.has(x.rule)).toBe(false);
            noticed.add(x.rule);
          } else {
            expect(x.row).not.toBeNull();
            expect(typeof x.cell).toBe('string');
            expect((RULE_IDS as readonly string[]).includes(x.rule)).toBe(true);
          }
          expect(x.message).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same findings', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = build(c);
        expect(findDiscrepancies(input)).toEqual(findDiscrepancies(input));
      }),
      { numRuns: 50 },
    );
  });
});
