import { sheet, shares, run, fired, notices, $, d } from '../../support/findings';
import { config, patient } from '../../support/builders';

describe('BALANCE_MISMATCH', () => {
  // billed 100.00 − adjustment 20.00 − insurer 60.00 − patient 10.00 = 10.00 expected balance.
  const base = { billed: '100.00', adjustment: '20.00', insurerPaid: '60.00', patientPaid: '10.00' };

  it('is silent when the balance adds up, and within the tolerance', () => {
    expect(fired(run(sheet({ ...base, balance: '10.00' })), 'BALANCE_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ ...base, balance: '10.01' })), 'BALANCE_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ ...base, balance: '9.99' })), 'BALANCE_MISMATCH')).toHaveLength(0);
  });

  it('fires beyond the tolerance either way, at the balance cell, amount = the difference', () => {
    const hi = fired(run(sheet({ ...base, balance: '35.00' })), 'BALANCE_MISMATCH');
    expect(hi).toHaveLength(1);
    expect(hi[0]).toMatchObject({ severity: 'error', row: 2, cell: 'N2', amount: $('25.00') });
    expect(hi[0]!.message).toMatch(/too high/);
    const lo = fired(run(sheet({ ...base, balance: '9.98' })), 'BALANCE_MISMATCH');
    expect(lo.map((f) => f.amount)).toEqual([$('0.02')]);
    expect(lo[0]!.message).toMatch(/too low/);
  });

  it('treats blank payments as 0 and checks only given balances', () => {
    expect(fired(run(sheet({ billed: '100.00', balance: '100.00' })), 'BALANCE_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ billed: '100.00', balance: null })), 'BALANCE_MISMATCH')).toHaveLength(0);
    expect(fired(run(sheet({ billed: '100.00', secondaryPaid: '30.00', balance: '100.00' })), 'BALANCE_MISMATCH').map((f) => f.amount)).toEqual([$('30.00')]);
  });

  it('adds refunds already sent back: paid 100.00, refunded 20.00 → balance 20.00', () => {
    const [l] = sheet({ billed: '100.00', patientPaid: '100.00', balance: '20.00' });
    expect(fired(run([{ ...l!, patientRefunded: $('20.00') }]), 'BALANCE_MISMATCH')).toHaveLength(0);
  });

  it('without a Balance column says so once and checks nothing', () => {
    const fs = run(sheet({ ...base, balance: '99.00' }, { ...base, balance: '98.00' }), { without: ['balance'] });
    expect(fired(fs, 'BALANCE_MISMATCH')).toHaveLength(0);
    expect(notices(fs, 'BALANCE_MISMATCH')).toHaveLength(1);
  });
});

describe('CREDIT_BALANCE', () => {
  it('fires when the account\'s line balances sum below zero: 10.00 − 25.00 = −15.00 → 15.00, at the latest line', () => {
    const lines = sheet(
      { account: 'A1', serviceDate: '2026-03-05', billed: '50.00', patientPaid: '75.00', balance: '-25.00' },
      { account: 'A1', serviceDate: '2026-03-02', billed: '10.00', balance: '10.00' },
      { account: 'B2', serviceDate: '2026-03-09', billed: '10.00', balance: '10.00' },
    );
    const fs = fired(run(lines), 'CREDIT_BALANCE');
    expect(fs).toHaveLength(1);
    // Latest service date is row 2 (03/05), though row 3 comes later in the sheet.
    expect(fs[0]).toMatchObject({ severity: 'error', account: 'A1', row: 2, cell: 'N2', amount: $('15.00') });
  });

  it('picks the later row when the latest service date is shared', () => {
    const lines = sheet({ billed: '10.00', balance: '-5.00' }, { billed: '10.00', balance: '-5.00' });
    expect(fired(run(lines), 'CREDIT_BALANCE')[0]).toMatchObject({ row: 3, cell: 'N3', amount: $('10.00') });
  });

  it('is silent at exactly zero', () => {
    expect(fired(run(sheet({ balance: '-10.00' }, { balance: '10.00' })), 'CREDIT_BALANCE')).toHaveLength(0);
  });

  it('without a Balance column, uses DESIGN §4\'s balance: billed − adjustment − payments + refunds', () => {
    // 100.00 − 0 − 80.00 insurer − 30.00 patient = −10.00 (was: needs a Balance column; §4 now defines the balance without one).
    const fs = run(sheet({ billed: '100.00', insurerPaid: '80.00', patientPaid: '30.00', balance: null }), { without: ['balance'] });
    expect(fired(fs, 'CREDIT_BALANCE').map((f) => f.amount)).toEqual([$('10.00')]);
    expect(notices(fs, 'CREDIT_BALANCE')).toHaveLength(0);
  });
});

describe('COLLECTIONS_CANDIDATE', () => {
  const asOf = '2026-11-01';
  it('sanity: 2026-07-03 is 121 days before 2026-11-01, 2026-07-04 is 120', () => {
    expect(d(asOf) - d('2026-07-03')).toBe(121);
    expect(d(asOf) - d('2026-07-04')).toBe(120);
  });

  // Self-pay: patient share 100.00, paid 40.00 → owes 60.00.
  const selfPay = (dos: string, account = 'A100') => ({ account, payer: null, serviceDate: dos, billed: '100.00', patientPaid: '40.00', balance: '60.00' });
  const share100 = (i: number) => shares(i, { basis: 'self-pay', insurerShare: '0.00', patientShare: '100.00' });

  it('fires for a patient balance older than 120 days, not on a plan, with the 30-day notice reminder', () => {
    const lines = sheet(selfPay('2026-07-03'), { ...selfPay('2026-10-20'), patientPaid: '100.00', balance: '0.00' });
    const fs = fired(run(lines, { asOf, shares: [share100(0), share100(1)] }), 'COLLECTIONS_CANDIDATE');
    expect(fs).toHaveLength(1);
    // Points at the account's latest line (row 3, 10/20), amount = the old balance 60.00.
    expect(fs[0]).toMatchObject({ severity: 'warning', account: 'A100', row: 3, cell: 'N3', amount: $('60.00') });
    expect(fs[0]!.message).toMatch(/written notice at least 30 days/);
  });

  it('is silent at exactly 120 days', () => {
    expect(fired(run(sheet(selfPay('2026-07-04')), { asOf, shares: [share100(0)] }), 'COLLECTIONS_CANDIDATE')).toHaveLength(0);
  });

  it('is silent for an account on a payment plan', () => {
    const cfg = config({ patients: [patient({ account: 'A100', onPaymentPlan: true })] });
    expect(fired(run(sheet(selfPay('2026-05-01')), { asOf, shares: [share100(0)], config: cfg }), 'COLLECTIONS_CANDIDATE')).toHaveLength(0);
  });

  it('ignores lines still pending with insurance', () => {
    const lines = sheet({ serviceDate: '2026-05-01', status: 'pending', balance: '100.00' });
    expect(fired(run(lines, { asOf, shares: [shares(0, { insurerShare: '80.00', patientShare: '20.00' })] }), 'COLLECTIONS_CANDIDATE')).toHaveLength(0);
  });

  it('lets a newer credit offset the old debt: owes 60.00 old, −45.00 newer → 15.00 at stake', () => {
    const lines = sheet(selfPay('2026-05-01'), { ...selfPay('2026-10-01'), patientPaid: '145.00', balance: '-45.00' });
    const fs = fired(run(lines, { asOf, shares: [share100(0), share100(1)] }), 'COLLECTIONS_CANDIDATE');
    expect(fs.map((f) => f.amount)).toEqual([$('15.00')]);
  });

  it('uses the ledger balance of a self-pay line when no share was computed', () => {
    const fs = fired(run(sheet(selfPay('2026-05-01')), { asOf }), 'COLLECTIONS_CANDIDATE');
    expect(fs.map((f) => f.amount)).toEqual([$('60.00')]);
  });

  it('counts CollectionsDays from when the balance arose (the insurer\'s last posting), not the service date (DESIGN §8)', () => {
    // Served 2026-03-01, but the insurer posted on 2026-08-01: owed since then, 92 days by 2026-11-01.
    const line = { serviceDate: '2026-03-01', insurerPostedOn: '2026-08-01', status: 'paid' as const, insurerPaid: '60.00', balance: '40.00' };
    expect(fired(run(sheet(line), { asOf }), 'COLLECTIONS_CANDIDATE')).toHaveLength(0);
    const fs = fired(run(sheet({ ...line, insurerPostedOn: '2026-07-03' }), { asOf }), 'COLLECTIONS_CANDIDATE');
    expect(fs.map((f) => [f.amount, f.inputs.balanceSince])).toEqual([[$('40.00'), '07/03/2026']]);
  });
});

describe('COLLECTIONS_CANDIDATE and denials', () => {
  // DESIGN §4 (revised): a denial is the office's to work and never billed to the patient, unless its group
  // is PR (patient responsibility): then the line is billed. (Was: any denial counted once adjusted.)
  it('leaves out a denial the office has to work, even once adjusted; counts a PR-group denial, the patient\'s to pay', () => {
    const asOf = '2026-11-01';
    const denied = { serviceDate: '2026-05-01', status: 'denied' as const, denialCode: 'CO-16', balance: '100.00' };
    expect(fired(run(sheet(denied), { asOf }), 'COLLECTIONS_CANDIDATE')).toHaveLength(0);
    expect(fired(run(sheet({ ...denied, adjustment: '20.00', balance: '80.00' }), { asOf }), 'COLLECTIONS_CANDIDATE')).toHaveLength(0);
    const patients = { ...denied, denialCode: 'PR-96', adjustment: '20.00', balance: '80.00' };
    expect(fired(run(sheet(patients), { asOf }), 'COLLECTIONS_CANDIDATE').map((f) => f.amount)).toEqual([$('80.00')]);
  });
});
