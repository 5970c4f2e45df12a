import { sheet, run, fired, notices, $ } from '../../support/findings';
import { config, coverage } from '../../support/builders';

describe('NO_COVERAGE_ON_DOS', () => {
  const cfg = config({ coverage: [coverage({ account: 'A100', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' })] });

  it('fires when the account has no coverage on the service date, at the payer cell, amount = the charge', () => {
    const fs = fired(run(sheet({ serviceDate: '2026-07-01', billed: '140.00' }), { config: cfg }), 'NO_COVERAGE_ON_DOS');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'O2', amount: $('140.00') });
  });

  it('is silent on the first and last covered days, and for an open-ended period', () => {
    expect(fired(run(sheet({ serviceDate: '2026-01-01' }, { serviceDate: '2026-06-30' }), { config: cfg }), 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
    const open = config({ coverage: [coverage({ effectiveFrom: null, effectiveTo: null })] });
    expect(fired(run(sheet({ serviceDate: '2030-01-01' }), { config: open, asOf: '2030-02-01' }), 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
  });

  it('fires for an account missing from Coverage; is silent for self-pay', () => {
    expect(fired(run(sheet({ account: 'B7' }), { config: cfg }), 'NO_COVERAGE_ON_DOS')).toHaveLength(1);
    expect(fired(run(sheet({ account: 'B7', payer: null }), { config: cfg }), 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
  });

  it('without a Coverage sheet: silent, one notice', () => {
    const fs = run(sheet({ account: 'B7' }, { account: 'B8' }));
    expect(fired(fs, 'NO_COVERAGE_ON_DOS')).toHaveLength(0);
    expect(notices(fs, 'NO_COVERAGE_ON_DOS')).toHaveLength(1);
  });
});

describe('MISSING_MEMBER_ID', () => {
  it('fires on a payer line with no member id anywhere, at the member-id cell', () => {
    const fs = fired(run(sheet({ memberId: null, billed: '90.00' })), 'MISSING_MEMBER_ID');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'P2', amount: $('90.00') });
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
