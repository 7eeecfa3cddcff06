import { describe, it, expect } from 'vitest';
import {
  addBusinessDays,
  addDays,
  addMonths,
  addWeeks,
  addYears,
  compareDates,
  daysBetween,
  deadline,
  easterSunday,
  endOfMonth,
  isBusinessDay,
  isPublicHoliday,
  isValidIsoDate,
  isoWeekday,
  nextBusinessDay,
  norwegianPublicHolidays,
  osloDate,
  osloInstant,
  osloOffsetMs,
  previousBusinessDay,
  startOfMonth,
} from '../../domain/calendar';

const utc = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2285, '2285-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('norwegianPublicHolidays', () => {
  it('lists exactly the 12 statutory holidays for 2026 with Norwegian names', () => {
    expect([...norwegianPublicHolidays(2026)]).toEqual([
      ['2026-01-01', 'Første nyttårsdag'],
      ['2026-04-02', 'Skjærtorsdag'],
      ['2026-04-03', 'Langfredag'],
      ['2026-04-05', 'Første påskedag'],
      ['2026-04-06', 'Andre påskedag'],
      ['2026-05-01', 'Arbeidernes dag'],
      ['2026-05-14', 'Kristi himmelfartsdag'],
      ['2026-05-17', 'Grunnlovsdag'],
      ['2026-05-24', 'Første pinsedag'],
      ['2026-05-25', 'Andre pinsedag'],
      ['2026-12-25', 'Første juledag'],
      ['2026-12-26', 'Andre juledag'],
    ]);
  });

  it('keeps both names when Ascension falls on 17 May (2012)', () => {
    const h = norwegianPublicHolidays(2012);
    expect(h.get('2012-05-17')).toBe('Grunnlovsdag og Kristi himmelfartsdag');
    expect(h.size).toBe(11);
  });

  it('returns a copy, so mutating it does not corrupt the cache', () => {
    const h = norwegianPublicHolidays(2026);
    h.delete('2026-05-17');
    h.set('2026-12-24', 'Julaften');
    expect(isPublicHoliday('2026-05-17')).toBe(true);
    expect(isPublicHoliday('2026-12-24')).toBe(false);
    expect(norwegianPublicHolidays(2026).size).toBe(12);
  });
});

describe('holidays and business days', () => {
  it('Ascension and Whit Monday 2026', () => {
    expect(isPublicHoliday('2026-05-14')).toBe(true);
    expect(norwegianPublicHolidays(2026).get('2026-05-14')).toBe('Kristi himmelfartsdag');
    expect(isPublicHoliday('2026-05-25')).toBe(true);
    expect(norwegianPublicHolidays(2026).get('2026-05-25')).toBe('Andre pinsedag');
    expect(isBusinessDay('2026-05-25')).toBe(false);
  });

  it('17 May 2026 is a Sunday and still a holiday', () => {
    expect(isoWeekday('2026-05-17')).toBe(7);
    expect(isPublicHoliday('2026-05-17')).toBe(true);
  });

  it('24 and 31 December are business days on weekdays', () => {
    expect(isoWeekday('2025-12-24')).toBe(3);
    expect(isPublicHoliday('2025-12-24')).toBe(false);
    expect(isBusinessDay('2025-12-24')).toBe(true);
    expect(isBusinessDay('2025-12-31')).toBe(true);
    expect(isBusinessDay('2025-12-25')).toBe(false);
  });

  it('weekends are not business days', () => {
    expect(isBusinessDay('2026-03-21')).toBe(false); // Saturday
    expect(isBusinessDay('2026-03-22')).toBe(false); // Sunday
    expect(isBusinessDay('2026-03-23')).toBe(true); // Monday
  });

  it('nextBusinessDay returns the day itself or skips forward', () => {
    expect(nextBusinessDay('2026-03-23')).toBe('2026-03-23');
    expect(nextBusinessDay('2026-04-02')).toBe('2026-04-07'); // Maundy Thursday → Tuesday after Easter
    expect(nextBusinessDay('2026-12-25')).toBe('2026-12-28'); // Fri, Sat(26th), Sun
  });

  it('previousBusinessDay returns the day itself or skips backward', () => {
    expect(previousBusinessDay('2026-03-23')).toBe('2026-03-23');
    expect(previousBusinessDay('2026-04-06')).toBe('2026-04-01'); // Easter Monday → Wednesday before
    expect(previousBusinessDay('2026-05-17')).toBe('2026-05-15'); // Sunday 17 May → Friday
    expect(previousBusinessDay('2027-01-01')).toBe('2026-12-31');
  });

  it('addBusinessDays counts business days strictly after d', () => {
    expect(addBusinessDays('2026-03-20', 0)).toBe('2026-03-20');
    expect(addBusinessDays('2026-03-20', 1)).toBe('2026-03-23'); // Fri → Mon
    expect(addBusinessDays('2026-04-01', 1)).toBe('2026-04-07'); // over Easter
    expect(addBusinessDays('2026-04-01', 5)).toBe('2026-04-13');
    expect(addBusinessDays('2026-04-04', 1)).toBe('2026-04-07'); // start on a non-business day
    expect(() => addBusinessDays('2026-04-01', -1)).toThrow(RangeError);
  });
});

describe('date arithmetic', () => {
  it('addDays / addWeeks cross month and year boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addWeeks('2026-03-20', 2)).toBe('2026-04-03');
    expect(addWeeks('2026-01-05', -1)).toBe('2025-12-29');
  });

  it('addMonths clamps to end of month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28'); // no "sticky end of month"
  });

  it('addYears clamps 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-06-15', -3)).toBe('2023-06-15');
  });

  it('arithmetic works for years below 100 (no Date.UTC 19xx mapping)', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });

  it('rejects non-integer amounts', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(RangeError);
  });

  it('daysBetween, compareDates, isoWeekday', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across DST start
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
    expect(isoWeekday('2026-03-23')).toBe(1);
    expect(isoWeekday('2026-03-22')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('startOfMonth / endOfMonth', () => {
    expect(startOfMonth('2026-05-17')).toBe('2026-05-01');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2100-02-10')).toBe('2100-02-28'); // century rule
    expect(endOfMonth('2000-02-10')).toBe('2000-02-29');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
  });

  it('isValidIsoDate', () => {
    expect(isValidIsoDate('2026-05-17')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-02-30')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-00-10')).toBe(false);
    expect(isValidIsoDate('2025-4-01')).toBe(false);
    expect(isValidIsoDate('2025-04-01T00:00')).toBe(false);
    expect(isValidIsoDate(' 2025-04-01')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('deadline', () => {
  it('two weeks ending on Good Friday moves past Easter to Tuesday', () => {
    expect(addWeeks('2026-03-20', 2)).toBe('2026-04-03');
    expect(deadline('2026-03-20', { weeks: 2 })).toBe('2026-04-07');
  });

  it('ends on the matching day when that is a business day', () => {
    expect(deadline('2026-03-02', { weeks: 3 })).toBe('2026-03-23');
    expect(deadline('2026-01-15', { months: 1 })).toBe('2026-02-16'); // 15 Feb is a Sunday
    expect(deadline('2026-02-10', { months: 1 })).toBe('2026-03-10');
  });

  it('month deadline clamps and then moves off the weekend', () => {
    // 31 Jan + 1 month = 28 Feb 2026 (Saturday) → Monday 2 March
    expect(deadline('2026-01-31', { months: 1 })).toBe('2026-03-02');
  });

  it('moves off holidays and combines units largest first', () => {
    expect(deadline('2026-04-17', { weeks: 4 })).toBe('2026-05-15'); // 15 May is Friday
    expect(deadline('2026-04-16', { weeks: 4 })).toBe('2026-05-15'); // 14 May Ascension → Fri 15
    expect(deadline('2025-02-28', { years: 1, months: 1 })).toBe('2026-03-30'); // 28 Mar 2026 Sat
    expect(deadline('2026-12-21', { days: 3 })).toBe('2026-12-24');
    expect(deadline('2026-12-21', { days: 4 })).toBe('2026-12-28');
    expect(deadline('2026-03-23', {})).toBe('2026-03-23');
  });
});

describe('Europe/Oslo instants', () => {
  it('converts wall-clock times across DST', () => {
    expect(osloInstant('2026-03-29', '03:00')).toBe(utc('2026-03-29T01:00:00Z'));
    expect(osloInstant('2026-03-29', '01:59')).toBe(utc('2026-03-29T00:59:00Z'));
    expect(osloInstant('2026-01-15', '10:00')).toBe(utc('2026-01-15T09:00:00Z'));
    expect(osloInstant('2026-07-01', '10:00')).toBe(utc('2026-07-01T08:00:00Z'));
    expect(osloInstant('2026-07-01')).toBe(utc('2026-06-30T22:00:00Z'));
    expect(osloInstant('2026-07-01', '10:00:30')).toBe(utc('2026-07-01T08:00:30Z'));
  });

  it('resolves the spring gap forward and the autumn overlap to the earlier instant', () => {
    expect(osloInstant('2026-03-29', '02:30')).toBe(utc('2026-03-29T01:30:00Z')); // = 03:30 CEST
    expect(osloInstant('2026-10-25', '02:30')).toBe(utc('2026-10-25T00:30:00Z')); // CEST occurrence
    expect(osloInstant('2026-10-25', '03:00')).toBe(utc('2026-10-25T02:00:00Z'));
  });

  it('rejects malformed times', () => {
    expect(() => osloInstant('2026-01-01', '24:00')).toThrow(RangeError);
    expect(() => osloInstant('2026-01-01', '9:00')).toThrow(RangeError);
    expect(() => osloInstant('2026-01-01', '10:60')).toThrow(RangeError);
  });

  it('osloDate uses the Oslo calendar date', () => {
    expect(osloDate(utc('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(osloDate(utc('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(osloDate(utc('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(osloDate(utc('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
  });

  it('DST transition boundaries are exactly 01:00 UTC on the last Sundays', () => {
    expect(osloOffsetMs(utc('2026-03-29T00:59:59Z'))).toBe(HOUR);
    expect(osloOffsetMs(utc('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(osloOffsetMs(utc('2026-10-25T00:59:59Z'))).toBe(2 * HOUR);
    expect(osloOffsetMs(utc('2026-10-25T01:00:00Z'))).toBe(HOUR);
  });

  describe('cross-check with Intl (tzdata)', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const intlWall = (ms: number): { date: string; time: string } => {
      const p = Object.fromEntries(fmt.formatToParts(ms).map((x) => [x.type, x.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
    };

    it('osloInstant(d, 12:00) is local noon for every day of 2024–2030', () => {
      let checked = 0;
      for (let d = '2024-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
        const ms = osloInstant(d, '12:00');
        expect(intlWall(ms)).toEqual({ date: d, time: '12:00' });
        const offsetHours = (Date.parse(`${d}T12:00:00Z`) - ms) / HOUR;
        expect(offsetHours).toBe(osloOffsetMs(ms) / HOUR);
        checked++;
      }
      expect(checked).toBe(2557);
    });

    it('osloDate agrees with Intl for every hour (and half hour) of 2024–2030', () => {
      const start = utc('2024-01-01T00:00:00Z');
      const end = utc('2031-01-01T00:00:00Z');
      for (let ms = start; ms < end; ms += HOUR / 2) {
        const wall = intlWall(ms);
        if (osloDate(ms) !== wall.date) {
          expect({ at: new Date(ms).toISOString(), date: osloDate(ms) }).toEqual({
            at: new Date(ms).toISOString(),
            date: wall.date,
          });
        }
      }
    });
  });
});
