import { describe, it, expect } from 'vitest';
import { addDays, isoWeekday, osloDate, osloInstant, osloOffsetMs } from '../../domain/calendar';
import { ExtraMeetingSchema, MeetingCycleSchema, OccurrenceChangeSchema } from '../../domain/schemas/committee';
import {
  cycleStart,
  holidayConflicts,
  isRegularDate,
  meetingsBetween,
  nextMeeting,
  regularDatesFrom,
  type MeetingCycle,
  type OccurrenceChange,
} from '../../domain/committee/cycle';

const HOUR = 3_600_000;

// Tuesdays at 09:00, starting just before the 2026 spring DST change (29 March).
const cycle: MeetingCycle = { firstDate: '2026-03-17', time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Rådhuset, møterom 3' };

/** Oslo wall-clock 'HH:MM' of an instant. */
const osloClock = (ms: number): string => {
  const local = new Date(ms + osloOffsetMs(ms));
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
};

describe('cycleStart', () => {
  it('returns the date itself when it already has the weekday', () => {
    expect(cycleStart(2, '2026-12-08')).toBe('2026-12-08');
  });
  it('moves forward to the next date with the weekday', () => {
    expect(cycleStart(2, '2026-12-09')).toBe('2026-12-15');
    expect(cycleStart(7, '2026-12-07')).toBe('2026-12-13');
    expect(cycleStart(1, '2026-12-13')).toBe('2026-12-14');
  });
});

describe('regularDatesFrom', () => {
  it('starts at firstDate when from is earlier', () => {
    expect(regularDatesFrom(cycle, '2026-01-01', 3)).toEqual(['2026-03-17', '2026-03-31', '2026-04-14']);
  });
  it('rounds up to the next cycle date', () => {
    expect(regularDatesFrom(cycle, '2026-03-18', 2)).toEqual(['2026-03-31', '2026-04-14']);
    expect(regularDatesFrom(cycle, '2026-03-31', 1)).toEqual(['2026-03-31']);
  });
  it('keeps the weekday for a whole year, across both DST changes', () => {
    const dates = regularDatesFrom(cycle, cycle.firstDate, 27);
    expect(dates.every((d) => isoWeekday(d) === 2)).toBe(true);
    expect(dates.at(-1)).toBe(addDays(cycle.firstDate, 26 * 14));
  });
  it('isRegularDate knows which dates are on the cycle', () => {
    expect(isRegularDate(cycle, '2026-03-31')).toBe(true);
    expect(isRegularDate(cycle, '2026-03-24')).toBe(false);
    expect(isRegularDate(cycle, '2026-03-03')).toBe(false);
  });
});

describe('meetingsBetween', () => {
  const from = osloInstant('2026-03-01', '00:00');
  const to = osloInstant('2026-11-15', '00:00');

  it('keeps 09:00 Oslo time across DST while the UTC offset changes', () => {
    const meetings = meetingsBetween(cycle, [], [], from, to);
    const march17 = meetings.find((m) => m.date === '2026-03-17')!;
    const march31 = meetings.find((m) => m.date === '2026-03-31')!;
    const nov10 = meetings.find((m) => m.date === '2026-11-10')!;
    // Winter: 09:00 CET = 08:00 UTC. Summer: 09:00 CEST = 07:00 UTC.
    expect(march17.startsAt).toBe(Date.parse('2026-03-17T08:00:00Z'));
    expect(march31.startsAt).toBe(Date.parse('2026-03-31T07:00:00Z'));
    expect(nov10.startsAt).toBe(Date.parse('2026-11-10T08:00:00Z'));
    expect(osloOffsetMs(march17.startsAt)).toBe(HOUR);
    expect(osloOffsetMs(march31.startsAt)).toBe(2 * HOUR);
    for (const m of meetings) {
      expect(isoWeekday(m.date)).toBe(2);
      expect(osloDate(m.startsAt)).toBe(m.date);
      expect(osloClock(m.startsAt)).toBe('09:00');
      expect(m.endsAt - m.startsAt).toBe(90 * 60_000);
      expect(m.id).toBe(`m-${m.date}`);
      expect(m.kind).toBe('regular');
      expect(m.status).toBe('scheduled');
    }
  });

  it('returns meetings in [from, to) only, sorted by start', () => {
    const start = osloInstant('2026-03-31', '09:00');
    const meetings = meetingsBetween(cycle, [], [], start, osloInstant('2026-04-14', '09:00'));
    expect(meetings.map((m) => m.id)).toEqual(['m-2026-03-31']);
    expect(meetingsBetween(cycle, [], [], start + 1, start + 14 * 24 * HOUR)).toEqual([]);
    expect(meetingsBetween(cycle, [], [], to, from)).toEqual([]);
  });

  it('a moved occurrence does not shift the later ones', () => {
    const changes: OccurrenceChange[] = [{ regularDate: '2026-04-14', action: 'move', date: '2026-04-16', time: '12:30', reason: 'Kollisjon med bystyremøte' }];
    const meetings = meetingsBetween(cycle, changes, [], osloInstant('2026-04-01'), osloInstant('2026-05-15'));
    expect(meetings.map((m) => [m.id, m.date, m.time])).toEqual([
      ['m-2026-04-14', '2026-04-16', '12:30'],
      ['m-2026-04-28', '2026-04-28', '09:00'],
      ['m-2026-05-12', '2026-05-12', '09:00'],
    ]);
    expect(meetings[0]).toMatchObject({ regularDate: '2026-04-14', status: 'scheduled', note: 'Kollisjon med bystyremøte' });
    expect(meetings[0]!.startsAt).toBe(osloInstant('2026-04-16', '12:30'));
  });

  it('a move keeps the regular time when no new time is given', () => {
    const changes: OccurrenceChange[] = [{ regularDate: '2026-04-14', action: 'move', date: '2026-04-15', reason: 'Flyttet' }];
    const [m] = meetingsBetween(cycle, changes, [], osloInstant('2026-04-14'), osloInstant('2026-04-20'));
    expect(m).toMatchObject({ id: 'm-2026-04-14', date: '2026-04-15', time: '09:00' });
  });

  it('finds an occurrence moved into the window from a regular date outside it', () => {
    const changes: OccurrenceChange[] = [{ regularDate: '2026-06-09', action: 'move', date: '2026-05-20', reason: 'Fremskyndet' }];
    const meetings = meetingsBetween(cycle, changes, [], osloInstant('2026-05-18'), osloInstant('2026-05-25'));
    expect(meetings.map((m) => m.id)).toEqual(['m-2026-06-09']);
    // …and it is no longer on its regular date.
    expect(meetingsBetween(cycle, changes, [], osloInstant('2026-06-08'), osloInstant('2026-06-10'))).toEqual([]);
  });

  it('shows a cancelled occurrence as cancelled on its regular slot', () => {
    const changes: OccurrenceChange[] = [{ regularDate: '2026-04-14', action: 'cancel', reason: 'Påskeferie' }];
    const meetings = meetingsBetween(cycle, changes, [], osloInstant('2026-04-01'), osloInstant('2026-04-29'));
    expect(meetings.map((m) => [m.id, m.status])).toEqual([
      ['m-2026-04-14', 'cancelled'],
      ['m-2026-04-28', 'scheduled'],
    ]);
    expect(meetings[0]!.note).toBe('Påskeferie');
    expect(meetings[0]!.startsAt).toBe(osloInstant('2026-04-14', '09:00'));
  });

  it('the last change for a date wins', () => {
    const changes: OccurrenceChange[] = [
      { regularDate: '2026-04-14', action: 'cancel', reason: 'Avlyst' },
      { regularDate: '2026-04-14', action: 'move', date: '2026-04-15', reason: 'Likevel flyttet' },
    ];
    const [m] = meetingsBetween(cycle, changes, [], osloInstant('2026-04-13'), osloInstant('2026-04-20'));
    expect(m).toMatchObject({ date: '2026-04-15', status: 'scheduled', note: 'Likevel flyttet' });
  });

  it('ignores changes for dates that are not on the cycle', () => {
    const changes: OccurrenceChange[] = [{ regularDate: '2026-04-15', action: 'cancel', reason: 'Feil dato' }];
    const meetings = meetingsBetween(cycle, changes, [], osloInstant('2026-04-13'), osloInstant('2026-04-20'));
    expect(meetings.map((m) => [m.id, m.status])).toEqual([['m-2026-04-14', 'scheduled']]);
  });

  it('includes extra meetings with their own id, sorted among the regular ones', () => {
    const extras = [{ date: '2026-04-21', time: '13:00', reason: 'Akutt sak om bostedsløshet' }];
    const meetings = meetingsBetween(cycle, [], extras, osloInstant('2026-04-13'), osloInstant('2026-04-30'));
    expect(meetings.map((m) => m.id)).toEqual(['m-2026-04-14', 'x-2026-04-21-1300', 'm-2026-04-28']);
    expect(meetings[1]).toMatchObject({ kind: 'extra', date: '2026-04-21', time: '13:00', status: 'scheduled', note: 'Akutt sak om bostedsløshet' });
    expect(meetings[1]!.regularDate).toBeUndefined();
    expect(meetings[1]!.endsAt - meetings[1]!.startsAt).toBe(90 * 60_000);
  });
});

describe('nextMeeting', () => {
  it('returns the next meeting strictly after the instant', () => {
    expect(nextMeeting(cycle, [], [], osloInstant('2026-03-17', '08:59')).id).toBe('m-2026-03-17');
    expect(nextMeeting(cycle, [], [], osloInstant('2026-03-17', '09:00')).id).toBe('m-2026-03-31');
  });

  it('skips a cancelled occurrence', () => {
    const changes: OccurrenceChange[] = [{ regularDate: '2026-03-31', action: 'cancel', reason: 'Påske' }];
    expect(nextMeeting(cycle, changes, [], osloInstant('2026-03-20')).id).toBe('m-2026-04-14');
  });

  it('picks an extra meeting that comes first', () => {
    const extras = [{ date: '2026-03-24', time: '14:00', reason: 'Ekstramøte' }];
    expect(nextMeeting(cycle, [], extras, osloInstant('2026-03-20')).id).toBe('x-2026-03-24-1400');
  });

  it('finds the first meeting when asked before the cycle starts', () => {
    expect(nextMeeting(cycle, [], [], osloInstant('2025-01-01')).id).toBe('m-2026-03-17');
  });

  it('throws when nothing is scheduled within two years', () => {
    expect(() => nextMeeting(cycle, [], [], osloInstant('2020-01-01'))).toThrow(/ingen planlagte møter/);
    const allCancelled = regularDatesFrom(cycle, cycle.firstDate, 60).map((d): OccurrenceChange => ({ regularDate: d, action: 'cancel', reason: 'Avlyst' }));
    expect(() => nextMeeting(cycle, allCancelled, [], osloInstant('2026-03-01'))).toThrow();
  });
});

describe('holidayConflicts', () => {
  it('finds 17 May 2027 on a Monday cycle', () => {
    const monday: MeetingCycle = { ...cycle, firstDate: addDays('2027-05-17', -14 * 10) };
    expect(isoWeekday(monday.firstDate)).toBe(1);
    const conflicts = holidayConflicts(monday, '2027-01-01', 26);
    // In 2027 Whit Monday falls on 17 May as well; both names are kept.
    expect(conflicts).toContainEqual({ regularDate: '2027-05-17', holiday: 'Grunnlovsdag og Andre pinsedag' });
    // Easter Monday (29 March) is seven weeks earlier: the other week, so not a conflict.
    expect(conflicts.map((c) => c.regularDate)).not.toContain('2027-03-29');
    const otherWeek = holidayConflicts({ ...monday, firstDate: addDays(monday.firstDate, 7) }, '2027-01-01', 26);
    expect(otherWeek).toContainEqual({ regularDate: '2027-03-29', holiday: 'Andre påskedag' });
    for (const c of conflicts) expect(isRegularDate(monday, c.regularDate)).toBe(true);
  });

  it('finds nothing for a cycle that avoids holidays', () => {
    // Wednesdays starting 2026-01-07: no Wednesday holidays are on this cycle in the first ten meetings.
    const wednesday: MeetingCycle = { ...cycle, firstDate: '2026-01-07' };
    expect(holidayConflicts(wednesday, '2026-01-01', 10)).toEqual([]);
  });
});

describe('schemas', () => {
  it('fills in defaults and yields a MeetingCycle', () => {
    const parsed: MeetingCycle = MeetingCycleSchema.parse({ firstDate: '2026-03-17', time: '09:00', location: 'Rådhuset' });
    expect(parsed.intervalDays).toBe(14);
    expect(parsed.durationMinutes).toBe(90);
  });

  it('rejects bad times, dates and ranges with Norwegian messages', () => {
    const bad = MeetingCycleSchema.safeParse({ firstDate: '2026-02-30', time: '24:00', intervalDays: 3, durationMinutes: 600, location: '' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages.firstDate).toMatch(/dato/);
    expect(messages.time).toMatch(/klokkeslett/);
    expect(messages.intervalDays).toMatch(/minst 7/);
    expect(messages.durationMinutes).toMatch(/høyst 480/);
    expect(messages.location).toMatch(/fylles ut/);
    expect(MeetingCycleSchema.safeParse({ firstDate: '2026-03-17', time: '9:00', location: 'x' }).success).toBe(false);
    expect(MeetingCycleSchema.safeParse({ firstDate: '2026-03-17', time: '23:59', location: 'x' }).success).toBe(true);
  });

  it('a move needs a date; a cancellation must not have one', () => {
    expect(OccurrenceChangeSchema.safeParse({ regularDate: '2026-04-14', action: 'move', date: '2026-04-15', reason: 'x' }).success).toBe(true);
    expect(OccurrenceChangeSchema.safeParse({ regularDate: '2026-04-14', action: 'cancel', reason: 'Påske' }).success).toBe(true);
    const missing = OccurrenceChangeSchema.safeParse({ regularDate: '2026-04-14', action: 'move', reason: 'x' });
    expect(missing.error?.issues[0]).toMatchObject({ path: ['date'], message: 'må fylles ut når møtet skal flyttes' });
    expect(OccurrenceChangeSchema.safeParse({ regularDate: '2026-04-14', action: 'cancel', date: '2026-04-15', reason: 'x' }).success).toBe(false);
    expect(OccurrenceChangeSchema.safeParse({ regularDate: '2026-04-14', action: 'cancel', reason: '  ' }).success).toBe(false);
  });

  it('validates extra meetings', () => {
    expect(ExtraMeetingSchema.safeParse({ date: '2026-04-21', time: '13:00', reason: 'Akutt' }).success).toBe(true);
    expect(ExtraMeetingSchema.safeParse({ date: '2026-04-21', time: '13.00', reason: 'Akutt' }).success).toBe(false);
  });
});
