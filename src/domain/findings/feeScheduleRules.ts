/**
 * Rules that need a FeeSchedule sheet: UNITS_OVER_LIMIT and ALLOWED_MISMATCH.
 *
 * UNITS_OVER_LIMIT (`error`: the payer denies the excess units): units for
 * one account, service date and code, summed over lines, above the
 * MaxUnitsPerDay of the most specific fee-schedule row that sets one
 * (DESIGN §5.1 order: the plan's payer/PlanId + code + modifier, + code,
 * `*` + code + modifier, `*` + code). One finding per account/date/code, on
 * the line whose units cross the limit; amount = excess units × the row's
 * allowed per unit, rounded half-up to the cent.
 *
 * ALLOWED_MISMATCH (`error`: the payer priced the line off contract): the
 * ledger's allowed differs from LineShares.feeScheduleAllowed (fee × units,
 * capped at the charge, as the payer allows the lesser of the two) by more
 * than the tolerance. Denied and pending lines are skipped: their allowed is
 * not a pricing decision yet.
 */
import type { LedgerLine } from '../ledger';
import type { FeeScheduleRow } from '../config';
import { isDenied } from '../lineStatus';
import { mulDivHalfUp } from '../money';
import type { RuleContext } from './context';
import { date, money, unitsText, usd } from './format';

const nameKey = (raw: string): string => raw.trim().toLowerCase().replace(/\s+/g, ' ');
const codeKey = (raw: string): string => raw.trim().toUpperCase();

/** Units are counted in thousandths so sums of 0.5-unit lines stay exact integers. */
const milli = (units: number): number => (Number.isFinite(units) ? Math.round(units * 1000) : 0);

export function checkFeeSchedule(ctx: RuleContext): void {
  if (ctx.lines.length === 0) return;
  if (!ctx.config.present.has('FeeSchedule')) {
    ctx.notice('UNITS_OVER_LIMIT', 'Units per day were not checked: the workbook has no FeeSchedule sheet. Add one with MaxUnitsPerDay to check them.');
    ctx.notice('ALLOWED_MISMATCH', 'Allowed amounts were not checked against contract: the workbook has no FeeSchedule sheet. Add one to check them.');
    return;
  }
  checkUnits(ctx);
  checkAllowed(ctx);
}

/** Fee rows that set MaxUnitsPerDay, by code, in sheet order. */
function limitRowsByCode(rows: readonly FeeScheduleRow[]): Map<string, FeeScheduleRow[]> {
  const m = new Map<string, FeeScheduleRow[]>();
  for (const r of rows) {
    if (r.maxUnitsPerDay === null || !Number.isFinite(r.maxUnitsPerDay)) continue;
    const k = codeKey(r.code);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * The names a fee row's Payer column can use for the line: its payer, its
 * plan ids and those plans' payers. Memoised per payer/plan combination, as
 * a million lines repeat a handful.
 */
class PartyKeys {
  private readonly memo = new Map<string, ReadonlySet<string>>();
  private readonly planPayer = new Map<string, string>();

  constructor(ctx: RuleContext) {
    for (const p of ctx.config.plans) {
      const k = nameKey(p.planId);
      if (!this.planPayer.has(k)) this.planPayer.set(k, nameKey(p.payer));
    }
  }

  of(line: LedgerLine, primaryPlanId: string | null): ReadonlySet<string> {
    const memoKey = `${line.payer ?? ''}\u0000${line.planId ?? ''}\u0000${primaryPlanId ?? ''}`;
    let set = this.memo.get(memoKey);
    if (set === undefined) {
      const s = new Set<string>();
      if (line.payer) s.add(nameKey(line.payer));
      for (const id of [primaryPlanId, line.planId]) {
        if (!id) continue;
        s.add(nameKey(id));
        const payer = this.planPayer.get(nameKey(id));
        if (payer !== undefined) s.add(payer);
      }
      s.delete('*');
      set = s;
      this.memo.set(memoKey, set);
    }
    return set;
  }
}

/** The most specific limit row for the line, by the §5.1 levels (first row in sheet order within a level). */
function limitRowFor(line: LedgerLine, parties: ReadonlySet<string>, rows: readonly FeeScheduleRow[]): FeeScheduleRow | null {
  let best: FeeScheduleRow | null = null;
  let bestLevel = 5;
  for (const r of rows) {
    const party = nameKey(r.payer);
    const star = party === '*';
    if (!star && !parties.has(party)) continue;
    const mod = r.modifier === null ? '' : codeKey(r.modifier);
    if (mod !== '' && !line.modifiers.some((m) => codeKey(m) === mod)) continue;
    const level = (star ? 2 : 0) + (mod === '' ? 1 : 0) + 1;
    if (level < bestLevel) {
      best = r;
      bestLevel = level;
    }
  }
  return best;
}

interface UnitsGroup {
  readonly lines: LedgerLine[];
  limit: FeeScheduleRow | null;
}

function checkUnits(ctx: RuleContext): void {
  const byCode = limitRowsByCode(ctx.config.feeSchedule);
  if (byCode.size === 0) return;
  const groups = new Map<string, UnitsGroup>();
  const parties = new PartyKeys(ctx);
  const { lines, shares } = ctx;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const rows = byCode.get(line.code) ?? byCode.get(codeKey(line.code));
    if (rows === undefined) continue;
    const row = limitRowFor(line, parties.of(line, shares[i]?.primaryPlanId ?? null), rows);
    if (row === null) continue;
    const key = `${line.account}\u0000${line.serviceDate}\u0000${codeKey(line.code)}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { lines: [], limit: null };
      groups.set(key, g);
    }
    g.lines.push(line);
    // Lines of one group may match different rows (modifiers): the strictest limit applies.
    if (g.limit === null || row.maxUnitsPerDay! < g.limit.maxUnitsPerDay!) g.limit = row;
  }
  for (const g of groups.values()) {
    const limitRow = g.limit!;
    const limit = milli(limitRow.maxUnitsPerDay!);
    let total = 0;
    let crossing: LedgerLine | null = null;
    for (const l of g.lines) {
      total += milli(l.units);
      if (crossing === null && total > limit) crossing = l;
    }
    if (crossing === null) continue;
    const excessMilli = total - limit;
    const amount = mulDivHalfUp(limitRow.allowed, excessMilli, 1000);
    const totalUnits = total / 1000;
    const excess = excessMilli / 1000;
    ctx.add(
      crossing, 'UNITS_OVER_LIMIT', 'error', ctx.cellOf(crossing, 'units', 'code'), amount,
      `Units over the daily limit: account ${crossing.account} has ${unitsText(totalUnits)} units of ${crossing.code} on ` +
        `${date(crossing.serviceDate)} but the fee schedule allows at most ${unitsText(limitRow.maxUnitsPerDay!)} a day ` +
        `(${unitsText(excess)} over, worth ${usd(amount)}). Check the units for a typing mistake; if they are right, ` +
        'bill the excess with the documentation or modifier the payer requires.',
      {
        unitsThatDay: unitsText(totalUnits),
        maxUnitsPerDay: unitsText(limitRow.maxUnitsPerDay!),
        linesThatDay: g.lines.map((l) => String(l.row)).join(', '),
        allowedPerUnit: money(limitRow.allowed),
        feeScheduleRow: String(limitRow.row),
      },
    );
  }
}

function checkAllowed(ctx: RuleContext): void {
  if (!ctx.hasColumn('allowed')) {
    ctx.notice('ALLOWED_MISMATCH', 'Allowed amounts were not checked against contract: the ledger has no Allowed column. Map an Allowed column to check them.');
    return;
  }
  const { lines, shares } = ctx;
  const tol = ctx.tolerance;
  let noShares = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.allowed === null) continue;
    const s = shares[i];
    if (s === undefined) {
      noShares++;
      continue;
    }
    const expected = s.feeScheduleAllowed;
    if (expected === null || line.status === 'pending' || isDenied(line)) continue;
    const diff = line.allowed - expected;
    if (diff <= tol && -diff <= tol) continue;
    const off = Math.abs(diff);
    const what = diff < 0
      ? `${usd(off)} less than contracted. Appeal the underpayment, or update the fee schedule if the contract changed.`
      : `${usd(off)} more than contracted. Check for a fee-schedule update; if the payer overpaid, expect a recoupment.`;
    ctx.add(
      line, 'ALLOWED_MISMATCH', 'error', ctx.cellOf(line, 'allowed'), off,
      `Allowed amount off contract: the ledger shows ${usd(line.allowed)} allowed but the fee schedule gives ${usd(expected)} ` +
        `(fee × ${unitsText(line.units)} units, capped at the charge), ${what}`,
      { ledgerAllowed: money(line.allowed), feeScheduleAllowed: money(expected), units: unitsText(line.units), billed: money(line.billed), tolerance: money(tol) },
    );
  }
  if (noShares > 0) {
    ctx.notice(
      'ALLOWED_MISMATCH',
      `Allowed amounts were not checked on ${noShares} line${noShares === 1 ? '' : 's'}: no expected shares were computed for them.`,
      { linesWithoutShares: String(noShares) },
    );
  }
}
