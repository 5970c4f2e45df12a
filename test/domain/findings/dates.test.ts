import { sheet, shares, run, fired, $, d } from '../../support/findings';
import { config, patient } from '../../support/builders';

describe('DATE_ERROR', () => {
  it('is silent when the posting date equals the service date', () => {
    expect(fired(run(sheet({ serviceDate: '2026-03-02', postingDate: '2026-03-02' })), 'DATE_ERROR')).toHaveLength(0);
  });

  it('fires when the service date is after the posting date, at the service-date cell', () => {
    const fs = fired(run(sheet({ serviceDate: '2026-03-02', postingDate: '2026-03-01', billed: '75.00' })), 'DATE_ERROR');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'C2', amount: $('75.00') });
    expect(fs[0]!.message).toMatch(/after the posting date 03\/01\/2026/);
  });

  it('fires for a service date after the as-of date, not on it', () => {
    expect(fired(run(sheet({ serviceDate: '2026-04-01' }), { asOf: '2026-04-01' }), 'DATE_ERROR')).toHaveLength(0);
    expect(fired(run(sheet({ serviceDate: '2026-04-02' }), { asOf: '2026-04-01' }), 'DATE_ERROR')).toHaveLength(1);
  });

  it('fires for a service date before the date of birth (ledger DOB, else Patients)', () => {
    expect(fired(run(sheet({ dob: '2026-03-02' })), 'DATE_ERROR')).toHaveLength(0);
    expect(fired(run(sheet({ dob: '2026-03-03' })), 'DATE_ERROR')).toHaveLength(1);
    const cfg = config({ patients: [patient({ account: 'A100', dob: '2026-03-10' })] });
    expect(fired(run(sheet({ dob: null }), { config: cfg }), 'DATE_ERROR')).toHaveLength(1);
  });

  it('names every problem in one finding', () => {
    const fs = fired(run(sheet({ serviceDate: '2026-05-01', postingDate: '2026-04-01', dob: '2026-06-01' }), { asOf: '2026-04-15' }), 'DATE_ERROR');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toMatch(/posting date.*as-of date.*date of birth/);
  });

  it('is a warning with no amount on a self-pay line', () => {
    expect(fired(run(sheet({ payer: null, postingDate: '2026-03-01' })), 'DATE_ERROR')[0]).toMatchObject({ severity: 'warning', amount: null });
  });
});

describe('TIMELY_FILING_RISK', () => {
  // DOS 2026-03-02 + 90 days = 2026-05-31 (29 days left in March, 30 in April, 31 in May).
  const open = { serviceDate: '2026-03-02', billed: '100.00' };
  it('sanity: the default deadline is 2026-05-31', () => {
    expect(d('2026-03-02') + 90).toBe(d('2026-05-31'));
  });

  it('is silent with 31 days left and fires as a warning with 30, at the service-date cell', () => {
    expect(fired(run(sheet(open), { asOf: '2026-04-30' }), 'TIMELY_FILING_RISK')).toHaveLength(0);
    const fs = fired(run(sheet(open), { asOf: '2026-05-01' }), 'TIMELY_FILING_RISK');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', row: 2, cell: 'C2', amount: $('100.00') });
    expect(fs[0]!.inputs).toMatchObject({ filingDeadline: '05/31/2026', daysLeft: '30' });
  });

  it('is an error once the limit has passed', () => {
    expect(fired(run(sheet(open), { asOf: '2026-05-31' }), 'TIMELY_FILING_RISK')[0]!.severity).toBe('warning');
    expect(fired(run(sheet(open), { asOf: '2026-06-01' }), 'TIMELY_FILING_RISK')[0]!.severity).toBe('error');
  });

  it('puts the expected insurer share at stake when known', () => {
    const fs = fired(run(sheet(open), { asOf: '2026-05-15', shares: [shares(0, { insurerShare: '64.00', patientShare: '36.00' })] }), 'TIMELY_FILING_RISK');
    expect(fs.map((f) => f.amount)).toEqual([$('64.00')]);
  });

  it('is silent once the insurer has paid, denied or the line is Paid at 0, appealed, or self-pay', () => {
    const lines = sheet(
      { ...open, insurerPaid: '50.00' },
      { ...open, status: 'paid', insurerPaid: '0.00' },
      { ...open, status: 'denied' },
      { ...open, denialCode: 'CO-16' },
      { ...open, status: 'appealed' },
      { ...open, payer: null },
      { ...open, payer: 'Self-Pay' },
    );
    expect(fired(run(lines, { asOf: '2026-08-01' }), 'TIMELY_FILING_RISK')).toHaveLength(0);
  });

  it('counts pending lines and lines with no status as not yet paid', () => {
    expect(fired(run(sheet({ ...open, status: 'pending' }, { ...open }), { asOf: '2026-05-20' }), 'TIMELY_FILING_RISK')).toHaveLength(2);
  });

  it('uses the payer\'s own limit (keyed lower-case) and the Policy default', () => {
    const byPayer = config({ policy: { timelyFilingDaysByPayer: { 'acme health': 365 } } });
    expect(fired(run(sheet(open), { asOf: '2026-06-15', config: byPayer }), 'TIMELY_FILING_RISK')).toHaveLength(0);
    expect(fired(run(sheet({ ...open, payer: 'Other Co' }), { asOf: '2026-06-15', config: byPayer }), 'TIMELY_FILING_RISK')).toHaveLength(1);
    const short = config({ policy: { timelyFilingDays: 45 } }); // deadline 2026-04-16, 15 days after 04-01
    expect(fired(run(sheet(open), { config: short }), 'TIMELY_FILING_RISK')).toHaveLength(1);
  });
});
