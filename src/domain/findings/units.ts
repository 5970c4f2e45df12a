/**
 * UNITS_OVER_LIMIT (`error`, at the units cell): one account's units of one
 * code on one day, summed over its lines, above MaxUnitsPerDay of the
 * fee-schedule row adjudication matched for those lines (LineShares.feeRow,
 * DESIGN §5.1) — the payer denies the excess. When the day's lines matched
 * different rows (modifiers), the strictest limit applies. One finding per
 * account, day and code, on the line whose units cross the limit; amount =
 * excess units × that row's allowed per unit, rounded half-up to the cent.
 * Lines whose fee row sets no limit do not count.
 */
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import type { FeeScheduleRow } from '../config';
import type { Finding } from '../findingTypes';
import { mulDivHalfUp } from '../money';
import { cellOf, FEW_LINES, lineFinding, type AccountLines, type RuleContext } from './context';
import { date, money, unitsText, usd } from './format';

/** Units are counted in thousandths so sums of 0.5-unit lines stay exact integers. */
const thousandths = (units: number): number => (Number.isFinite(units) ? Math.round(units * 1000) : 0);

/** One account's lines of one code on one day, and the strictest limit among their fee rows. */
interface UnitsDay {
  readonly lines: LedgerLine[];
  limitRow: FeeScheduleRow;
}

export function unitsOverLimit(ctx: RuleContext, { positions }: AccountLines): Finding[] {
  const out: Finding[] = [];
  for (const day of unitsDays(ctx, positions)) {
    const finding = overLimit(ctx, day);
    if (finding !== null) out.push(finding);
  }
  return out;
}

/** The fee row's daily limit, where it sets one. */
function limitedBy(share: LineShares): FeeScheduleRow | null {
  const row = share.feeRow;
  return row === null || row.maxUnitsPerDay === null || !Number.isFinite(row.maxUnitsPerDay) ? null : row;
}

/**
 * One account's limited lines by day and code, in ledger order of each
 * day's first line. An account's few days are searched directly; an
 * account with many lines files them under a key (FEW_LINES).
 */
function unitsDays(ctx: RuleContext, positions: readonly number[]): UnitsDay[] {
  const days: UnitsDay[] = [];
  const byKey = positions.length > FEW_LINES ? new Map<string, UnitsDay>() : null;
  for (const i of positions) {
    const row = limitedBy(ctx.shares[i]!);
    if (row === null) continue;
    const line = ctx.ledger.lines[i]!;
    const day = byKey === null ? sameDayAndCode(days, line) : byKey.get(dayKey(line));
    if (day === undefined) {
      const first: UnitsDay = { lines: [line], limitRow: row };
      days.push(first);
      byKey?.set(dayKey(line), first);
    } else {
      day.lines.push(line);
      if (row.maxUnitsPerDay! < day.limitRow.maxUnitsPerDay!) day.limitRow = row;
    }
  }
  return days;
}

const dayKey = (line: LedgerLine): string => `${line.serviceDate}\u0000${line.code}`;

function sameDayAndCode(days: readonly UnitsDay[], line: LedgerLine): UnitsDay | undefined {
  for (const day of days) {
    const first = day.lines[0]!;
    if (first.serviceDate === line.serviceDate && first.code === line.code) return day;
  }
  return undefined;
}

function overLimit(ctx: RuleContext, { lines, limitRow }: UnitsDay): Finding | null {
  const limit = thousandths(limitRow.maxUnitsPerDay!);
  let total = 0;
  let crossing: LedgerLine | null = null;
  for (const l of lines) {
    total += thousandths(l.units);
    if (crossing === null && total > limit) crossing = l;
  }
  if (crossing === null) return null;
  const excess = total - limit;
  const amount = mulDivHalfUp(limitRow.allowed, excess, 1000);
  return lineFinding({
    rule: 'UNITS_OVER_LIMIT', severity: 'error', line: crossing, cell: cellOf(ctx, crossing, 'units', 'code'), amount,
    message:
      `Units over the daily limit: account ${crossing.account} has ${unitsText(total / 1000)} units of ${crossing.code} on ` +
      `${date(crossing.serviceDate)} but the fee schedule allows at most ${unitsText(limitRow.maxUnitsPerDay!)} a day ` +
      `(${unitsText(excess / 1000)} over, worth ${usd(amount)}). Check the units for a typing mistake; if they are right, ` +
      'bill the excess with the documentation or modifier the payer requires.',
    inputs: {
      unitsThatDay: unitsText(total / 1000),
      maxUnitsPerDay: unitsText(limitRow.maxUnitsPerDay!),
      linesThatDay: lines.map((l) => String(l.row)).join(', '),
      allowedPerUnit: money(limitRow.allowed),
      feeScheduleRow: String(limitRow.row),
    },
  });
}
