/**
 * Injected problems: every one is recorded where it is, points at the cell
 * at fault, and — checked from the cells plus the sample's own oracle —
 * trips its own rule and no other rule's condition on that line.
 */
import { generateSample, SampleAdjudicator, type GeneratedSample, type InjectedKind, type SampleField } from '../../tools/sample';
import { RULE_IDS } from '../../src/domain/findingTypes';
import { day, type Day } from '../../src/domain/day';
import type { Cents } from '../../src/domain/money';
import { CPT_OR_HCPCS, ICD10, MODIFIER, a1Column, a1Row, cents, dataRows, dateOf, isBlankRow, postings, isTotalRow, sheetObjects, type Row } from '../support/sampleRows';

const asOf = day(2026, 11, 1);

/** The column a finding for each kind points at. */
const FIELD_OF: Record<InjectedKind, readonly SampleField[]> = {
  INSURER_UNDERPAID: ['insurerPaid'], INSURER_OVERPAID: ['insurerPaid'], PATIENT_OVERPAID: ['patientPaid'],
  PATIENT_OVERBILLED: ['balance'], BALANCE_MISMATCH: ['balance'], DUPLICATE_CHARGE: ['billed'],
  INVALID_PROCEDURE_CODE: ['code'], INVALID_DIAGNOSIS_CODE: ['dx1', 'dx2', 'dx3', 'dx4'], INVALID_MODIFIER: ['mod1'],
  MISSING_DIAGNOSIS: ['dx1'], UNITS_OVER_LIMIT: ['units'], ALLOWED_MISMATCH: ['allowed'], NO_COVERAGE_ON_DOS: ['payer'],
  MISSING_MEMBER_ID: ['memberId'], DATE_ERROR: ['serviceDate'], TIMELY_FILING_RISK: ['serviceDate'], DENIED_UNWORKED: ['denialCode'],
  COLLECTIONS_CANDIDATE: ['balance'], CREDIT_BALANCE: ['balance'], JUNK_CELL: ['billed'], BAD_DATE: ['serviceDate'],
  MONEY_3_DECIMALS: ['billed'], TOTAL_ROW: ['account'], BLANK_ROW: [],
};

describe('injected problems', () => {
  const samples = [1, 2, 3, 4, 5].map((seed) => generateSample({ seed, lines: 300, asOf, problems: true }));

  test.each(samples.map((s) => [s.seed, s] as const))('seed %i at 300 lines: all 19 rule ids are injected', (_seed, s) => {
    const kinds = new Set(s.injected.map((i) => i.kind));
    for (const id of RULE_IDS) expect(kinds).toContain(id);
    for (const k of ['JUNK_CELL', 'BAD_DATE', 'MONEY_3_DECIMALS', 'TOTAL_ROW', 'BLANK_ROW']) expect(kinds).toContain(k);
  });

  test.each(samples.map((s) => [s.seed, s] as const))('seed %i: rows and cells point where the problem is', (_seed, s) => {
    const rows = new Map(dataRows(s).map((r) => [r.row, r]));
    for (const inj of s.injected) {
      const r = rows.get(inj.row);
      expect(r).toBeDefined();
      if (inj.kind === 'BLANK_ROW') {
        expect(isBlankRow(r!)).toBe(true);
        continue;
      }
      expect(inj.cell).toBeDefined();
      expect(a1Row(inj.cell!)).toBe(inj.row);
      const cols = FIELD_OF[inj.kind].map((f) => s.ledger.columns[f]);
      expect(cols).toContain(a1Column(inj.cell!));
      const value = r!.cells[a1Column(inj.cell!) - 1] ?? null;
      if (inj.kind === 'TOTAL_ROW') expect(isTotalRow(r!)).toBe(true);
      else expect(r!.get('account')).toBe(inj.account);
      if (inj.kind === 'JUNK_CELL') expect(Number.isNaN(cents(value))).toBe(true);
      if (inj.kind === 'MONEY_3_DECIMALS') expect(typeof value === 'number' && Number.isNaN(cents(value))).toBe(true);
      if (inj.kind === 'BAD_DATE') expect(typeof value === 'string' && dateOf(value) === null).toBe(true);
      if (inj.kind === 'INVALID_PROCEDURE_CODE') expect(CPT_OR_HCPCS.test(String(value))).toBe(false);
      if (inj.kind === 'INVALID_DIAGNOSIS_CODE') expect(ICD10.test(String(value))).toBe(false);
      if (inj.kind === 'INVALID_MODIFIER') expect(MODIFIER.test(String(value))).toBe(false);
      if (inj.kind === 'MISSING_DIAGNOSIS' || inj.kind === 'MISSING_MEMBER_ID') expect(value).toBeNull();
    }
    // One problem per row (blank and total rows aside).
    const lineRows = s.injected.filter((i) => i.kind !== 'BLANK_ROW' && i.kind !== 'TOTAL_ROW').map((i) => i.row);
    expect(new Set(lineRows).size).toBe(lineRows.length);
    expect(s.counts.rowsRead).toBe(s.counts.linesAnalyzed + s.counts.excludedRows + s.counts.blankRows + s.counts.totalRows);
  });

  test.each(samples.map((s) => [s.seed, s] as const))('seed %i: each problem trips only its own rule', (_seed, s) => {
    expect(violations(s)).toEqual([]);
  });

  test('a multi-chunk sample (6,000 lines) keeps the same guarantees', () => {
    const s = generateSample({ seed: 77, lines: 6000, asOf, problems: true });
    expect(s.counts.chargeLines).toBe(6000);
    expect(violations(s)).toEqual([]);
    const kinds = new Set(s.injected.map((i) => i.kind));
    for (const id of RULE_IDS) expect(kinds).toContain(id);
    expect(s.injected.filter((i) => i.kind === 'TOTAL_ROW')).toHaveLength(1);
    expect(s.counts.rowsRead).toBe(s.counts.linesAnalyzed + s.counts.excludedRows + s.counts.blankRows + s.counts.totalRows);
    // Rows are recorded in order and accounts ascend through the sheet.
    const rows = s.injected.map((i) => i.row);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    const accounts = dataRows(s).filter((r) => !isBlankRow(r) && !isTotalRow(r)).map((r) => Number(r.get('account')));
    expect(accounts.every((a, i) => i === 0 || a >= accounts[i - 1]!)).toBe(true);
  });

  test('transaction kind: same problems except the three that need Allowed / Balance columns', () => {
    const s = generateSample({ seed: 3, lines: 300, asOf, problems: true, kind: 'transaction' });
    const kinds = new Set(s.injected.map((i) => i.kind));
    for (const id of RULE_IDS) {
      if (id === 'ALLOWED_MISMATCH' || id === 'BALANCE_MISMATCH' || id === 'PATIENT_OVERBILLED') expect(kinds).not.toContain(id);
      else expect(kinds).toContain(id);
    }
    const types = new Set(s.ledger.rows.map((r) => r[s.ledger.columns.type! - 1]));
    for (const t of ['Charge', 'Ins Pmt', 'Pt Pmt']) expect(types).toContain(t);
    expect(s.ledger.rows.some((r) => typeof r[s.ledger.columns.amount! - 1] === 'number' && (r[s.ledger.columns.amount! - 1] as number) < 0)).toBe(true);
    const charges = s.ledger.rows.filter((r) => r[s.ledger.columns.type! - 1] === 'Charge' || r[s.ledger.columns.type! - 1] === 'Chg');
    expect(charges).toHaveLength(s.counts.chargeLines);
  });
});

/**
 * Rule conditions as a reviewer reads DESIGN §7, evaluated on every line.
 * Returns each condition that holds on a line not injected with that rule,
 * and each injected rule whose condition does not hold where it was put.
 */
function violations(s: GeneratedSample): string[] {
  const rows = dataRows(s).filter((r) => !isBlankRow(r) && !isTotalRow(r));
  const injectedAt = new Map<number, InjectedKind>();
  for (const i of s.injected) if (i.kind !== 'BLANK_ROW' && i.kind !== 'TOTAL_ROW') injectedAt.set(i.row, i.kind);
  const excluded = new Set(['JUNK_CELL', 'BAD_DATE', 'MONEY_3_DECIMALS']);
  const lines = rows.filter((r) => !excluded.has(injectedAt.get(r.row) ?? ''));
  const patients = new Map(sheetObjects(s.config.Patients).map((p) => [String(p.Account), p]));
  const coverageMemberId = new Set<string>();
  for (const c of sheetObjects(s.config.Coverage)) if (c.MemberId) coverageMemberId.add(String(c.Account));
  const maxUnits = new Map<string, number>();
  for (const f of sheetObjects(s.config.FeeSchedule)) if (typeof f.MaxUnitsPerDay === 'number') maxUnits.set(String(f.Code), f.MaxUnitsPerDay);

  // Shares for every analysed line, as an engine would compute them from these cells.
  const oracleLines = lines.map((r) => ({
    account: String(r.get('account')), serviceDate: dateOf(r.get('serviceDate'))!, code: String(r.get('code')),
    modifiers: [r.get('mod1'), r.get('mod2')].filter((m): m is string => typeof m === 'string'),
    units: r.get('units') as number, billed: cents(r.get('billed'))! as Cents,
    allowed: cents(r.get('allowed')) as Cents | null, payer: r.get('payer') as string | null,
  }));
  const shares = new SampleAdjudicator(s.typedConfig, s.typedConfig.coverage, s.asOf).adjudicateAll(oracleLines);

  const holds = new Set<string>();
  const notes: string[] = [];
  const flag = (r: Row, rule: InjectedKind): void => { holds.add(`${r.row}: ${rule}`); };
  const seen = new Set<string>();
  const unitsThatDay = new Map<string, number>();
  const accountTotal = new Map<string, number>();
  const oldBalance = new Map<string, { row: number }>();
  const lastRow = new Map<string, Row>();
  lines.forEach((r, i) => {
    const sh = shares[i]!;
    const { account, billed, allowed, adj, ins, sec, pt, bal, dos, posted } = postings(r);
    const status = r.get('status');
    const insured = r.get('payer') !== null && r.get('payer') !== 'Self Pay';
    const adjudicated = status === 'Paid' || (!insured && status === null);
    accountTotal.set(account, (accountTotal.get(account) ?? 0) + bal);
    lastRow.set(account, r);

    if (bal !== billed - adj - ins - sec - pt) flag(r, 'BALANCE_MISMATCH');
    if (sh.basis === 'no-coverage') flag(r, 'NO_COVERAGE_ON_DOS');
    if (adjudicated && sh.basis !== 'no-coverage') {
      if (ins < sh.insurerShare) flag(r, 'INSURER_UNDERPAID');
      if (ins > sh.insurerShare) flag(r, 'INSURER_OVERPAID');
      if (pt > sh.patientShare) flag(r, 'PATIENT_OVERPAID');
      if (bal > sh.patientShare - pt) flag(r, 'PATIENT_OVERBILLED');
    }
    if (allowed !== null && sh.feeScheduleAllowed !== null && allowed !== sh.feeScheduleAllowed) flag(r, 'ALLOWED_MISMATCH');
    const key = [account, dos, r.get('code'), r.get('mod1'), r.get('mod2'), r.get('units'), billed].join('|');
    if (seen.has(key)) flag(r, 'DUPLICATE_CHARGE');
    seen.add(key);
    if (!CPT_OR_HCPCS.test(String(r.get('code')))) flag(r, 'INVALID_PROCEDURE_CODE');
    const dx = (['dx1', 'dx2', 'dx3', 'dx4'] as const).map((f) => r.get(f)).filter((v) => v !== null);
    if (dx.length === 0) flag(r, 'MISSING_DIAGNOSIS');
    if (dx.some((d) => !ICD10.test(String(d)))) flag(r, 'INVALID_DIAGNOSIS_CODE');
    if ([r.get('mod1'), r.get('mod2')].some((m) => m !== null && !MODIFIER.test(String(m)))) flag(r, 'INVALID_MODIFIER');
    // Units per account, day and code, summed over lines (the day's running total crosses the limit here).
    const max = maxUnits.get(String(r.get('code')));
    const dayKey = `${account}|${dos}|${String(r.get('code'))}`;
    const before = unitsThatDay.get(dayKey) ?? 0;
    const units = before + (r.get('units') as number);
    unitsThatDay.set(dayKey, units);
    if (max !== undefined && units > max && before <= max) flag(r, 'UNITS_OVER_LIMIT');
    // Either reading of "missing": not on the line, or not on the line nor in Coverage.
    if (insured && r.get('memberId') === null) flag(r, 'MISSING_MEMBER_ID');
    if (injectedAt.get(r.row) === 'MISSING_MEMBER_ID' && coverageMemberId.has(account)) notes.push(`${r.row}: member id still in Coverage`);
    if (dos > s.asOf || posted < dos) flag(r, 'DATE_ERROR');
    if (insured && (status === 'Pending' || status === null) && s.asOf - dos >= 60 && r.get('payer') !== 'Medicare') flag(r, 'TIMELY_FILING_RISK');
    if (status === 'Denied') flag(r, 'DENIED_UNWORKED');
    const onPlan = patients.get(account)!.OnPaymentPlan === 'Y';
    if (!onPlan && s.asOf - dos > 120 && bal > 0) oldBalance.set(account, { row: r.row });
  });
  for (const [account, total] of accountTotal) if (total < 0) flag(lastRow.get(account)!, 'CREDIT_BALANCE');
  for (const account of oldBalance.keys()) flag(lastRow.get(account)!, 'COLLECTIONS_CANDIDATE');

  const out: string[] = [...notes];
  for (const h of holds) {
    const row = Number(h.split(':')[0]);
    if (`${row}: ${injectedAt.get(row) ?? ''}` !== h) out.push(`${h} holds but ${injectedAt.get(row) ?? 'nothing'} was injected`);
  }
  for (const [row, kind] of injectedAt) {
    if ((RULE_IDS as readonly string[]).includes(kind) && !holds.has(`${row}: ${kind}`)) out.push(`${row}: ${kind} injected but does not hold`);
  }
  return out;
}
