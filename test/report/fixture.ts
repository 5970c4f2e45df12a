/** A small hand-built ReportInput: three accounts, hand-worked figures (cents). */
import type { ReportInput, ReportLine, ReportStatement } from '../../src/report/reportInput';

const line = (over: Partial<ReportLine> & Pick<ReportLine, 'row' | 'account' | 'serviceDate' | 'code' | 'billed'>): ReportLine => ({
  sheet: 'Ledger', cell: `A${over.row}`, patientName: null, units: 1,
  allowed: null, contractual: null, copay: null, deductible: null, coinsurance: null,
  patientShare: null, insurerShare: null, secondaryShare: null, explanation: '',
  payer: null, selfPay: true, insurerPaid: null, balance: 0, denied: false,
  ...over,
});

export const LINES: ReportLine[] = [
  // §5's worked check: billed 1,000.00, allowed 600.00, deductible 500.00 left, 20 % → patient 520.00, insurer 80.00.
  line({
    row: 5, account: 'A100', patientName: 'Ann Smith', serviceDate: '2026-09-15', code: '99214', billed: 100000,
    allowed: 60000, contractual: 40000, copay: 0, deductible: 50000, coinsurance: 2000, patientShare: 52000, insurerShare: 8000, secondaryShare: 0,
    explanation: 'Allowed 600.00; deductible 500.00; 20% coinsurance 20.00.', payer: 'Aetna', selfPay: false, insurerPaid: 7000, balance: 53000,
  }),
  // Coverage unknown: every share null.
  line({ row: 6, account: 'B200', patientName: '=HYPERLINK("http://x","y")', serviceDate: '2026-06-01', code: '80053', billed: 25050, balance: 25050, explanation: 'Coverage unknown.' }),
  line({ row: 7, account: 'C300', patientName: '+1+2', serviceDate: '2026-10-20', code: '-2+3', billed: 15000, balance: 15000, explanation: '@SUM(1)' }),
];

const statement = (account: string, name: string, amountDue: number, over: Partial<ReportStatement> = {}): ReportStatement => ({
  kind: 'statement', account, statementDate: '2026-11-01', dueDate: '2026-12-01', amountDue, creditBalance: 0,
  aging: { current: 0, d31to60: amountDue, d61to90: 0, d91to120: 0, over120: 0 },
  patient: { name, address1: '12 Elm St', address2: null, city: 'Springfield', state: 'IL', zip: '62701', addressMissing: false },
  insurance: [],
  lines: [{ serviceDate: '2026-09-15', code: '99214', description: 'Office visit', charge: amountDue, insurancePaid: 0, adjustments: 0, patientPaid: 0, patientBalance: amountDue, pending: false, note: null }],
  totals: { charges: amountDue, insurancePaid: 0, adjustments: 0, patientPaid: 0, patientBalance: amountDue },
  pendingLines: 0, pendingCharges: 0, stageLabel: 'Reminder',
  message: `Reminder: your balance of $${(amountDue / 100).toFixed(2)} is due by 12/01/2026.`,
  planOptions: [{ kind: 'equal', months: 3, monthlyPayment: Math.ceil(amountDue / 3), lastPayment: amountDue - 2 * Math.ceil(amountDue / 3), total: amountDue }],
  assistanceMessage: 'You may qualify for financial assistance. Call us to apply.',
  ...over,
});

export function smallInput(over: Partial<ReportInput> = {}): ReportInput {
  return {
    asOf: '2026-11-01', runAt: '2026-11-01T12:00:00.000Z', version: '0.1.0', producer: 'patient-ledger CLI',
    links: { kind: 'file', file: 'ledger.xlsx' },
    sheets: [{ sheet: 'Ledger', headerRow: 4, rowsRead: 4, linesAnalyzed: 3, excludedRows: 1, blankRows: 0, totalRows: 0 }],
    inputIssues: 1,
    policy: { practiceName: 'Springfield Family Practice', practiceAddress: '1 Main St, Springfield, IL 62701', practicePhone: '(217) 555-0100', smallCellMin: 11 },
    lines: LINES,
    findings: [
      {
        rule: 'INSURER_UNDERPAID', severity: 'error', sheet: 'Ledger', row: 5, cell: 'M5', account: 'A100', patientName: 'Ann Smith',
        serviceDate: '2026-09-15', code: '99214', amount: 1000, message: 'Insurer underpaid: Aetna paid $70.00 but its expected share is $80.00, $10.00 short.',
        inputs: { expectedInsurerShare: '80.00', insurerPaid: '70.00', tolerance: '0.01' },
      },
      {
        rule: 'INVALID_PROCEDURE_CODE', severity: 'warning', sheet: 'Ledger', row: 7, cell: 'E7', account: 'C300', patientName: '+1+2',
        serviceDate: '2026-10-20', code: '-2+3', amount: null, message: '-2+3 is not a procedure code', inputs: { code: '-2+3' },
      },
      {
        rule: 'BALANCE_MISMATCH', severity: 'info', sheet: 'Ledger', row: null, cell: null, account: null, patientName: null,
        serviceDate: null, code: null, amount: null, message: 'Line balances were not checked.', inputs: {},
      },
    ],
    statements: [statement('A100', 'Ann Smith', 53000), statement('B200', '=HYPERLINK("http://x","y")', 25050), statement('C300', '+1+2', 15000)],
    plans: [{
      account: 'A100', patientName: 'Ann Smith', balance: 53000, fplPercent: 250.5, assistanceDiscountPct: 50, balanceAfterAssistance: 26500,
      monthlyPayment: 10000, months: 3, apr: 0, totalInterest: 0, exceedsAffordability: false,
      schedule: [
        { n: 1, dueDate: '2026-12-01', payment: 10000, interest: 0, principal: 10000, remaining: 16500 },
        { n: 2, dueDate: '2027-01-01', payment: 10000, interest: 0, principal: 10000, remaining: 6500 },
        { n: 3, dueDate: '2027-02-01', payment: 6500, interest: 0, principal: 6500, remaining: 0 },
      ],
    }],
    kpis: {
      totalCharges: 140050, contractualAdjustments: 40000, insurerPayments: 7000, patientPayments: 0, arInsurer: 0, arPatient: 93050,
      netCollectionRate: 7, denialRateCount: 0, denialRateAmount: 0, arOver90Pct: 26.92,
    },
    ...over,
  };
}
