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

/** A fee row that sets MaxUnitsPerDay, with its match keys normalised once. */
interface LimitRow {
  readonly row: FeeScheduleRow;
  readonly party: string;
  readonly star: boolean;
  /** '' = any modifier. */
  readonly modifier: string;
}

/** Limit rows by code, in sheet order. */
function limitRowsByCode(rows: readonly FeeScheduleRow[]): Map<string, LimitRow[]> {
  const m = new Map<string, LimitRow[]>();
  for (const r of rows) {
    if (r.maxUnitsPerDay === null || !Number.isFinite(r.maxUnitsPerDay)) continue;
    const k = codeKey(r.code);
    const party = nameKey(r.payer);
    const entry: LimitRow = { row: r, party, star: party === '*', modifier: r.modifier === null ? '' : codeKey(r.modifier) };
    const list = m.get(k);
    if (list) list.push(entry);
    else m.set(k, [entry]);
  }
  return m;
}

/**
 * The names a fee row's Payer column can use for the line: its payer, its
 * plan ids and those plans' payers. Memoised per payer → line PlanId →
 * expected-shares PlanId, as a million lines repeat a handful.
 */
class PartyKeys {
  private readonly memo = new Map<string, Map<string, Map<string, ReadonlySet<string>>>>();
  private readonly planPayer = new Map<string, string>();

  constructor(ctx: RuleContext) {
    for (const p of ctx.config.plans) {
      const k = nameKey(p.planId);
      if (!this.planPayer.has(k)) this.planPayer.set(k, nameKey(p.payer));
    }
  }

  of(line: LedgerLine, primaryPlanId: string | null): ReadonlySet<string> {
    const payer = line.payer ?? '';
    const planId = line.planId ?? '';
    const primary = primaryPlanId ?? '';
    let byPlan = this.memo.get(payer);
    if (byPlan === undefined) this.memo.set(payer, (byPlan = new Map()));
    let byPrimary = byPlan.get(planId);
    if (byPrimary === undefined) byPlan.set(planId, (byPrimary = new Map()));
    let set = byPrimary.get(primary);
    if (set === undefined) {
      const s = new Set<string>();
      if (payer.trim() !== '') s.add(nameKey(payer));
      for (const id of [primary, planId]) {
        if (id.trim() === '') continue;
        s.add(nameKey(id));
        const planPayer = this.planPayer.get(nameKey(id));
        if (planPayer !== undefined) s.add(planPayer);
      }
      s.delete('*');
      set = s;
      byPrimary.set(primary, set);
    }
    return set;
  }
}

/** The most specific limit row for the line, by the §5.1 levels (first row in sheet order within a level). */
function limitRowFor(line: LedgerLine, parties: ReadonlySet<string>, rows: readonly LimitRow[]): FeeScheduleRow | null {
  let best: FeeScheduleRow | null = null;
  let bestLevel = 5;
  for (const r of rows) {
    if (!r.star && !parties.has(r.party)) continue;
    if (r.modifier !== '' && !line.modifiers.some((m) => m === r.modifier || codeKey(m) === r.modifier)) continue;
    const level = (r.star ? 2 : 0) + (r.modifier === '' ? 1 : 0) + 1;
    if (level < bestLevel) {
      best = r.row;
      bestLevel = level;
    }
  }
  return best;
}

/** One account's lines of one code on one day, and the strictest limit any of them matched. */
interface UnitsGroup {
  readonly accountId: number;
  readonly serviceDate: number;
  readonly code: string;
  readonly lines: LedgerLine[];
  limit: FeeScheduleRow;
}

function checkUnits(ctx: RuleContext): void {
  const byCode = limitRowsByCode(ctx.config.feeSchedule);
  if (byCode.size === 0) return;
  const parties = new PartyKeys(ctx);
  const { lines, shares } = ctx;
  const { ids } = ctx.accounts();
  // Raw code → its limit rows (null: none), so a code is normalised once, not once per line.
  const rowsOf = new Map<string, LimitRow[] | null>();
  // Buckets by account and day (a number, not a string built per line); a bucket lists its codes' groups.
  const buckets = new Map<number, UnitsGroup[]>();
  const groups: UnitsGroup[] = [];
  let lastCode: string | null = null;
  let lastRows: LimitRow[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.code !== lastCode) {
      lastCode = line.code;
      let r = rowsOf.get(lastCode);
      if (r === undefined) rowsOf.set(lastCode, (r = byCode.get(codeKey(lastCode)) ?? null));
      lastRows = r;
    }
    if (lastRows === null) continue;
    const row = limitRowFor(line, parties.of(line, shares[i]?.primaryPlanId ?? null), lastRows);
    if (row === null) continue;
    const accountId = ids[i]!;
    const code = codeKey(line.code);
    const bucketKey = accountId * 65536 + (line.serviceDate & 0xffff);
    let bucket = buckets.get(bucketKey);
    if (bucket === undefined) buckets.set(bucketKey, (bucket = []));
    let g = bucket.find((x) => x.accountId === accountId && x.serviceDate === line.serviceDate && x.code === code);
    if (g === undefined) {
      g = { accountId, serviceDate: line.serviceDate, code, lines: [], limit: row };
      bucket.push(g);
      groups.push(g);
    }
    g.lines.push(line);
    // Lines of one group may match different rows (modifiers): the strictest limit applies.
    if (row.maxUnitsPerDay! < g.limit.maxUnitsPerDay!) g.limit = row;
  }
  for (const g of groups) unitsFinding(ctx, g);
}

function unitsFinding(ctx: RuleContext, g: UnitsGroup): void {
  const limitRow = g.limit;
  const limit = milli(limitRow.maxUnitsPerDay!);
  let total = 0;
  let crossing: LedgerLine | null = null;
  for (const l of g.lines) {
    total += milli(l.units);
    if (crossing === null && total > limit) crossing = l;
  }
  if (crossing === null) return;
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
