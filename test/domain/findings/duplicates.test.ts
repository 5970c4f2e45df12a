import { sheet, run, fired, $ } from '../../support/findings';

const charge = { account: 'A1', serviceDate: '2026-03-02', code: '99213', billed: '120.00', units: 1 };

describe('DUPLICATE_CHARGE', () => {
  it('flags the later copy, at its charge cell, amount = its charge', () => {
    const fs = fired(run(sheet(charge, { ...charge, code: '85025' }, charge)), 'DUPLICATE_CHARGE');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 4, cell: 'H4', account: 'A1', amount: $('120.00') });
    expect(fs[0]!.inputs.originalRow).toBe('2');
  });

  it('flags every further copy against the first', () => {
    const fs = fired(run(sheet(charge, charge, charge)), 'DUPLICATE_CHARGE');
    expect(fs.map((f) => [f.row, f.inputs.originalRow])).toEqual([[3, '2'], [4, '2']]);
  });

  it('treats modifiers in any order as the same', () => {
    expect(fired(run(sheet({ ...charge, modifiers: ['25', 'LT'] }, { ...charge, modifiers: ['LT', '25'] })), 'DUPLICATE_CHARGE')).toHaveLength(1);
  });

  it.each([
    ['account', { account: 'A2' }],
    ['service date', { serviceDate: '2026-03-03' }],
    ['code', { code: '99214' }],
    ['modifiers', { modifiers: ['25'] }],
    ['units', { units: 2 }],
    ['charge', { billed: '120.01' }],
  ])('is silent when the %s differs', (_what, change) => {
    expect(fired(run(sheet(charge, { ...charge, ...change })), 'DUPLICATE_CHARGE')).toHaveLength(0);
  });

  it.each(['76', '77', '91', '59', 'XE', 'XS', 'XP', 'XU'])('is exempt with modifier %s', (mod) => {
    expect(fired(run(sheet({ ...charge, modifiers: [mod] }, { ...charge, modifiers: [mod] })), 'DUPLICATE_CHARGE')).toHaveLength(0);
  });
});

describe('DUPLICATE_CHARGE at scale', () => {
  it('finds the one copy among many lines of many accounts, whatever their order', () => {
    const many = Array.from({ length: 300 }, (_, k) => ({
      account: `A${k % 17}`, serviceDate: `2026-03-${String(1 + (k % 28)).padStart(2, '0')}`, code: '99213', billed: `${100 + k}.00`,
    }));
    const copy = { ...many[123]! };
    const fs = fired(run(sheet(...many.slice(0, 200), copy, ...many.slice(200))), 'DUPLICATE_CHARGE');
    expect(fs.map((f) => [f.row, f.inputs.originalRow])).toEqual([[202, '125']]);
  });

  it('finds copies the same way on an account with more lines than FEW_LINES (filed by key)', () => {
    const many = Array.from({ length: 100 }, (_, k) => ({
      account: 'A1', serviceDate: `2026-03-${String(1 + (k % 28)).padStart(2, '0')}`, code: '99213', billed: `${100 + k}.00`, modifiers: ['25', 'LT'],
    }));
    const copy = { ...many[40]!, modifiers: ['LT', '25'] };
    const exempt = { ...many[41]!, modifiers: ['59'] };
    const fs = fired(run(sheet(...many, copy, exempt, copy)), 'DUPLICATE_CHARGE');
    expect(fs.map((f) => [f.row, f.inputs.originalRow])).toEqual([[102, '42'], [104, '42']]);
  });
});
