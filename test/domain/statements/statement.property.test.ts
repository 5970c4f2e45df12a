/**
 * Statement invariants over random ledgers: lines foot to the amount due,
 * aging buckets sum to it, credit accounts get a refund notice, pending lines
 * are excluded. The expected amount due is recomputed here from DESIGN §7
 * (Σ patientShare − patientPaid over lines not pending with insurance).
 */
import fc from 'fast-check';
import { buildStatements, statementToJson } from '../../../src/domain/statements/statement';
import { cents, formatMoney } from '../../../src/domain/money';
import { day, type Day } from '../../../src/domain/day';
import { isSelfPay, type ClaimStatus, type LedgerLine } from '../../../src/domain/ledger';
import { config, line } from '../../support/builders';
import { shareFor } from '../../support/statementShares';

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
  denial: fc.boolean(),
  share: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
});

type Row = { account: string; dos: number; billed: number; insurerPaid: number | null; patientPaid: number | null; adjustment: number | null; balance: number | null; payer: string | null; status: ClaimStatus | null; denial: boolean; share: number | null };

function build(typed: Row[]): { lines: LedgerLine[]; shares: (number | null)[] } {
  const lines = typed.map((r, i) => {
    const l = line({
      index: i, account: r.account, billed: m(r.billed)!, insurerPaid: m(r.insurerPaid), patientPaid: m(r.patientPaid),
      adjustment: m(r.adjustment), balance: m(r.balance), payer: r.payer, status: r.status, denialCode: r.denial ? 'CO-45' : null,
    });
    return { ...l, serviceDate: r.dos as Day };
  });
  return { lines, shares: typed.map((r) => r.share) };
}

/** DESIGN §7 restated: pending = billed to a payer and Pending/Appealed, or nothing decided yet. */
function pending(l: LedgerLine): boolean {
  if (isSelfPay(l.payer)) return false;
  if (l.status === 'pending' || l.status === 'appealed') return true;
  const decided = l.status === 'paid' || l.status === 'denied' || l.denialCode !== null || (l.insurerPaid ?? 0) !== 0;
  return !decided;
}

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
    const out = buildStatements({ lines, shares: lines.map((l, i) => shareFor(l, m(shares[i]!))), config: cfg, asOf });

    const expected = new Map<string, number>();
    lines.forEach((l, i) => {
      if (!expected.has(l.account)) expected.set(l.account, 0);
      if (!pending(l)) expected.set(l.account, expected.get(l.account)! + owed(l, shares[i]!));
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
      } else {
        expect(s).toBeUndefined();
      }
    }
    expect(out.length).toBe([...expected.values()].filter((n) => n < 0 || n >= cfg.policy.minStatementBalance).length);

    for (const s of out) {
      expect(s.lines.length).toBe(lines.filter((l) => l.account === s.account).length);
      for (const l of s.lines) if (l.pending) expect(l.patientBalance).toBe(0);
      const billed = s.lines.filter((l) => !l.pending);
      for (const l of billed) expect(l.charge - l.insurancePaid - l.adjustments - l.patientPaid).toBe(l.patientBalance);
      const t = s.totals;
      expect(t.charges - t.insurancePaid - t.adjustments - t.patientPaid).toBe(t.patientBalance);
      if (s.kind === 'statement') {
        expect(s.lines.reduce((a, l) => a + l.patientBalance, 0)).toBe(s.amountDue);
        expect(t.patientBalance).toBe(s.amountDue);
        const a = s.aging;
        for (const v of [a.current, a.d31to60, a.d61to90, a.d91to120, a.over120]) expect(v).toBeGreaterThanOrEqual(0);
        expect(a.current + a.d31to60 + a.d61to90 + a.d91to120 + a.over120).toBe(s.amountDue);
        const j = statementToJson(s);
        const sumJson = Object.values(j.aging).reduce((acc, v) => acc + Math.round(Number(v) * 100), 0);
        expect(sumJson).toBe(s.amountDue);
        expect(s.message).toMatch(/^[A-Z]/);
      } else {
        expect(t.patientBalance).toBe(-s.creditBalance);
      }
    }
  }), { numRuns: 300 });
});
