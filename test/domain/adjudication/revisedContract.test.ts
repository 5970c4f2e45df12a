/**
 * DESIGN §4 and §5 step 10 as revised (issue 10): who pays a line, where it
 * stands, an out-of-date or unreadable Coverage sheet, and the secondary
 * acting as primary when the primary excludes the service. Every expected
 * amount is worked by hand in the comment beside it.
 */
import { adjudicate, explainShares } from '../../../src/domain/adjudication';
import { lineStanding, reasonCodes } from '../../../src/domain/lineStanding';
import { $, benefit, config, coverage, d, fee, inSheetOrder, line, ledgerOf, plan, type LineInput } from '../../support/builders';
import type { Config } from '../../../src/domain/config';
import type { LineShares } from '../../../src/domain/shareTypes';

const run = (inputs: LineInput[], cfg: Config, payerColumn = true): LineShares[] =>
  adjudicate(ledgerOf(inSheetOrder(inputs.map((i) => line(i))), { payerColumn }), cfg);

const NULL_SHARES = {
  allowed: null, contractual: null, copay: null, deductible: null, coinsurance: null,
  patientShare: null, insurerShare: null, secondaryShare: null,
};

describe('who pays a line (§4)', () => {
  test('no Payer column, no Coverage sheet: coverage unknown, every share null (issue 10, reproduction 1)', () => {
    // Account,DOS,CPT,Charge,Ins Paid,Pt Paid,Balance / 1,03/02/2026,99213,100,60,20,20 — the insurer payment makes it insured.
    const [paid] = run([{ account: '1', payer: null, billed: '100.00', insurerPaid: '60.00', patientPaid: '20.00', balance: '20.00' }], config(), false);
    expect(paid!.whoPays).toBe('insured');
    expect(paid!.basis).toBe('unconfigured');
    expect(paid!.patientShare).toBeNull();
    // Nothing posted by an insurer and no Payer column: unknown.
    const [bare] = run([{ account: '1', payer: null, billed: '100.00', patientPaid: '20.00', balance: '80.00' }], config(), false);
    expect(bare!.whoPays).toBe('unknown');
    expect(bare).toMatchObject({ basis: 'unknown', ...NULL_SHARES });
  });

  test('no Payer column, a Coverage sheet without a row for the account on the DOS: self-pay', () => {
    const cfg = config({ plans: [plan()], coverage: [coverage({ account: 'OTHER' })] });
    const [r] = run([{ account: 'A1', payer: null, billed: '80.00' }], cfg, false);
    expect(r).toMatchObject({ whoPays: 'self-pay', basis: 'self-pay', patientShare: $('80.00'), insurerShare: 0 });
  });

  test('no Payer column, a Coverage row on the DOS: insured and computed', () => {
    // Plan defaults: deductible 500.00, 20 %: billed 1,000.00, allowed 600.00 → patient 520.00, insurer 80.00.
    const cfg = config({ plans: [plan()], coverage: [coverage({ account: 'A1' })] });
    const [r] = run([{ account: 'A1', payer: null, billed: '1000.00', allowed: '600.00' }], cfg, false);
    expect(r).toMatchObject({ whoPays: 'insured', basis: 'covered', patientShare: $('520.00'), insurerShare: $('80.00'), contractual: $('400.00') });
  });
});

describe('an out-of-date or unreadable Coverage sheet (§4)', () => {
  const cfg = config({ plans: [plan()], coverage: [coverage({ account: 'A1', effectiveTo: '2025-12-31' })] });

  test('insured, no Coverage row on the DOS, nothing paid: no-coverage, the patient owes it all', () => {
    const [r] = run([{ account: 'A1', billed: '170.00' }], cfg);
    expect(r).toMatchObject({ basis: 'no-coverage', allowed: $('170.00'), patientShare: $('170.00'), insurerShare: 0, contractual: 0 });
  });

  test('…but an insurer payment is posted: the sheet is out of date, shares null', () => {
    const [r] = run([{ account: 'A1', billed: '170.00', insurerPaid: '100.00' }], cfg);
    expect(r).toMatchObject({ basis: 'coverage-out-of-date', ...NULL_SHARES });
    expect(explainShares(r!)).toContain('out of date');
  });

  test('a Coverage row with an input issue covers nothing and denies nothing: null shares, naming its cell', () => {
    const doubtful = config({
      plans: [plan()],
      present: ['Plans', 'Coverage'],
      coverageIssues: [{ account: 'A1', effectiveFrom: null, effectiveTo: null, row: 4, cell: 'F4' }],
    });
    const [r, other] = run([{ account: 'A1', billed: '170.00', insurerPaid: '100.00' }, { account: 'B2', payer: 'Self Pay', billed: '50.00' }], doubtful);
    expect(r).toMatchObject({ basis: 'coverage-in-doubt', coverageIssueCell: 'F4', ...NULL_SHARES });
    expect(explainShares(r!)).toContain('F4');
    expect(other!.basis).toBe('self-pay');
  });

  test('a Coverage row with an input issue whose readable dates do not reach the DOS leaves the line alone', () => {
    const doubtful = config({
      plans: [plan()], coverage: [coverage({ account: 'A1' })],
      coverageIssues: [{ account: 'A1', effectiveFrom: d('2027-01-01'), effectiveTo: null, row: 4, cell: 'C4' }],
    });
    expect(run([{ account: 'A1' }], doubtful)[0]!.basis).toBe('covered');
  });
});

describe('where a line stands (§4)', () => {
  const at = (input: LineInput, who: 'insured' | 'self-pay' | 'unknown' = 'insured') => lineStanding(line(input), who);

  test('reason codes: group and number, several in a cell', () => {
    expect(reasonCodes('CO-45')).toEqual([{ group: 'CO', number: 45, text: 'CO-45' }]);
    expect(reasonCodes('45')).toEqual([{ group: null, number: 45, text: '45' }]);
    expect(reasonCodes('PR-1; CO-97').map((c) => [c.group, c.number])).toEqual([['PR', 1], ['CO', 97]]);
  });

  test('CO-45 or PR-1 on a paid line are not denials', () => {
    expect(at({ insurerPaid: '80.00', denialCode: 'CO-45' })).toBe('decided');
    expect(at({ insurerPaid: '0.00', adjustment: '400.00', denialCode: 'PR-1' })).toBe('decided');
  });

  test('a denial code with nothing paid: the office\'s to work; a PR-group denial: the patient\'s', () => {
    expect(at({ denialCode: 'CO-97' })).toBe('denied-office');
    expect(at({ denialCode: 'PR-96' })).toBe('denied-patient');
    expect(at({ denialCode: 'PR-204' })).toBe('denied-patient');
    expect(at({ status: 'denied' })).toBe('denied-office');
    // A denial code on a line the insurer paid is an adjustment explanation, not a denial.
    expect(at({ denialCode: 'CO-97', insurerPaid: '10.00' })).toBe('decided');
  });

  test('pending: a pending status, or no status, not self-pay and nothing posted', () => {
    expect(at({ status: 'pending' })).toBe('pending');
    expect(at({ status: 'appealed', denialCode: 'CO-50' })).toBe('pending');
    expect(at({})).toBe('pending');
    expect(at({}, 'unknown')).toBe('pending');
    expect(at({}, 'self-pay')).toBe('decided');
  });

  test('wholly to the deductible (insurer paid 0.00, adjustment posted, no status) is decided (issue 10, reproduction 2)', () => {
    expect(at({ insurerPaid: '0.00', adjustment: '400.00' })).toBe('decided');
  });

  test('a PR-group denial is billed as §5.2: the patient owes the charge', () => {
    const [r] = run([{ billed: '250.00', denialCode: 'PR-96' }], config({ plans: [plan()], coverage: [coverage()] }));
    expect(r).toMatchObject({ standing: 'denied-patient', basis: 'not-covered', patientShare: $('250.00'), insurerShare: 0 });
  });
});

describe('§5 step 10: the secondary acts as primary', () => {
  // Primary P1 excludes Cosmetic; secondary P2 (deductible 100.00, 10 %) covers it, with its own fee schedule.
  const cfg = config({
    plans: [plan({ planId: 'P1' }), plan({ planId: 'P2', payer: 'Beta Care', deductibleIndividual: '100.00', coinsurancePct: 10 })],
    benefits: [benefit({ planId: 'P1', category: 'Cosmetic', covered: false })],
    feeSchedule: [fee({ payer: '*', code: '15780', allowed: '900.00', category: 'Cosmetic' }), fee({ payer: 'P2', code: '15780', allowed: '500.00', category: 'Cosmetic' })],
    coverage: [coverage({ account: 'A1', planId: 'P1' }), coverage({ account: 'A1', planId: 'P2', priority: 'Secondary', row: 3 })],
  });

  test('the primary does not cover the service: the secondary\'s split, insurer share 0.00', () => {
    // Secondary's fee row 500.00 (billed 1,200.00): deductible 100.00, then 10 % × 400.00 = 40.00 → patient 140.00, secondary 360.00.
    const [r] = run([{ account: 'A1', code: '15780', billed: '1200.00' }], cfg);
    expect(r).toMatchObject({
      basis: 'covered', allowed: $('500.00'), contractual: $('700.00'), copay: 0, deductible: $('100.00'), coinsurance: $('40.00'),
      patientShare: $('140.00'), insurerShare: 0, secondaryShare: $('360.00'), primaryPlanId: 'P1', secondaryPlanId: 'P2',
    });
    expect(r!.feeRow?.payer).toBe('P2');
    expect(explainShares(r!)).toContain('secondary plan P2 pays as primary');
  });

  test('the secondary\'s accumulators grow, the primary\'s do not', () => {
    // Line 1 (Cosmetic) meets P2's 100.00 deductible; line 2, an office visit under P1 (allowed 200.00), still pays P1's deductible in full.
    const [, office] = run([
      { account: 'A1', code: '15780', billed: '1200.00', serviceDate: '2026-03-02' },
      { account: 'A1', code: '99213', billed: '200.00', serviceDate: '2026-03-03' },
    ], cfg);
    expect(office!.deductible).toBe($('200.00'));
  });

  test('the ledger\'s allowed is the secondary\'s allowed', () => {
    // Allowed 300.00 given: deductible 100.00, 10 % × 200.00 = 20.00 → patient 120.00, secondary 180.00.
    const [r] = run([{ account: 'A1', code: '15780', billed: '1200.00', allowed: '300.00' }], cfg);
    expect(r).toMatchObject({ allowed: $('300.00'), patientShare: $('120.00'), secondaryShare: $('180.00'), insurerShare: 0 });
  });

  test('covered by neither: §5.2, the patient owes the charge', () => {
    const neither: Config = { ...cfg, benefits: [...cfg.benefits, benefit({ planId: 'P2', category: 'Cosmetic', covered: false })] };
    const [r] = run([{ account: 'A1', code: '15780', billed: '1200.00' }], neither);
    expect(r).toMatchObject({ basis: 'not-covered', patientShare: $('1200.00'), insurerShare: 0, secondaryShare: 0, allowed: $('1200.00') });
  });
});
