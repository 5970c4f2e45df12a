/**
 * Statements, hand-worked. As-of 2026-06-30; due 30 days later (2026-07-30).
 * Ages (days from service date to 2026-06-30): Jun 15 → 15; May 1 → 31 + 29 = 60;
 * Apr 1 → 30 + 31 + 29 = 90; Mar 1 → 31 + 30 + 31 + 29 = 121.
 */
import { buildStatements, statementToJson as toJson, type Statement } from '../../../src/domain/statements/statement';
import { statementLines } from '../../../src/domain/statements/lineAmounts';
import { $, config, d, inSheetOrder, line, patient } from '../../support/builders';
import { shareFor, workbook } from '../../support/statementShares';
import type { LedgerLine } from '../../../src/domain/ledger';
import type { Config } from '../../../src/domain/config';
import type { LineShares } from '../../../src/domain/shareTypes';

const asOf = d('2026-06-30');

/** The ledger lines and shares each statement was built from: its linePositions index them. */
const builtFrom = new WeakMap<Statement, { lines: readonly LedgerLine[]; shares: readonly LineShares[] }>();

function run(lines: LedgerLine[], patientShares: (string | null)[], cfg: Config = config()): Statement[] {
  const ls = inSheetOrder(lines);
  const shares = ls.map((l, i) => shareFor(l, patientShares[i] ?? null));
  const out = buildStatements({ ledger: workbook(ls), shares, config: cfg, asOf });
  for (const s of out) builtFrom.set(s, { lines: ls, shares });
  return out;
}

const statementToJson = (s: Statement) => toJson(s, builtFrom.get(s)!.lines, builtFrom.get(s)!.shares);
const rowsOf = (s: Statement) => statementLines(s, builtFrom.get(s)!.lines, builtFrom.get(s)!.shares);

const a100 = (): LedgerLine[] => [
  // 1: paid by insurance; patient share 40.00, paid 10.00 → 30.00 (current)
  line({ account: 'A100', serviceDate: '2026-06-15', code: '99213', description: 'Office visit', billed: '200.00', insurerPaid: '120.00', adjustment: '40.00', patientPaid: '10.00', status: 'paid' }),
  // 2: denied as the patient's responsibility (PR group, DESIGN §4); patient owes all 150.00 (31–60)
  line({ account: 'A100', serviceDate: '2026-05-01', code: '80053', billed: '150.00', insurerPaid: '0.00', status: 'denied', denialCode: 'PR-96' }),
  // 3: self-pay 80.00 (over 120)
  line({ account: 'A100', serviceDate: '2026-03-01', code: '99212', billed: '80.00', payer: null }),
  // 4: still pending with insurance: listed, not billed
  line({ account: 'A100', serviceDate: '2026-06-20', code: '71046', billed: '300.00', status: 'pending' }),
  // 5: patient overpaid: share 20.00, paid 50.00 → −30.00 credit, applied to the oldest open balance (line 3)
  line({ account: 'A100', serviceDate: '2026-04-01', code: '36415', billed: '20.00', insurerPaid: '0.00', status: 'paid', patientPaid: '50.00' }),
];
const a100Shares = ['40.00', '150.00', '80.00', '300.00', '20.00'];

describe('a bill, hand-worked', () => {
  // amountDue = 30.00 + 150.00 + 80.00 − 30.00 = 230.00 (the pending line is left out)
  // aging after the 30.00 credit comes off line 3 (80 → 50): current 30, 31–60 150, over 120 50
  const [s] = run(a100(), a100Shares, config({ patients: [patient({ account: 'A100', name: 'Pat Example' })], policy: { practiceName: 'Main Street Clinic', practiceAddress: '9 Elm St, Springfield IL 62701', practicePhone: '555-0100' } }));

  test('amount due, due date, one bill', () => {
    expect(s).toBeDefined();
    expect(s!.kind).toBe('statement');
    expect(s!.amountDue).toBe($('230.00'));
    expect(statementToJson(s!)).toMatchObject({ account: 'A100', statementDate: '2026-06-30', dueDate: '2026-07-30', amountDue: '230.00' });
  });

  test('aging buckets (credit applied to the oldest) sum to the amount due', () => {
    expect(statementToJson(s!).aging).toEqual({ current: '30.00', '31-60': '150.00', '61-90': '0.00', '91-120': '0.00', over120: '50.00' });
  });

  test('lines in service-date order; each billed row and the totals foot', () => {
    const j = statementToJson(s!);
    expect(j.lines.map((l) => l.serviceDate)).toEqual(['2026-03-01', '2026-04-01', '2026-05-01', '2026-06-15', '2026-06-20']);
    expect(j.lines.map((l) => l.patientBalance)).toEqual(['80.00', '-30.00', '150.00', '30.00', '0.00']);
    // Office visit: 200.00 − 120.00 insurance − 40.00 adjustments − 10.00 paid = 30.00
    expect(j.lines[3]).toMatchObject({ charge: '200.00', insurancePaid: '120.00', adjustments: '40.00', patientPaid: '10.00', patientBalance: '30.00', description: 'Office visit', code: '99213' });
    // totals over billed lines: charges 80 + 20 + 150 + 200 = 450; insurance 120; patient paid 60; adjustments 40 → 450 − 120 − 40 − 60 = 230
    expect(j.totals).toEqual({ charges: '450.00', insurancePaid: '120.00', adjustments: '40.00', patientPaid: '60.00', patientBalance: '230.00' });
  });

  test('the pending line is listed as such and not billed', () => {
    const p = rowsOf(s!).find((l) => l.code === '71046')!;
    expect(p).toMatchObject({ pending: true, note: 'Pending with insurance', patientBalance: 0, charge: $('300.00') });
    expect(s!.pendingLines).toBe(1);
    expect(s!.pendingCharges).toBe($('300.00'));
  });

  test('the balance arose 121 days ago (the self-pay line\'s service date) → final notice', () => {
    expect(s!.oldestOpenDays).toBe(121);
    expect(s!.balanceSince).toBe(d('2026-03-01'));
    expect(statementToJson(s!)).toMatchObject({ balanceSince: '2026-03-01', stage: 'final-notice' });
    expect(s!.dunningStage).toBe('final-notice');
    expect(s!.message).toMatch(/^Final notice: .*\$230\.00.*07\/30\/2026.*555-0100/);
  });

  test('practice, patient, remittance stub', () => {
    const j = statementToJson(s!);
    expect(j.practice).toEqual({ name: 'Main Street Clinic', address: '9 Elm St, Springfield IL 62701', phone: '555-0100' });
    expect(j.patient).toMatchObject({ name: 'Pat Example', address1: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701', addressMissing: false });
    expect(j.remittance).toEqual({ account: 'A100', patientName: 'Pat Example', amountDue: '230.00', dueDate: '2026-07-30', payToName: 'Main Street Clinic', payToAddress: '9 Elm St, Springfield IL 62701' });
    expect(j.insurance).toEqual([{ payer: 'Acme Health', planId: null, memberId: 'M1', priority: null }]);
  });

  test('payment options: 3 and 6 payments (12 would be under 25.00); no income → how to apply', () => {
    // 230.00 / 3 = 76.666… → 76.67, last 230 − 153.34 = 76.66; / 6 → 38.34, last 38.30; / 12 → 19.17 < 25
    const j = statementToJson(s!);
    expect(j.planOptions).toEqual([
      { kind: 'equal', months: 3, monthlyPayment: '76.67', lastPayment: '76.66', total: '230.00' },
      { kind: 'equal', months: 6, monthlyPayment: '38.34', lastPayment: '38.30', total: '230.00' },
    ]);
    expect(j.assistanceNotice).toMatchObject({ kind: 'apply', fplPercent: null });
    expect(j.assistanceNotice!.message).toMatch(/^Financial assistance .*300% .*555-0100/);
  });
});

describe('accounts, thresholds and notices', () => {
  test('a credit-balance account gets a refund notice, nothing due', () => {
    // share 20.00, paid 45.00 → credit 25.00
    const [s] = run([line({ account: 'B200', billed: '100.00', insurerPaid: '80.00', status: 'paid', patientPaid: '45.00' })], ['20.00']);
    expect(s).toMatchObject({ kind: 'refund-notice', amountDue: 0, creditBalance: $('25.00'), planOptions: [], dunningStage: null });
    expect(s!.message).toMatch(/^Credit balance: you have paid \$25\.00 more/);
    expect(statementToJson(s!).aging).toEqual({ current: '0.00', '31-60': '0.00', '61-90': '0.00', '91-120': '0.00', over120: '0.00' });
  });

  test('a balance under MinStatementBalance gets no bill; exactly the minimum does', () => {
    const mk = (acct: string) => line({ account: acct, billed: '100.00', insurerPaid: '90.00', status: 'paid' });
    const ss = run([mk('C1'), mk('C2'), mk('C3')], ['4.99', '5.00', '0.00']);
    expect(ss.map((s) => s.account)).toEqual(['C2']);
  });

  test('an account with only pending lines gets nothing', () => {
    expect(run([line({ account: 'P1', billed: '500.00' })], ['100.00'])).toEqual([]); // no insurer payment, no status → pending
  });

  // DESIGN §4 (revised): only a PR-group denial is the patient's to pay; any other is the office's to work, not billed.
  test('appealed lines are pending; a PR denial is billed, an office denial listed but not billed', () => {
    const ss = run([
      line({ account: 'D1', billed: '100.00', status: 'appealed', insurerPaid: '0.00' }),
      line({ account: 'D1', billed: '60.00', denialCode: 'PR-204' }),
      line({ account: 'D1', billed: '40.00', denialCode: 'CO-50' }),
    ], ['100.00', '60.00', '40.00']);
    expect(ss[0]!.amountDue).toBe($('60.00'));
    expect(rowsOf(ss[0]!).map((l) => [l.charge, l.pending, l.note])).toEqual([
      [$('100.00'), true, 'Pending with insurance'],
      [$('60.00'), false, null],
      [$('40.00'), true, 'Denied by insurance: our office is working on it'],
    ]);
  });

  test('no patient share (no configuration): the ledger balance, else billed − adjustment − payments', () => {
    const ss = run([
      line({ account: 'E1', billed: '100.00', insurerPaid: '70.00', status: 'paid', balance: '12.50' }),
      // 250.00 − 100.00 adj − 120.00 ins − 0.00 sec − 10.00 pt = 20.00
      line({ account: 'E1', billed: '250.00', insurerPaid: '120.00', adjustment: '100.00', patientPaid: '10.00' }),
    ], [null, null]);
    expect(ss[0]!.amountDue).toBe($('32.50'));
    expect(rowsOf(ss[0]!).map((l) => l.balanceSource)).toEqual(['ledger-balance', 'computed']);
  });

  test('no Patients row: still a bill, address blank and flagged; name from the ledger', () => {
    const [s] = run([line({ account: 'F1', patientName: 'Lee Ledger', billed: '50.00', payer: null })], ['50.00']);
    expect(s!.patient).toMatchObject({ name: 'Lee Ledger', address1: null, city: null, addressMissing: true, patientsRow: null });
    expect(s!.flags[0]).toMatch(/^No Patients row/);
  });

  test('income on file within a tier: may qualify, with the income-based plan among the options', () => {
    // 2026 (due 2026-07-30), size 3, 48 states: G = 15,960 + 2 × 5,680 = 27,320; 2,000.00 × 12 = 24,000 → 87.85 % → 100 % off
    const cfg = config({ patients: [patient({ account: 'G1', monthlyIncome: '2000.00', householdSize: 3 })] });
    const [s] = run([line({ account: 'G1', billed: '400.00', payer: null })], ['400.00'], cfg);
    const j = statementToJson(s!);
    expect(j.assistanceNotice).toMatchObject({ kind: 'may-qualify', fplPercent: 87.85, discountPct: 100, estimatedDiscount: '400.00' });
    expect(j.assistanceNotice!.message).toMatch(/^You may qualify/);
    expect(j.planOptions.map((o) => o.kind)).toEqual(['equal', 'equal', 'equal', 'income-based']);
    expect(j.planOptions[3]).toMatchObject({ months: 0, monthlyPayment: '0.00', balanceAfterAssistance: '0.00', firstDueDate: '2026-07-30' });
    expect(j.amountDue).toBe('400.00'); // before any discount
  });

  test('income above every tier: no assistance notice', () => {
    const cfg = config({ patients: [patient({ account: 'H1', monthlyIncome: '10000.00', householdSize: 1 })] });
    const [s] = run([line({ account: 'H1', billed: '400.00', payer: null })], ['400.00'], cfg);
    expect(s!.assistanceNotice).toBeNull();
  });

  test('stage counts from when the balance arose; aging from the service date (DESIGN §7, §8)', () => {
    // Served 2026-03-01 (121 days: over 120), the insurer posted 2026-06-10 (20 days: first statement).
    const [s] = run([line({ account: 'M1', serviceDate: '2026-03-01', insurerPostedOn: '2026-06-10', billed: '100.00', insurerPaid: '70.00', status: 'paid' })], ['30.00']);
    expect(statementToJson(s!)).toMatchObject({ amountDue: '30.00', balanceSince: '2026-06-10', stage: 'first-statement' });
    expect(statementToJson(s!).aging.over120).toBe('30.00');
    // A line fully paid does not hold balanceSince back: only lines still owed count.
    const [t] = run([
      line({ account: 'M2', serviceDate: '2026-01-05', billed: '50.00', payer: null, patientPaid: '50.00' }),
      line({ account: 'M2', serviceDate: '2026-05-20', billed: '50.00', payer: null }),
    ], ['50.00', '50.00']);
    expect(statementToJson(t!)).toMatchObject({ amountDue: '50.00', balanceSince: '2026-05-20', stage: 'reminder' });
  });

  test('dunning stage and aging bucket boundaries', () => {
    const at = (dos: string) => run([line({ account: 'K1', serviceDate: dos, billed: '50.00', payer: null })], ['50.00'])[0]!;
    // 2026-05-31 → 30 days; 05-30 → 31; 05-01 → 60; 04-30 → 61; 04-01 → 90; 03-31 → 91; 03-02 → 120; 03-01 → 121
    expect([at('2026-05-31'), at('2026-05-30'), at('2026-05-01'), at('2026-04-30'), at('2026-04-01'), at('2026-03-31')].map((s) => s.dunningStage))
      .toEqual(['first-statement', 'reminder', 'reminder', 'past-due', 'past-due', 'final-notice']);
    const bucket = (dos: string) => Object.entries(statementToJson(at(dos)).aging).find(([, v]) => v !== '0.00')![0];
    expect(['2026-05-31', '2026-05-30', '2026-05-01', '2026-04-30', '2026-04-01', '2026-03-31', '2026-03-02', '2026-03-01', '2026-07-15'].map(bucket))
      .toEqual(['current', '31-60', '31-60', '61-90', '61-90', '91-120', '91-120', 'over120', 'current']);
  });

  test('statements come in account order (numbers compared as numbers)', () => {
    const mk = (a: string) => line({ account: a, billed: '50.00', payer: null });
    expect(run([mk('A10'), mk('A2'), mk('B1')], ['50.00', '50.00', '50.00']).map((s) => s.account)).toEqual(['A2', 'A10', 'B1']);
  });
});

describe('statementToJson and cell safety', () => {
  test('the DESIGN §7 fields come first with exact aging keys', () => {
    const [s] = run(a100(), a100Shares);
    const j = statementToJson(s!);
    expect(Object.keys(j).slice(0, 7)).toEqual(['account', 'statementDate', 'dueDate', 'amountDue', 'balanceSince', 'stage', 'aging']);
    expect(Object.keys(j.aging)).toEqual(['current', '31-60', '61-90', '91-120', 'over120']);
  });

  test('no text starts with = + - @ even when the ledger or Patients sheet does', () => {
    const cfg = config({ patients: [patient({ account: 'Z1', name: '@SUM(A1)', address1: '=HYPERLINK("x")', city: '+1', zip: '-9' })], policy: { practiceName: '=cmd' } });
    const [s] = run([line({ account: 'Z1', description: '-2+3', billed: '50.00', payer: null })], ['50.00'], cfg);
    const j = statementToJson(s!);
    const texts: string[] = [];
    const walk = (v: unknown, key: string): void => {
      if (typeof v === 'string') { if (!/^-?\d+\.\d\d$/.test(v) || !/amount|charge|paid|adjust|balance|total|payment|discount|credit/i.test(key)) texts.push(v); }
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(j, '');
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) expect(t).not.toMatch(/^[=+\-@\t\r]/);
    expect(j.patient.name).toBe("'@SUM(A1)");
  });
});
