/**
 * Transaction-ledger Type column (DESIGN §3), read case-, space- and
 * punctuation-insensitively.
 *
 * Kinds: `charge`; `payment` (insurer's when the row names a payer, else the
 * patient's); `insPayment` / `ptPayment` when the type says whose;
 * `secPayment` (secondary insurer — folded into secondaryPaid);
 * `adjustment` (contractual / write-off); `refund` (to the patient) and
 * `insRefund` (money returned to, or taken back by, an insurer); `denial`
 * (the insurer denied the line: an amount is optional).
 */
export type TransactionKind =
  | 'charge' | 'payment' | 'insPayment' | 'ptPayment' | 'secPayment' | 'adjustment' | 'refund' | 'insRefund' | 'denial';

const KINDS: Readonly<Record<string, TransactionKind>> = {
  charge: 'charge', chg: 'charge', chrg: 'charge', charges: 'charge', ch: 'charge', c: 'charge', debit: 'charge',
  service: 'charge', svc: 'charge', procedure: 'charge',
  payment: 'payment', pmt: 'payment', pymt: 'payment', pay: 'payment', paymt: 'payment', p: 'payment',
  inspmt: 'insPayment', inspayment: 'insPayment', insurancepayment: 'insPayment', insurancepmt: 'insPayment',
  inspymt: 'insPayment', payerpayment: 'insPayment', payerpmt: 'insPayment', primarypayment: 'insPayment',
  primarypmt: 'insPayment', era: 'insPayment', eob: 'insPayment', insurancepaid: 'insPayment', inspaid: 'insPayment',
  ptpmt: 'ptPayment', ptpayment: 'ptPayment', patientpayment: 'ptPayment', patientpmt: 'ptPayment',
  patpmt: 'ptPayment', patpayment: 'ptPayment', copay: 'ptPayment', copayment: 'ptPayment', ptpaid: 'ptPayment',
  patientpaid: 'ptPayment', selfpaypayment: 'ptPayment', guarantorpayment: 'ptPayment',
  secpmt: 'secPayment', secpayment: 'secPayment', secondarypayment: 'secPayment', secondarypmt: 'secPayment',
  secinspmt: 'secPayment', secondaryinsurancepayment: 'secPayment', secpaid: 'secPayment', secondarypaid: 'secPayment',
  adjustment: 'adjustment', adj: 'adjustment', adjust: 'adjustment', writeoff: 'adjustment', wo: 'adjustment',
  contractual: 'adjustment', contractualadjustment: 'adjustment', contractualadj: 'adjustment', contadj: 'adjustment',
  insadj: 'adjustment', insuranceadjustment: 'adjustment', discount: 'adjustment', credit: 'adjustment',
  baddebt: 'adjustment', baddebtwriteoff: 'adjustment', smallbalancewriteoff: 'adjustment', adjmt: 'adjustment',
  refund: 'refund', rfnd: 'refund', ref: 'refund', patientrefund: 'refund', ptrefund: 'refund', refundtopatient: 'refund',
  insrefund: 'insRefund', insurancerefund: 'insRefund', payerrefund: 'insRefund', recoupment: 'insRefund',
  takeback: 'insRefund', insurancerecoupment: 'insRefund', refundtoinsurance: 'insRefund',
  denial: 'denial', denied: 'denial', deny: 'denial', insdenial: 'denial', insurancedenial: 'denial', claimdenial: 'denial',
};

const KIND_BY_WORD: ReadonlyMap<string, TransactionKind> = new Map(Object.entries(KINDS));

export const TRANSACTION_TYPES_EXPECTED = 'expected Charge, Payment, Ins Pmt, Pt Pmt, Sec Pmt, Adjustment, Refund or Denial';

/** null when the text is not a known type (the caller reports the cell). */
export function transactionKind(text: string): TransactionKind | null {
  return KIND_BY_WORD.get(text.toLowerCase().replace(/[^a-z]/g, '')) ?? null;
}
