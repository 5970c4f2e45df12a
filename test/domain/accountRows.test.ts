import { accountRows } from '../../src/domain/accountRows';
import { coverage, patient } from '../support/builders';

describe('accountRows: each account’s Patients and Coverage rows', () => {
  test('the first Patients row of an account wins; accounts compare without surrounding spaces', () => {
    const first = patient({ account: ' A1 ', name: 'First', row: 2 });
    const again = patient({ account: 'A1', name: 'Second', row: 3 });
    const other = patient({ account: 'B2', name: 'Other', row: 4 });
    const { patients } = accountRows({ patients: [first, again, other], coverage: [] });
    expect(patients.get('A1')?.row).toBe(2);
    expect(patients.get('B2')?.row).toBe(4);
    expect(patients.size).toBe(2);
  });

  test('an account’s Coverage rows stay in sheet order; an account without rows has none', () => {
    const rows = [
      coverage({ account: 'A1', planId: 'P1', row: 2 }),
      coverage({ account: 'B2', planId: 'P1', row: 3 }),
      coverage({ account: 'A1 ', planId: 'P2', priority: 'Secondary', row: 4 }),
    ];
    const byAccount = accountRows({ patients: [], coverage: rows }).coverage;
    expect(byAccount.get('A1')?.map((c) => c.row)).toEqual([2, 4]);
    expect(byAccount.get('B2')?.map((c) => c.row)).toEqual([3]);
    expect(byAccount.get('C3')).toBeUndefined();
  });
});
