import { describe, it, expect } from 'vitest';
import { osloInstant } from '../../domain/calendar';
import { escapeText, foldLine, meetingInvitation, type IcsEvent } from '../../domain/committee/ics';
import {
  AGENDA_REASON_LABELS,
  AGENDA_REASON_ORDER,
  agendaText,
  minutesHtml,
  norwegianDate,
  orderAgendaItems,
  type AgendaItem,
  type MeetingRecord,
} from '../../domain/committee/documents';

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** RFC 5545 unfolding: remove every CRLF followed by one space or tab. */
const unfold = (ics: string): string => ics.replace(/\r\n[ \t]/g, '');

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'm-2026-12-08@botrygg.tynset.kommune.no',
  sequence: 0,
  method: 'REQUEST',
  summary: 'Møte i boligutvalget',
  description: 'Saksliste:\n1. Søknad; bolig, Østerdalen\\Tynset',
  location: 'Rådhuset, møterom 3',
  startsAt: osloInstant('2026-12-08', '09:00'),
  endsAt: osloInstant('2026-12-08', '10:30'),
  stampAt: Date.parse('2026-11-20T13:45:07Z'),
  organizer: { name: 'Åse Sekretær', email: 'ase@tynset.kommune.no' },
  attendees: [
    { name: 'Kari Nordmann', email: 'kari@nav.no' },
    { name: 'Ærlige Øystein Ålesund-Bø', email: 'oystein@tynset.kommune.no' },
  ],
  ...overrides,
});

describe('ICS: meetingInvitation', () => {
  it('uses CRLF everywhere and ends with CRLF', () => {
    const ics = meetingInvitation(event());
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nPRODID:-//Botrygg//Boligutvalg//NO\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:REQUEST\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VEVENT\r\nEND:VCALENDAR')).toBe(true);
  });

  it('never has a line over 75 octets, even with æøå, and unfolds to the original', () => {
    const long = 'Behandling av søknader om kommunal bolig i Tynset, Øvre Rendal og Åmot – særlig rusfeltet og psykisk helse. '.repeat(6);
    const ics = meetingInvitation(event({ summary: long, description: 'ø'.repeat(200), location: '😀æ'.repeat(50) }));
    for (const line of ics.split('\r\n')) expect(utf8(line)).toBeLessThanOrEqual(75);
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain(`SUMMARY:${escapeText(long)}`);
    expect(lines).toContain(`DESCRIPTION:${'ø'.repeat(200)}`);
    expect(lines).toContain(`LOCATION:${'😀æ'.repeat(50)}`);
  });

  it('folds at exactly 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'a'.repeat(62)}ø${'b'.repeat(100)}`; // 'ø' would straddle octets 75–76
    const folded = foldLine(line).split('\r\n');
    expect(utf8(folded[0]!)).toBe(74);
    expect(folded[0]!.endsWith('a')).toBe(true);
    expect(folded[1]!.startsWith(' ø')).toBe(true);
    for (const l of folded) expect(utf8(l)).toBeLessThanOrEqual(75);
    for (const l of folded.slice(1)) expect(l.startsWith(' ') && !l.startsWith('  ')).toBe(true);
    expect(utf8(foldLine('X'.repeat(75)))).toBe(75);
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const lines = unfold(meetingInvitation(event())).split('\r\n');
    expect(lines).toContain('DESCRIPTION:Saksliste:\\n1. Søknad\\; bolig\\, Østerdalen\\\\Tynset');
    expect(lines).toContain('LOCATION:Rådhuset\\, møterom 3');
  });

  it('cannot be tricked into adding properties through a newline', () => {
    const ics = meetingInvitation(
      event({ summary: 'Møte\r\nATTENDEE:mailto:evil@example.com', organizer: { name: 'A\r\nB', email: 'a@b.no\r\nX:Y' } }),
    );
    expect(unfold(ics).split('\r\n').filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(2);
    expect(unfold(ics)).toContain('ORGANIZER;CN=A B:mailto:a@b.noX:Y');
  });

  it('writes DTSTART/DTEND as Oslo local time in winter and summer, DTSTAMP in UTC', () => {
    const winter = unfold(meetingInvitation(event())).split('\r\n');
    expect(winter).toContain('DTSTART;TZID=Europe/Oslo:20261208T090000');
    expect(winter).toContain('DTEND;TZID=Europe/Oslo:20261208T103000');
    expect(winter).toContain('DTSTAMP:20261120T134507Z');

    const summer = unfold(
      meetingInvitation(event({ startsAt: osloInstant('2026-06-16', '09:00'), endsAt: osloInstant('2026-06-16', '10:30') })),
    ).split('\r\n');
    expect(summer).toContain('DTSTART;TZID=Europe/Oslo:20260616T090000');
    expect(summer).toContain('DTEND;TZID=Europe/Oslo:20260616T103000');
    // Same local time, different UTC instants.
    expect(osloInstant('2026-06-16', '09:00') % 86_400_000).toBe(7 * 3_600_000);
    expect(osloInstant('2026-12-08', '09:00') % 86_400_000).toBe(8 * 3_600_000);
  });

  it('carries a VTIMEZONE for Europe/Oslo with both rules', () => {
    const ics = meetingInvitation(event());
    expect(ics).toContain(
      [
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
      ].join('\r\n'),
    );
  });

  it('has UID, SEQUENCE, STATUS, ORGANIZER, ATTENDEEs and a one-hour alarm', () => {
    const lines = unfold(meetingInvitation(event({ sequence: 2 }))).split('\r\n');
    expect(lines).toContain('UID:m-2026-12-08@botrygg.tynset.kommune.no');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('ORGANIZER;CN=Åse Sekretær:mailto:ase@tynset.kommune.no');
    expect(lines).toContain('ATTENDEE;CN=Kari Nordmann;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:kari@nav.no');
    expect(lines).toContain('ATTENDEE;CN=Ærlige Øystein Ålesund-Bø;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:oystein@tynset.kommune.no');
    const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1);
    expect(alarm).toContain('ACTION:DISPLAY');
    expect(alarm).toContain('TRIGGER:-PT1H');
  });

  it('quotes a CN that contains separators', () => {
    const lines = unfold(meetingInvitation(event({ attendees: [{ name: 'Nordmann, Kari "NAV"', email: 'kari@nav.no' }] }))).split('\r\n');
    expect(lines.find((l) => l.startsWith('ATTENDEE'))).toBe('ATTENDEE;CN="Nordmann, Kari NAV";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:kari@nav.no');
  });

  it('a CANCEL has METHOD:CANCEL and STATUS:CANCELLED', () => {
    const lines = unfold(meetingInvitation(event({ method: 'CANCEL', sequence: 3 }))).split('\r\n');
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).not.toContain('BEGIN:VALARM');
  });

  it('is deterministic', () => {
    expect(meetingInvitation(event())).toBe(meetingInvitation(event()));
  });
});

describe('norwegianDate', () => {
  it.each([
    ['2026-12-08', 'tirsdag 8. desember 2026'],
    ['2027-05-17', 'mandag 17. mai 2027'],
    ['2026-03-01', 'søndag 1. mars 2026'],
    ['2026-08-15', 'lørdag 15. august 2026'],
  ])('%s → %s', (d, expected) => {
    expect(norwegianDate(d)).toBe(expected);
  });
  it('rejects an invalid date', () => {
    expect(() => norwegianDate('2026-02-30')).toThrow(RangeError);
  });
});

const items: AgendaItem[] = [
  { id: 'i1', reason: 'secretary', title: 'Evaluering av rutiner', why: 'Meldt inn av sekretæren.', source: 'secretary' },
  { id: 'i2', reason: 'rent_arrears', caseId: 'BT-2026-0042', title: 'Restanse i Storgata 3', why: 'Tre måneders restanse.\nUtkastelse varslet.', source: 'auto' },
  { id: 'i3', reason: 'application_waiting', caseId: 'BT-2026-0007', title: 'Søknad fra barnefamilie', why: 'Har ventet i 12 uker.', source: 'auto' },
  { id: 'i4', reason: 'rent_arrears', caseId: 'BT-2026-0050', title: 'Restanse i Parkveien 1', why: 'To måneders restanse.', source: 'auto' },
];
const caseLink = (id: string) => `https://botrygg.example/saker/${id}`;

describe('agendaText', () => {
  const text = agendaText({ committeeName: 'Boligutvalget i Tynset', date: '2026-12-08', time: '09:00', location: 'Rådhuset, møterom 3', items, caseLink });

  it('opens with the meeting time in Norwegian', () => {
    expect(text).toContain('Saksliste for møte i Boligutvalget i Tynset');
    expect(text).toContain('Tid: tirsdag 8. desember 2026 kl. 09:00');
    expect(text).toContain('Sted: Rådhuset, møterom 3');
  });

  it('groups items by reason in the fixed order and numbers them across groups', () => {
    const applications = text.indexOf(AGENDA_REASON_LABELS.application_waiting);
    const arrears = text.indexOf(AGENDA_REASON_LABELS.rent_arrears);
    const secretary = text.indexOf(AGENDA_REASON_LABELS.secretary);
    expect(applications).toBeGreaterThan(0);
    expect(arrears).toBeGreaterThan(applications);
    expect(secretary).toBeGreaterThan(arrears);
    // Each heading appears once even though two items share it.
    expect(text.split(AGENDA_REASON_LABELS.rent_arrears)).toHaveLength(2);
    expect(text).toMatch(/1\. Søknad fra barnefamilie[\s\S]*2\. Restanse i Storgata 3[\s\S]*3\. Restanse i Parkveien 1[\s\S]*4\. Evaluering av rutiner/);
  });

  it('gives each item its case ID, why and link', () => {
    expect(text).toContain('2. Restanse i Storgata 3\n   Sak: BT-2026-0042\n   Hvorfor: Tre måneders restanse.\n            Utkastelse varslet.\n   Lenke: https://botrygg.example/saker/BT-2026-0042\n');
    const secretaryItem = text.slice(text.indexOf('4. Evaluering'));
    expect(secretaryItem).not.toContain('Sak:');
    expect(secretaryItem).not.toContain('Lenke:');
  });

  it('says so when there is nothing on the agenda', () => {
    const empty = agendaText({ committeeName: 'Boligutvalget', date: '2026-12-08', time: '09:00', location: 'Rådhuset', items: [], caseLink });
    expect(empty).toContain('Det er ingen saker på sakslisten til dette møtet.');
  });

  it('has a label for every reason and an order that covers them all', () => {
    expect([...AGENDA_REASON_ORDER].sort()).toEqual(Object.keys(AGENDA_REASON_LABELS).sort());
    expect(orderAgendaItems(items).map((o) => [o.number, o.item.id])).toEqual([
      [1, 'i3'],
      [2, 'i2'],
      [3, 'i4'],
      [4, 'i1'],
    ]);
  });
});

describe('minutesHtml', () => {
  const record: MeetingRecord = {
    committeeName: 'Boligutvalget i Tynset',
    municipalityName: 'Tynset kommune',
    meetingId: 'm-2026-12-08',
    date: '2026-12-08',
    time: '09:00',
    location: 'Rådhuset, møterom 3',
    items: [...items, { id: 'i5', reason: 'incident_escalated', caseId: 'BT-9', title: '<script>alert("x")</script> & co', why: 'Naboklage <b>', source: 'auto' }],
    attendance: [
      { memberId: 'u1', present: true },
      { memberId: 'u2', present: true },
      { memberId: 'u3', present: false },
    ],
    decisions: [
      {
        itemId: 'i2',
        text: 'Tilby nedbetalingsavtale.',
        responsibleMemberId: 'u2',
        deadline: '2026-12-22',
        caseAction: { type: 'note', label: 'Notat i saken' },
        deliveredAt: Date.parse('2026-12-08T09:15:00Z'),
      },
      { itemId: 'i4', text: 'Følg opp med NAV.', caseAction: { type: 'note', label: 'Notat i saken' }, deliveryError: 'Saken er avsluttet' },
      { itemId: 'i5', text: 'Ingen <tiltak>' },
    ],
    members: [
      { id: 'u1', name: 'Åse Leder', email: 'ase@tynset.kommune.no', agency: 'Boligkontoret', role: 'chair' },
      { id: 'u2', name: 'Kari Nordmann', email: 'kari@nav.no', agency: 'NAV', role: 'secretary' },
      { id: 'u3', name: 'Ola <Fravær>', email: 'ola@tynset.kommune.no', agency: 'Psykisk helse og rus', role: 'member' },
      { id: 'u4', name: 'Per Uregistrert', email: 'per@tynset.kommune.no', agency: 'Barnevernet', role: 'member' },
    ],
    approvedBy: 'u1',
    closedAt: Date.parse('2026-12-08T10:40:00Z'),
  };
  const html = minutesHtml({ ...record, caseLink });

  it('is a complete, self-contained HTML5 document in Norwegian', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nb">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Referat fra møte i Boligutvalget i Tynset – tirsdag 8. desember 2026</title>');
    expect(html).toContain('<h1>Referat fra møte i Boligutvalget i Tynset</h1>');
    expect(html).toContain('@page');
    expect(html).toContain('page-break-inside: avoid');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // No external resources.
    expect(html).not.toMatch(/<link|<script|<img|@import|url\(|src=/i);
  });

  it('escapes all interpolated text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain('Naboklage &lt;b&gt;');
    expect(html).toContain('Ingen &lt;tiltak&gt;');
    expect(html).toContain('Ola &lt;Fravær&gt;');
  });

  it('shows date, time, place and who was present or absent, with agency and role', () => {
    expect(html).toContain('<dd>tirsdag 8. desember 2026</dd>');
    expect(html).toContain('<dd>kl. 09:00</dd>');
    expect(html).toContain('<dd>Rådhuset, møterom 3</dd>');
    const present = html.slice(html.indexOf('<h2>Til stede</h2>'), html.indexOf('<h2>Forfall</h2>'));
    expect(present).toContain('Åse Leder (Boligkontoret, leder)');
    expect(present).toContain('Kari Nordmann (NAV, sekretær)');
    const absent = html.slice(html.indexOf('<h2>Forfall</h2>'), html.indexOf('<h2>Oppmøte ikke registrert</h2>'));
    expect(absent).toContain('Ola &lt;Fravær&gt; (Psykisk helse og rus, medlem)');
    expect(html).toContain('Per Uregistrert (Barnevernet, medlem)');
  });

  it('shows each item with why, decision, responsible, deadline and delivery', () => {
    const storgata = html.slice(html.indexOf('Restanse i Storgata 3'), html.indexOf('</section>', html.indexOf('Restanse i Storgata 3')));
    expect(storgata).toContain('<a href="https://botrygg.example/saker/BT-2026-0042">BT-2026-0042</a>');
    expect(storgata).toContain('Tre måneders restanse.\nUtkastelse varslet.');
    expect(storgata).toContain('Tilby nedbetalingsavtale.');
    expect(storgata).toContain('Ansvarlig:</span> Kari Nordmann (NAV)');
    expect(storgata).toContain('Frist:</span> tirsdag 22. desember 2026');
    expect(storgata).toContain('Ja, tirsdag 8. desember 2026 kl. 10:15');
    expect(html).toContain('Nei, det oppstod en feil: Saken er avsluttet');
    expect(html).toContain('Sak 1: Søknad fra barnefamilie');
    expect(html).toContain('Ingen beslutning ført i referatet.');
    expect(html).toContain('Godkjent av Åse Leder.');
    expect(html).toContain('Referatet ble avsluttet tirsdag 8. desember 2026 kl. 11:40.');
  });

  it('does not turn a non-web case link into a link', () => {
    const evil = minutesHtml({ ...record, caseLink: () => 'javascript:alert(1)' });
    expect(evil).not.toContain('javascript:');
    expect(evil).not.toContain('<a href');
  });

  it('marks a draft that is not closed', () => {
    const { closedAt: _closed, approvedBy: _approved, ...draft } = record;
    expect(minutesHtml({ ...draft, caseLink })).toContain('Utkast: referatet er ikke avsluttet ennå.');
  });
});
