/**
 * Statements: printable bills, one account to a page (DESIGN §6, §7): the
 * practice header, the patient's address block, the lines with totals that
 * foot, lines still with insurance (listed, not billed), aging, the dunning
 * message, payment options, the assistance notice and a remittance stub. A
 * manual page break stands above each next account; past 1,000 accounts the
 * bills continue on `Statements (2)` (Excel allows 1,026 breaks a sheet).
 */
import type { ReportInput, ReportPlanOption, ReportStatement } from './reportInput';
import {
  CURRENCY_FORMAT, DEFAULT_DATE_FORMAT, PLAN_LIMITS, dollars, rangeA1, text,
  type CellValue, type SheetPlan,
} from './workbookPlan';
import { GridBuilder, wrappedLines } from './grid';
import { SUBTLE_FILL, TITLE_FONT, captionFormat, headerFormat } from './style';

const WIDTHS = [11, 8, 30, 11, 12, 12, 11, 13];
const W = WIDTHS.length;
const FULL_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
const LINE_HEADER = ['Date', 'Code', 'Description', 'Charges', 'Insurance paid', 'Adjustments', 'You paid', 'Your balance'];
const AGING_HEADER = ['Current', '31–60 days', '61–90 days', '91–120 days', 'Over 120 days'];

const usd = (c: number): string => {
  const s = (Math.abs(c) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return c < 0 ? `-$${s}` : `$${s}`;
};

export function optionText(o: ReportPlanOption): string {
  if (o.months === 1) return o.kind === 'income-based' ? `After financial assistance: one payment of ${usd(o.monthlyPayment)}.` : `One payment of ${usd(o.monthlyPayment)}.`;
  if (o.kind === 'income-based') {
    if (o.months === 0) return 'Financial assistance may clear this balance: call us to apply.';
    return o.lastPayment === o.monthlyPayment
      ? `Income-based plan: ${o.months} monthly payments of ${usd(o.monthlyPayment)}.`
      : `Income-based plan: ${o.months} monthly payments of ${usd(o.monthlyPayment)} (last payment ${usd(o.lastPayment)}).`;
  }
  return o.lastPayment === o.monthlyPayment
    ? `${o.months} monthly payments of ${usd(o.monthlyPayment)}.`
    : `${o.months} monthly payments of ${usd(o.monthlyPayment)} (last payment ${usd(o.lastPayment)}).`;
}

export function buildStatementsSheets(input: ReportInput): SheetPlan[] {
  const per = PLAN_LIMITS.statementsPerSheet;
  const out: SheetPlan[] = [];
  for (let i = 0; i < Math.max(1, input.statements.length); i += per) {
    out.push(statementsSheet(input, input.statements.slice(i, i + per), out.length + 1));
  }
  return out;
}

function statementsSheet(input: ReportInput, statements: readonly ReportStatement[], part: number): SheetPlan {
  const g = new GridBuilder(W);
  const breaks: number[] = [];
  if (statements.length === 0) {
    g.push(['No statements: no account has a patient balance to bill.']);
  }
  statements.forEach((s, i) => {
    if (i > 0) breaks.push(g.nextRow);
    writeStatement(g, input, s);
  });
  const last = Math.max(1, g.rows.length);
  return {
    name: part === 1 ? 'Statements' : `Statements (${part})`,
    tag: 'statements',
    key: part === 1 ? 'statements' : `statements:${part}`,
    blocks: [g.block()],
    columns: WIDTHS.map((w, i) => ({ column: String.fromCharCode(65 + i), width: w })),
    formats: g.formats,
    merges: g.merges,
    rowHeights: g.rowHeights,
    showGridLines: false,
    print: {
      orientation: 'portrait', paperSize: 'letter', fitTo: { width: 1, height: 0 }, printArea: rangeA1(1, 1, last, W),
      pageBreaksBefore: breaks, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    tabColor: '#548235',
  };
}

function writeStatement(g: GridBuilder, input: ReportInput, s: ReportStatement): void {
  const p = input.policy;
  const refund = s.kind === 'refund-notice';
  const top = g.nextRow;
  // Practice header and the statement's key facts.
  g.push([text(p.practiceName ?? 'Statement'), null, null, null, null, null, null, refund ? 'REFUND NOTICE' : 'STATEMENT']);
  g.format({ range: rangeA1(top, 1, top, 1), font: TITLE_FONT });
  g.format({ range: rangeA1(top, W, top, W), font: { bold: true, size: 14 }, alignment: { horizontal: 'right' } });
  const facts: [string, CellValue, string][] = [
    ['Statement date', { date: s.statementDate }, DEFAULT_DATE_FORMAT],
    ['Account', text(s.account), '@'],
    ...(refund
      ? [['Credit balance', dollars(s.creditBalance), CURRENCY_FORMAT] as [string, CellValue, string]]
      : [['Due date', { date: s.dueDate }, DEFAULT_DATE_FORMAT], ['Amount due', dollars(s.amountDue), CURRENCY_FORMAT]] as [string, CellValue, string][]),
  ];
  const practiceLines = [text(p.practiceAddress), p.practicePhone ? text(`Phone: ${p.practicePhone}`) : null];
  for (let i = 0; i < Math.max(facts.length, practiceLines.length); i++) {
    const f = facts[i];
    const r = g.push([practiceLines[i] ?? null, null, null, null, null, null, f ? f[0] : null, f ? f[1] : null]);
    if (f) {
      g.format({ range: rangeA1(r, W - 1, r, W - 1), font: { bold: true }, alignment: { horizontal: 'right' } });
      g.format({ range: rangeA1(r, W, r, W), numFmt: f[2], alignment: { horizontal: 'right' } });
    }
  }
  const dueRow = g.rows.length;
  g.format({ range: rangeA1(dueRow, W - 1, dueRow, W), fill: SUBTLE_FILL, font: { bold: true } });
  g.push();
  // Address block.
  const billTo = g.push(['Bill to']);
  g.format({ range: rangeA1(billTo, 1, billTo, 1), font: { bold: true, color: '#595959', size: 9 } });
  const pt = s.patient;
  const cityLine = [pt.city, [pt.state, pt.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  for (const line of [pt.name, pt.address1, pt.address2, cityLine || null]) if (line) g.push([text(line)]);
  if (s.insurance.length > 0) {
    g.push();
    const ins = s.insurance.map((i) => (i.priority ? `${i.payer} (${i.priority})` : i.payer)).join('; ');
    const r = g.push([text(`Insurance on file: ${ins}`)]);
    g.format({ range: rangeA1(r, 1, r, 1), font: { italic: true } });
  }
  g.push();
  // The lines billed, with totals that foot.
  const hdr = g.push(LINE_HEADER);
  g.format(headerFormat(rangeA1(hdr, 1, hdr, W)));
  g.format({ range: rangeA1(hdr, 4, hdr, W), alignment: { horizontal: 'right', wrapText: true } });
  g.height(hdr, 30);
  const billed = s.lines.filter((l) => !l.pending);
  for (const l of billed) {
    const r = g.push([{ date: l.serviceDate }, text(l.code), text(l.description), dollars(l.charge), dollars(l.insurancePaid), dollars(l.adjustments), dollars(l.patientPaid), dollars(l.patientBalance)]);
    fitDescription(g, r, l.description);
  }
  const first = hdr + 1;
  if (billed.length > 0) {
    g.format({ range: rangeA1(first, 1, first + billed.length - 1, W), alignment: { vertical: 'top' } });
    g.format({ range: rangeA1(first, 3, first + billed.length - 1, 3), alignment: { wrapText: true, vertical: 'top' } });
  }
  const t = s.totals;
  const totals = g.push([null, null, 'Totals', dollars(t.charges), dollars(t.insurancePaid), dollars(t.adjustments), dollars(t.patientPaid), dollars(t.patientBalance)]);
  if (billed.length > 0) g.format({ range: rangeA1(first, 1, totals - 1, 1), numFmt: DEFAULT_DATE_FORMAT, alignment: { horizontal: 'left' } });
  g.format({ range: rangeA1(first, 4, totals, W), numFmt: CURRENCY_FORMAT });
  g.format({ range: rangeA1(totals, 1, totals, W), font: { bold: true }, border: { top: 'thin', bottom: 'double' } });
  // Lines still with insurance: shown, not billed.
  const pending = s.lines.filter((l) => l.pending);
  if (pending.length > 0) {
    g.push();
    const cap = g.push([`Still with your insurance — not billed yet (${pending.length} ${pending.length === 1 ? 'line' : 'lines'}, ${usd(s.pendingCharges)} in charges)`]);
    g.format(captionFormat(rangeA1(cap, 1, cap, W)));
    for (const l of pending) {
      const r = g.push([{ date: l.serviceDate }, text(l.code), text(l.description ?? l.note), dollars(l.charge)]);
      fitDescription(g, r, l.description ?? l.note);
    }
    g.format({ range: rangeA1(cap + 1, 1, g.rows.length, 1), numFmt: DEFAULT_DATE_FORMAT, alignment: { horizontal: 'left' } });
    g.format({ range: rangeA1(cap + 1, 4, g.rows.length, 4), numFmt: CURRENCY_FORMAT });
    g.format({ range: rangeA1(cap + 1, 1, g.rows.length, W), font: { italic: true, color: '#595959' }, alignment: { vertical: 'top' } });
    g.format({ range: rangeA1(cap + 1, 3, g.rows.length, 3), alignment: { wrapText: true, vertical: 'top' } });
  }
  // Aging of what is owed.
  if (!refund) {
    g.push();
    const ah = g.push([null, null, 'Amount due by age', ...AGING_HEADER]);
    g.format({ range: rangeA1(ah, 3, ah, 3), font: { bold: true } });
    g.format({ range: rangeA1(ah, 4, ah, W), font: { bold: true }, fill: SUBTLE_FILL, alignment: { horizontal: 'right', wrapText: true } });
    g.height(ah, 30);
    const a = s.aging;
    const av = g.push([null, null, null, dollars(a.current), dollars(a.d31to60), dollars(a.d61to90), dollars(a.d91to120), dollars(a.over120)]);
    g.format({ range: rangeA1(av, 4, av, W), numFmt: CURRENCY_FORMAT, border: { bottom: 'thin' } });
  }
  // Message, options, assistance.
  g.push();
  paragraph(g, s.message, { bold: true });
  if (!refund && s.amountDue > 0) {
    g.push();
    const cap = g.push(['Ways to pay']);
    g.format(captionFormat(rangeA1(cap, 1, cap, W)));
    paragraph(g, `Pay the full ${usd(s.amountDue)} by ${usDate(s.dueDate)}, or call us to set up one of these plans:`);
    for (const o of s.planOptions) paragraph(g, `•  ${optionText(o)}`);
  }
  if (s.assistanceMessage) {
    g.push();
    paragraph(g, s.assistanceMessage, { italic: true });
  }
  // Remittance stub.
  g.push();
  const cut = g.push(['Please detach and return this part with your payment.']);
  g.format({ range: rangeA1(cut, 1, cut, W), border: { top: 'dashed' }, font: { italic: true, size: 9, color: '#595959' } });
  const stub: [CellValue, string, CellValue, string][] = [
    [text(p.practiceName), 'Account', text(s.account), '@'],
    [text(p.practiceAddress), 'Patient', text(pt.name), '@'],
    [null, refund ? 'Credit balance' : 'Amount due', dollars(refund ? s.creditBalance : s.amountDue), CURRENCY_FORMAT],
    ...(refund ? [] : [[null, 'Due date', { date: s.dueDate }, DEFAULT_DATE_FORMAT] as [CellValue, string, CellValue, string]]),
    ...(refund ? [] : [[null, 'Amount enclosed', '$ ____________', '@'] as [CellValue, string, CellValue, string]]),
  ];
  const stubTop = g.nextRow;
  stub.forEach(([left, label, value, fmt], i) => {
    const r = g.push([i === 0 ? 'Make payable to' : null, null, left, null, null, null, label, value]);
    g.format({ range: rangeA1(r, W - 1, r, W - 1), font: { bold: true }, alignment: { horizontal: 'right' } });
    g.format({ range: rangeA1(r, W, r, W), numFmt: fmt, alignment: { horizontal: 'right' } });
  });
  g.format({ range: rangeA1(stubTop, 1, stubTop, 1), font: { bold: true, size: 9, color: '#595959' } });
  void top;
}

/**
 * A description longer than its column wraps: the row is made tall enough,
 * as neither renderer's file makes Excel or LibreOffice grow it on opening
 * (the wrapped words printed over the next line of the bill).
 */
function fitDescription(g: GridBuilder, row: number, description: string | null): void {
  const lines = description ? wordWrappedLines(description, WIDTHS[2]! * 1.25) : 1;
  if (lines > 1) g.height(row, lines * 15 + 2);
}

/** Printed width of a word in average lowercase characters: capitals and digits are wider (an estimate). */
const textWidth = (w: string): number => {
  let n = 0;
  for (const ch of w) n += /[A-Z0-9]/.test(ch) ? 1.35 : 1;
  return n;
};

/**
 * Lines a short text takes with its words wrapped at `perLine` average
 * characters (a column `w` characters wide holds about 1.25 w of ordinary text).
 */
function wordWrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = textWidth(word);
    const need = used === 0 ? w : used + 1 + w;
    if (need <= perLine) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      used = w;
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
  }
  return lines;
}

function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/** A wrapped paragraph across the statement's width (merged, with a row height that fits it). */
function paragraph(g: GridBuilder, message: string, font?: { bold?: boolean; italic?: boolean }): void {
  const r = g.push([text(message)]);
  g.merge(r, 1, r, W);
  g.format({ range: rangeA1(r, 1, r, W), alignment: { wrapText: true, vertical: 'top' }, ...(font ? { font } : {}) });
  const lines = wrappedLines(message, FULL_WIDTH);
  if (lines > 1) g.height(r, lines * 15 + 2);
}
