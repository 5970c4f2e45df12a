import { sheet, shares, run, fired, $ } from '../../support/findings';
import { config } from '../../support/builders';

describe('INSURER_UNDERPAID', () => {
  const expected80 = [shares(0, { insurerShare: '80.00', patientShare: '20.00' })];

  it('fires when the insurer paid less than its share by more than the tolerance: 80.00 − 60.00 = 20.00', () => {
    const fs = fired(run(sheet({ status: 'paid', insurerPaid: '60.00' }), { shares: expected80 }), 'INSURER_UNDERPAID');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', sheet: 'Ledger', row: 2, cell: 'J2', account: 'A100', amount: $('20.00') });
    expect(fs[0]!.message).toMatch(/^Insurer underpaid/);
    expect(fs[0]!.inputs).toMatchObject({ expectedInsurerShare: '80.00', insurerPaid: '60.00' });
  });

  it('is silent when short by exactly the tolerance (80.00 − 79.99 = 0.01) and fires at 0.02', () => {
    expect(fired(run(sheet({ insurerPaid: '79.99' }), { shares: expected80 }), 'INSURER_UNDERPAID')).toHaveLength(0);
    const fs = fired(run(sheet({ insurerPaid: '79.98' }), { shares: expected80 }), 'INSURER_UNDERPAID');
    expect(fs.map((f) => f.amount)).toEqual([$('0.02')]);
  });

  it('uses the Policy tolerance', () => {
    const lines = sheet({ insurerPaid: '79.00' });
    expect(fired(run(lines, { shares: expected80, config: config({ policy: { tolerance: $('1.00') } }) }), 'INSURER_UNDERPAID')).toHaveLength(0);
    expect(fired(run(lines, { shares: expected80, config: config({ policy: { tolerance: $('0.99') } }) }), 'INSURER_UNDERPAID')).toHaveLength(1);
  });

  it('counts status Paid with nothing recorded as paid 0: the whole share is short', () => {
    const fs = fired(run(sheet({ status: 'paid', insurerPaid: null }), { shares: expected80 }), 'INSURER_UNDERPAID');
    expect(fs.map((f) => f.amount)).toEqual([$('80.00')]);
  });

  it('stays silent on denied, pending and not-yet-adjudicated lines', () => {
    const cases = sheet(
      { status: 'denied', insurerPaid: '0.00' },
      { denialCode: 'CO-50', insurerPaid: null },
      { status: 'pending', insurerPaid: '40.00' },
      { status: null, insurerPaid: null }, // still outstanding: TIMELY_FILING_RISK's business
    );
    const sh = cases.map((_, i) => shares(i, { insurerShare: '80.00' }));
    expect(fired(run(cases, { shares: sh }), 'INSURER_UNDERPAID')).toHaveLength(0);
  });
});

describe('INSURER_OVERPAID', () => {
  const expected80 = [shares(0, { insurerShare: '80.00', patientShare: '20.00' })];

  it('fires when the insurer paid more than its share: 95.00 − 80.00 = 15.00, at the insurer-paid cell', () => {
    const fs = fired(run(sheet({ status: 'paid', insurerPaid: '95.00' }), { shares: expected80 }), 'INSURER_OVERPAID');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'J2', amount: $('15.00') });
  });

  it('is silent over by exactly the tolerance (80.01) and fires at 80.02', () => {
    expect(fired(run(sheet({ insurerPaid: '80.01' }), { shares: expected80 }), 'INSURER_OVERPAID')).toHaveLength(0);
    expect(fired(run(sheet({ insurerPaid: '80.02' }), { shares: expected80 }), 'INSURER_OVERPAID').map((f) => f.amount)).toEqual([$('0.02')]);
  });

  it('fires on a self-pay line the insurer paid anyway (expected insurer share 0)', () => {
    const fs = fired(run(sheet({ payer: null, insurerPaid: '30.00' }), { shares: [shares(0, { basis: 'self-pay', insurerShare: '0.00', patientShare: '100.00' })] }), 'INSURER_OVERPAID');
    expect(fs.map((f) => f.amount)).toEqual([$('30.00')]);
  });
});

describe('PATIENT_OVERPAID (refund due)', () => {
  const share20 = [shares(0, { insurerShare: '80.00', patientShare: '20.00' })];

  it('fires when the patient paid more than their share: 50.00 − 20.00 = 30.00, at the patient-paid cell', () => {
    const fs = fired(run(sheet({ patientPaid: '50.00' }), { shares: share20 }), 'PATIENT_OVERPAID');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'L2', amount: $('30.00') });
    expect(fs[0]!.message).toMatch(/^Refund due/);
  });

  it('is silent at the share plus the tolerance (20.01), fires at 20.02', () => {
    expect(fired(run(sheet({ patientPaid: '20.01' }), { shares: share20 }), 'PATIENT_OVERPAID')).toHaveLength(0);
    expect(fired(run(sheet({ patientPaid: '20.02' }), { shares: share20 }), 'PATIENT_OVERPAID').map((f) => f.amount)).toEqual([$('0.02')]);
  });

  it('is silent once the excess has been refunded (paid 50.00, refunded 30.00 → net 20.00)', () => {
    const [l] = sheet({ patientPaid: '50.00' });
    expect(fired(run([{ ...l!, patientRefunded: $('30.00') }], { shares: share20 }), 'PATIENT_OVERPAID')).toHaveLength(0);
  });
});

describe('PATIENT_OVERBILLED', () => {
  it('fires when the contractual adjustment was never posted', () => {
    // billed 150.00, allowed 100.00, insurer paid 80.00, no adjustment → balance 150 − 80 = 70.00.
    // Patient share 20.00, paid 0 → the patient owes 20.00; 70.00 − 20.00 = 50.00 overbilled.
    const lines = sheet({ billed: '150.00', status: 'paid', insurerPaid: '80.00', balance: '70.00' });
    const fs = run(lines, { shares: [shares(0, { insurerShare: '80.00', patientShare: '20.00' })] });
    const ob = fired(fs, 'PATIENT_OVERBILLED');
    expect(ob).toHaveLength(1);
    expect(ob[0]).toMatchObject({ severity: 'error', row: 2, cell: 'N2', amount: $('50.00') });
    expect(fired(fs, 'BALANCE_MISMATCH')).toHaveLength(0); // the arithmetic itself is right
  });

  it('is silent within the tolerance and fires just beyond it', () => {
    // Patient share 20.00, paid 5.00 → owes 15.00.
    const sh = [shares(0, { insurerShare: '80.00', patientShare: '20.00' })];
    expect(fired(run(sheet({ insurerPaid: '80.00', patientPaid: '5.00', balance: '15.01' }), { shares: sh }), 'PATIENT_OVERBILLED')).toHaveLength(0);
    expect(fired(run(sheet({ insurerPaid: '80.00', patientPaid: '5.00', balance: '15.02' }), { shares: sh }), 'PATIENT_OVERBILLED').map((f) => f.amount)).toEqual([$('0.02')]);
  });

  it('stays silent before the insurer has adjudicated (no payment, status not Paid)', () => {
    const sh = [shares(0, { insurerShare: '80.00', patientShare: '20.00' })];
    expect(fired(run(sheet({ status: 'pending', balance: '100.00' }), { shares: sh }), 'PATIENT_OVERBILLED')).toHaveLength(0);
  });

  it('leaves what the secondary payer still owes out of the patient\'s part', () => {
    // Patient 5.00 after both payers, secondary 15.00 not yet paid: balance 20.00 is right.
    const sh = [shares(0, { insurerShare: '80.00', secondaryShare: '15.00', patientShare: '5.00' })];
    expect(fired(run(sheet({ status: 'paid', insurerPaid: '80.00', balance: '20.00' }), { shares: sh }), 'PATIENT_OVERBILLED')).toHaveLength(0);
  });

  it('does not call a patient overpayment (balance 0, credit not posted) overbilling', () => {
    const sh = [shares(0, { insurerShare: '80.00', patientShare: '20.00' })];
    const fs = run(sheet({ status: 'paid', insurerPaid: '80.00', patientPaid: '30.00', balance: '0.00' }), { shares: sh });
    expect(fired(fs, 'PATIENT_OVERBILLED')).toHaveLength(0);
    expect(fired(fs, 'PATIENT_OVERPAID').map((f) => f.amount)).toEqual([$('10.00')]);
  });
});
