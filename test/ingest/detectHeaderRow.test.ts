import { detectHeaderRow, type HeaderDetection } from '../../src/ingest/headers/detectHeaderRow';
import { SYNONYMS } from '../../src/ingest/headers/synonyms';
import { normaliseHeader } from '../../src/ingest/headers/normaliseHeader';
import { ingestLedger } from '../../src/ingest/ledger/ingestLedger';
import type { CellValue } from '../../src/ingest/grid';
import { gridOf } from '../support/gridOf';

function detect(rows: CellValue[][], map?: Record<string, string>): HeaderDetection {
  const r = detectHeaderRow(gridOf(rows), map ? { map } : {});
  if (!r.ok) throw new Error(r.message);
  return r.header;
}

const fieldsOf = (h: HeaderDetection): Record<string, readonly string[] | undefined> => h.mapping.fields as Record<string, readonly string[] | undefined>;

describe('synonyms', () => {
  test('each normalised synonym belongs to one field only', () => {
    const owner = new Map<string, string>();
    for (const [field, names] of Object.entries(SYNONYMS)) {
      for (const n of names) {
        expect(n).toBe(normaliseHeader(n));
        const prev = owner.get(n);
        if (prev !== undefined && prev !== field) throw new Error(`${n} is both ${prev} and ${field}`);
        owner.set(n, field);
      }
    }
  });

  test('every DESIGN §3 name maps to its field', () => {
    const design: Record<string, string[]> = {
      account: ['Account', 'Account #', 'Acct', 'MRN', 'Patient ID', 'Guarantor #'],
      patientName: ['Patient', 'Patient Name', 'Name'],
      dob: ['DOB', 'Date of Birth', 'Birth Date'],
      serviceDate: ['DOS', 'Date of Service', 'Service Date', 'Svc Date'],
      postingDate: ['Posting Date', 'Post Date', 'Posted'],
      code: ['CPT', 'HCPCS', 'CPT/HCPCS', 'Procedure', 'Proc Code', 'Code'],
      modifiers: ['Modifier', 'Modifiers', 'Mod', 'Mod 1', 'Mod 4'],
      diagnoses: ['ICD-10', 'ICD10', 'Dx', 'Diagnosis', 'Dx 1', 'Dx 4', 'ICD-10 2', 'Diagnosis 3'],
      description: ['Description', 'Desc'],
      units: ['Units', 'Qty', 'Quantity'],
      billed: ['Charge', 'Charges', 'Billed', 'Billed Amount', 'Amount Billed'],
      allowed: ['Allowed', 'Allowed Amount'],
      insurerPaid: ['Insurance Paid', 'Ins Paid', 'Payer Paid', 'Primary Paid'],
      secondaryPaid: ['Secondary Paid', 'Sec Paid'],
      patientPaid: ['Patient Paid', 'Pt Paid', 'Patient Payment'],
      adjustment: ['Adjustment', 'Adj', 'Write Off', 'Contractual'],
      balance: ['Balance', 'Bal', 'Balance Due'],
      payer: ['Payer', 'Insurance', 'Insurer', 'Carrier'],
      planId: ['Plan', 'Plan ID'],
      memberId: ['Member ID', 'Subscriber ID', 'Policy #', 'Policy Number'],
      claimId: ['Claim', 'Claim #', 'Claim ID'],
      lineId: ['Line', 'Line #'],
      status: ['Status', 'Claim Status'],
      denialCode: ['Denial Code', 'CARC', 'Reason Code'],
      pos: ['POS', 'Place of Service'],
    };
    for (const [field, names] of Object.entries(design)) {
      for (const n of names) {
        // Alone next to an Account column (or as it), each name must land on its field.
        const row = field === 'account' ? [n] : ['Acct No', n];
        const h = detect([row]);
        expect([n, fieldsOf(h)[field]]).toEqual([n, [field === 'account' ? 'A' : 'B']]);
      }
    }
  });

  test('ambiguous neighbours: Insurance vs Insurance Paid, Patient vs Patient Paid/ID, Code vs Reason Code, Plan vs Payment Plan', () => {
    const h = detect([['Patient', 'Patient Paid', 'Patient ID', 'Insurance', 'Insurance Paid', 'Code', 'Reason Code', 'Denial Code', 'Plan', 'Payment Plan', 'Line Total']]);
    const f = fieldsOf(h);
    expect(f.patientName).toEqual(['A']);
    expect(f.patientPaid).toEqual(['B']);
    expect(f.account).toEqual(['C']);
    expect(f.payer).toEqual(['D']);
    expect(f.insurerPaid).toEqual(['E']);
    expect(f.code).toEqual(['F']);
    expect(f.denialCode).toEqual(['H']); // "Denial Code" is the better name of the two; the other is left unmapped
    expect(f.planId).toEqual(['I']);
    expect(h.mapping.unmapped).toEqual({ G: 'Reason Code', J: 'Payment Plan', K: 'Line Total' });
  });

  test('the better synonym wins whatever the order: Account over MRN, DOS over Date', () => {
    const f = fieldsOf(detect([['MRN', 'Date', 'Account', 'DOS', 'CPT', 'Charge']]));
    expect(f.account).toEqual(['C']);
    expect(f.serviceDate).toEqual(['D']);
    expect(f.postingDate).toEqual(['B']);
  });

  test('careful fallbacks: noise words at the ends only, money words only to money fields', () => {
    const h = detect([['Account', 'Insurance Paid Amt', 'Total Adjustments', 'Line Charge', 'Account Total', 'Claim Total']]);
    const f = fieldsOf(h);
    expect(f.insurerPaid).toEqual(['B']);
    expect(f.adjustment).toEqual(['C']);
    expect(f.billed).toEqual(['D']);
    expect(h.mapping.unmapped).toEqual({ E: 'Account Total', F: 'Claim Total' });
  });
});

describe('header row choice', () => {
  test('title rows above; the best row with an Account column wins', () => {
    const h = detect([
      ['Account Statement'],
      ['Account', 'Period'],
      ['Acct', 'DOS', 'CPT', 'Charge', 'Paid'],
    ]);
    expect(h.headerRow).toBe(3);
    expect(h.mapping.unmapped).toEqual({ E: 'Paid' });
  });

  test('confidence: all required + all recognised = 1; fewer recognised lowers it', () => {
    expect(detect([['Account', 'DOS', 'CPT', 'Charge']]).mapping.confidence).toBe(1);
    // 4/4 required (0.6) + 4 of 8 recognised (0.4 × 0.5) = 0.8
    expect(detect([['Account', 'DOS', 'CPT', 'Charge', 'W', 'X', 'Y', 'Z']]).mapping.confidence).toBe(0.8);
  });

  test('an Excel table: the header is its first row', () => {
    const r = detectHeaderRow(gridOf([['Acct', 'DOS', 'CPT', 'Charge'], ['A1', 46083, '99213', 10]], { tableName: 'tblLedger', top: 5 }));
    expect(r.ok && r.header.headerRow).toBe(5);
    const bad = detectHeaderRow(gridOf([['Name', 'DOS'], ['Account', 'x']], { tableName: 'T1', sheet: 'S' }));
    expect(bad).toEqual({ ok: false, message: 'Table "T1" on sheet "S" has no ledger: its header row has no Account column' });
  });
});

describe('--map overrides', () => {
  const rows: CellValue[][] = [
    ['Guarantor', 'Visit Date', 'Proc', 'Fee', 'Amt Paid By Ins', 'M1', 'M2'],
    ['G1', 46083, '99213', 100, 80, '25', '59'],
  ];

  test('letters or header text; merged fields take a comma list', () => {
    const h = detect(rows, { serviceDate: 'B', insurerPaid: 'Amt Paid By Ins', modifiers: 'F, G', billed: 'd' });
    const f = fieldsOf(h);
    expect(f.account).toEqual(['A']);
    expect(f.serviceDate).toEqual(['B']);
    expect(f.code).toEqual(['C']);
    expect(f.billed).toEqual(['D']);
    expect(f.insurerPaid).toEqual(['E']);
    expect(f.modifiers).toEqual(['F', 'G']);
    const l = ingestLedger(gridOf(rows), { map: { serviceDate: 'B', insurerPaid: 'Amt Paid By Ins', modifiers: 'F,G' } });
    expect(l.ok && l.ledger.lines[0]!.modifiers).toEqual(['25', '59']);
    expect(l.ok && l.ledger.lines[0]!.insurerPaid).toBe(8000);
  });

  test('an override takes the column from the field that had it', () => {
    const f = fieldsOf(detect([['Account', 'DOS', 'CPT', 'Charge', 'Charges']], { billed: 'E' }));
    expect(f.billed).toEqual(['E']);
  });

  test('an account override by header text makes a row without a known account header usable', () => {
    const h = detect([['Title'], ['Person', 'DOS', 'CPT', 'Charge']], { account: 'Person' });
    expect(h.headerRow).toBe(2);
    expect(fieldsOf(h).account).toEqual(['A']);
  });

  test('unknown field or column is a clear failure', () => {
    expect(detectHeaderRow(gridOf(rows), { map: { colour: 'A' } })).toMatchObject({ ok: false, message: expect.stringMatching(/^Unknown field "colour"/) });
    expect(detectHeaderRow(gridOf(rows), { map: { billed: 'No Such Header' } })).toEqual({
      ok: false, message: 'Sheet "Ledger": column "No Such Header" given for billed is not in the header row (row 1)',
    });
  });
});
