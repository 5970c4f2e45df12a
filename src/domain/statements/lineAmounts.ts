/**
 * Per line: is it still with insurance, and what does the patient owe on it?
 *
 * Pending with insurance is the shared definition in lineStatus.ts (so the
 * bill, findings and KPIs agree): billed to a payer and either status
 * Pending/Appealed, or not yet adjudicated — no Paid status, no insurer
 * payment, no denial.
 *
 * Patient balance = patientShare − (patient paid − refunds sent) when
 * adjudication gives a patient share (DESIGN §7). With no share (no
 * configuration) we trust the ledger: its Balance column, else billed −
 * adjustment − insurer and secondary payments − patient payments + refunds
 * (lineStatus.lineBalance). Once insurance has decided a line, what is left
 * on it is the patient's.
 */
import { add as addImport, sub as subImport, ZERO as ZEROImport, type Cents } from '../money';
import type { LedgerLine } from '../ledger';
import type { LineShares } from '../shareTypes';
import { isPendingWithInsurance as isPendingWithInsuranceImport, lineBalance as lineBalanceImport, netPatientPaid as netPatientPaidImport } from '../lineStatus';
import type { BalanceSource, StatementLine } from './statementTypes';
import { safeOrNull as safeOrNullImport, safeText as safeTextImport } from './text';
// Local bindings: a compiled import is a property read (a getter under tsx) on every call, per line of the ledger.
const safeOrNull = safeOrNullImport, safeText = safeTextImport;
const isPendingWithInsurance = isPendingWithInsuranceImport, lineBalance = lineBalanceImport;
const add = addImport, sub = subImport, ZERO = ZEROImport, netPatientPaid = netPatientPaidImport;

export const PENDING_NOTE = 'Pending with insurance';

export function patientBalanceOf(line: LedgerLine, share: LineShares | undefined): { balance: Cents; source: BalanceSource } {
  if (share && share.patientShare !== null) return { balance: sub(share.patientShare, netPatientPaid(line)), source: 'patient-share' };
  if (line.balance !== null) return { balance: line.balance, source: 'ledger-balance' };
  return { balance: lineBalance(line), source: 'computed' };
}

export function statementLine(line: LedgerLine, share: LineShares | undefined): StatementLine {
  const insurancePaid = add(line.insurerPaid ?? ZERO, line.secondaryPaid ?? ZERO);
  const patientPaid = netPatientPaid(line);
  const pending = isPendingWithInsurance(line);
  const { balance, source } = patientBalanceOf(line, share);
  const patientBalance = pending ? ZERO : balance;
  const adjustments = pending ? (line.adjustment ?? ZERO) : sub(sub(sub(line.billed, insurancePaid), patientPaid), patientBalance);
  return {
    lineIndex: line.index,
    sheet: line.sheet,
    row: line.row,
    serviceDate: line.serviceDate,
    code: safeText(line.code),
    description: safeOrNull(line.description),
    charge: line.billed,
    insurancePaid,
    adjustments,
    patientPaid,
    patientBalance,
    pending,
    note: pending ? PENDING_NOTE : null,
    balanceSource: source,
  };
}
