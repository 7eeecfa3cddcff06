import { addDays, osloOffsetMs } from '../calendar';

/**
 * Calendar invitations (iCalendar, RFC 5545, with iTIP methods from RFC 5546) for committee meetings.
 *
 * Times are written as Oslo wall-clock time with a VTIMEZONE, not as UTC: a client then shows
 * 09:00 even if its own time-zone data is older than ours, and a later update keeps the meeting at
 * 09:00 across DST. Pure string building, so the workflow can produce the same bytes on replay.
 */

export interface IcsEvent {
  /** Stable per meeting; a later REQUEST or CANCEL with the same uid and a higher sequence replaces it. */
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  summary: string;
  description: string;
  location: string;
  startsAt: number;
  endsAt: number;
  stampAt: number;
  organizer: { name: string; email: string };
  attendees: Array<{ name: string; email: string }>;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const MS_PER_DAY = 86_400_000;

// The EU rule Norway has followed since 1996; matches osloOffsetMs in ../calendar.
const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A complete VCALENDAR for one meeting: an invitation (REQUEST) or a cancellation (CANCEL). */
export function meetingInvitation(e: IcsEvent): string {
  if (!(e.endsAt > e.startsAt)) throw new RangeError('endsAt must be after startsAt');
  if (!Number.isInteger(e.sequence) || e.sequence < 0) throw new RangeError(`sequence must be a non-negative integer, got ${e.sequence}`);
  const cancel = e.method === 'CANCEL';

  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Botrygg//Boligutvalg//NO',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    ...OSLO_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcDateTime(e.stampAt)}`,
    `DTSTART;TZID=Europe/Oslo:${osloDateTime(e.startsAt)}`,
    `DTEND;TZID=Europe/Oslo:${osloDateTime(e.endsAt)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `LOCATION:${escapeText(e.location)}`,
    `STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    `ORGANIZER;CN=${paramValue(e.organizer.name)}:${mailto(e.organizer.email)}`,
    // A cancellation asks for no reply; asking for one makes some clients show a pointless RSVP bar.
    ...e.attendees.map(
      (a) => `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${cancel ? 'FALSE' : 'TRUE'}:${mailto(a.email)}`,
    ),
    // No reminder for a meeting that will not happen.
    ...(cancel ? [] : ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(e.summary)}`, 'TRIGGER:-PT1H', 'END:VALARM']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

// ---------------------------------------------------------------------------
// Value encoding
// ---------------------------------------------------------------------------

/** TEXT value escaping (RFC 5545 §3.3.11). Other control characters are dropped: they are not allowed in TEXT. */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n|\r|\n/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * A parameter value such as CN (RFC 5545 §3.2). It cannot be escaped, only quoted, and a quoted
 * value cannot hold DQUOTE, so those and control characters are removed.
 */
function paramValue(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = s.replace(/[\u0000-\u001F\u007F"]/g, ' ').replace(/\s+/g, ' ').trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Whitespace and control characters could break the line structure or smuggle in properties. */
function mailto(email: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return `mailto:${email.replace(/[\s\u0000-\u001F\u007F]/g, '')}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYYMMDDTHHMMSS' of the wall-clock time at `instant` shifted by `offsetMs`. */
function wallClock(instant: number, offsetMs: number): string {
  if (!Number.isFinite(instant)) throw new RangeError(`Invalid instant: ${instant}`);
  const local = Math.floor(instant / 1000) * 1000 + offsetMs;
  const day = Math.floor(local / MS_PER_DAY);
  const secondsOfDay = (local - day * MS_PER_DAY) / 1000;
  const date = addDays('1970-01-01', day).replace(/-/g, '');
  const hh = Math.floor(secondsOfDay / 3600);
  const mm = Math.floor((secondsOfDay % 3600) / 60);
  const ss = secondsOfDay % 60;
  return `${date}T${pad2(hh)}${pad2(mm)}${pad2(ss)}`;
}

function osloDateTime(instant: number): string {
  return wallClock(instant, osloOffsetMs(instant));
}

function utcDateTime(instant: number): string {
  return `${wallClock(instant, 0)}Z`;
}

// ---------------------------------------------------------------------------
// Line folding
// ---------------------------------------------------------------------------

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so no physical line exceeds 75 octets of UTF-8 (RFC 5545 §3.1). Splits
 * only between code points, so 'ø' is never cut in half; the leading space of a continuation
 * line counts towards its 75 octets.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}
