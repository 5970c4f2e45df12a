import { parseDate, NOT_A_DATE } from '../../src/ingest/values/parseDate';
import { Invalid } from '../../src/ingest/values/invalid';
import { dayFromExcelSerial, dayFromYmd, toIso } from '../../src/domain/day';

const iso = (v: unknown): string => (v instanceof Invalid ? `invalid: ${v.reason}` : v === null ? 'null' : toIso(v as never));

describe('Excel serials', () => {
  test('1900 system around the phantom leap day', () => {
    // Excel: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the 29 Feb 1900 that never was, 61 = 1900-03-01.
    expect(iso(parseDate(1, false))).toBe('1900-01-01');
    expect(iso(parseDate(59, false))).toBe('1900-02-28');
    expect(parseDate(60, false)).toBeInstanceOf(Invalid);
    expect(iso(parseDate(61, false))).toBe('1900-03-01');
    // 46083 = 2026-03-02 (Excel's DATE(2026,3,2)).
    expect(iso(parseDate(46083, false))).toBe('2026-03-02');
    expect(iso(parseDate(46083.75, false))).toBe('2026-03-02'); // time of day dropped
  });

  test('1904 system: serial 0 = 1904-01-01; the same date is 1462 less', () => {
    expect(iso(parseDate(0, true))).toBe('1904-01-01');
    expect(iso(parseDate(46083 - 1462, true))).toBe('2026-03-02');
  });

  test('matches the domain conversion for a spread of serials', () => {
    for (const s of [1, 2, 58, 59, 61, 62, 365, 366, 40000, 46083, 60000, 2958465]) {
      expect(parseDate(s, false)).toBe(dayFromExcelSerial(s, false));
      expect(parseDate(s, true)).toBe(dayFromExcelSerial(s, true));
    }
  });

  test('negative, zero (1900) and huge numbers are issues', () => {
    expect(parseDate(-1, false)).toBeInstanceOf(Invalid);
    expect(parseDate(0, false)).toBeInstanceOf(Invalid);
    expect(parseDate(1e9, false)).toBeInstanceOf(Invalid);
  });
});

describe('text dates (US order)', () => {
  test.each<[string, string]>([
    ['03/02/2026', '2026-03-02'],
    ['3/2/2026', '2026-03-02'],
    ['03-02-2026', '2026-03-02'],
    ['2026-03-02', '2026-03-02'],
    ['2026/3/2', '2026-03-02'],
    ['02-Mar-2026', '2026-03-02'],
    ['2 Mar 2026', '2026-03-02'],
    ['2-march-2026', '2026-03-02'],
    ['Mar 2, 2026', '2026-03-02'],
    ['March 2 2026', '2026-03-02'],
    ['Sept 30, 2026', '2026-09-30'],
    ['20260302', '2026-03-02'],
    ['2026-03-02T00:00:00', '2026-03-02'],
    ['3/2/2026 10:15 AM', '2026-03-02'],
    ['  3/2/2026  ', '2026-03-02'],
    ['3/2/26', '2026-03-02'], // two-digit years: Excel's window, 00–29 → 2000s
    ['3/2/45', '1945-03-02'], // 30–99 → 1900s
    ['02-Mar-26', '2026-03-02'],
    ['2/29/2024', '2024-02-29'],
  ])('%p → %p', (text, want) => {
    expect(iso(parseDate(text, false))).toBe(want);
  });

  test.each(['13/45/2026', '02/30/2026', '2/29/2025', '00/10/2026', '2026-13-01', '31-Feb-2026'])('impossible %p is an issue', (t) => {
    const r = parseDate(t, false);
    expect(r).toBeInstanceOf(Invalid);
    expect((r as Invalid).reason).toMatch(/^is not a real date/);
  });

  test.each(['yesterday', '03.02.2026', '3/2', '2026', '12345', 'Foo 2, 2026', '1/2/3/4'])('unreadable %p is an issue', (t) => {
    expect((parseDate(t, false) as Invalid).reason).toBe(NOT_A_DATE);
  });

  test('blank is null', () => {
    expect(parseDate('', false)).toBeNull();
    expect(parseDate(null, false)).toBeNull();
  });
});

describe('text dates agree with the domain calendar', () => {
  test('every valid month/day across leap and century years parses to dayFromYmd', () => {
    // An independent oracle: domain/day.ts builds the day through Date.UTC.
    // (Years below 100 are left out: Date.UTC reads them as 1900 + y, so the oracle itself is off there.)
    for (const y of [100, 400, 1600, 1900, 1999, 2000, 2024, 2025, 2026, 2100, 2400, 9999]) {
      for (let m = 1; m <= 12; m++) {
        for (let dd = 1; dd <= 31; dd++) {
          const want = dayFromYmd(y, m, dd);
          const got = parseDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`, false);
          if (want === null) expect(got).toBeInstanceOf(Invalid);
          else expect([y, m, dd, got]).toEqual([y, m, dd, want]);
        }
      }
    }
  });
});
