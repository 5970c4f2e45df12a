import { sheet, shares, run, fired, notices, $ } from '../../support/findings';
import { config, fee, plan } from '../../support/builders';

describe('UNITS_OVER_LIMIT', () => {
  const cfg = config({ feeSchedule: [fee({ code: '97110', allowed: '30.00', maxUnitsPerDay: 4 })] });
  const pt = { account: 'A1', serviceDate: '2026-03-02', code: '97110' };

  it('fires on the line whose units cross the day\'s limit: 3 + 2 = 5 > 4, excess 1 × 30.00 = 30.00', () => {
    const fs = fired(run(sheet({ ...pt, units: 3 }, { ...pt, units: 2 }), { config: cfg }), 'UNITS_OVER_LIMIT');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', account: 'A1', row: 3, cell: 'G3', amount: $('30.00') });
    expect(fs[0]!.inputs).toMatchObject({ unitsThatDay: '5', maxUnitsPerDay: '4', linesThatDay: '2, 3' });
  });

  it('is silent at exactly the limit, and across different days, accounts or codes', () => {
    expect(fired(run(sheet({ ...pt, units: 2 }, { ...pt, units: 2 }), { config: cfg }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
    const spread = sheet({ ...pt, units: 3 }, { ...pt, units: 3, serviceDate: '2026-03-03' }, { ...pt, units: 3, account: 'A2' }, { ...pt, units: 3, code: '97112' });
    expect(fired(run(spread, { config: cfg }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
  });

  it('counts fractional units exactly: 1.5 × 3 = 4.5, excess 0.5 × 30.00 = 15.00', () => {
    const fs = fired(run(sheet({ ...pt, units: 1.5 }, { ...pt, units: 1.5 }, { ...pt, units: 1.5 }), { config: cfg }), 'UNITS_OVER_LIMIT');
    expect(fs.map((f) => [f.row, f.amount])).toEqual([[4, $('15.00')]]);
  });

  it('takes the most specific row: the payer\'s own limit beats the * row', () => {
    const c = config({
      plans: [plan({ planId: 'P1', payer: 'Acme Health' })],
      feeSchedule: [fee({ code: '97110', allowed: '30.00', maxUnitsPerDay: 4 }), fee({ payer: 'acme health', code: '97110', allowed: '25.00', maxUnitsPerDay: 2 })],
    });
    // 3 units, payer limit 2: excess 1 × 25.00.
    expect(fired(run(sheet({ ...pt, units: 3 }), { config: c }), 'UNITS_OVER_LIMIT').map((f) => f.amount)).toEqual([$('25.00')]);
    // A self-pay line only meets the * row: 3 ≤ 4.
    expect(fired(run(sheet({ ...pt, units: 3, payer: null }), { config: c }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
    // Matched by PlanId (via the line's expected shares) as well as by payer name.
    const byPlan = config({ plans: [plan({ planId: 'GOLD', payer: 'Other Co' })], feeSchedule: [fee({ payer: 'GOLD', code: '97110', maxUnitsPerDay: 1 })] });
    expect(fired(run(sheet({ ...pt, units: 2 }), { config: byPlan, shares: [shares(0, { primaryPlanId: 'GOLD' })] }), 'UNITS_OVER_LIMIT')).toHaveLength(1);
  });

  it('groups by day and code on an account with many visits (past the 24 groups walked one by one)', () => {
    // 40 visit days of 3 units each (limit 4: silent), then day 1 again with 2 more units: 3 + 2 = 5 > 4,
    // excess 1 × 30.00 = 30.00, on the row of the late line (row 2 + 40 = 42); a second code on day 40 stays its own group.
    const days = Array.from({ length: 40 }, (_, k) => ({ ...pt, units: 3, serviceDate: `2026-0${1 + Math.floor(k / 28)}-${String(1 + (k % 28)).padStart(2, '0')}` }));
    const late = [{ ...pt, units: 2, serviceDate: '2026-01-01' }, { ...pt, units: 4, code: '97112', serviceDate: days[39]!.serviceDate }];
    const fs = fired(run(sheet(...days, ...late), { config: cfg }), 'UNITS_OVER_LIMIT');
    expect(fs.map((f) => [f.row, f.amount, f.inputs.linesThatDay])).toEqual([[42, $('30.00'), '2, 42']]);
  });

  it('applies a modifier row only to lines with that modifier', () => {
    const c = config({ feeSchedule: [fee({ code: '97110', modifier: 'GP', maxUnitsPerDay: 1 })] });
    expect(fired(run(sheet({ ...pt, units: 2 }), { config: c }), 'UNITS_OVER_LIMIT')).toHaveLength(0);
    expect(fired(run(sheet({ ...pt, units: 2, modifiers: ['GP'] }), { config: c }), 'UNITS_OVER_LIMIT')).toHaveLength(1);
  });
});

describe('ALLOWED_MISMATCH', () => {
  const cfg = config({ feeSchedule: [fee({ code: '99213', allowed: '80.00' })] });
  const fs80 = [shares(0, { feeScheduleAllowed: '80.00', insurerShare: '64.00', patientShare: '16.00' })];

  it('fires when the ledger\'s allowed is off the fee schedule: 80.00 − 70.00 = 10.00, at the allowed cell', () => {
    const fs = fired(run(sheet({ allowed: '70.00' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'I2', amount: $('10.00') });
    expect(fs[0]!.message).toMatch(/less than contracted/);
  });

  it('is silent within the tolerance (79.99, 80.01) and fires at 79.98', () => {
    expect(fired(run(sheet({ allowed: '79.99' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ allowed: '80.01' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ allowed: '79.98' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH').map((f) => f.amount)).toEqual([$('0.02')]);
  });

  it('is silent with no allowed on the line, no fee-schedule match, or on a denied line', () => {
    expect(fired(run(sheet({ allowed: null }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ allowed: '50.00' }), { config: cfg, shares: [shares(0, { feeScheduleAllowed: null })] }), 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ allowed: '0.00', status: 'denied' }), { config: cfg, shares: fs80 }), 'ALLOWED_MISMATCH')).toHaveLength(0);
  });

  it('without a FeeSchedule sheet: silent, one notice each for both fee-schedule rules', () => {
    const fs = run(sheet({ allowed: '70.00', units: 99 }, { allowed: '60.00' }), { shares: [...fs80, shares(1, { feeScheduleAllowed: '80.00' })] });
    expect(fired(fs, 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(notices(fs, 'ALLOWED_MISMATCH')).toHaveLength(1);
    expect(notices(fs, 'UNITS_OVER_LIMIT')).toHaveLength(1);
  });

  it('without an Allowed column or without shares: silent, says so once', () => {
    expect(notices(run(sheet({ allowed: '70.00' }, { allowed: '1.00' }), { config: cfg, shares: fs80, without: ['allowed'] }), 'ALLOWED_MISMATCH')).toHaveLength(1);
    const noShares = run(sheet({ allowed: '70.00' }, { allowed: '1.00' }), { config: cfg });
    expect(fired(noShares, 'ALLOWED_MISMATCH')).toHaveLength(0);
    expect(notices(noShares, 'ALLOWED_MISMATCH')).toHaveLength(1);
  });
});

describe('UNITS_OVER_LIMIT on an account with many days (keyed lookup past 24 groups)', () => {
  it('still finds the one day over the limit', () => {
    const cfg = config({ feeSchedule: [fee({ code: '97110', allowed: '30.00', maxUnitsPerDay: 4 })] });
    const day = (k: number) => `2026-0${1 + Math.floor(k / 28)}-${String(1 + (k % 28)).padStart(2, '0')}`;
    const visits = Array.from({ length: 40 }, (_, k) => ({ account: 'BIG', code: '97110', serviceDate: day(k), units: 3 }));
    // A second line on visit 30's day: 3 + 2 = 5 > 4 → fires on it (row 2 + 40 = 42).
    const lines = sheet(...visits, { account: 'BIG', code: '97110', serviceDate: day(30), units: 2 });
    const fs = fired(run(lines, { config: cfg, asOf: '2026-03-01' }), 'UNITS_OVER_LIMIT');
    expect(fs.map((f) => [f.row, f.amount, f.inputs.linesThatDay])).toEqual([[42, $('30.00'), '32, 42']]);
  });
});
