/**
 * Statement invariants over random ledgers: lines foot to the amount due,
 * aging buckets sum to it, credit accounts get a refund notice, lines not
 * billed (pending, office denials) are excluded. The expected amount due is
 * recomputed here from DESIGN §4/§7: Σ (patient's part − patientPaid) over
 * the lines adjudication decided or denied as the patient's to pay, where
 * the patient's part without a patientShare is the balance plus what the
 * patient paid.
 */
import fc from 'fast-check';
import { buildStatements, statementToJson } from '../../../src/domain/statements/statement';
import { statementLines } from '../../../src/domain/statements/lineAmounts';
import { cents, formatMoney } from '../../../src/domain/money';
import { day, type Day } from '../../../src/domain/day';
import type { ClaimStatus, LedgerLine } from '../../../src/domain/ledger';
import type { LineShares } from '../../../src/domain/shareTypes';
import { config, line } from '../../support/builders';
import { shareFor, workbook } from '../../support/statementShares';

const asOf = day(2026, 6, 30);
const m = (c: number | null): string | null => (c === null ? null : formatMoney(cents(c)));

const lineArb = fc.record({
  account: fc.constantFrom('A1', 'A2', 'A3', 'A4'),
  dos: fc.integer({ min: asOf - 400, max: asOf + 5 }),
  billed: fc.integer({ min: 0, max: 100_000 }),
  insurerPaid: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
  patientPaid: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: null }),
  adjustment: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
  balance: fc.option(fc.integer({ min: -5_000, max: 50_000 }), { nil: null }),
  payer: fc.constantFrom(null, 'Acme Health', 'Self Pay'),
  status: fc.constantFrom<ClaimStatus | null>(null, 'paid', 'denied', 'pending', 'appealed'),
  denial: fc.constantFrom(null, 'CO-45', 'CO-16', 'PR-96', 'PR-1'),
  postedAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  share: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
});

type Row = { account: string; dos: number; billed: number; insurerPaid: number | null; patientPaid: number | null; adjustment: number | null; balance: number | null; payer: string | null; status: ClaimStatus | null; denial: string | null; postedAfter: number | null; share: number | null };

function build(typed: Row[]): { lines: LedgerLine[]; shares: (number | null)[] } {
  const lines = typed.map((r, i) => {
    const l = line({
      index: i, account: r.account, billed: m(r.billed)!, insurerPaid: m(r.insurerPaid), patientPaid: m(r.patientPaid),
      adjustment: m(r.adjustment), balance: m(r.balance), payer: r.payer, status: r.status, denialCode: r.denial,
    });
    return { ...l, serviceDate: r.dos as Day, insurerPostedOn: r.postedAfter === null ? null : ((r.dos + r.postedAfter) as Day) };
  });
  return { lines, shares: typed.map((r) => r.share) };
}

/** DESIGN §4: on the bill when decided, or denied as the patient's to pay (adjudication's standing). */
const billed = (s: LineShares): boolean => s.standing === 'decided' || s.standing === 'denied-patient';

/** DESIGN §4: the line's balance; the patient's part less what they paid. */
function owed(l: LedgerLine, share: number | null): number {
  const paid = l.patientPaid ?? 0;
  if (share !== null) return share - paid;
  if (l.balance !== null) return l.balance;
  return l.billed - (l.adjustment ?? 0) - (l.insurerPaid ?? 0) - (l.secondaryPaid ?? 0) - paid;
}

test('bills foot, age and threshold exactly; credits get refund notices; pending lines are not billed', () => {
  fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 30 }), (rows) => {
    const { lines, shares } = build(rows);
    const cfg = config();
    const lineShares = lines.map((l, i) => shareFor(l, m(shares[i]!)));
    const out = buildStatements({ ledger: workbook(lines), shares: lineShares, config: cfg, asOf });

    const expected = new Map<string, number>();
    const since = new Map<string, number>();
    lines.forEach((l, i) => {
      if (!expected.has(l.account)) expected.set(l.account, 0);
      if (!billed(lineShares[i]!)) return;
      const o = owed(l, shares[i]!);
      expected.set(l.account, expected.get(l.account)! + o);
      const arose = l.insurerPostedOn ?? l.serviceDate;
      if (o > 0 && arose < (since.get(l.account) ?? Infinity)) since.set(l.account, arose);
    });
    const got = new Map(out.map((s) => [s.account, s]));
    for (const [acct, net] of expected) {
      const s = got.get(acct);
      if (net < 0) {
        expect(s?.kind).toBe('refund-notice');
        expect(s!.creditBalance).toBe(-net);
        expect(s!.amountDue).toBe(0);
      } else if (net >= cfg.policy.minStatementBalance) {
        expect(s?.kind).toBe('statement');
        expect(s!.amountDue).toBe(net);
        // balanceSince: the earliest day a still-owed balance arose; the stage counts from it.
        expect(s!.balanceSince).toBe(since.get(acct));
        const days = asOf - since.get(acct)!;
        expect(s!.dunningStage).toBe(days <= 30 ? 'first-statement' : days <= 60 ? 'reminder' : days <= 90 ? 'past-due' : 'final-notice');
      } else {
        expect(s).toBeUndefined();
      }
    }
    expect(out.length).toBe([...expected.values()].filter((n) => n < 0 || n >= cfg.policy.minStatementBalance).length);

    for (const s of out) {
      const rows = statementLines(s, lines, lineShares);
      expect(rows.length).toBe(lines.filter((l) => l.account === s.account).length);
      for (const l of rows) if (l.pending) expect(l.patientBalance).toBe(0);
      const billed = rows.filter((l) => !l.pending);
      for (const l of billed) expect(l.charge - l.insurancePaid - l.adjustments - l.patientPaid).toBe(l.patientBalance);
      const t = s.totals;
      expect(t.charges - t.insurancePaid - t.adjustments - t.patientPaid).toBe(t.patientBalance);
      if (s.kind === 'statement') {
        expect(rows.reduce((a, l) => a + l.patientBalance, 0)).toBe(s.amountDue);
        expect(t.patientBalance).toBe(s.amountDue);
        const a = s.aging;
        for (const v of [a.current, a.d31to60, a.d61to90, a.d91to120, a.over120]) expect(v).toBeGreaterThanOrEqual(0);
        expect(a.current + a.d31to60 + a.d61to90 + a.d91to120 + a.over120).toBe(s.amountDue);
        const j = statementToJson(s, lines, lineShares);
        const sumJson = Object.values(j.aging).reduce((acc, v) => acc + Math.round(Number(v) * 100), 0);
        expect(sumJson).toBe(s.amountDue);
        expect(s.message).toMatch(/^[A-Z]/);
      } else {
        expect(t.patientBalance).toBe(-s.creditBalance);
      }
    }
  }), { numRuns: 300 });
});
