import {
  addDays,
  compareDates,
  daysBetween,
  isPublicHoliday,
  isValidIsoDate,
  isoWeekday,
  norwegianPublicHolidays,
  osloDate,
  osloInstant,
  type IsoDate,
} from '../calendar';

/**
 * The housing committee's (boligutvalgets) meeting cycle: a regular meeting every `intervalDays`,
 * with single occurrences moved or cancelled and extra meetings added by the secretary.
 *
 * Imported by the committee's entity workflow, so it stays pure and deterministic. Every regular
 * occurrence is `firstDate + k × intervalDays` and is named by that date, so moving or cancelling
 * one never shifts the rest of the cycle, and its id stays stable across moves (calendar clients
 * match updates by it).
 */

export interface MeetingCycle {
  firstDate: IsoDate;
  /** 'HH:MM', Oslo wall-clock time: the meeting stays at 09:00 through DST changes. */
  time: string;
  intervalDays: number;
  durationMinutes: number;
  location: string;
}

/** A change to one regular occurrence, named by its regular date. A move needs `date`; `time` is optional. */
export interface OccurrenceChange {
  regularDate: IsoDate;
  action: 'move' | 'cancel';
  date?: IsoDate;
  time?: string;
  reason: string;
}

export interface ExtraMeeting {
  date: IsoDate;
  time: string;
  reason: string;
}

export interface Meeting {
  id: string;
  kind: 'regular' | 'extra';
  regularDate?: IsoDate;
  date: IsoDate;
  time: string;
  startsAt: number;
  endsAt: number;
  status: 'scheduled' | 'cancelled';
  note?: string;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Long enough to reach past a summer break and a few cancellations, short enough to stay cheap in a query.
const NEXT_MEETING_HORIZON_MS = 731 * MS_PER_DAY;

// ---------------------------------------------------------------------------
// Regular dates
// ---------------------------------------------------------------------------

/** The first date with ISO weekday `weekday` (Mon = 1 … Sun = 7) on or after `onOrAfter`. */
export function cycleStart(weekday: IsoWeekday, onOrAfter: IsoDate): IsoDate {
  return addDays(onOrAfter, (weekday - isoWeekday(onOrAfter) + 7) % 7);
}

/** True when `date` is one of the cycle's regular dates (a change for any other date has nothing to change). */
export function isRegularDate(cycle: MeetingCycle, date: IsoDate): boolean {
  const offset = daysBetween(cycle.firstDate, date);
  return offset >= 0 && offset % cycle.intervalDays === 0;
}

/** The next `count` regular dates on or after `from`, ignoring changes. */
export function regularDatesFrom(cycle: MeetingCycle, from: IsoDate, count: number): IsoDate[] {
  assertInterval(cycle);
  const offset = daysBetween(cycle.firstDate, from);
  const firstK = offset <= 0 ? 0 : Math.ceil(offset / cycle.intervalDays);
  const dates: IsoDate[] = [];
  for (let k = firstK; dates.length < count; k++) dates.push(addDays(cycle.firstDate, k * cycle.intervalDays));
  return dates;
}

/** Regular dates that fall on a Norwegian public holiday, so the secretary can move them in good time. */
export function holidayConflicts(cycle: MeetingCycle, fromDate: IsoDate, count: number): Array<{ regularDate: IsoDate; holiday: string }> {
  return regularDatesFrom(cycle, fromDate, count)
    .filter((d) => isPublicHoliday(d))
    .map((d) => ({ regularDate: d, holiday: norwegianPublicHolidays(Number(d.slice(0, 4))).get(d) ?? 'Helligdag' }));
}

// ---------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------

/**
 * Every meeting whose start lies in [fromInstant, toInstant), sorted by start: regular occurrences
 * with changes applied (cancelled ones kept, with status 'cancelled', so the calendar can show them),
 * plus extra meetings. A moved occurrence counts where it was moved to; a cancelled one where it
 * would have been. If several changes name the same regular date, the last one wins, so the
 * workflow can simply append corrections. Changes naming a date outside the cycle are ignored.
 */
export function meetingsBetween(
  cycle: MeetingCycle,
  changes: readonly OccurrenceChange[],
  extras: readonly ExtraMeeting[],
  fromInstant: number,
  toInstant: number,
): Meeting[] {
  assertInterval(cycle);
  if (!(toInstant > fromInstant)) return [];

  const changeByDate = new Map<IsoDate, OccurrenceChange>();
  for (const change of changes) if (isRegularDate(cycle, change.regularDate)) changeByDate.set(change.regularDate, change);

  // A day of margin on each side covers the Oslo offset; moved occurrences may land anywhere, so
  // every changed date is considered too, wherever its regular slot lies.
  const firstDay = addDays(osloDate(fromInstant), -1);
  const lastDay = addDays(osloDate(toInstant), 1);
  const candidates = new Set<IsoDate>(changeByDate.keys());
  const span = daysBetween(firstDay, lastDay);
  for (const d of regularDatesFrom(cycle, firstDay, Math.floor(span / cycle.intervalDays) + 1)) {
    if (compareDates(d, lastDay) <= 0) candidates.add(d);
  }

  const meetings: Meeting[] = [];
  for (const regularDate of candidates) meetings.push(regularMeeting(cycle, regularDate, changeByDate.get(regularDate)));
  for (const extra of extras) meetings.push(extraMeeting(cycle, extra));

  return meetings
    .filter((m) => m.startsAt >= fromInstant && m.startsAt < toInstant)
    .sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The next meeting that will actually take place, starting strictly after `afterInstant`. */
export function nextMeeting(
  cycle: MeetingCycle,
  changes: readonly OccurrenceChange[],
  extras: readonly ExtraMeeting[],
  afterInstant: number,
): Meeting {
  const next = meetingsBetween(cycle, changes, extras, afterInstant + 1, afterInstant + 1 + NEXT_MEETING_HORIZON_MS).find(
    (m) => m.status === 'scheduled',
  );
  if (!next) throw new Error('Fant ingen planlagte møter i boligutvalget de neste to årene.');
  return next;
}

/**
 * One meeting by its id, as the cycle, changes and extras say now: a regular occurrence where it was
 * moved to (or cancelled), or an extra meeting. Undefined when the id names no meeting of this cycle.
 */
export function meetingById(
  cycle: MeetingCycle,
  changes: readonly OccurrenceChange[],
  extras: readonly ExtraMeeting[],
  id: string,
): Meeting | undefined {
  assertInterval(cycle);
  if (id.startsWith('m-')) {
    const regularDate = id.slice(2);
    if (!isValidIsoDate(regularDate) || !isRegularDate(cycle, regularDate)) return undefined;
    const change = changes.findLast((c) => c.regularDate === regularDate);
    return regularMeeting(cycle, regularDate, change);
  }
  const extra = extras.findLast((x) => extraMeeting(cycle, x).id === id);
  return extra ? extraMeeting(cycle, extra) : undefined;
}

function regularMeeting(cycle: MeetingCycle, regularDate: IsoDate, change: OccurrenceChange | undefined): Meeting {
  const moved = change?.action === 'move' && change.date !== undefined;
  const date = moved ? change.date! : regularDate;
  const time = moved ? (change.time ?? cycle.time) : cycle.time;
  const startsAt = osloInstant(date, time);
  const meeting: Meeting = {
    id: `m-${regularDate}`,
    kind: 'regular',
    regularDate,
    date,
    time,
    startsAt,
    endsAt: startsAt + cycle.durationMinutes * MS_PER_MINUTE,
    status: change?.action === 'cancel' ? 'cancelled' : 'scheduled',
  };
  if (change) meeting.note = change.reason;
  return meeting;
}

function extraMeeting(cycle: MeetingCycle, extra: ExtraMeeting): Meeting {
  const startsAt = osloInstant(extra.date, extra.time);
  return {
    id: `x-${extra.date}-${extra.time.replace(':', '')}`,
    kind: 'extra',
    date: extra.date,
    time: extra.time,
    startsAt,
    endsAt: startsAt + cycle.durationMinutes * MS_PER_MINUTE,
    status: 'scheduled',
    note: extra.reason,
  };
}

function assertInterval(cycle: MeetingCycle): void {
  // A zero or fractional interval would loop forever or produce dates off the cycle.
  if (!Number.isInteger(cycle.intervalDays) || cycle.intervalDays < 1) {
    throw new RangeError(`intervalDays must be a positive integer, got ${cycle.intervalDays}`);
  }
}
