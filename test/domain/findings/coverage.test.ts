import { sheet, shares, run, fired, notices, $ } from '../../support/findings';
import { config, coverage } from '../../support/builders';

// Whether a Coverage row covers the service date is adjudication's decision (LineShares.basis, DESIGN §4);
// the rule reports it (issue 9), so these tests hand each line the basis adjudication would give.
describe('NO_COVERAGE_ON_DOS', () => {
  const cfg = config({ coverage: [coverage({ account: 'A100', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' })] });
  const noCoverage = [shares(0, { basis: 'no-coverage', patientShare: '140.00', insurerShare: '0.00' })];

  it('fires on an insured line with no coverage on the service date, at the payer cell, amount = the charge', () => {
    const fs = fired(run(sheet({ serviceDate: '2026-07-01', billed: '140.00' }), { config: cfg, shares: noCoverage }), 'NO_COVERAGE_ON_DOS');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'O2', amount: $('140.00') });
    expect(fs[0]!.inputs.coveragePeriods).toBe('P1 01/01/2026–06/30/2026');
  });

  it('fires when the insurer paid a line the Coverage sheet does not cover: the sheet is out of date', () => {
    const outOfDate = [shares(0, { basis: 'coverage-out-of-date' })];
    const fs = fired(run(sheet({ account: 'B7', insurerPaid: '60.00', status: 'paid' }), { config: cfg, shares: outOfDate }), 'NO_COVERAGE_ON_DOS');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toMatch(/out of date/);
  });

  it('is silent on a covered line, a self-pay line and a line whose coverage is unknown', () => {
    expect(fired(run(sheet({ serviceDate: '2026-01-01' }, { serviceDate: '2026-06-30' }), { config: cfg }), 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
    expect(fired(run(sheet({ account: 'B7', payer: null }), { config: cfg, shares: [shares(0, { basis: 'self-pay' })] }), 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
    const unknown = [shares(0, { whoPays: 'unknown', basis: 'no-coverage' })];
    expect(fired(run(sheet({ account: 'B7' }), { config: cfg, shares: unknown }), 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
  });

  it('without a Coverage sheet: silent, one notice', () => {
    const fs = run(sheet({ account: 'B7' }, { account: 'B8' }));
    expect(fired(fs, 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
    expect(notices(fs, 'NO_COVERAGE_ON_DOS')).toHaveLength(1);
  });
});

describe('COVERAGE_IN_DOUBT (a Coverage row with an input issue, DESIGN §4)', () => {
  it('gives an info finding on the line naming the Coverage cell; no NO_COVERAGE_ON_DOS, no MISSING_MEMBER_ID', () => {
    const cfg = config({ coverage: [coverage({ account: 'Z9' })] });
    const doubt = [shares(0, { basis: 'coverage-in-doubt', coverageIssueCell: 'F5' })];
    const fs = run(sheet({ memberId: null, insurerPaid: '60.00', status: 'paid' }), { config: cfg, shares: doubt });
    const info = fs.filter((f) => f.rule === 'COVERAGE_IN_DOUBT');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', row: 2, cell: 'C2', amount: null, inputs: { coverageCell: 'F5', serviceDate: '03/02/2026' } });
    expect(info[0]!.message).toMatch(/^Coverage in doubt: the Coverage row at cell F5/);
    expect(fired(fs, 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
    expect(fired(fs, 'MISSING_MEMBER_ID')).toHaveLength(0);
    expect(fired(fs, 'INSURER_OVERPAID')).toHaveLength(0);
  });
});

describe('MISSING_MEMBER_ID', () => {
  it('fires on a payer line with no member id anywhere, at the member-id cell', () => {
    const fs = fired(run(sheet({ memberId: null, billed: '90.00' })), 'MISSING_MEMBER_ID');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'P2', amount: $('90.00') });
  });

  it('uses the Coverage row adjudication matched: its member id, not another row\'s', () => {
    const cfg = config({ coverage: [coverage({ account: 'A100', memberId: null, row: 2 }), coverage({ account: 'A100', planId: 'OLD', memberId: 'X9', row: 3 })] });
    expect(fired(run(sheet({ memberId: null }), { config: cfg, shares: [shares(0, { coverageRow: 2 })] }), 'MISSING_MEMBER_ID')).toHaveLength(1);
    expect(fired(run(sheet({ memberId: null }), { config: cfg, shares: [shares(0, { coverageRow: 3 })] }), 'MISSING_MEMBER_ID')).toHaveLength(0);
  });

  it('is silent with a member id on the line, or on the account\'s Coverage row, or on a self-pay line', () => {
    expect(fired(run(sheet({ memberId: 'XYZ1' })), 'MISSING_MEMBER_ID')).toHaveLength(0);
    const cfg = config({ coverage: [coverage({ account: 'A100', memberId: 'W123' })] });
    expect(fired(run(sheet({ memberId: null }), { config: cfg }), 'MISSING_MEMBER_ID')).toHaveLength(0);
    expect(fired(run(sheet({ memberId: null, payer: null })), 'MISSING_MEMBER_ID')).toHaveLength(0);
  });

  it('treats a blank member id as missing', () => {
    expect(fired(run(sheet({ memberId: '  ' })), 'MISSING_MEMBER_ID')).toHaveLength(1);
  });

  it('with neither a Member ID column nor a Coverage sheet: silent, one notice', () => {
    const fs = run(sheet({ memberId: null }, { memberId: null }), { without: ['memberId'] });
    expect(fired(fs, 'MISSING_MEMBER_ID')).toHaveLength(0);
    expect(notices(fs, 'MISSING_MEMBER_ID')).toHaveLength(1);
  });
});
