/**
 * Issue 10's reproductions, on the findings and statements side, with
 * shares built by hand as adjudication decides them (DESIGN §4).
 */
import { $, config, line } from '../../support/builders';
import { d, fired, handShares, mapping, run, shares, sheet, workbook } from '../../support/findings';
import { findDiscrepancies } from '../../../src/domain/findings';
import { buildStatements, statementToJson } from '../../../src/domain/statements/statement';
import type { ColumnMapping } from '../../../src/domain/ledger';
import type { LineShares } from '../../../src/domain/shareTypes';
import { lineStanding } from '../../../src/domain/lineStanding';


const SHARE_RULES = ['INSURER_UNDERPAID', 'INSURER_OVERPAID', 'PATIENT_OVERPAID', 'PATIENT_OVERBILLED', 'ALLOWED_MISMATCH', 'NO_COVERAGE_ON_DOS', 'MISSING_MEMBER_ID', 'TIMELY_FILING_RISK'];

describe('issue 10 item 1: no Payer column, no configuration (coverage unknown)', () => {
  // Account,DOS,CPT,Charge,Ins Paid,Pt Paid,Balance / 1,03/02/2026,99213,100,60,20,20 as of 2026-04-01
  const bare: ColumnMapping = {
    fields: { account: ['A'], serviceDate: ['B'], code: ['C'], billed: ['D'], insurerPaid: ['E'], patientPaid: ['F'], balance: ['G'] },
    unmapped: {}, confidence: 1,
  };
  const l = line({
    index: 0, row: 2, account: '1', serviceDate: '2026-03-02', code: '99213', billed: '100.00', insurerPaid: '60.00', patientPaid: '20.00',
    balance: '20.00', payer: null, memberId: null, diagnoses: [],
    cells: { account: 'A2', serviceDate: 'B2', code: 'C2', billed: 'D2', insurerPaid: 'E2', patientPaid: 'F2', balance: 'G2' },
  });
  // §4.3: coverage unknown, every share field null; an insurer payment is posted, so the line is decided.
  const s = handShares(l, { whoPays: 'unknown', basis: 'unknown' });
  const input = { ledger: workbook([l], bare), shares: [s], config: config(), asOf: d('2026-04-01') };

  it('adjudication\'s standing for it is decided', () => {
    expect(s.standing).toBe('decided');
    expect(lineStanding(l, 'unknown')).toBe('decided');
  });

  it('gives no INSURER_OVERPAID, and no rule that needs shares or coverage fires', () => {
    const fs = findDiscrepancies(input);
    expect(fs.filter((f) => f.severity !== 'info' && SHARE_RULES.includes(f.rule))).toEqual([]);
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('bills 20.00: the balance, i.e. the patient\'s part (balance + paid = 40.00) less the 20.00 paid', () => {
    const [st] = buildStatements(input);
    expect(statementToJson(st!, [l], [s])).toMatchObject({ account: '1', amountDue: '20.00', balanceSince: '2026-03-02', stage: 'first-statement' });
  });
});

describe('issue 10 item 2: a line wholly to the deductible (insurer paid 0.00, adjustment posted, no Status column)', () => {
  const noStatus = mapping(['status', 'denialCode']);
  // billed 150.00, allowed 90.00: contractual 60.00 adjusted, insurer 0.00, the 90.00 all to the deductible.
  const l = line({ index: 0, row: 2, serviceDate: '2025-11-03', billed: '150.00', insurerPaid: '0.00', adjustment: '60.00', balance: '90.00' });
  const s = handShares(l, { patientShare: '90.00', insurerShare: '0.00', allowed: '90.00' });

  it('is decided, so no TIMELY_FILING_RISK however old it is', () => {
    expect(s.standing).toBe('decided');
    const fs = findDiscrepancies({ ledger: workbook([l], noStatus), shares: [s], config: config(), asOf: d('2026-04-01') });
    expect(fired(fs, 'TIMELY_FILING_RISK')).toEqual([]);
    expect(fired(fs, 'INSURER_UNDERPAID')).toEqual([]);
  });

  it('is billed to the patient: 90.00', () => {
    const [st] = buildStatements({ ledger: workbook([l], noStatus), shares: [s], config: config(), asOf: d('2026-04-01') });
    expect(st!.amountDue).toBe($('90.00'));
  });
});

describe('where a line stands (DESIGN §4): pending, denied for the office, denied for the patient, decided', () => {
  const asOf = '2026-05-15'; // DOS 2026-03-02 + 90 = 2026-05-31: 16 days left
  const lines = sheet(
    { account: 'P', billed: '100.00' }, // nothing posted: pending
    { account: 'O', billed: '100.00', status: 'denied', denialCode: 'CO-16' }, // the office's to work
    { account: 'R', billed: '100.00', denialCode: 'PR-96', insurerPaid: '0.00' }, // the patient's to pay
    { account: 'C', billed: '100.00', denialCode: 'CO-45', insurerPaid: '70.00', adjustment: '10.00', balance: '20.00' }, // paid: not a denial
    { account: 'D', billed: '100.00', denialCode: 'PR-1', insurerPaid: '0.00', adjustment: '20.00', balance: '80.00' }, // deductible: not a denial
  );
  const sh: LineShares[] = lines.map((l) => handShares(l));

  it('adjudication puts each where §4 says', () => {
    expect(sh.map((s) => s.standing)).toEqual(['pending', 'denied-office', 'denied-patient', 'decided', 'decided']);
  });

  it('TIMELY_FILING_RISK looks at the pending line only; DENIED_UNWORKED at the office\'s denial only', () => {
    const fs = run(lines, { asOf });
    expect(fired(fs, 'TIMELY_FILING_RISK').map((f) => f.account)).toEqual(['P']);
    expect(fired(fs, 'DENIED_UNWORKED').map((f) => f.account)).toEqual(['O']);
  });

  it('statements bill the PR denial and the decided lines, not the pending line nor the office\'s denial', () => {
    const out = buildStatements({ ledger: workbook(lines), shares: sh, config: config(), asOf: d(asOf) });
    expect(out.map((s) => [s.account, statementToJson(s, lines, sh).amountDue])).toEqual([['C', '20.00'], ['D', '80.00'], ['R', '100.00']]);
  });

  it('a line served long ago whose balance arose when the insurer posted: stage counts from that day', () => {
    const late = sheet({ account: 'L', serviceDate: '2025-12-01', insurerPostedOn: '2026-05-01', insurerPaid: '70.00', status: 'paid', balance: '30.00' });
    const sh2 = late.map((l) => handShares(l));
    const [st] = buildStatements({ ledger: workbook(late), shares: sh2, config: config(), asOf: d(asOf) });
    expect(statementToJson(st!, late, sh2)).toMatchObject({ amountDue: '30.00', balanceSince: '2026-05-01', stage: 'first-statement' });
    // Aging still counts from the service date: 165 days → over 120.
    expect(statementToJson(st!, late, sh2).aging.over120).toBe('30.00');
  });
});

describe('findings on a line whose coverage is unknown (property over hand-made shares)', () => {
  it('never fire a rule that needs shares or coverage', () => {
    const many = sheet(
      { insurerPaid: '500.00', patientPaid: '90.00', balance: '-490.00', allowed: '10.00', memberId: null },
      { status: 'pending', serviceDate: '2025-01-01' },
      { insurerPaid: '1.00', balance: '99.00', patientPaid: '0.00' },
    );
    const unknown = many.map((_, i) => shares(i, { whoPays: 'unknown', basis: 'no-coverage', insurerShare: '0.00', patientShare: '0.00', feeScheduleAllowed: '80.00' }));
    const fs = run(many, { shares: unknown, config: config({ feeSchedule: [], coverage: [], present: ['FeeSchedule', 'Coverage'] }) });
    expect(fs.filter((f) => f.severity !== 'info' && SHARE_RULES.includes(f.rule))).toEqual([]);
  });
});

