/**
 * UNITS_OVER_LIMIT (`error`: the payer denies the excess units). Needs a
 * FeeSchedule sheet.
 *
 * Units for one account, service date and code, summed over lines, above
 * the MaxUnitsPerDay of the most specific fee-schedule row that sets one
 * (DESIGN §5.1 order: the plan's payer/PlanId + code + modifier, + code,
 * `*` + code + modifier, `*` + code; rows with a blank MaxUnitsPerDay say
 * nothing about units and are passed over). When the lines of one day match
 * different rows (modifiers), the strictest limit applies. One finding per
 * account/date/code, on the line whose units cross the limit; amount =
 * excess units × that row's allowed per unit, rounded half-up to the cent.
 */
import type { LedgerLine } from '../ledger';
import type { FeeScheduleRow } from '../config';
import { mulDivHalfUp } from '../money';
import { codeKey, nameKey } from '../nameKeys';
import type { LineRule, RuleContext } from './context';
import { scratch } from './scratch';
import { date, money, unitsText, usd } from './format';


/** Units are counted in thousandths so sums of 0.5-unit lines stay exact integers. */
const milli = (units: number): number => (Number.isFinite(units) ? Math.round(units * 1000) : 0);

/** A fee row that sets MaxUnitsPerDay, with its match keys normalised once. */
interface LimitRow {
  readonly row: FeeScheduleRow;
  readonly party: string;
  readonly star: boolean;
  /** '' = any modifier. */
  readonly modifier: string;
  /** Position in the list of every limit row (how a group refers to it). */
  readonly index: number;
}

/** A code's limit rows (sheet order), the code's normalised form and its small-integer id. */
interface CodeLimits {
  readonly code: string;
  readonly id: number;
  readonly rows: readonly LimitRow[];
}

function limitRowsByCode(rows: readonly FeeScheduleRow[], all: LimitRow[]): Map<string, LimitRow[]> {
  const m = new Map<string, LimitRow[]>();
  for (const r of rows) {
    if (r.maxUnitsPerDay === null || !Number.isFinite(r.maxUnitsPerDay)) continue;
    const k = codeKey(r.code);
    const party = nameKey(r.payer);
    const entry: LimitRow = { row: r, party, star: party === '*', modifier: r.modifier === null ? '' : codeKey(r.modifier), index: all.length };
    all.push(entry);
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

  private lastPayer: string | null = null;
  private lastPlanId: string | null = null;
  private lastPrimary: string | null = null;
  private lastSet: ReadonlySet<string> | null = null;

  of(line: LedgerLine, primaryPlanId: string | null): ReadonlySet<string> {
    if (this.lastSet !== null && this.lastPayer === line.payer && this.lastPlanId === line.planId && this.lastPrimary === primaryPlanId) {
      return this.lastSet;
    }
    this.lastPayer = line.payer;
    this.lastPlanId = line.planId;
    this.lastPrimary = primaryPlanId;
    return (this.lastSet = this.lookup(line.payer ?? '', line.planId ?? '', primaryPlanId ?? ''));
  }

  private lookup(payer: string, planId: string, primary: string): ReadonlySet<string> {
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
function limitRowFor(line: LedgerLine, parties: ReadonlySet<string>, rows: readonly LimitRow[]): LimitRow | null {
  let best: LimitRow | null = null;
  let bestLevel = 5;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (!r.star && !parties.has(r.party)) continue;
    if (r.modifier !== '' && !line.modifiers.some((m) => m === r.modifier || codeKey(m) === r.modifier)) continue;
    const level = (r.star ? 2 : 0) + (r.modifier === '' ? 1 : 0) + 1;
    if (level < bestLevel) {
      best = r;
      bestLevel = level;
    }
  }
  return best;
}

/**
 * The groups — one account's lines of one code on one day — as parallel
 * typed arrays, not an object (nor a string or row reference) per group:
 * with a limit on every code, a million lines make most of a million
 * groups, and retained objects would cost more in garbage collection than
 * the check itself. Codes and limit rows are small integers (CodeLimits.id,
 * LimitRow.index). An account's groups are chained
 * newest first from the account's record (AccountTable.unitsLastGroup), a group's lines
 * in sheet order through `nextLine`.
 */
// A group's int32 fields, side by side (one cache line holds two groups: walking an account's groups costs a miss a step, not four).
const G_DATE = 0;
const G_CODE = 1;
const G_PREV = 2; // the account's previous group, −1 none
const G_DEPTH = 3; // how many groups the account has up to this one
const G_FIRST = 4; // first line (sheet order)
const G_LAST = 5;
const G_LIMIT = 6; // the strictest limit row any of the group's lines matched (LimitRow.index)
const G_SIZE = 8;

class UnitsGroups {
  count = 0;
  private capacity = 1024;
  rec: Int32Array = new Int32Array(this.capacity * G_SIZE);
  totalMilli: Float64Array = new Float64Array(this.capacity);
  /** Line position → the next line of its group (−1: last). */
  readonly nextLine: number[];

  constructor(private readonly lines: number) {
    this.nextLine = scratch(lines, -1);
  }

  add(serviceDate: number, code: number, limit: number, prev: number, line: number): number {
    if (this.count === this.capacity) this.grow(line);
    const g = this.count++;
    const r = this.rec;
    const b = g * G_SIZE;
    r[b + G_DATE] = serviceDate;
    r[b + G_CODE] = code;
    r[b + G_PREV] = prev;
    r[b + G_DEPTH] = prev >= 0 ? r[prev * G_SIZE + G_DEPTH]! + 1 : 1;
    r[b + G_FIRST] = line;
    r[b + G_LAST] = line;
    r[b + G_LIMIT] = limit;
    this.totalMilli[g] = 0;
    return g;
  }

  field(g: number, f: number): number {
    return this.rec[g * G_SIZE + f]!;
  }

  /**
   * Grows to what the groups so far (by line `at`) extrapolate to over the
   * whole ledger, at least double: one reallocation instead of a dozen,
   * about halving the memory churned (which brings the next full garbage
   * collection nearer on a large heap).
   */
  private grow(at: number): void {
    const expected = Math.ceil((this.count / (at + 1)) * this.lines * 1.1);
    this.capacity = Math.max(this.capacity * 2, Math.min(expected, this.lines));
    const rec = new Int32Array(this.capacity * G_SIZE);
    rec.set(this.rec);
    this.rec = rec;
    const total = new Float64Array(this.capacity);
    total.set(this.totalMilli);
    this.totalMilli = total;
  }
}

/** Past this many groups on one account (years of therapy visits), look groups up by key, not by walking. */
const LINEAR_MAX = 24;

export function unitsRule(ctx: RuleContext): LineRule {
  const present = ctx.config.present.has('FeeSchedule');
  const limitRows: LimitRow[] = [];
  const byCode = present ? limitRowsByCode(ctx.config.feeSchedule, limitRows) : new Map<string, LimitRow[]>();
  const codeIds = new Map<string, number>([...byCode.keys()].map((k, n) => [k, n]));
  const parties = new PartyKeys(ctx);
  // Raw code → its limits (null: none), so a code is normalised once, not once per line.
  const limitsOf = new Map<string, CodeLimits | null>();
  const groups = new UnitsGroups(byCode.size === 0 ? 0 : ctx.lines.length);
  const bigAccounts = new Map<string, number>();
  let lastCode: string | null = null;
  let lastLimits: CodeLimits | null = null;
  const bigKey = (accountId: number, serviceDate: number, code: number): string => `${accountId}\u0000${serviceDate}\u0000${code}`;

  /** The account's group for the day and code, or −1. */
  function findGroup(accountId: number, last: number, serviceDate: number, code: number): number {
    if (last < 0) return -1;
    const r = groups.rec;
    if (r[last * G_SIZE + G_DEPTH]! >= LINEAR_MAX) return bigAccounts.get(bigKey(accountId, serviceDate, code)) ?? -1;
    for (let g = last; g >= 0; g = r[g * G_SIZE + G_PREV]!) {
      if (r[g * G_SIZE + G_DATE] === serviceDate && r[g * G_SIZE + G_CODE] === code) return g;
    }
    return -1;
  }

  function addLine(i: number, line: LedgerLine, code: number, limit: LimitRow): void {
    const accountId = ctx.accountIds[i]!;
    const last = ctx.facts.unitsLastGroup(accountId);
    let g = findGroup(accountId, last, line.serviceDate, code);
    if (g < 0) {
      g = groups.add(line.serviceDate, code, limit.index, last, i);
      ctx.facts.setUnitsLastGroup(accountId, g);
      const depth = groups.field(g, G_DEPTH);
      if (depth === LINEAR_MAX) {
        for (let k = g; k >= 0; k = groups.field(k, G_PREV)) bigAccounts.set(bigKey(accountId, groups.field(k, G_DATE), groups.field(k, G_CODE)), k);
      } else if (depth > LINEAR_MAX) {
        bigAccounts.set(bigKey(accountId, line.serviceDate, code), g);
      }
    } else {
      const r = groups.rec;
      const b = g * G_SIZE;
      groups.nextLine[r[b + G_LAST]!] = i;
      r[b + G_LAST] = i;
      if (limit.row.maxUnitsPerDay! < limitRows[r[b + G_LIMIT]!]!.row.maxUnitsPerDay!) r[b + G_LIMIT] = limit.index;
    }
    groups.totalMilli[g] = groups.totalMilli[g]! + milli(line.units);
  }

  return {
    line(i, line, s) {
      if (byCode.size === 0) return;
      if (line.code !== lastCode) {
        lastCode = line.code;
        let l = limitsOf.get(lastCode);
        if (l === undefined) {
          const code = codeKey(lastCode);
          const rows = byCode.get(code);
          limitsOf.set(lastCode, (l = rows === undefined ? null : { code, id: codeIds.get(code)!, rows }));
        }
        lastLimits = l;
      }
      if (lastLimits === null) return;
      const row = limitRowFor(line, parties.of(line, s === undefined ? null : s.primaryPlanId), lastLimits.rows);
      if (row !== null) addLine(i, line, lastLimits.id, row);
    },
    finish() {
      if (ctx.lines.length === 0) return;
      if (!present) {
        ctx.notice('UNITS_OVER_LIMIT', 'Units per day were not checked: the workbook has no FeeSchedule sheet. Add one with MaxUnitsPerDay to check them.');
        return;
      }
      for (let g = 0; g < groups.count; g++) {
        const limitRow = limitRows[groups.field(g, G_LIMIT)]!.row;
        if (groups.totalMilli[g]! > milli(limitRow.maxUnitsPerDay!)) unitsFinding(ctx, groups, g, limitRow);
      }
    },
  };
}

function unitsFinding(ctx: RuleContext, groups: UnitsGroups, g: number, limitRow: FeeScheduleRow): void {
  const limit = milli(limitRow.maxUnitsPerDay!);
  const lines: LedgerLine[] = [];
  let total = 0;
  let crossing: LedgerLine | null = null;
  for (let i = groups.field(g, G_FIRST); i >= 0; i = groups.nextLine[i]!) {
    const l = ctx.lines[i]!;
    lines.push(l);
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
      linesThatDay: lines.map((l) => String(l.row)).join(', '),
      allowedPerUnit: money(limitRow.allowed),
      feeScheduleRow: String(limitRow.row),
    },
  );
}
