import { sheet, run, notices, mapping } from '../../support/findings';
import type { Finding } from '../../../src/domain/findingTypes';
import type { ColumnMapping } from '../../../src/domain/ledger';

describe('info notices for rules that lack data', () => {
  // 40 payer lines, no configuration sheets, no shares, only the required columns mapped.
  const bare: ColumnMapping = { fields: { account: ['A'], serviceDate: ['C'], code: ['D'], billed: ['H'], payer: ['O'] }, unmapped: {}, confidence: 1 };
  const lines = sheet(...Array.from({ length: 40 }, (_, i) => ({ account: `A${i % 7}`, billed: '100.00', balance: null, memberId: null })));
  const fs = run(lines, { mapping: bare });

  it('says so once per rule concerned, never once per line', () => {
    const counts = new Map<Finding['rule'], number>();
    for (const n of notices(fs)) counts.set(n.rule, (counts.get(n.rule) ?? 0) + 1);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect([...counts.keys()].sort()).toEqual(
      [
        'ALLOWED_MISMATCH', 'BALANCE_MISMATCH', 'DENIED_UNWORKED', 'INSURER_OVERPAID',
        'INSURER_UNDERPAID', 'MISSING_DIAGNOSIS', 'MISSING_MEMBER_ID', 'NO_COVERAGE_ON_DOS', 'PATIENT_OVERBILLED',
        'PATIENT_OVERPAID', 'UNITS_OVER_LIMIT',
      ].sort(),
    );
  });

  it('notices are workbook-level: no row, cell, account, amount or date, and start with a word', () => {
    for (const n of notices(fs)) {
      expect(n).toMatchObject({ severity: 'info', sheet: 'Ledger', row: null, cell: null, account: null, amount: null, serviceDate: null });
      expect(n.message).toMatch(/^[A-Z][a-z]/);
    }
  });

  // DESIGN §4 (revised) defines every line's balance, with or without a Balance column, so CREDIT_BALANCE and
  // COLLECTIONS_CANDIDATE always have one and give no notice (they used to without a Balance column).
  it('credit balances and collections need no Balance column: no notice for them', () => {
    const selfPay = sheet(...Array.from({ length: 5 }, () => ({ payer: null, balance: null })));
    const fs = run(selfPay, { mapping: bare });
    expect(notices(fs, 'COLLECTIONS_CANDIDATE')).toHaveLength(0);
    expect(notices(fs, 'CREDIT_BALANCE')).toHaveLength(0);
  });

  it('a column missing on one sheet only: the notice names that sheet', () => {
    const two = [...sheet({}, {}), ...sheet({}, {}).map((l, i) => ({ ...l, index: i + 2, sheet: 'Feb' }))];
    const fs = run(two, { mappings: { Feb: { ...bare, fields: { ...bare.fields, insurerPaid: ['J'] } } } });
    const n = notices(fs, 'BALANCE_MISMATCH');
    expect(n).toHaveLength(1);
    expect(n[0]!.message).toMatch(/sheet Feb has no Balance column/);
  });

  it('an empty ledger gets no findings and no notices', () => {
    expect(run([], { mapping: mapping() })).toEqual([]);
  });

  it('a fully mapped, fully configured ledger gets only the notices its data calls for', () => {
    // All columns mapped, but no shares and no config sheets: the column notices disappear.
    const full = run(lines);
    const rules = notices(full).map((n) => n.rule);
    expect(rules).not.toContain('BALANCE_MISMATCH');
    expect(rules).not.toContain('MISSING_DIAGNOSIS');
    expect(rules).not.toContain('DENIED_UNWORKED');
    expect(rules).not.toContain('MISSING_MEMBER_ID');
    expect(rules).toContain('INSURER_UNDERPAID'); // still no shares
  });
});
