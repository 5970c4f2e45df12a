import { summarize, summaryToJson } from '../../../src/domain/kpis/summary';
import { config } from '../../support/builders';
import { d, handShares, sheet, workbook } from '../../support/findings';

const many = (payer: string | null, accounts: number, prefix: string) =>
  Array.from({ length: accounts }, (_, k) => ({ account: `${prefix}${k}`, payer, billed: '100.00', insurerPaid: payer ? '60.00' : null, status: 'paid' as const }));

function mix(...groups: ReturnType<typeof many>[]) {
  const lines = sheet(...groups.flat());
  const s = summarize({ ledger: workbook(lines), shares: lines.map((l) => handShares(l)), findings: [], config: config(), asOf: d('2026-04-01') });
  return summaryToJson(s).payerMix as { payer: string; accounts: number | string; charges: string }[];
}

describe('summary de-identification (DESIGN §2, §7: groups under SmallCellMin)', () => {
  it('shows groups of at least 11 accounts; pools smaller ones when the pool reaches 11', () => {
    const rows = mix(many('Acme', 20, 'a'), many('Beta', 6, 'b'), many('Gamma', 5, 'c'));
    expect(rows.map((r) => [r.payer, r.accounts, r.charges])).toEqual([['Acme', 20, '2000.00'], ['Other payers', 11, '1100.00']]);
  });

  it('a pool under 11 takes in the smallest shown group, so nothing can be subtracted out', () => {
    const rows = mix(many('Acme', 30, 'a'), many('Beta', 12, 'b'), many('Gamma', 3, 'c'));
    // Gamma alone (3) would be recoverable as total − Acme − Beta: Beta joins the pool (15 accounts).
    expect(rows.map((r) => [r.payer, r.accounts])).toEqual([['Acme', 30], ['Other payers', 15]]);
  });

  it('a ledger of fewer than 11 accounts shows <11 and no figures', () => {
    const rows = mix(many('Acme', 4, 'a'), many(null, 3, 's'));
    expect(rows).toEqual([{ payer: 'All payers', accounts: '<11', lines: '<11', charges: '<11', pctOfCharges: '<11' }]);
  });

  it('keeps the §7 summary keys', () => {
    const lines = sheet({});
    const j = summaryToJson(summarize({ ledger: workbook(lines), shares: lines.map((l) => handShares(l)), findings: [], config: config(), asOf: d('2026-04-01') }));
    expect(Object.keys(j)).toEqual(['totalCharges', 'contractualAdjustments', 'insurerPayments', 'patientPayments', 'arInsurer', 'arPatient',
      'netCollectionRate', 'denialRateCount', 'denialRateAmount', 'arOver90Pct', 'findingsByRule', 'aging', 'payerMix']);
  });
});
