import fc from 'fast-check';
import { addMonthsClamped, civilFromDays, daysFromCivil, day, dayFromExcelSerial, excelSerialFromDay, firstOfNextMonth, parseIso, toIso, toUs } from '../../src/domain/day';

const iso = (s: string) => {
  const v = parseIso(s);
  if (v === null) throw new Error(s);
  return v;
};

describe('Excel serials', () => {
  it('1900 system with the phantom 29 Feb 1900', () => {
    expect(toIso(dayFromExcelSerial(1)!)).toBe('1900-01-01');
    expect(toIso(dayFromExcelSerial(59)!)).toBe('1900-02-28');
    expect(dayFromExcelSerial(60)).toBeNull(); // Excel's 1900-02-29 does not exist
    expect(toIso(dayFromExcelSerial(61)!)).toBe('1900-03-01');
    expect(toIso(dayFromExcelSerial(46083)!)).toBe('2026-03-02'); // =DATE(2026,3,2) in Excel
    expect(toIso(dayFromExcelSerial(46083.75)!)).toBe('2026-03-02'); // time of day dropped
  });
  it('1904 system', () => {
    expect(toIso(dayFromExcelSerial(0, true)!)).toBe('1904-01-01');
    expect(toIso(dayFromExcelSerial(44621, true)!)).toBe('2026-03-02'); // 46083 − 1462
  });
  it('round-trips (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1523, max: 2958465 }), fc.boolean(), (serial, is1904) => {
      const s = is1904 ? serial - 1462 : serial;
      expect(excelSerialFromDay(dayFromExcelSerial(s, is1904)!, is1904)).toBe(s);
    }));
  });
});

describe('addMonthsClamped (DESIGN §8 due dates)', () => {
  const seq = (start: string, n: number) => Array.from({ length: n }, (_, i) => toIso(addMonthsClamped(iso(start), i)));
  it('Jan 31 → Feb 28 → Mar 31', () => {
    expect(seq('2026-01-31', 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });
  it('leap year Feb 29', () => {
    expect(seq('2028-01-31', 2)).toEqual(['2028-01-31', '2028-02-29']);
  });
  it('Feb 28 → Mar 28 → Apr 28', () => {
    expect(seq('2026-02-28', 3)).toEqual(['2026-02-28', '2026-03-28', '2026-04-28']);
  });
  it('Nov 30 → Dec 30 → Jan 30', () => {
    expect(seq('2026-11-30', 3)).toEqual(['2026-11-30', '2026-12-30', '2027-01-30']);
  });
});

describe('formatting and parsing', () => {
  it('ISO and US forms', () => {
    expect(toIso(day(2026, 3, 2))).toBe('2026-03-02');
    expect(toUs(day(2026, 3, 2))).toBe('03/02/2026');
    expect(parseIso('2026-02-30')).toBeNull();
    expect(toIso(firstOfNextMonth(day(2026, 12, 15)))).toBe('2027-01-01');
  });
});

describe('civil-date arithmetic', () => {
  it('years below 100 are not shifted to the 1900s', () => {
    expect(toIso(day(1, 1, 1))).toBe('0001-01-01');
    expect(toIso(day(99, 12, 31))).toBe('0099-12-31');
  });
  it('agrees with Date.UTC for years 1000–9999 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, dd) => {
      expect(day(y, m, dd)).toBe(Date.UTC(y, m - 1, dd) / 86_400_000);
    }));
  });
});

describe('civilFromDays (no Date objects)', () => {
  it('known dates: day 0 is 1970-01-01, day 11016 is 2000-02-29', () => {
    // 30 years from 1970 with 7 leap days = 10,957 days to 2000-01-01, + 31 + 28 = 11,016.
    expect(civilFromDays(0)).toEqual({ y: 1970, m: 1, d: 1 });
    expect(civilFromDays(11016)).toEqual({ y: 2000, m: 2, d: 29 });
  });
  it('agrees with the JavaScript Date calendar and round-trips (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -25567, max: 2932896 }), (n) => {
      const dt = new Date(n * 86_400_000); // oracle: the engine's own Date arithmetic
      const c = civilFromDays(n);
      expect(c).toEqual({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
      expect(daysFromCivil(c.y, c.m, c.d)).toBe(n);
    }), { numRuns: 2000 });
  });
});
