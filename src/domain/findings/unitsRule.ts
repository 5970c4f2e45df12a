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
import type { LineRule, RuleContext } from './context';
import { date, money, unitsText, usd } from './format';

export const nameKey = (raw: string): string => raw.trim().toLowerCase().replace(/\s+/g, ' ');
export const codeKey = (raw: string): string => raw.trim().toUpperCase();

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
class UnitsGroups {
  count = 0;
  private capacity = 1024;
  serviceDate: Float64Array = new Float64Array(this.capacity);
  totalMilli: Float64Array = new Float64Array(this.capacity);
  prev: Int32Array = new Int32Array(this.capacity);
  depth: Int32Array = new Int32Array(this.capacity);
  firstLine: Int32Array = new Int32Array(this.capacity);
  lastLine: Int32Array = new Int32Array(this.capacity);
  code: Int32Array = new Int32Array(this.capacity);
  /** The strictest limit row any of the group's lines matched (LimitRow.index). */
  limit: Int32Array = new Int32Array(this.capacity);
  /** Line position → the next line of its group (−1: last). */
  readonly nextLine: Int32Array;

  constructor(lines: number) {
    this.nextLine = new Int32Array(lines).fill(-1);
  }

  add(serviceDate: number, code: number, limit: number, prev: number, line: number): number {
    if (this.count === this.capacity) this.grow();
    const g = this.count++;
    this.serviceDate[g] = serviceDate;
    this.totalMilli[g] = 0;
    this.prev[g] = prev;
    this.depth[g] = prev >= 0 ? this.depth[prev]! + 1 : 1;
    this.firstLine[g] = line;
    this.lastLine[g] = line;
    this.code[g] = code;
    this.limit[g] = limit;
    return g;
  }

  private grow(): void {
    this.capacity *= 2;
    const f64 = (a: Float64Array): Float64Array => { const b = new Float64Array(this.capacity); b.set(a); return b; };
    const i32 = (a: Int32Array): Int32Array => { const b = new Int32Array(this.capacity); b.set(a); return b; };
    this.serviceDate = f64(this.serviceDate);
    this.totalMilli = f64(this.totalMilli);
    this.prev = i32(this.prev);
    this.depth = i32(this.depth);
    this.firstLine = i32(this.firstLine);
    this.lastLine = i32(this.lastLine);
    this.code = i32(this.code);
    this.limit = i32(this.limit);
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
    if (groups.depth[last]! >= LINEAR_MAX) return bigAccounts.get(bigKey(accountId, serviceDate, code)) ?? -1;
    for (let g = last; g >= 0; g = groups.prev[g]!) {
      if (groups.serviceDate[g] === serviceDate && groups.code[g] === code) return g;
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
      const depth = groups.depth[g]!;
      if (depth === LINEAR_MAX) {
        for (let k = g; k >= 0; k = groups.prev[k]!) bigAccounts.set(bigKey(accountId, groups.serviceDate[k]!, groups.code[k]!), k);
      } else if (depth > LINEAR_MAX) {
        bigAccounts.set(bigKey(accountId, line.serviceDate, code), g);
      }
    } else {
      groups.nextLine[groups.lastLine[g]!] = i;
      groups.lastLine[g] = i;
      if (limit.row.maxUnitsPerDay! < limitRows[groups.limit[g]!]!.row.maxUnitsPerDay!) groups.limit[g] = limit.index;
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
        const limitRow = limitRows[groups.limit[g]!]!.row;
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
  for (let i = groups.firstLine[g]!; i >= 0; i = groups.nextLine[i]!) {
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
