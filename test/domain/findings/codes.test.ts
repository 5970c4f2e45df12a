import { sheet, run, fired, notices, $ } from '../../support/findings';

describe('INVALID_PROCEDURE_CODE', () => {
  it.each(['99213', '0001F', '0042T', '0001U', '0002M', 'J1100', 'A0428', 'V2020'])('accepts %s', (code) => {
    expect(fired(run(sheet({ code })), 'INVALID_PROCEDURE_CODE')).toHaveLength(0);
  });

  it.each(['9921', '992134', '0001X', 'W1234', 'J110', '', '99 213', 'ABCDE'])('rejects %p', (code) => {
    expect(fired(run(sheet({ code })), 'INVALID_PROCEDURE_CODE')).toHaveLength(1);
  });

  it('on a payer line: error, at the code cell, amount = the charge (the claim at risk)', () => {
    const fs = fired(run(sheet({ code: '9921', billed: '125.00' })), 'INVALID_PROCEDURE_CODE');
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'D2', amount: $('125.00') });
    expect(fs[0]!.message).toContain('"9921"');
  });

  it('on a self-pay line: warning with no amount (no claim goes out)', () => {
    const fs = fired(run(sheet({ code: '9921', payer: 'Self Pay' })), 'INVALID_PROCEDURE_CODE');
    expect(fs[0]).toMatchObject({ severity: 'warning', cell: 'D2', amount: null });
  });
});

describe('INVALID_DIAGNOSIS_CODE', () => {
  it.each(['J069', 'J06.9', 'Z00.00', 'S72.001A', 'E11', 'M545', 'A00.0'])('accepts %s', (dx) => {
    expect(fired(run(sheet({ diagnoses: [dx] })), 'INVALID_DIAGNOSIS_CODE')).toHaveLength(0);
  });

  it.each(['J06.99999', 'J06.', '1J06', 'JJ06', 'J0', 'J06..9', 'J06-9'])('rejects %p', (dx) => {
    expect(fired(run(sheet({ diagnoses: [dx] })), 'INVALID_DIAGNOSIS_CODE')).toHaveLength(1);
  });

  it('one finding per line naming every bad code, at the diagnosis cell', () => {
    const fs = fired(run(sheet({ diagnoses: ['J06.9', 'J06.99999', 'XX'], billed: '80.00' })), 'INVALID_DIAGNOSIS_CODE');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'F2', amount: $('80.00') });
    expect(fs[0]!.inputs.invalid).toBe('J06.99999, XX');
  });
});

describe('INVALID_MODIFIER', () => {
  it('accepts two letters or digits', () => {
    expect(fired(run(sheet({ modifiers: ['25', 'LT', 'XS', 'Q5'] })), 'INVALID_MODIFIER')).toHaveLength(0);
  });
  it.each(['5', '255', 'L-', '2 '])('rejects %p at the modifier cell', (mod) => {
    const fs = fired(run(sheet({ modifiers: ['25', mod] })), 'INVALID_MODIFIER');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'E2', amount: $('100.00') });
  });
});

describe('MISSING_DIAGNOSIS', () => {
  it('fires on a charge with no diagnosis, at the diagnosis cell', () => {
    const fs = fired(run(sheet({ diagnoses: [] })), 'MISSING_DIAGNOSIS');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', row: 2, cell: 'F2', amount: $('100.00') });
  });

  it('finds the cell from the mapping when the blank cell has no recorded address', () => {
    const [l] = sheet({ diagnoses: [] });
    const { diagnoses: _omit, ...columns } = l!.columns;
    const fs = fired(run([{ ...l!, columns, movedCells: null }]), 'MISSING_DIAGNOSIS');
    expect(fs[0]!.cell).toBe('F2');
  });

  it('treats blank-only diagnosis entries as missing', () => {
    expect(fired(run(sheet({ diagnoses: ['', ' '] })), 'MISSING_DIAGNOSIS')).toHaveLength(1);
  });

  it('is silent when there is one', () => {
    expect(fired(run(sheet({ diagnoses: ['J06.9'] })), 'MISSING_DIAGNOSIS')).toHaveLength(0);
  });

  it('without a diagnosis column stays silent and says so once', () => {
    const fs = run(sheet({ diagnoses: [] }, { diagnoses: [] }, { diagnoses: [] }), { without: ['diagnoses'] });
    expect(fired(fs, 'MISSING_DIAGNOSIS')).toHaveLength(0);
    const n = notices(fs, 'MISSING_DIAGNOSIS');
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ row: null, cell: null, account: null, amount: null, severity: 'info' });
  });
});
