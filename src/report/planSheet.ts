/** `Payment Plan - <account>`: one sheet a plan asked for (DESIGN §6, §8), with its schedule. */
import type { ReportPaymentPlan } from './reportInput';
import { CURRENCY_FORMAT, DEFAULT_DATE_FORMAT, dollars, rangeA1, text, type CellValue, type SheetPlan } from './workbookPlan';
import { GridBuilder } from './grid';
import { TITLE_FONT, headerFormat } from './style';
import { sanitizeSheetName } from './sheetNames';

const WIDTHS = [28, 14, 14, 14, 14, 16];

export function buildPaymentPlanSheet(p: ReportPaymentPlan): SheetPlan {
  const g = new GridBuilder(WIDTHS.length);
  g.push(['Payment plan']);
  g.format({ range: 'A1', font: TITLE_FONT });
  const facts: [string, CellValue, string | null][] = [
    ['Account', text(p.account), '@'],
    ['Patient', text(p.patientName), null],
    ['Balance', dollars(p.balance), CURRENCY_FORMAT],
    ['Income vs poverty guideline', p.fplPercent === null ? 'Income not on file' : p.fplPercent / 100, '0.00%'],
    ['Assistance discount', p.assistanceDiscountPct / 100, '0%'],
    ['Balance after assistance', dollars(p.balanceAfterAssistance), CURRENCY_FORMAT],
    ['Monthly payment', dollars(p.monthlyPayment), CURRENCY_FORMAT],
    ['Months', p.months, '0'],
    ['APR', p.apr / 100, '0.00%'],
    ['Total interest', dollars(p.totalInterest), CURRENCY_FORMAT],
  ];
  for (const [label, value, fmt] of facts) {
    const r = g.push([label, value]);
    g.format({ range: rangeA1(r, 1, r, 1), font: { bold: true } });
    if (fmt) g.format({ range: rangeA1(r, 2, r, 2), numFmt: fmt, alignment: { horizontal: 'right' } });
  }
  if (p.exceedsAffordability) {
    const r = g.push([`The balance cannot be cleared in the maximum term at an affordable payment; the payment above is the balance spread over ${p.months} months.`]);
    g.merge(r, 1, r, WIDTHS.length);
    g.format({ range: rangeA1(r, 1, r, WIDTHS.length), font: { italic: true, color: '#9C5700' }, alignment: { wrapText: true } });
    g.height(r, 32);
  }
  g.push();
  const h = g.push(['Payment', 'Due date', 'Payment amount', 'Interest', 'Principal', 'Remaining']);
  g.format(headerFormat(rangeA1(h, 1, h, WIDTHS.length)));
  for (const i of p.schedule) {
    g.push([i.n, { date: i.dueDate }, dollars(i.payment), dollars(i.interest), dollars(i.principal), dollars(i.remaining)]);
  }
  const last = g.rows.length;
  if (p.schedule.length > 0) {
    g.format({ range: rangeA1(h + 1, 1, last, 1), alignment: { horizontal: 'left' } });
    g.format({ range: rangeA1(h + 1, 2, last, 2), numFmt: DEFAULT_DATE_FORMAT });
    g.format({ range: rangeA1(h + 1, 3, last, 6), numFmt: CURRENCY_FORMAT });
  } else {
    g.push(['No payments: assistance clears the balance.']);
  }
  return {
    name: sanitizeSheetName(`Payment Plan - ${p.account}`),
    tag: 'payment-plan',
    key: `payment-plan:${p.account}`,
    blocks: [g.block()],
    columns: WIDTHS.map((w, i) => ({ column: String.fromCharCode(65 + i), width: w })),
    formats: g.formats,
    merges: g.merges,
    rowHeights: g.rowHeights,
    freeze: { rows: h, columns: 0 },
    showGridLines: false,
    print: { orientation: 'portrait', paperSize: 'letter', fitTo: { width: 1, height: 0 }, titleRows: `${h}:${h}` },
    tabColor: '#BF8F00',
  };
}
