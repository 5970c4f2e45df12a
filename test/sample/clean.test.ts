/**
 * A clean sample (problems: false) is fully consistent, checked from the
 * cells alone: arithmetic, payments equal to the expected shares, valid
 * codes, coverage on every date of service, nothing a rule could flag.
 */
import { generateSample, type GeneratedSample } from '../../tools/sample';
import { addDays, day, parseIso, type Day } from '../../src/domain/day';
import { CPT_OR_HCPCS, ICD10, MODIFIER, cents, dataRows, dateOf, postings, sheetObjects, type Row } from '../support/sampleRows';

const asOf = day(2026, 11, 1);

function check(s: GeneratedSample): void {
  const rows = dataRows(s);
  const expected = new Map(s.expected.map((e) => [e.row, e]));
  const patients = new Map(sheetObjects(s.config.Patients).map((p) => [String(p.Account), p]));
  const coverage = sheetObjects(s.config.Coverage);
  const maxUnits = new Map<string, number>();
  for (const f of sheetObjects(s.config.FeeSchedule)) if (typeof f.MaxUnitsPerDay === 'number') maxUnits.set(String(f.Code), f.MaxUnitsPerDay);
  const seen = new Set<string>();
  const unitsPerDay = new Map<string, number>();
  const accountBalance = new Map<string, number>();
  const problems: string[] = [];
  const fail = (r: Row, what: string): void => { problems.push(`row ${r.row}: ${what}`); };

  expect(expected.size).toBe(rows.length);
  for (const r of rows) {
    const e = expected.get(r.row)!;
    const { account, billed, allowed, adj, ins, sec, pt, bal, dos, posted } = postings(r);
    const dob = dateOf(r.get('dob'))!;
    const payer = r.get('payer');
    const insured = payer !== null && payer !== 'Self Pay';
    const share = Math.round(Number(e.patientShare) * 100);
    const patient = patients.get(account)!;

    for (const v of [billed, allowed, adj, ins, sec, pt, bal]) if (Number.isNaN(v)) fail(r, 'money cell unreadable');
    if (bal !== billed - adj - ins - sec - pt) fail(r, 'balance ≠ billed − adjustment − payments');
    if (bal !== share - pt) fail(r, 'balance ≠ patient share − patient paid');
    if (pt < 0 || pt > share) fail(r, 'patient paid outside 0..share');
    if (bal < 0) fail(r, 'negative line balance');
    if (e.billed !== (billed / 100).toFixed(2)) fail(r, 'expected billed differs from the cell');
    if (insured) {
      if (r.get('status') !== 'Paid') fail(r, 'insured line not adjudicated');
      if (!r.get('memberId')) fail(r, 'member id missing');
      if (ins !== Math.round(Number(e.insurerShare) * 100)) fail(r, 'insurer paid ≠ expected insurer share');
      if (sec !== Math.round(Number(e.secondaryShare) * 100)) fail(r, 'secondary paid ≠ expected secondary share');
      if (e.basis === 'covered') {
        if (allowed !== Math.round(Number(e.allowed) * 100)) fail(r, 'allowed ≠ expected allowed');
        if (adj !== billed - allowed!) fail(r, 'adjustment ≠ contractual');
      } else if (e.basis !== 'not-covered') fail(r, `insured line with basis ${e.basis}`);
      const cov = coverage.find((c) => String(c.Account) === account && c.Priority === 'Primary'
        && dateOf(c.EffectiveFrom ?? null)! <= dos && (c.EffectiveTo === null || dateOf(c.EffectiveTo ?? null)! >= dos));
      if (!cov) fail(r, 'no primary coverage on the date of service');
    } else {
      if (e.basis !== 'self-pay' || allowed !== null || ins !== 0) fail(r, 'self-pay line looks insured');
    }
    if (!CPT_OR_HCPCS.test(String(r.get('code')))) fail(r, 'invalid code');
    const dx = (['dx1', 'dx2', 'dx3', 'dx4'] as const).map((f) => r.get(f)).filter((v) => v !== null);
    if (dx.length === 0 || r.get('dx1') === null) fail(r, 'no diagnosis');
    for (const d of dx) if (!ICD10.test(String(d))) fail(r, `invalid diagnosis ${String(d)}`);
    for (const m of [r.get('mod1'), r.get('mod2')]) if (m !== null && !MODIFIER.test(String(m))) fail(r, 'invalid modifier');
    const units = r.get('units') as number;
    const dayKey = `${account}|${dos}|${String(r.get('code'))}`;
    unitsPerDay.set(dayKey, (unitsPerDay.get(dayKey) ?? 0) + units);
    const max = maxUnits.get(String(r.get('code')));
    if (max !== undefined && unitsPerDay.get(dayKey)! > max) fail(r, 'units over the daily maximum');
    const dupKey = [account, dos, r.get('code'), r.get('mod1'), r.get('mod2'), units, billed].join('|');
    if (seen.has(dupKey)) fail(r, 'duplicate charge');
    seen.add(dupKey);
    if (posted < dos) fail(r, 'posted before service');
    if (!(dos > dob) || dos > asOf) fail(r, 'date of service outside DOB..asOf');
    const age = asOf - dos;
    const onPlan = patient.OnPaymentPlan === 'Y';
    if (age < 20 || age > (onPlan ? 205 : 100)) fail(r, `date of service ${age} days old`);
    if (age > 120 && bal > 0 && !onPlan) fail(r, 'old patient balance without a payment plan');
    if (parseIso(e.serviceDate) !== dos) fail(r, 'expected date differs from the cell');
    accountBalance.set(account, (accountBalance.get(account) ?? 0) + bal);
  }
  for (const [account, total] of accountBalance) if (total < 0) problems.push(`account ${account}: credit balance`);
  expect(problems).toEqual([]);
}

describe('clean sample consistency (from the cells)', () => {
  test.each([1, 2, 3])('seed %i, 1,500 lines', (seed) => {
    const s = generateSample({ seed, lines: 1500, asOf, problems: false });
    expect(s.injected).toEqual([]);
    expect(s.ledger.rows).toHaveLength(1500);
    check(s);
  });

  test('a different as-of date moves every line with it', () => {
    const other = day(2025, 3, 15);
    const s = generateSample({ seed: 4, lines: 300, asOf: other, problems: false });
    for (const r of dataRows(s)) {
      const dos = dateOf(r.get('serviceDate')) as Day;
      expect(dos <= addDays(other, -20) && dos >= addDays(other, -205)).toBe(true);
    }
  });

  test('realism: several payers, families, secondary coverage, self-pay, text cells', () => {
    const s = generateSample({ seed: 11, lines: 1500, asOf, problems: false });
    const rows = dataRows(s);
    const payers = new Set(rows.map((r) => r.get('payer')));
    for (const p of ['Aetna', 'Blue Cross', 'UnitedHealthcare', 'Cigna', 'Medicare', 'Self Pay']) expect(payers).toContain(p);
    const cov = sheetObjects(s.config.Coverage);
    const families = new Map<string, number>();
    for (const c of cov) if (c.FamilyId) families.set(String(c.FamilyId), (families.get(String(c.FamilyId)) ?? 0) + 1);
    expect([...families.values()].some((n) => n >= 3)).toBe(true);
    expect(cov.some((c) => c.Priority === 'Secondary')).toBe(true);
    expect(rows.some((r) => (cents(r.get('secondaryPaid')) ?? 0) > 0)).toBe(true);
    expect(rows.some((r) => typeof r.get('serviceDate') === 'string')).toBe(true);
    expect(rows.some((r) => typeof r.get('billed') === 'string')).toBe(true);
    const codes = new Set(rows.map((r) => r.get('code')));
    for (const c of ['99213', '36415', '98940', 'J1100']) expect(codes).toContain(c);
    expect(s.expected.some((e) => e.basis === 'not-covered')).toBe(true);
    expect(s.expected.some((e) => e.deductible !== '0.00') && s.expected.some((e) => e.coinsurance !== '0.00')).toBe(true);
  });
});
