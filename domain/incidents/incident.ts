import type { IncidentReport } from '../schemas/incident';
import type { AgreementRow, SituationKey } from '../agreement-template';
import { addBusinessDays, addDays, daysBetween, deadline, osloDate, osloInstant, type IsoDate } from '../calendar';
import type { Role } from '../roles';

/**
 * One incident (hendelse) handled as the follow-up agreement signed at the time says: seed 000's
 * row becomes tasks for the responsible roles, timers that escalate, and notices to the housing
 * office. «Vurdere …» measures are assessments: a person records yes or no with a note.
 */
export const SITUATION_LABELS: Record<SituationKey, string> = {
  untidy_home: 'Bolig eller fellesareal ikke holdt i orden',
  locked_door: 'Låst dør ved avtalt oppfølging',
  locked_door_co_located: 'Låst dør i samlokalisert bolig',
  drug_use: 'Synlig rusing eller salg av rusmidler',
  intoxicated_visitors: 'Berusede besøkende ved oppfølging',
  threats_or_weapons: 'Truende atferd eller synlige våpen',
  burglary_or_damage: 'Innbrudd eller ødelagt inventar',
  missing_rent: 'Manglende husleie',
  neighbour_complaints: 'Naboklage',
  declines_follow_up: 'Leietaker ønsker ikke videre oppfølging',
};

export type { IncidentReport } from '../schemas/incident';

export interface IncidentTask {
  id: string;
  title: string;
  role: Role;
  assigneeId?: string;
  dueDate: IsoDate;
  assessment: boolean;
  /** Three-party meetings are first-class: proposed times, participants, outcome. */
  meeting?: boolean;
  status: 'open' | 'done';
  /** Set once, at the start of the day after `dueDate` (Oslo), with a line on the timeline. */
  overdue?: boolean;
  decision?: 'yes' | 'no';
  note?: string;
  doneAt?: number;
  doneBy?: string;
}

export interface IncidentTimer {
  id: 'deviation-deadline' | 'locked-door-wait' | 'insurance-reminder';
  at: number;
  fired: boolean;
}

export interface Notice {
  key: string;
  role: Role;
  subject: string;
  body: string;
}

export type MeetingParticipant = 'tenant' | 'follow_up_worker' | 'housing_service' | 'nav';

/** An invitation to a three-party meeting, to the tenant or a participant's mailbox, through the outbox. */
export interface Invitation {
  key: string;
  to: MeetingParticipant;
  subject: string;
  body: string;
}

export interface ThreePartyMeeting {
  taskId: string;
  /** How many times were proposed so far: each proposal invites again under its own keys. */
  proposal?: number;
  proposedTimes: string[];
  participants: Array<'tenant' | 'follow_up_worker' | 'housing_service' | 'nav'>;
  outcome?: 'kept' | 'revised' | 'other_measures';
  note?: string;
}

export interface IncidentState {
  incidentId: string;
  caseId: string;
  municipality: string;
  situation: SituationKey;
  /** The agreement version signed when the incident was reported, and its row for this situation. */
  agreementVersion?: number;
  row?: AgreementRow;
  report: IncidentReport & { reportedBy: string; reportedAt: number };
  followUpWorkerId?: string;
  coLocated: boolean;
  status: 'open' | 'closed' | 'withdrawn';
  tasks: IncidentTask[];
  timers: IncidentTimer[];
  /** Step log with timestamps (locked door: every attempt is recorded). */
  steps: Array<{ at: number; byId: string; text: string }>;
  meetings: ThreePartyMeeting[];
  /** Notices waiting to be handed to the outbox. */
  unsentNotices: Notice[];
  /** Meeting invitations waiting to be handed to the outbox (patched 'incident-meeting-invitations'). */
  unsentInvitations?: Invitation[];
  escalations: number;
  version: number;
  nextEventSeq: number;
  unsavedEvents: Array<{ seq: number; at: number; kind: string; actorId?: string; summary: string; data?: Record<string, unknown> }>;
  applied: Record<string, unknown>;
  /** Set when a three-party meeting decided to revise the agreement: the tenancy opens a revision. */
  revisionRequested?: boolean;
  /**
   * Patched 'incident-business-days': deadlines in days or weeks end on a business day and open tasks
   * become overdue like case tasks. Absent in incidents recorded before, which replay as they ran.
   */
  businessDays?: boolean;
  /** Patched 'incident-assessment-acts': a «yes» on «call a meeting» or «tell the housing office» does it. */
  assessmentsAct?: boolean;
  /** Patched 'incident-tenant-told': each neighbour complaint gives a task to tell the tenant in writing. */
  tenantTold?: boolean;
  /** Patched 'incident-notices-without-free-text': mails say what happened in categories, never the report's text. */
  noFreeTextInMail?: boolean;
  /** Patched 'incident-meeting-invitations': a proposed meeting invites its participants, the tenant always. */
  meetingInvitations?: boolean;
}

/** What the query returns and the read model stores: the state without bookkeeping. */
export type IncidentView = Omit<IncidentState, 'unsavedEvents' | 'applied' | 'nextEventSeq' | 'unsentNotices' | 'unsentInvitations'>;

export function toIncidentView(s: IncidentState): IncidentView {
  const { unsavedEvents: _e, applied: _a, nextEventSeq: _n, unsentNotices: _u, unsentInvitations: _i, ...rest } = s;
  return rest;
}

export interface NewIncident {
  incidentId: string;
  caseId: string;
  municipality: string;
  report: IncidentState['report'];
  agreementVersion?: number;
  row?: AgreementRow;
  deviationWeeks: number;
  lockedDoorWaitMinutes: number;
  followUpWorkerId?: string;
  coLocated: boolean;
}

export function addIncidentEvent(s: IncidentState, now: number, e: { kind: string; summary: string; actorId?: string; data?: Record<string, unknown> }): void {
  s.unsavedEvents.push({ ...e, seq: s.nextEventSeq++, at: now, data: { incidentId: s.incidentId, ...e.data } });
  s.version++;
}

function task(s: IncidentState, now: number, t: Omit<IncidentTask, 'status' | 'dueDate' | 'assessment'> & { dueDate?: IsoDate; assessment?: boolean }): void {
  const today = osloDate(now);
  s.tasks.push({ assessment: false, dueDate: t.dueDate ?? addBusinessDays(today, 2), status: 'open', ...t, id: `${s.incidentId}-${t.id}` });
  s.version++;
}

function notice(s: IncidentState, key: string, role: Role, subject: string, body: string): void {
  s.unsentNotices.push({ key: `${s.incidentId}#${key}`, role, subject, body });
}

const fuw = (s: IncidentState) => s.followUpWorkerId;

/**
 * Mails carry categories, never the report's free text (it may hold health or drug details): the
 * details stay in Botrygg behind login, and the outbox adds the case to look up.
 */
const mailText = (s: IncidentState, withFreeText: string, categories: string): string =>
  s.noFreeTextInMail ? `${categories} Detaljene står i saken i Botrygg.` : withFreeText;

/** Two weeks from `today`, on a business day once the incident counts in business days. */
const inTwoWeeks = (s: IncidentState, today: IsoDate): IsoDate => (s.businessDays ? deadline(today, { weeks: 2 }) : addDays(today, 14));

/** Days from the report until the deviation deadline: `weeks` later, moved to a business day. */
function deviationDays(s: IncidentState, today: IsoDate, weeks: number): number {
  return s.businessDays ? daysBetween(today, deadline(today, { weeks })) : weeks * 7;
}

/** Same-day tasks (a locked door, a threat) are acute and stay due today, weekend or not. */
const overdueAt = (t: IncidentTask): number => osloInstant(addDays(t.dueDate, 1));

/** Flags open tasks whose deadline has passed, once each, with a line on the case's timeline. */
export function markOverdueIncidentTasks(s: IncidentState, now: number): void {
  if (!s.businessDays) return;
  for (const t of s.tasks) {
    if (t.status !== 'open' || t.overdue || overdueAt(t) > now) continue;
    t.overdue = true;
    addIncidentEvent(s, now, { kind: 'deadline_missed', summary: `Fristen for «${t.title}» (${t.dueDate}) er passert.`, data: { taskId: t.id, dueDate: t.dueDate } });
  }
}

/** Builds the incident's tasks, timers and notices from the agreement row, at the time of the report. */
export function newIncident(input: NewIncident, now: number, opts: { businessDays?: boolean; assessmentsAct?: boolean; tenantTold?: boolean; noFreeTextInMail?: boolean; meetingInvitations?: boolean } = {}): IncidentState {
  const s: IncidentState = {
    incidentId: input.incidentId,
    caseId: input.caseId,
    municipality: input.municipality,
    situation: input.report.situation,
    agreementVersion: input.agreementVersion,
    row: input.row,
    report: input.report,
    followUpWorkerId: input.followUpWorkerId,
    coLocated: input.coLocated,
    status: 'open',
    tasks: [],
    timers: [],
    steps: [],
    meetings: [],
    unsentNotices: [],
    escalations: 0,
    version: 0,
    nextEventSeq: 1,
    unsavedEvents: [],
    ...(opts.businessDays ? { businessDays: true } : {}),
    ...(opts.assessmentsAct ? { assessmentsAct: true } : {}),
    ...(opts.tenantTold ? { tenantTold: true } : {}),
    ...(opts.noFreeTextInMail ? { noFreeTextInMail: true } : {}),
    ...(opts.meetingInvitations ? { meetingInvitations: true } : {}),
    applied: {},
  };
  const label = SITUATION_LABELS[s.situation];
  const today = osloDate(now);
  const where = `sak ${s.caseId}`;
  addIncidentEvent(s, now, {
    kind: 'incident_reported',
    actorId: input.report.reportedBy,
    summary: input.row
      ? `Hendelse meldt: ${label}. Håndteres etter oppfølgingsavtalen versjon ${input.agreementVersion}.`
      : `Hendelse meldt: ${label}. Situasjonen er ikke med i avtalen; boligkontoret vurderer tiltak.`,
    data: { situation: s.situation, channel: input.report.channel, agreementVersion: input.agreementVersion },
  });
  if (!input.row) {
    task(s, now, { id: 'assess', title: `Vurder tiltak: ${label} (ikke med i avtalen)`, role: 'housing_office', assessment: true });
    notice(s, 'reported', 'housing_office', `Hendelse uten avtalte tiltak (${where})`, mailText(s, `${label}: ${input.report.description}`, `${label}, meldt ${today}.`));
    return s;
  }
  const reportedAt = Date.parse(input.report.occurredAt);
  switch (s.situation) {
    case 'untidy_home':
      task(s, now, { id: 'motivate', title: 'Motiver leietaker til å følge husordensreglene; bistå med rydding og vask ved behov', role: 'follow_up_worker', assigneeId: fuw(s) });
      if (input.report.damage) {
        notice(s, 'damage', 'housing_office', `Skade på boligen (${where})`, mailText(s, `Skade meldt ${today}: ${input.report.description}`, `Skade på boligen meldt ${today} (${label.toLowerCase()}).`));
        task(s, now, { id: 'damage', title: 'Skade på boligen: vurder utbedring', role: 'housing_office', dueDate: today });
      }
      s.timers.push({ id: 'deviation-deadline', at: reportedAt + deviationDays(s, today, input.deviationWeeks) * 86_400_000, fired: false });
      break;
    case 'locked_door':
      task(s, now, { id: 'keep-trying', title: 'Forsøk å oppnå kontakt med leietaker utover dagen', role: 'follow_up_worker', assigneeId: fuw(s), dueDate: today });
      s.timers.push({ id: 'locked-door-wait', at: reportedAt + input.lockedDoorWaitMinutes * 60_000, fired: false });
      break;
    case 'locked_door_co_located':
      task(s, now, { id: 'unlock', title: 'Lås deg inn ifm medisinutdeling eller faste avtaler', role: 'follow_up_worker', assigneeId: fuw(s), dueDate: today });
      break;
    case 'drug_use':
      task(s, now, { id: 'talk', title: 'Snakk med leietaker og motiver til å ta imot hjelp (se kriseplanen)', role: 'follow_up_worker', assigneeId: fuw(s) });
      task(s, now, { id: 'assess-notify', title: 'Vurder å gi beskjed til boligkontoret', role: 'follow_up_worker', assigneeId: fuw(s), assessment: true });
      break;
    case 'intoxicated_visitors':
      task(s, now, { id: 'assess-cancel', title: 'Vurder å avlyse avtalen', role: 'follow_up_worker', assigneeId: fuw(s), assessment: true, dueDate: today });
      if (input.report.othersStaying) {
        notice(s, 'others-staying', 'housing_office', `Andre oppholder seg i boligen over tid (${where})`, mailText(s, input.report.description, `Andre oppholder seg i boligen over tid, meldt ${today}.`));
      }
      task(s, now, { id: 'assess-meeting', title: 'Vurder innkalling til trepartssamtale', role: 'housing_office', assessment: true });
      break;
    case 'threats_or_weapons':
      s.steps.push({ at: now, byId: input.report.reportedBy, text: 'Oppfølger forlot boligen; ingen oppfølging denne dagen.' });
      notice(s, 'threat', 'housing_office', `Trusler eller våpen ved oppfølging (${where})`, mailText(s, `Oppfølger forlot boligen ${today}. ${input.report.description}`, `Trusler eller våpen ved oppfølging ${today}. Oppfølger forlot boligen.`));
      task(s, now, { id: 'assess-damage-report', title: 'Vurder å skrive skademelding', role: 'follow_up_worker', assigneeId: fuw(s), assessment: true });
      task(s, now, { id: 'assess-police', title: 'Vurder å kontakte politiet', role: 'follow_up_worker', assigneeId: fuw(s), assessment: true, dueDate: today });
      task(s, now, { id: 'assess-meeting', title: 'Vurder å innkalle til trepartsmøte med beboer, oppfølger og boligtjenesten', role: 'follow_up_worker', assigneeId: fuw(s), assessment: true });
      break;
    case 'burglary_or_damage':
      task(s, now, { id: 'insurance', title: 'Minn leietaker på å melde saken til innboforsikringen', role: 'follow_up_worker', assigneeId: fuw(s) });
      s.timers.push({ id: 'insurance-reminder', at: now + 14 * 86_400_000, fired: false });
      break;
    case 'missing_rent': {
      // Co-located housing: the department head gets it from the accounts and calls the meeting.
      const role: Role = s.coLocated ? 'department_head' : 'housing_office';
      task(s, now, { id: 'inform', title: 'Informer oppfølger om husleierestansen', role });
      task(s, now, { id: 'meeting', title: 'Kall inn til trepartssamtale om husleierestansen', role, meeting: true, dueDate: inTwoWeeks(s, today) });
      task(s, now, { id: 'assess-measures', title: 'Vurder tiltak', role, assessment: true, dueDate: inTwoWeeks(s, today) });
      break;
    }
    case 'neighbour_complaints': {
      const fromHousingOffice = input.report.channel === 'neighbour_form' || input.report.channel === 'housing_office' || input.report.channel === 'phone';
      notice(
        s,
        'complaint',
        fromHousingOffice ? 'follow_up_worker' : 'housing_office',
        `Naboklage (${where})`,
        mailText(s, `Naboklage mottatt ${today}: ${input.report.description}`, `Naboklage mottatt ${today}.`),
      );
      if (s.tenantTold) {
        // Seed 000: «leietaker får beskjed om evt. klager», for each complaint, in writing; never who complained.
        task(s, now, { id: 'tell-tenant', title: 'Gi leietaker skriftlig beskjed om naboklagen (brev eller e-post), uten å oppgi hvem som klaget', role: 'housing_office' });
      }
      task(s, now, { id: 'meeting', title: 'Kall inn leietaker og oppfølger til trepartssamtale; gi leietaker beskjed om klagene', role: 'housing_office', meeting: true, dueDate: inTwoWeeks(s, today) });
      task(s, now, { id: 'assess-measures', title: 'Vurder behov for tiltak', role: 'housing_office', assessment: true, dueDate: inTwoWeeks(s, today) });
      break;
    }
    case 'declines_follow_up':
      notice(s, 'declined', 'housing_office', `Leietaker ønsker ikke videre oppfølging (${where})`, mailText(s, input.report.description, `Leietaker ønsker ikke videre oppfølging, meldt ${today}.`));
      break;
  }
  return s;
}

/**
 * A «yes» that asks for an act performs it: «vurdere trepartssamtale» opens the meeting task for the
 * role that assessed; «vurdere å gi beskjed til boligkontoret» sends the housing office a notice that
 * names the situation and the case only (no free text from the report). Returns a sentence, or ''.
 */
export function actOnAssessment(s: IncidentState, assessed: IncidentTask, now: number): string {
  if (!s.assessmentsAct || assessed.decision !== 'yes') return '';
  const kind = assessed.id.slice(s.incidentId.length + 1);
  if (kind === 'assess-meeting') {
    if (s.tasks.some((t) => t.meeting && t.status === 'open')) return '';
    task(s, now, { id: 'meeting', title: 'Kall inn til trepartssamtale med leietaker, oppfølger og boligtjenesten', role: assessed.role, ...(assessed.assigneeId ? { assigneeId: assessed.assigneeId } : {}), meeting: true, dueDate: inTwoWeeks(s, osloDate(now)) });
    return ' Trepartssamtale skal kalles inn.';
  }
  if (kind === 'assess-notify') {
    notice(s, 'assessed-notify', 'housing_office', `${SITUATION_LABELS[s.situation]} (sak ${s.caseId})`, `Oppfølger har vurdert at boligkontoret skal ha beskjed om hendelsen ${s.incidentId}. Detaljene står i saken.`);
    return ' Boligkontoret får beskjed.';
  }
  return '';
}

/** Escalations when a timer fires with the incident still open. */
export function fireTimer(s: IncidentState, timer: IncidentTimer, now: number): void {
  timer.fired = true;
  s.version++;
  const where = `sak ${s.caseId}`;
  switch (timer.id) {
    case 'deviation-deadline':
      s.escalations++;
      notice(s, 'deviation-2-weeks', 'housing_office', `Avvik har vart i to uker (${where})`, 'Bolig eller fellesareal er fortsatt ikke i orden. Oppfølger melder avviket til boligkontoret etter avtalen.');
      task(s, now, { id: 'meeting', title: 'Kall inn til trepartssamtale for å gjennomgå og eventuelt revidere avtalen', role: 'housing_office', meeting: true, dueDate: inTwoWeeks(s, osloDate(now)) });
      task(s, now, { id: 'assess-nav', title: 'Vurder å hjelpe leietaker å søke NAV om støtte til utvask eller container', role: 'follow_up_worker', assigneeId: fuw(s), assessment: true });
      addIncidentEvent(s, now, { kind: 'incident_escalated', summary: 'Avviket har vart i to uker: meldt til boligkontoret, og trepartssamtale skal kalles inn.' });
      break;
    case 'locked-door-wait':
      s.escalations++;
      notice(s, 'no-contact', 'housing_office', `Ingen kontakt ved låst dør (${where})`, 'Ingen kontakt etter avtalt ventetid. Oppfølger og boligkontoret kan låse seg inn.');
      task(s, now, { id: 'may-unlock', title: 'Ingen kontakt etter avtalt ventetid: oppfølger eller boligkontoret kan låse seg inn', role: 'follow_up_worker', assigneeId: fuw(s), dueDate: osloDate(now) });
      task(s, now, { id: 'assess-entry', title: 'Vurder å ta seg inn i boligen (fare for liv og helse, eller skade på eiendommen)', role: 'housing_office', assessment: true, dueDate: osloDate(now) });
      task(s, now, { id: 'assess-police', title: 'Vurder behov for bistand fra politiet', role: 'housing_office', assessment: true, dueDate: osloDate(now) });
      addIncidentEvent(s, now, { kind: 'incident_escalated', summary: 'Ingen kontakt etter avtalt ventetid: boligkontoret er varslet.' });
      break;
    case 'insurance-reminder':
      task(s, now, { id: 'insurance-followup', title: 'Påminnelse: har leietaker meldt saken til innboforsikringen?', role: 'follow_up_worker', assigneeId: fuw(s) });
      addIncidentEvent(s, now, { kind: 'incident_reminder', summary: 'Påminnelse om innboforsikring.' });
      break;
  }
}

export function dueTimers(s: IncidentState, now: number): IncidentTimer[] {
  return s.status === 'open' ? s.timers.filter((t) => !t.fired && t.at <= now) : [];
}

export function nextIncidentWake(s: IncidentState): number | undefined {
  if (s.status !== 'open') return undefined;
  const pending = s.timers.filter((t) => !t.fired).map((t) => t.at);
  if (s.businessDays) pending.push(...s.tasks.filter((t) => t.status === 'open' && !t.overdue).map(overdueAt));
  return pending.length ? Math.min(...pending) : undefined;
}

/** Open while a task is open or a timer is still running (an ongoing deviation, a reminder due). */
export function isSettled(s: IncidentState): boolean {
  return s.tasks.every((t) => t.status === 'done') && s.timers.every((t) => t.fired);
}
