import { isoWeekday, norwegianPublicHolidays, osloInstant, type IsoDate } from '../calendar';
import type { Actor, Role } from '../roles';
import type {
  AddAgendaItemPayload,
  CallExtraMeetingPayload,
  ChangeOccurrencePayload,
  MarkDecisionDonePayload,
  RecordMinutesPayload,
  RemoveAgendaItemPayload,
} from '../schemas/committee';

export type { AddAgendaItemPayload, CallExtraMeetingPayload, ChangeOccurrencePayload, MarkDecisionDonePayload, RecordMinutesPayload, RemoveAgendaItemPayload };
import { isRegularDate, meetingsBetween, type Meeting } from './cycle';
import { norwegianDate, type AgendaItem } from './documents';
import {
  agendaOf,
  currentMeeting,
  findDecision,
  markDecisionUnsaved,
  markMeetingUnsaved,
  refreshTracked,
  rememberResult,
  track,
  trackedMeeting,
  type CommitteeEffectInput,
  type CommitteeState,
  type DecisionState,
  type TrackedMeeting,
} from './state';

/**
 * The secretary's and the committee's actions on the committee's workflow. Each is an update: the
 * validator (`reject…`) refuses, in plain Norwegian, what may not happen now, and nothing changes;
 * `apply…` changes the state and remembers the answer under the idempotency key.
 */

export interface CommitteeAction<P> {
  idempotencyKey: string;
  actor: Actor;
  payload: P;
}

export interface CommitteeActionResult {
  accepted: true;
  message: string;
  version: number;
  meetingId?: string;
  itemId?: string;
}

/** Secretary work (servicetorget) and the housing office; the committee acts through its members. */
export const COMMITTEE_ROLES: readonly Role[] = ['committee_member', 'housing_office'];



// ---------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------

function actorProblem(state: CommitteeState, actor: Actor): string | undefined {
  if (!actor.roles.some((r) => r === 'admin' || COMMITTEE_ROLES.includes(r))) {
    return 'Bare boligutvalgets medlemmer og boligkontoret kan endre utvalgets møter, saksliste og referat.';
  }
  if (actor.municipality !== '*' && actor.municipality !== state.settings.municipality) return 'Du kan bare arbeide med boligutvalget i din egen kommune.';
  return undefined;
}

const when = (m: Pick<Meeting, 'date' | 'time'>) => `${norwegianDate(m.date)} kl. ${m.time}`;

/** Boligutvalget meets on weekdays that are not public holidays. */
function dayProblem(date: IsoDate): string | undefined {
  const holiday = norwegianPublicHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) return `${norwegianDate(date)} er ${holiday.toLowerCase()}. Velg en annen dag.`;
  if (isoWeekday(date) > 5) return `${norwegianDate(date)} er i en helg. Boligutvalget møtes på hverdager.`;
  return undefined;
}

/** Another meeting that still takes place on the same day. */
function sameDayMeeting(state: CommitteeState, date: IsoDate, exceptId?: string): Meeting | undefined {
  const { cycle } = state.settings;
  return meetingsBetween(cycle, state.changes, state.extras, osloInstant(date, '00:00'), osloInstant(date, '23:59') + 60_000).find(
    (m) => m.status === 'scheduled' && m.id !== exceptId,
  );
}

function meetingFor(state: CommitteeState, meetingId: string): { meeting: Meeting; tracked?: TrackedMeeting } | undefined {
  const meeting = currentMeeting(state, meetingId);
  if (!meeting) return undefined;
  const tracked = trackedMeeting(state, meetingId);
  return { meeting, ...(tracked ? { tracked } : {}) };
}

const notFound = (meetingId: string) => `Fant ikke møtet ${meetingId} i boligutvalgets møteplan.`;

function result(state: CommitteeState, key: string, message: string, extra: Partial<CommitteeActionResult> = {}): CommitteeActionResult {
  const r: CommitteeActionResult = { accepted: true, message, version: state.version, ...extra };
  rememberResult(state, key, r);
  return r;
}

// ---------------------------------------------------------------------------
// changeOccurrence: move or cancel one regular meeting
// ---------------------------------------------------------------------------

export function rejectOccurrenceChange(state: CommitteeState, { actor, payload: p }: CommitteeAction<ChangeOccurrencePayload>, now: number): string | undefined {
  const problem = actorProblem(state, actor);
  if (problem) return problem;
  const { cycle } = state.settings;
  if (!isRegularDate(cycle, p.regularDate)) return `${norwegianDate(p.regularDate)} er ikke en av boligutvalgets faste møtedatoer.`;
  const { meeting, tracked } = meetingFor(state, `m-${p.regularDate}`)!;
  if (tracked?.begun || meeting.startsAt <= now) return `Møtet ${when(meeting)} har allerede begynt eller er holdt, og kan ikke flyttes eller avlyses.`;
  if (p.action === 'cancel') return meeting.status === 'cancelled' ? `Møtet ${norwegianDate(p.regularDate)} er allerede avlyst.` : undefined;
  const date = p.date!;
  const time = p.time ?? cycle.time;
  if (osloInstant(date, time) <= now) return 'Et møte kan ikke flyttes til et tidspunkt som har passert.';
  if (meeting.status === 'scheduled' && meeting.date === date && meeting.time === time) return `Møtet er allerede satt til ${when(meeting)}.`;
  const day = dayProblem(date);
  if (day) return day;
  const other = sameDayMeeting(state, date, meeting.id);
  if (other) return `Boligutvalget har allerede et møte ${when(other)}. Velg en annen dag.`;
  return undefined;
}

export function applyOccurrenceChange(state: CommitteeState, { idempotencyKey, payload: p }: CommitteeAction<ChangeOccurrencePayload>): CommitteeActionResult {
  const change = { regularDate: p.regularDate, action: p.action, ...(p.date ? { date: p.date } : {}), ...(p.time ? { time: p.time } : {}), reason: p.reason };
  state.changes.push(change);
  const meetingId = `m-${p.regularDate}`;
  const meeting = currentMeeting(state, meetingId)!;
  const tracked = track(state, meeting);
  refreshTracked(state, meetingId);
  const invited = tracked.invitation?.method === 'REQUEST';
  const message =
    p.action === 'cancel'
      ? `Møtet ${norwegianDate(p.regularDate)} er avlyst.${invited ? ' Medlemmene får avlysningen i kalenderen.' : ''}`
      : `Møtet ${norwegianDate(p.regularDate)} er flyttet til ${when(meeting)}.${invited ? ' Medlemmene får oppdatert kalenderinvitasjon.' : ''}`;
  return result(state, idempotencyKey, message, { meetingId });
}

// ---------------------------------------------------------------------------
// callExtraMeeting
// ---------------------------------------------------------------------------

export function rejectExtraMeeting(state: CommitteeState, { actor, payload: p }: CommitteeAction<CallExtraMeetingPayload>, now: number): string | undefined {
  const problem = actorProblem(state, actor);
  if (problem) return problem;
  if (osloInstant(p.date, p.time) <= now) return 'Et ekstra møte må legges til et tidspunkt fram i tid.';
  const day = dayProblem(p.date);
  if (day) return day;
  const other = sameDayMeeting(state, p.date);
  if (other) return `Boligutvalget har allerede et møte ${when(other)}.`;
  return undefined;
}

export function applyExtraMeeting(state: CommitteeState, { idempotencyKey, payload: p }: CommitteeAction<CallExtraMeetingPayload>): CommitteeActionResult {
  state.extras.push({ date: p.date, time: p.time, reason: p.reason });
  const meetingId = `x-${p.date}-${p.time.replace(':', '')}`;
  const meeting = currentMeeting(state, meetingId)!;
  track(state, meeting);
  markMeetingUnsaved(state, meetingId);
  return result(state, idempotencyKey, `Ekstra møte i boligutvalget er kalt inn ${when(meeting)}.`, { meetingId });
}

// ---------------------------------------------------------------------------
// Agenda items from the secretary
// ---------------------------------------------------------------------------

function agendaLocked(found: { meeting: Meeting; tracked?: TrackedMeeting }): string | undefined {
  if (found.meeting.status === 'cancelled') return 'Møtet er avlyst. Sett saken på sakslisten til et annet møte.';
  if (found.tracked?.minutes) return 'Referatet fra møtet er ført, så sakslisten kan ikke endres lenger.';
  return undefined;
}

export function rejectAddAgendaItem(state: CommitteeState, { actor, payload: p }: CommitteeAction<AddAgendaItemPayload>): string | undefined {
  const problem = actorProblem(state, actor);
  if (problem) return problem;
  const found = meetingFor(state, p.meetingId);
  if (!found || (!found.tracked && found.meeting.startsAt <= state.begunThrough)) return notFound(p.meetingId);
  const locked = agendaLocked(found);
  if (locked) return locked;
  if (p.caseId && found.tracked?.secretaryItems.some((i) => i.caseId === p.caseId)) return `Sak ${p.caseId} står allerede på sakslisten som sak fra sekretæren.`;
  return undefined;
}

export function applyAddAgendaItem(state: CommitteeState, { idempotencyKey, payload: p }: CommitteeAction<AddAgendaItemPayload>): CommitteeActionResult {
  const t = track(state, currentMeeting(state, p.meetingId)!);
  const item: AgendaItem = {
    id: `secretary:${t.nextSecretaryItem++}`,
    reason: 'secretary',
    ...(p.caseId ? { caseId: p.caseId } : {}),
    title: p.title,
    why: p.why,
    ...(p.basis ? { basis: p.basis } : {}),
    source: 'secretary',
  };
  t.secretaryItems.push(item);
  markMeetingUnsaved(state, t.id);
  return result(state, idempotencyKey, `«${p.title}» er satt på sakslisten til møtet ${when(t)}.`, { meetingId: t.id, itemId: item.id });
}

export function rejectRemoveAgendaItem(state: CommitteeState, { actor, payload: p }: CommitteeAction<RemoveAgendaItemPayload>): string | undefined {
  const problem = actorProblem(state, actor);
  if (problem) return problem;
  const found = meetingFor(state, p.meetingId);
  if (!found?.tracked) return found ? 'Sakslisten til dette møtet er ikke laget ennå.' : notFound(p.meetingId);
  const locked = agendaLocked(found);
  if (locked) return locked;
  if (!agendaOf(found.tracked).some((i) => i.id === p.itemId)) return 'Saken står ikke på sakslisten til dette møtet.';
  return undefined;
}

export function applyRemoveAgendaItem(state: CommitteeState, { idempotencyKey, payload: p }: CommitteeAction<RemoveAgendaItemPayload>): CommitteeActionResult {
  const t = trackedMeeting(state, p.meetingId)!;
  const item = agendaOf(t).find((i) => i.id === p.itemId)!;
  if (item.source === 'secretary') t.secretaryItems = t.secretaryItems.filter((i) => i.id !== p.itemId);
  // A built item stays removed when the agenda is built again at the cut-off.
  else t.removedItemIds.push(p.itemId);
  markMeetingUnsaved(state, t.id);
  return result(state, idempotencyKey, `«${item.title}» er tatt av sakslisten.`, { meetingId: t.id, itemId: p.itemId });
}

// ---------------------------------------------------------------------------
// Minutes and decisions
// ---------------------------------------------------------------------------

export function rejectMinutes(state: CommitteeState, { actor, payload: p }: CommitteeAction<RecordMinutesPayload>, now: number): string | undefined {
  const problem = actorProblem(state, actor);
  if (problem) return problem;
  const found = meetingFor(state, p.meetingId);
  if (!found) return notFound(p.meetingId);
  const { meeting, tracked } = found;
  if (meeting.status === 'cancelled') return 'Møtet ble avlyst, så det kan ikke føres referat fra det.';
  if (!tracked?.begun && meeting.startsAt > now) return `Referat kan føres fra møtet begynner (${when(meeting)}).`;
  if (!tracked) return 'Møtet har ingen saksliste, så det kan ikke føres referat fra det.';
  if (tracked.minutes) return 'Referatet fra dette møtet er allerede ført.';

  // Without invitations (nobody on the committee then) there is no list to check attendance against.
  const members = tracked.invitedMembers?.length ? tracked.invitedMembers : undefined;
  const known = (id: string) => !members || members.some((m) => m.id === id);
  const seen = new Set<string>();
  for (const a of p.attendance) {
    if (seen.has(a.memberId)) return `${a.memberId} er ført mer enn én gang i oppmøtelisten.`;
    seen.add(a.memberId);
    if (!known(a.memberId)) return `${a.memberId} var ikke medlem av boligutvalget da møtet ble kalt inn.`;
  }
  if (p.approvedBy && !known(p.approvedBy)) return `${p.approvedBy} var ikke medlem av boligutvalget da møtet ble kalt inn.`;
  const agenda = agendaOf(tracked);
  const decided = new Set<string>();
  for (const d of p.decisions) {
    const item = agenda.find((i) => i.id === d.itemId);
    if (!item) return `Sak ${d.itemId} står ikke på sakslisten til møtet.`;
    if (decided.has(d.itemId)) return `Sak «${item.title}» har mer enn én beslutning. Skriv dem som én.`;
    decided.add(d.itemId);
    if (d.effect && !item.caseId) return `Sak «${item.title}» gjelder ingen enkeltsak, så beslutningen kan ikke ha en handling i en sak.`;
    if (d.responsibleMemberId && !known(d.responsibleMemberId)) return `Ansvarlig for sak «${item.title}» (${d.responsibleMemberId}) er ikke medlem av boligutvalget.`;
  }
  return undefined;
}

export function applyMinutes(state: CommitteeState, { idempotencyKey, actor, payload: p }: CommitteeAction<RecordMinutesPayload>, now: number): CommitteeActionResult {
  const t = trackedMeeting(state, p.meetingId)!;
  t.minutes = { attendance: p.attendance, recordedAt: now, recordedBy: actor.id, ...(p.approvedBy ? { approvedBy: p.approvedBy } : {}) };
  const agenda = agendaOf(t);
  let toCases = 0;
  for (const d of p.decisions) {
    const item = agenda.find((i) => i.id === d.itemId)!;
    const responsible = d.responsibleMemberId ? t.invitedMembers?.find((m) => m.id === d.responsibleMemberId) : undefined;
    const decision: DecisionState = {
      meetingId: t.id,
      meetingDate: t.date,
      itemId: d.itemId,
      ...(item.caseId ? { caseId: item.caseId } : {}),
      itemTitle: item.title,
      text: d.text,
      ...(d.responsibleMemberId ? { responsibleMemberId: d.responsibleMemberId } : {}),
      ...(responsible ? { responsibleName: `${responsible.name} (${responsible.agency})` } : {}),
      ...(d.deadline ? { deadline: d.deadline } : {}),
      // A decision about a case always reaches it: at least as a note on its timeline.
      ...(item.caseId ? { effect: d.effect ?? { kind: 'note' as const } } : {}),
    };
    if (item.caseId) toCases++;
    state.decisions.push(decision);
    markDecisionUnsaved(state, decision);
  }
  markMeetingUnsaved(state, t.id);
  const n = p.decisions.length;
  const message = `Referatet er ført med ${n === 1 ? 'én beslutning' : `${n} beslutninger`}.${toCases ? ` ${toCases === 1 ? 'Én sendes' : `${toCases} sendes`} til sakene de gjelder.` : ''}`;
  return result(state, idempotencyKey, message, { meetingId: t.id });
}

export function rejectDecisionDone(state: CommitteeState, { actor, payload: p }: CommitteeAction<MarkDecisionDonePayload>): string | undefined {
  const problem = actorProblem(state, actor);
  if (problem) return problem;
  const d = findDecision(state, p.meetingId, p.itemId);
  if (!d) return 'Fant ikke beslutningen i referatet fra dette møtet.';
  if (d.doneAt !== undefined) return 'Beslutningen er allerede meldt utført.';
  return undefined;
}

export function applyDecisionDone(state: CommitteeState, { idempotencyKey, actor, payload: p }: CommitteeAction<MarkDecisionDonePayload>, now: number): CommitteeActionResult {
  const d = findDecision(state, p.meetingId, p.itemId)!;
  d.doneAt = now;
  d.doneBy = actor.id;
  if (p.note) d.doneNote = p.note;
  markDecisionUnsaved(state, d);
  return result(state, idempotencyKey, `Beslutningen «${d.text}» er meldt utført.`, { meetingId: p.meetingId, itemId: p.itemId });
}

/** What each effect does to the case, as the minutes say it. */
export const EFFECT_LABELS: Record<CommitteeEffectInput['kind'], string> = {
  approve_eviction_request: 'Begjæring om fravikelse godkjennes',
  reject_eviction_request: 'Begjæring om fravikelse avslås',
  allocate_dwelling: 'Søkeren tilbys bolig',
  call_three_party_meeting: 'Trepartsmøte kalles inn',
  start_up_loan_assessment: 'Startlån vurderes',
  note: 'Beslutningen føres i saken',
  refer_private_rental: 'Søkeren får hjelp til å leie privat bolig',
  return_to_municipal_process: 'Saken går tilbake fra privat leie til søknad om kommunal bolig',
};
