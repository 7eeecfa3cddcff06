import { addDays, isValidIsoDate, isoWeekday, osloOffsetMs, type IsoDate } from '../calendar';

/**
 * The committee's two documents: the agenda (saksliste) sent by e-mail before the meeting, and
 * the minutes (referat) kept afterwards. Pure renderers, so a workflow can produce them and the
 * same record always gives the same bytes.
 */

export type AgendaReason =
  | 'application_waiting'
  | 'offer_declined'
  | 'rent_arrears'
  | 'incident_escalated'
  | 'renewal_due'
  | 'evaluation_due'
  | 'follow_up_declined'
  | 'deadline_missed'
  | 'private_rental'
  | 'decision_follow_up'
  | 'secretary';

/**
 * The order the committee works through the agenda: people waiting for a home first, then
 * tenancies at risk, then routine follow-up, and the secretary's own items last.
 */
export const AGENDA_REASON_ORDER: readonly AgendaReason[] = [
  'application_waiting',
  'offer_declined',
  'rent_arrears',
  'incident_escalated',
  'renewal_due',
  'evaluation_due',
  'follow_up_declined',
  'deadline_missed',
  'private_rental',
  'decision_follow_up',
  'secretary',
];

export const AGENDA_REASON_LABELS: Record<AgendaReason, string> = {
  application_waiting: 'Søknader som venter på vedtak eller tildeling',
  offer_declined: 'Boligtilbud som søkeren har takket nei til',
  rent_arrears: 'Husleierestanser',
  incident_escalated: 'Hendelser som er meldt videre til utvalget',
  renewal_due: 'Leieavtaler som snart går ut',
  evaluation_due: 'Oppfølging som skal evalueres',
  follow_up_declined: 'Leietakere som har takket nei til oppfølging',
  deadline_missed: 'Frister som har gått ut',
  private_rental: 'Hjelp til å leie privat: garantikrav og planer som står fast',
  decision_follow_up: 'Oppfølging av tidligere beslutninger',
  secretary: 'Saker fra sekretæren',
};

export interface AgendaItem {
  id: string;
  reason: AgendaReason;
  caseId?: string;
  title: string;
  why: string;
  /** Why the committee may see the case: the tenant's consent or a legal basis (items about a case only). */
  basis?: string;
  source: 'auto' | 'secretary';
}

export interface Member {
  id: string;
  name: string;
  email: string;
  agency: string;
  role: 'chair' | 'secretary' | 'member';
}

export const MEMBER_ROLE_LABELS: Record<Member['role'], string> = {
  chair: 'leder',
  secretary: 'sekretær',
  member: 'medlem',
};

export interface Decision {
  itemId: string;
  text: string;
  responsibleMemberId?: string;
  deadline?: IsoDate;
  caseAction?: { type: string; label: string };
  deliveredAt?: number;
  deliveryError?: string;
}

export interface MeetingRecord {
  committeeName: string;
  municipalityName: string;
  meetingId: string;
  date: IsoDate;
  time: string;
  location: string;
  items: AgendaItem[];
  attendance: Array<{ memberId: string; present: boolean }>;
  decisions: Decision[];
  members: Member[];
  /** Member id of whoever approved the minutes (a plain name is shown as given). */
  approvedBy?: string;
  closedAt?: number;
}

// ---------------------------------------------------------------------------
// Dates in Norwegian
// ---------------------------------------------------------------------------

const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'] as const;
const MS_PER_DAY = 86_400_000;

/** 'tirsdag 8. desember 2026'. */
export function norwegianDate(d: IsoDate): string {
  if (!isValidIsoDate(d)) throw new RangeError(`Invalid IsoDate: ${JSON.stringify(d)}`);
  const year = Number(d.slice(0, 4));
  const month = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  return `${WEEKDAYS[isoWeekday(d) - 1]} ${day}. ${MONTHS[month - 1]} ${year}`;
}

/** 'tirsdag 8. desember 2026 kl. 09:00'. */
function meetingTime(date: IsoDate, time: string): string {
  return `${norwegianDate(date)} kl. ${time}`;
}

/** Oslo date and 'HH:MM' for an instant, e.g. when a decision was delivered. */
function osloWallClock(instant: number): { date: IsoDate; time: string } {
  const local = instant + osloOffsetMs(instant);
  const day = Math.floor(local / MS_PER_DAY);
  const minutes = Math.floor((local - day * MS_PER_DAY) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return { date: addDays('1970-01-01', day), time: `${hh}:${mm}` };
}

// ---------------------------------------------------------------------------
// Agenda
// ---------------------------------------------------------------------------

/**
 * Items in agenda order, numbered 1, 2, 3 … across groups. Within a group the given order is kept,
 * so the agenda and the minutes always number the same item the same way.
 */
export function orderAgendaItems(items: readonly AgendaItem[]): Array<{ number: number; item: AgendaItem }> {
  const rank = (r: AgendaReason) => AGENDA_REASON_ORDER.indexOf(r);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.reason) - rank(b.item.reason) || a.index - b.index)
    .map(({ item }, i) => ({ number: i + 1, item }));
}

/** One line of text: a title with a line break would break the numbered layout of a plain-text e-mail. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function indented(s: string, prefix: string): string {
  return s
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line, i) => (i === 0 ? line : `${prefix}${line}`))
    .join('\n');
}

/** Plain-text agenda for the invitation e-mail, grouped by why each case is on it. */
/** Where a member finds the case; the staff app's address is not configured yet, so the API's path. */
export const caseLink = (caseId: string): string => `/api/tenancies/${caseId}`;

/** Where a member finds the meeting and its agenda, behind login; the only thing about the cases a mail may carry. */
export const meetingLink = (committeeId: string, meetingId: string): string =>
  `/api/committees/${encodeURIComponent(committeeId)}/meetings/${encodeURIComponent(meetingId)}`;

/** 'én sak' / '3 saker': the count is all a mail says about the agenda. */
export const itemCount = (n: number): string => (n === 1 ? 'én sak' : `${n} saker`);

export function agendaText(r: {
  committeeName: string;
  date: IsoDate;
  time: string;
  location: string;
  items: AgendaItem[];
  caseLink: (caseId: string) => string;
}): string {
  const lines: string[] = [
    `Saksliste for møte i ${oneLine(r.committeeName)}`,
    '',
    `Tid: ${meetingTime(r.date, r.time)}`,
    `Sted: ${oneLine(r.location)}`,
  ];

  const ordered = orderAgendaItems(r.items);
  if (ordered.length === 0) {
    lines.push('', 'Det er ingen saker på sakslisten til dette møtet.');
  }
  let group: AgendaReason | undefined;
  for (const { number, item } of ordered) {
    if (item.reason !== group) {
      group = item.reason;
      const heading = AGENDA_REASON_LABELS[group];
      lines.push('', heading, '-'.repeat(heading.length));
    }
    const indent = ' '.repeat(`${number}. `.length);
    lines.push(`${number}. ${oneLine(item.title)}`);
    if (item.caseId !== undefined) lines.push(`${indent}Sak: ${oneLine(item.caseId)}`);
    lines.push(`${indent}Hvorfor: ${indented(item.why, indent + '         ')}`);
    if (item.basis !== undefined) lines.push(`${indent}Grunnlag: ${oneLine(item.basis)}`);
    if (item.caseId !== undefined) lines.push(`${indent}Lenke: ${r.caseLink(item.caseId)}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Minutes
// ---------------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const MINUTES_CSS = `
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 174mm; padding: 12mm 0; }
h1 { font-size: 18pt; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #777; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 0 0 4pt; }
.municipality { margin: 0 0 10pt; color: #444; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
ul.members { margin: 0; padding-left: 16pt; }
.item { page-break-inside: avoid; break-inside: avoid; border: 1px solid #bbb; border-radius: 3pt; padding: 8pt 10pt; margin: 0 0 8pt; }
.group { font-size: 9.5pt; color: #555; margin: 0 0 2pt; text-transform: uppercase; letter-spacing: 0.03em; }
.text { white-space: pre-line; margin: 2pt 0 6pt; }
.decision { border-left: 3pt solid #333; padding-left: 8pt; margin-top: 6pt; }
.label { font-weight: bold; }
.delivery-error { color: #a00; }
footer { margin-top: 18pt; font-size: 10pt; color: #333; }
a { color: inherit; }
@media print { body { padding: 0; max-width: none; } }
`;

/** A complete, self-contained HTML document for the minutes (prints on A4). */
export function minutesHtml(r: MeetingRecord & { caseLink: (caseId: string) => string }): string {
  const e = escapeHtml;
  const membersById = new Map(r.members.map((m) => [m.id, m] as const));
  const memberLabel = (id: string): string => {
    const m = membersById.get(id);
    return m ? `${m.name} (${m.agency}, ${MEMBER_ROLE_LABELS[m.role]})` : id;
  };

  const presentIds = r.attendance.filter((a) => a.present).map((a) => a.memberId);
  const absentIds = r.attendance.filter((a) => !a.present).map((a) => a.memberId);
  const recorded = new Set(r.attendance.map((a) => a.memberId));
  // Listed separately rather than as absent: the minutes should not claim more than was recorded.
  const unrecordedIds = r.members.filter((m) => !recorded.has(m.id)).map((m) => m.id);

  const memberList = (ids: string[], empty: string): string =>
    ids.length === 0 ? `<p>${e(empty)}</p>` : `<ul class="members">${ids.map((id) => `<li>${e(memberLabel(id))}</li>`).join('')}</ul>`;

  const caseReference = (caseId: string): string => {
    const href = r.caseLink(caseId);
    // Only web links become links: a javascript: or data: URL must never end up in an href.
    return /^https?:\/\//i.test(href) ? `<a href="${e(href)}">${e(caseId)}</a>` : e(caseId);
  };

  const decisionHtml = (d: Decision, item: AgendaItem): string => {
    const rows: string[] = [`<p class="text">${e(d.text)}</p>`];
    if (d.responsibleMemberId !== undefined) {
      const m = membersById.get(d.responsibleMemberId);
      const who = m ? `${m.name} (${m.agency})` : d.responsibleMemberId;
      rows.push(`<p><span class="label">Ansvarlig:</span> ${e(who)}</p>`);
    }
    if (d.deadline !== undefined) rows.push(`<p><span class="label">Frist:</span> ${e(isValidIsoDate(d.deadline) ? norwegianDate(d.deadline) : d.deadline)}</p>`);
    if (d.caseAction) rows.push(`<p><span class="label">Handling i saken:</span> ${e(d.caseAction.label)}</p>`);
    const delivery = deliveryStatus(d, item);
    if (delivery) rows.push(`<p${delivery.error ? ' class="delivery-error"' : ''}><span class="label">Overført til saken:</span> ${e(delivery.text)}</p>`);
    return `<div class="decision"><p class="label">Beslutning</p>${rows.join('')}</div>`;
  };

  const itemsHtml = orderAgendaItems(r.items)
    .map(({ number, item }) => {
      const decisions = r.decisions.filter((d) => d.itemId === item.id);
      return [
        `<section class="item">`,
        `<p class="group">${e(AGENDA_REASON_LABELS[item.reason] ?? item.reason)}</p>`,
        `<h3>Sak ${number}: ${e(item.title)}</h3>`,
        item.caseId !== undefined ? `<p><span class="label">Saksnummer:</span> ${caseReference(item.caseId)}</p>` : '',
        `<p class="text"><span class="label">Hvorfor saken er på sakslisten:</span> ${e(item.why)}</p>`,
        item.basis !== undefined ? `<p><span class="label">Grunnlag:</span> ${e(item.basis)}</p>` : '',
        decisions.length === 0 ? '<p><em>Ingen beslutning ført i referatet.</em></p>' : decisions.map((d) => decisionHtml(d, item)).join(''),
        `</section>`,
      ].join('');
    })
    .join('\n');

  const title = `Referat fra møte i ${r.committeeName}`;
  const footer: string[] = [];
  if (r.approvedBy !== undefined) footer.push(`Godkjent av ${e(membersById.get(r.approvedBy)?.name ?? r.approvedBy)}.`);
  if (r.closedAt !== undefined) {
    const closed = osloWallClock(r.closedAt);
    footer.push(`Referatet ble avsluttet ${e(norwegianDate(closed.date))} kl. ${e(closed.time)}.`);
  } else {
    footer.push('Utkast: referatet er ikke avsluttet ennå.');
  }
  footer.push(`Møte-ID: ${e(r.meetingId)}`);

  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} – ${e(norwegianDate(r.date))}</title>
<style>${MINUTES_CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="municipality">${e(r.municipalityName)}</p>
<dl class="meta">
<dt>Dato</dt><dd>${e(norwegianDate(r.date))}</dd>
<dt>Tid</dt><dd>kl. ${e(r.time)}</dd>
<dt>Sted</dt><dd>${e(r.location)}</dd>
</dl>
</header>
<h2>Til stede</h2>
${memberList(presentIds, 'Ingen er ført opp som til stede.')}
<h2>Forfall</h2>
${memberList(absentIds, 'Ingen forfall.')}
${unrecordedIds.length > 0 ? `<h2>Oppmøte ikke registrert</h2>\n${memberList(unrecordedIds, '')}\n` : ''}<h2>Saker</h2>
${itemsHtml || '<p>Det var ingen saker på sakslisten.</p>'}
<footer>
${footer.map((f) => `<p>${f}</p>`).join('\n')}
</footer>
</body>
</html>
`;
}

/** Whether a decision reached the case, in words; undefined when there is nothing to deliver. */
function deliveryStatus(d: Decision, item: AgendaItem): { text: string; error: boolean } | undefined {
  if (d.deliveredAt !== undefined) {
    const at = osloWallClock(d.deliveredAt);
    return { text: `Ja, ${norwegianDate(at.date)} kl. ${at.time}`, error: false };
  }
  if (d.deliveryError !== undefined) return { text: `Nei, det oppstod en feil: ${d.deliveryError}`, error: true };
  if (d.caseAction || item.caseId !== undefined) return { text: 'Nei, ikke ennå', error: false };
  return undefined;
}
