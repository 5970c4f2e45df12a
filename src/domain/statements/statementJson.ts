/**
 * DESIGN §7 statement JSON: `{ account, statementDate, dueDate, amountDue,
 * balanceSince, stage, aging: { current, "31-60", "61-90", "91-120", over120 } }`
 * first, then the whole model as extra fields. Money as "0.00" strings,
 * dates YYYY-MM-DD, percents as numbers.
 */
import { formatMoney, percentToNumber, type Cents } from '../money';
import { toIso } from '../day';
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import { hundredthsToNumber } from '../plans/assistance';
import type { PlanOption } from '../plans/planOptions';
import { DUNNING_LABELS } from './dunning';
import type { Aging } from './aging';
import { statementLines } from './lineAmounts';
import type { Statement } from './statementTypes';

const m = (c: Cents): string => formatMoney(c);

export interface AgingJson {
  current: string;
  '31-60': string;
  '61-90': string;
  '91-120': string;
  over120: string;
}

export function agingToJson(a: Aging): AgingJson {
  return { current: m(a.current), '31-60': m(a.d31to60), '61-90': m(a.d61to90), '91-120': m(a.d91to120), over120: m(a.over120) };
}

function optionToJson(o: PlanOption) {
  if (o.kind === 'equal') {
    return { kind: o.kind, months: o.months, monthlyPayment: m(o.monthlyPayment), lastPayment: m(o.lastPayment), total: m(o.total) };
  }
  return {
    kind: o.kind,
    months: o.months,
    monthlyPayment: m(o.monthlyPayment),
    lastPayment: m(o.lastPayment),
    total: m(o.total),
    assistanceDiscountPct: percentToNumber(o.plan.assistance.discountPct),
    balanceAfterAssistance: m(o.plan.balanceAfterAssistance),
    exceedsAffordability: o.plan.exceedsAffordability,
    firstDueDate: toIso(o.plan.start),
  };
}

/** `lines` and `shares` are the run's the statement was built from (its linePositions index them). */
export function statementToJson(s: Statement, lines: readonly LedgerLine[], shares: readonly LineShares[]) {
  return {
    account: s.account,
    statementDate: toIso(s.statementDate),
    dueDate: toIso(s.dueDate),
    amountDue: m(s.amountDue),
    balanceSince: s.balanceSince === null ? null : toIso(s.balanceSince),
    stage: s.dunningStage,
    aging: agingToJson(s.aging),
    kind: s.kind,
    creditBalance: m(s.creditBalance),
    practice: { ...s.practice },
    patient: { ...s.patient },
    insurance: s.insurance.map((i) => ({ ...i })),
    lines: statementLines(s, lines, shares).map((l) => ({
      sheet: l.sheet,
      row: l.row,
      serviceDate: toIso(l.serviceDate),
      code: l.code,
      description: l.description,
      charge: m(l.charge),
      insurancePaid: m(l.insurancePaid),
      adjustments: m(l.adjustments),
      patientPaid: m(l.patientPaid),
      patientBalance: m(l.patientBalance),
      pending: l.pending,
      note: l.note,
    })),
    totals: {
      charges: m(s.totals.charges),
      insurancePaid: m(s.totals.insurancePaid),
      adjustments: m(s.totals.adjustments),
      patientPaid: m(s.totals.patientPaid),
      patientBalance: m(s.totals.patientBalance),
    },
    pendingLines: s.pendingLines,
    pendingCharges: m(s.pendingCharges),
    dunningStage: s.dunningStage,
    dunningLabel: s.dunningStage === null ? null : DUNNING_LABELS[s.dunningStage],
    oldestOpenDays: s.oldestOpenDays,
    message: s.message,
    planOptions: s.planOptions.map(optionToJson),
    assistanceNotice: s.assistanceNotice === null ? null : {
      kind: s.assistanceNotice.kind,
      message: s.assistanceNotice.message,
      fplPercent: s.assistanceNotice.fplHundredths === null ? null : hundredthsToNumber(s.assistanceNotice.fplHundredths),
      discountPct: s.assistanceNotice.discountPct === null ? null : percentToNumber(s.assistanceNotice.discountPct),
      estimatedDiscount: s.assistanceNotice.estimatedDiscount === null ? null : m(s.assistanceNotice.estimatedDiscount),
    },
    remittance: {
      account: s.remittance.account,
      patientName: s.remittance.patientName,
      amountDue: m(s.remittance.amountDue),
      dueDate: toIso(s.remittance.dueDate),
      payToName: s.remittance.payToName,
      payToAddress: s.remittance.payToAddress,
    },
    onPaymentPlan: s.onPaymentPlan,
    flags: [...s.flags],
  };
}

export type StatementJson = ReturnType<typeof statementToJson>;
