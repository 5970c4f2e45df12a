import { sheet, shares, run, fired, notices, $ } from '../../support/findings';
import { config, fee, plan } from '../../support/builders';
import type { FeeScheduleRow } from '../../../src/domain/config';

// UNITS_OVER_LIMIT judges each line by the fee row adjudication matched (LineShares.feeRow, DESIGN §5.1),
// never a lookup of its own (issue 9): these tests hand each line the row §5.1 would match.
describe('UNITS_OVER_LIMIT', () => {
  const limit4 = fee({ code: '97110', allowed: '30.00', maxUnitsPerDay: 4, row: 2 });
  const cfg = config({ feeSchedule: [limit4] });
  const pt = { account: 'A1', serviceDate: '2026-03-02', code: '97110' };
  /** Every line matched `row`. */
  const matched = (n: number, row: FeeScheduleRow = limit4) => Array.from({ length: n }, (_, i) => shares(i, { feeRow: row }));

  it('fires on the line whose units cross the day\'s limit: 3 + 2 = 5 > 4, excess 1 × 30.00 = 30.00', () => {
    const fs = fired(run(sheet({ ...pt, units: 3 }, { ...pt, units: 2 }), { config: cfg, shares: matched(2) }), 'UNITS_OVER_LIMIT');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', account: 'A1', row: 3, cell: 'G3', amount: $('30.00') });
    expect(fs[0]!.inputs).toMatchObject({ unitsThatDay: '5', maxUnitsPerDay: '4', linesThatDay: '2, 3', feeScheduleRow: '2' });
  });

  it('is silent at exactly the limit, and across different days, accounts or codes', () => {
    expect(fired(run(sheet({ ...pt, units: 2 }, { ...pt, units: 2 }), { config: cfg, shares: matched(2) }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
    const spread = sheet({ ...pt, units: 3 }, { ...pt, units: 3, serviceDate: '2026-03-03' }, { ...pt, units: 3, account: 'A2' }, { ...pt, units: 3, code: '97112' });
    expect(fired(run(spread, { config: cfg, shares: matched(4) }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
  });

  it('counts fractional units exactly: 1.5 × 3 = 4.5, excess 0.5 × 30.00 = 15.00', () => {
    const fs = fired(run(sheet({ ...pt, units: 1.5 }, { ...pt, units: 1.5 }, { ...pt, units: 1.5 }), { config: cfg, shares: matched(3) }), 'UNITS_OVER_LIMIT');
    expect(fs.map((f) => [f.row, f.amount])).toEqual([[4, $('15.00')]]);
  });

  it('uses the row adjudication matched: the payer\'s own limit 2 at 25.00, not the * row\'s 4', () => {
    const payerRow = fee({ payer: 'acme health', code: '97110', allowed: '25.00', maxUnitsPerDay: 2, row: 3 });
    const c = config({ plans: [plan({ planId: 'P1', payer: 'Acme Health' })], feeSchedule: [limit4, payerRow] });
    // 3 units, payer limit 2: excess 1 × 25.00.
    expect(fired(run(sheet({ ...pt, units: 3 }), { config: c, shares: matched(1, payerRow) }), 'UNITS_OVER_LIMIT').map((f) => f.amount)).toEqual([$('25.00')]);
    // The same line matched to the * row (as a self-pay line is): 3 ≤ 4.
    expect(fired(run(sheet({ ...pt, units: 3, payer: null }), { config: c, shares: matched(1, limit4) }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
  });

  it('applies the strictest limit when the day\'s lines matched different rows, and ignores rows with no limit', () => {
    const gp = fee({ code: '97110', modifier: 'GP', allowed: '30.00', maxUnitsPerDay: 1, row: 4 });
    const noLimit = fee({ code: '97110', allowed: '30.00', maxUnitsPerDay: null, row: 5 });
    const c = config({ feeSchedule: [limit4, gp, noLimit] });
    // A line matched to a row without MaxUnitsPerDay says nothing about units.
    expect(fired(run(sheet({ ...pt, units: 9 }), { config: c, shares: matched(1, noLimit) }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
    // 1 unit under the 4-limit row, 1 under the GP row (limit 1): 2 > 1, on the second line.
    const lines = sheet({ ...pt, units: 1 }, { ...pt, units: 1, modifiers: ['GP'] });
    const fs = fired(run(lines, { config: c, shares: [shares(0, { feeRow: limit4 }), shares(1, { feeRow: gp })] }), 'UNITS_OVER_LIMIT');
    expect(fs.map((f) => [f.row, f.amount, f.inputs.maxUnitsPerDay])).toEqual([[3, $('30.00'), '1']]);
  });

  it('groups by day and code on an account with many visits', () => {
    // 40 visit days of 3 units each (limit 4: silent), then day 1 again with 2 more units: 3 + 2 = 5 > 4,
    // excess 1 × 30.00 = 30.00, on the row of the late line (row 2 + 40 = 42); a second code on day 40 stays its own group.
    const days = Array.from({ length: 40 }, (_, k) => ({ ...pt, units: 3, serviceDate: `2026-0${1 + Math.floor(k / 28)}-${String(1 + (k % 28)).padStart(2, '0')}` }));
    const late = [{ ...pt, units: 2, serviceDate: '2026-01-01' }, { ...pt, units: 4, code: '97112', serviceDate: days[39]!.serviceDate }];
    const fs = fired(run(sheet(...days, ...late), { config: cfg, shares: matched(42) }), 'UNITS_OVER_LIMIT');
    expect(fs.map((f) => [f.row, f.amount, f.inputs.linesThatDay])).toEqual([[42, $('30.00'), '2, 42']]);
  });

  it('groups by day and code the same way on an account with more lines than FEW_LINES (filed by key)', () => {
    // 80 visit days of 3 units each (silent), then day 1 again with 2 more units: 5 > 4 on row 82; the second code stays its own group.
    const day = (k: number) => `2026-${String(1 + Math.floor(k / 28)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
    const days = Array.from({ length: 80 }, (_, k) => ({ ...pt, units: 3, serviceDate: day(k) }));
    const late = [{ ...pt, units: 2, serviceDate: day(0) }, { ...pt, units: 4, code: '97112', serviceDate: day(79) }];
    const fs = fired(run(sheet(...days, ...late), { config: cfg, shares: matched(82) }), 'UNITS_OVER_LIMIT');
    expect(fs.map((f) => [f.row, f.amount, f.inputs.linesThatDay])).toEqual([[82, $('30.00'), '2, 82']]);
  });
});

describe('ALLOWED_MISMATCH', () => {
  const cfg = config({ feeSchedule: [fee({ code: '99213', allowed: '80.00' })] });
  const fs80 = [shares(0, { feeScheduleAllowed: '80.00', insurerShare: '64.00', patientShare: '16.00' })];
  // DESIGN §4: a line with nothing posted is still pending, and its allowed is no pricing decision yet;
  // these lines are paid (decided).
  const paid = { insurerPaid: '56.00', status: 'paid' as const };

  it('fires when the ledger\'s allowed is off the fee schedule: 80.00 − 70.00 = 10.00, at the allowed cell', () => {
    const fs = fired(run(sheet({ ...paid, allowed: '70.00' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'I2', amount: $('10.00') });
    expect(fs[0]!.message).toMatch(/less than contracted/);
  });

  it('is silent within the tolerance (79.99, 80.01) and fires at 79.98', () => {
    expect(fired(run(sheet({ ...paid, allowed: '79.99' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ ...paid, allowed: '80.01' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ ...paid, allowed: '79.98' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH').map((f) => f.amount)).toEqual([$('0.02')]);
  });

  it('is silent with no allowed on the line, no fee-schedule match, or on a denied line', () => {
    expect(fired(run(sheet({ ...paid, allowed: null }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ ...paid, allowed: '50.00' }), { config: cfg, shares: [shares(0, { feeScheduleAllowed: null })] }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ allowed: '0.00', status: 'denied' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
  });

  it('without a FeeSchedule sheet: silent, one notice each for both fee-schedule rules', () => {
    const fs = run(sheet({ allowed: '70.00', units: 99 }, { allowed: '60.00' }), { shares: [...fs80, shares(1, { feeScheduleAllowed: '80.00' })] });
    expect(fired(fs, 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(notices(fs, 'ALLOWED_MISMATCH')).toHaveLength(1);
    expect(notices(fs, 'UNITS_OVER_LIMIT')).toHaveLength(1);
  });

  it('without an Allowed column, or with no fee-schedule row for the lines: silent, says so once', () => {
    expect(notices(run(sheet({ ...paid, allowed: '70.00' }, { ...paid, allowed: '1.00' }), { config: cfg, shares: fs80, without: ['allowed'] }), 'ALLOWED_MISMATCH')).toHaveLength(1);
    const noRow = run(sheet({ ...paid, allowed: '70.00' }, { ...paid, allowed: '1.00' }), { config: cfg });
    expect(fired(noRow, 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(notices(noRow, 'ALLOWED_MISMATCH')).toHaveLength(1);
  });

  it('is silent on a pending line (nothing posted) and on a line whose coverage is unknown', () => {
    expect(fired(run(sheet({ allowed: '70.00' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    const unknown = [shares(0, { whoPays: 'unknown', basis: 'unknown', feeScheduleAllowed: '80.00' })];
    expect(fired(run(sheet({ ...paid, allowed: '70.00' }), { config: cfg, shares: unknown }), 'ALLOWED_MISMATCH')).toHaveLength(0);
  });
});
