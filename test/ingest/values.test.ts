import { parsePercent } from '../../src/ingest/values/parsePercent';
import { parseFlag, parseUnits, parseWholeNumber } from '../../src/ingest/values/parseNumber';
import { parseText, parseCode, splitCodes } from '../../src/ingest/values/parseText';
import { normaliseStatus } from '../../src/ingest/values/parseStatus';
import { transactionKind } from '../../src/ingest/values/parseTransactionType';
import { Invalid } from '../../src/ingest/values/invalid';
import { percent } from '../../src/domain/money';
import { parseMonthDay } from '../../src/ingest/config/monthDay';
import { parseAssistanceTiers } from '../../src/ingest/config/readPolicy';
import { FIELDS, SLOT } from '../../src/ingest/ledger/columnPlan';

test('percentages: 20, "20", "20%", 0.2 with a % format all mean 20 %', () => {
  expect(parsePercent(20, null)).toBe(percent(20));
  expect(parsePercent('20', null)).toBe(percent(20));
  expect(parsePercent('20 %', null)).toBe(percent(20));
  expect(parsePercent(0.2, '0%')).toBe(percent(20));
  expect(parsePercent(0.125, '0.0%')).toBe(percent('12.5')); // 0.125 × 100 in decimal, not 12.500000000000002
  expect(parsePercent(0.07, '0%')).toBe(percent(7));
  expect(parsePercent(null, null)).toBeNull();
  expect(parsePercent('lots', null)).toBeInstanceOf(Invalid);
  expect(parsePercent(-1, null)).toBeInstanceOf(Invalid);
  expect(parsePercent(101, null)).toBeInstanceOf(Invalid);
  expect(parsePercent('12.34567', null)).toBeInstanceOf(Invalid);
});

test('units: positive, default 1 when blank', () => {
  expect(parseUnits(null)).toBe(1);
  expect(parseUnits('')).toBe(1);
  expect(parseUnits(3)).toBe(3);
  expect(parseUnits(' 2 ')).toBe(2);
  expect(parseUnits(1.5)).toBe(1.5);
  expect(parseUnits(0)).toBeInstanceOf(Invalid);
  expect(parseUnits(-1)).toBeInstanceOf(Invalid);
  expect(parseUnits('two')).toBeInstanceOf(Invalid);
  expect(parseWholeNumber('1,000', 0)).toBe(1000);
  expect(parseWholeNumber(2.5, 0)).toBeInstanceOf(Invalid);
});

test('Y/N flags', () => {
  for (const y of ['Y', 'yes', 'TRUE', '1', true, 1]) expect(parseFlag(y)).toBe(true);
  for (const n of ['N', 'No', 'false', '0', false, 0]) expect(parseFlag(n)).toBe(false);
  expect(parseFlag(null)).toBeNull();
  expect(parseFlag('maybe')).toBeInstanceOf(Invalid);
  expect(parseFlag(2)).toBeInstanceOf(Invalid);
});

test('text: trimmed, numbers without ".0", zero-padded formats kept', () => {
  expect(parseText('  A100 ')).toBe('A100');
  expect(parseText(12345)).toBe('12345');
  expect(parseText(12345.0)).toBe('12345');
  expect(parseText(2134, '00000')).toBe('02134');
  expect(parseText('\u00a0')).toBeNull();
  expect(parseText(true)).toBe('TRUE');
  expect(parseCode(' g0439 ')).toBe('G0439');
  expect(parseCode(99213)).toBe('99213');
  expect(splitCodes('j06.9, r05;z00.00')).toEqual(['J06.9', 'R05', 'Z00.00']);
});

test('claim status', () => {
  const cases: [string, string][] = [
    ['Paid', 'paid'], ['Partially Paid', 'paid'], ['PAID IN FULL', 'paid'], ['Denied', 'denied'], ['Rejected', 'denied'],
    ['Denied (CO-97)', 'denied'], ['Submitted', 'pending'], ['In Process', 'pending'], ['Pending', 'pending'],
    ['Appealed', 'appealed'], ['Appeal - 2nd level', 'appealed'], ['Voided', 'other'],
  ];
  for (const [text, want] of cases) expect([text, normaliseStatus(text)]).toEqual([text, want]);
});

test('transaction types', () => {
  const cases: [string, string | null][] = [
    ['Charge', 'charge'], ['CHG', 'charge'], ['Payment', 'payment'], ['Pmt', 'payment'], ['Ins Pmt', 'insPayment'],
    ['Insurance Payment', 'insPayment'], ['Pt Pmt', 'ptPayment'], ['Patient Payment', 'ptPayment'], ['Sec Pmt', 'secPayment'],
    ['Adjustment', 'adjustment'], ['Adj', 'adjustment'], ['Write-off', 'adjustment'], ['Contractual', 'adjustment'],
    ['Refund', 'refund'], ['Ins Refund', 'insRefund'], ['Transfer', null],
  ];
  for (const [text, want] of cases) expect([text, transactionKind(text)]).toEqual([text, want]);
});

test('plan year start: MM-DD or a date; impossible month/day is a reason string', () => {
  expect(parseMonthDay('07-01', false)).toEqual({ month: 7, day: 1 });
  expect(parseMonthDay('7/1', false)).toEqual({ month: 7, day: 1 });
  expect(parseMonthDay(null, false)).toEqual({ month: 1, day: 1 });
  expect(parseMonthDay(46204, false)).toEqual({ month: 7, day: 1 }); // 2026-07-01
  expect(parseMonthDay('2026-10-01', false)).toEqual({ month: 10, day: 1 });
  expect(typeof parseMonthDay('13-01', false)).toBe('string');
  expect(typeof parseMonthDay('02-29', false)).toBe('string');
});

test('assistance tiers', () => {
  expect(parseAssistanceTiers('200:100,250:75,300:50')).toEqual([
    { fplPctMax: percent(200), discountPct: percent(100) },
    { fplPctMax: percent(250), discountPct: percent(75) },
    { fplPctMax: percent(300), discountPct: percent(50) },
  ]);
  expect(parseAssistanceTiers('none')).toEqual([]);
  expect(typeof parseAssistanceTiers('200-100')).toBe('string');
  expect(typeof parseAssistanceTiers('200:150')).toBe('string');
});

test('field slots follow the field list', () => {
  expect(FIELDS.map((f) => SLOT[f])).toEqual(FIELDS.map((_, i) => i));
  expect(Object.keys(SLOT)).toHaveLength(FIELDS.length);
});
