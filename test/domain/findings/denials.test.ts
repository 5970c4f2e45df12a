import { sheet, shares, run, fired, notices, $ } from '../../support/findings';

describe('DENIED_UNWORKED', () => {
  it('fires on a denied line with nothing posted, at the denial-code cell', () => {
    const fs = fired(run(sheet({ status: 'denied', denialCode: 'CO-16', billed: '210.00' })), 'DENIED_UNWORKED');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'R2', amount: $('210.00') });
    expect(fs[0]!.message).toContain('"CO-16"');
  });

  it('points at the status cell when there is no denial code, and fires on a denial code alone', () => {
    expect(fired(run(sheet({ status: 'denied' })), 'DENIED_UNWORKED')[0]!.cell).toBe('Q2');
    expect(fired(run(sheet({ denialCode: 'CO-50' })), 'DENIED_UNWORKED')).toHaveLength(1);
  });

  it('puts the expected insurer share at stake when known', () => {
    const fs = fired(run(sheet({ status: 'denied' }), { shares: [shares(0, { insurerShare: '72.00', patientShare: '28.00' })] }), 'DENIED_UNWORKED');
    expect(fs.map((f) => f.amount)).toEqual([$('72.00')]);
  });

  it.each([
    ['appealed', { status: 'appealed' as const, denialCode: 'CO-16' }],
    ['adjusted', { status: 'denied' as const, adjustment: '100.00' }],
    ['patient paid', { status: 'denied' as const, patientPaid: '10.00' }],
    ['secondary paid', { status: 'denied' as const, secondaryPaid: '10.00' }],
    ['not denied', { status: 'paid' as const, insurerPaid: '0.00' }],
  ])('is silent when %s', (_what, change) => {
    expect(fired(run(sheet(change)), 'DENIED_UNWORKED')).toHaveLength(0);
  });

  it('without a Status or Denial Code column: one notice', () => {
    const fs = run(sheet({}, {}), { without: ['status', 'denialCode'] });
    expect(notices(fs, 'DENIED_UNWORKED')).toHaveLength(1);
  });
});
