/**
 * The one place an AnalysisResult becomes a ReportInput. Kept small on
 * purpose: the domain's result types are being reworked, and this is where
 * the shapes meet.
 */
import type { AnalysisResult } from '../app/analyze';
import type { LedgerLine } from '../domain/ledger';
import { cellOf } from '../domain/ledger';
import type { LineShares } from '../domain/shareTypes';
import { toIso } from '../domain/day';
import { explainShares } from '../domain/adjudication/explanation';
import { percentToNumber } from '../domain/money';
import { lineBalance } from '../domain/lineBalance';
import { DUNNING_LABELS } from '../domain/statements/dunning';
import { statementLines } from '../domain/statements/lineAmounts';
import { startsLikeFormula } from '../domain/statements/text';
import type { Statement } from '../domain/statements';
import type { PaymentPlan } from '../domain/plans/paymentPlan';
import type { LinkBase, ReportInput, ReportLine, ReportPaymentPlan, ReportStatement } from './reportInput';

export interface ReportOptions {
  readonly links: LinkBase;
  /** ISO timestamp of the run. */
  readonly runAt: string;
  readonly version: string;
  readonly producer: string;
  /** Accounts to write a `Payment Plan - <account>` sheet for (their statement's income-based plan). */
  readonly planAccounts?: readonly string[];
}

/** The share's working in words (the domain's one sentence-maker). */
/** A ledger line and adjudication's decisions on it (who pays it, where it stands: DESIGN §4). */
function lineOf(l: LedgerLine, s: LineShares): ReportLine {
  return {
    sheet: l.sheet, row: l.row, cell: cellOf(l, 'account') ?? `A${l.row}`, account: l.account, patientName: l.patientName,
    serviceDate: toIso(l.serviceDate), code: l.code, units: l.units, billed: l.billed,
    allowed: s.allowed, contractual: s.contractual, copay: s.copay, deductible: s.deductible,
    coinsurance: s.coinsurance, patientShare: s.patientShare, insurerShare: s.insurerShare,
    secondaryShare: s.secondaryShare, explanation: explainShares(s),
    payer: l.payer, selfPay: s.whoPays === 'self-pay', insurerPaid: l.insurerPaid, balance: lineBalance(l),
    denied: s.standing === 'denied-office' || s.standing === 'denied-patient',
  };
}

/**
 * The statement builder guards text for JSON readers with Excel's apostrophe
 * (`'+1+2`, domain/statements/text.ts). The plan guards text itself
 * (`{ text }`, written under the text format), so on a bill that apostrophe
 * would print in front of the patient's name: take it off again. (A value
 * that really began with an apostrophe and then = + - @ loses that
 * apostrophe: far rarer than a name like "-Smith".)
 */
function unguarded<T extends string | null>(s: T): T {
  return (s !== null && s.startsWith("'") && startsLikeFormula(s.slice(1)) ? s.slice(1) : s) as T;
}

function statementOf(s: Statement, r: AnalysisResult): ReportStatement {
  const p = s.patient;
  return {
    kind: s.kind, account: s.account, statementDate: toIso(s.statementDate), dueDate: toIso(s.dueDate),
    amountDue: s.amountDue, creditBalance: s.creditBalance, aging: { ...s.aging },
    patient: {
      ...p, name: unguarded(p.name), address1: unguarded(p.address1), address2: unguarded(p.address2), city: unguarded(p.city),
      state: unguarded(p.state), zip: unguarded(p.zip),
    },
    insurance: s.insurance.map((i) => ({ payer: unguarded(i.payer), memberId: unguarded(i.memberId), priority: i.priority })),
    lines: statementLines(s, r.ledger.lines, r.shares).map((l) => ({
      serviceDate: toIso(l.serviceDate), code: unguarded(l.code), description: unguarded(l.description), charge: l.charge, insurancePaid: l.insurancePaid,
      adjustments: l.adjustments, patientPaid: l.patientPaid, patientBalance: l.patientBalance, pending: l.pending, note: unguarded(l.note),
    })),
    totals: { ...s.totals }, pendingLines: s.pendingLines, pendingCharges: s.pendingCharges,
    stageLabel: s.dunningStage === null ? null : DUNNING_LABELS[s.dunningStage],
    message: s.message,
    planOptions: s.planOptions.map((o) => ({ kind: o.kind, months: o.months, monthlyPayment: o.monthlyPayment, lastPayment: o.lastPayment, total: o.total })),
    assistanceMessage: s.assistanceNotice?.message ?? null,
  };
}

/** `patientName` as a statement holds it (guarded or not: the guard comes off here). */
export function paymentPlanOf(account: string, patientName: string | null, p: PaymentPlan): ReportPaymentPlan {
  return {
    account, patientName: unguarded(patientName), balance: p.balance,
    fplPercent: p.assistance.fplHundredths === null ? null : p.assistance.fplHundredths / 100,
    assistanceDiscountPct: percentToNumber(p.assistance.discountPct), balanceAfterAssistance: p.balanceAfterAssistance,
    monthlyPayment: p.monthlyPayment, months: p.months, apr: percentToNumber(p.apr), totalInterest: p.totalInterest,
    exceedsAffordability: p.exceedsAffordability,
    schedule: p.schedule.map((i) => ({ n: i.n, dueDate: toIso(i.dueDate), payment: i.payment, interest: i.interest, principal: i.principal, remaining: i.remaining })),
  };
}

/** Every ledger sheet read; a single-sheet Ledger (the shape before WorkbookLedger) reads as one. */
function sheetsOf(r: AnalysisResult): ReportInput['sheets'] {
  const l = r.ledger as AnalysisResult['ledger'] & { sheet?: string; headerRow?: number };
  if (Array.isArray(l.sheets)) return l.sheets.map((x) => ({ sheet: x.sheet, headerRow: x.headerRow, ...x.counts }));
  return [{ sheet: l.sheet ?? '', headerRow: l.headerRow ?? 0, ...l.counts }];
}

export function reportInputFrom(r: AnalysisResult, opts: ReportOptions): ReportInput {
  const lines = r.ledger.lines;
  const byRow = new Map<string, LedgerLine>();
  for (const l of lines) byRow.set(`${l.sheet}\u0001${l.row}`, l);
  const plans: ReportPaymentPlan[] = [];
  for (const account of opts.planAccounts ?? []) {
    const st = r.statements.find((s) => s.account === account);
    const opt = st?.planOptions.find((o) => o.kind === 'income-based');
    if (st && opt && opt.kind === 'income-based') plans.push(paymentPlanOf(account, st.patient.name, opt.plan));
  }
  const s = r.summary;
  return {
    asOf: toIso(r.asOf), runAt: opts.runAt, version: opts.version, producer: opts.producer, links: opts.links,
    sheets: sheetsOf(r),
    inputIssues: r.inputIssues.length,
    policy: {
      practiceName: r.config.policy.practiceName, practiceAddress: r.config.policy.practiceAddress,
      practicePhone: r.config.policy.practicePhone, smallCellMin: r.config.policy.smallCellMin,
    },
    lines: lines.map((l, i) => lineOf(l, r.shares[i]!)),
    findings: r.findings.map((f) => {
      const line = f.row === null ? undefined : byRow.get(`${f.sheet}\u0001${f.row}`);
      return {
        rule: f.rule, severity: f.severity, sheet: f.sheet, row: f.row, cell: f.cell, account: f.account,
        patientName: line?.patientName ?? null, serviceDate: f.serviceDate === null ? null : toIso(f.serviceDate),
        code: line?.code ?? null, amount: f.amount, message: f.message, inputs: f.inputs,
      };
    }),
    statements: r.statements.map((st) => statementOf(st, r)),
    plans,
    kpis: {
      totalCharges: s.totalCharges, contractualAdjustments: s.contractualAdjustments, insurerPayments: s.insurerPayments,
      patientPayments: s.patientPayments, arInsurer: s.arInsurer, arPatient: s.arPatient, netCollectionRate: s.netCollectionRate,
      denialRateCount: s.denialRateCount, denialRateAmount: s.denialRateAmount, arOver90Pct: s.arOver90Pct,
    },
  };
}
