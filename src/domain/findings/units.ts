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
import type { FeeScheduleRow } from '../config';
import type { Finding } from '../findingTypes';
import { mulDivHalfUp } from '../money';
import { idKey } from '../nameKeys';
import { cellOf, lineFinding, type RuleContext } from './context';
import { date, money, unitsText, usd } from './format';

/** Units are counted in thousandths so sums of 0.5-unit lines stay exact integers. */
const thousandths = (units: number): number => (Number.isFinite(units) ? Math.round(units * 1000) : 0);

/** One account's lines of one code on one day, and the strictest limit among their fee rows. */
interface UnitsDay {
  readonly lines: LedgerLine[];
  limitRow: FeeScheduleRow;
}

export function unitsOverLimit(ctx: RuleContext): Finding[] {
  const days = new Map<string, UnitsDay>();
  ctx.ledger.lines.forEach((line, i) => {
    const row = ctx.shares[i]!.feeRow;
    if (row === null || row.maxUnitsPerDay === null || !Number.isFinite(row.maxUnitsPerDay)) return;
    const key = `${idKey(line.account)}\u0000${line.serviceDate}\u0000${line.code}`;
    const day = days.get(key);
    if (day === undefined) days.set(key, { lines: [line], limitRow: row });
    else {
      day.lines.push(line);
      if (row.maxUnitsPerDay < day.limitRow.maxUnitsPerDay!) day.limitRow = row;
    }
  });
  const out: Finding[] = [];
  for (const day of days.values()) {
    const finding = overLimit(ctx, day);
    if (finding !== null) out.push(finding);
  }
  return out;
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
