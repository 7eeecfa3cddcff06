import { rememberResult as remember } from '../applied-results';
import { addDays, norwegianPublicHolidays, osloDate, osloInstant, type IsoDate } from '../calendar';
import type { CommitteeEffect } from '../tenancy/phase-committee';
import { composeAgenda, type AgendaContext, type OpenDecision } from './agenda';
import { meetingById, meetingsBetween, nextMeeting, type ExtraMeeting, type Meeting, type MeetingCycle, type OccurrenceChange } from './cycle';
import type { AgendaItem, Member } from './documents';

/**
 * The housing committee's entity state: its cycle with the changes the secretary made, the meetings
 * it has worked on (agenda, invitations, minutes) and the decisions it follows up. Pure and
 * deterministic, imported by `workflows/committee.ts`: every timer is derived from this state, so
 * nothing lives in a pending timer object and everything carries over continue-as-new.
 */

export interface CommitteeSettings {
  committeeId: string;
  municipality: string;
  name: string;
  cycle: MeetingCycle;
  /** The agenda e-mail with the calendar invitation goes out this many days before, at 08:00. */
  reminderDaysBefore: number;
  /** The agenda is built and frozen this many days before, at 08:00. */
  agendaCutoffDays: number;
  /** Continue-as-new once a run's history reaches this many events (default 2,000). */
  historyEventsBeforeContinueAsNew?: number;
}

/** The effect of a decision as the minutes give it: a dwelling by its ID in the register. */
export type CommitteeEffectInput = Exclude<CommitteeEffect, { kind: 'allocate_dwelling' }> | { kind: 'allocate_dwelling'; dwellingId: string };

/** What the members' calendars last received for a meeting. */
export interface SentInvitation {
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  date: IsoDate;
  time: string;
  at: number;
}

export interface MinutesState {
  attendance: Array<{ memberId: string; present: boolean }>;
  recordedAt: number;
  recordedBy: string;
  approvedBy?: string;
}

/** A meeting the committee has worked on. Date and time are as the cycle says now (moves included). */
export interface TrackedMeeting extends Meeting {
  /** The agenda built from live cases; the secretary's changes are kept apart, so a rebuild keeps them. */
  autoItems?: AgendaItem[];
  agendaBuiltAt?: number;
  /** Built at the cut-off: after it, cases no longer move on or off the agenda by themselves. */
  agendaFinal?: boolean;
  secretaryItems: AgendaItem[];
  nextSecretaryItem: number;
  removedItemIds: string[];
  invitation?: SentInvitation;
  /** Item IDs of the agenda the members last received. */
  sentItemIds?: string[];
  /** Who received the invitation: the attendance list of the minutes. */
  invitedMembers?: Member[];
  dayOfSent?: boolean;
  /** The secretary has been asked to move this meeting off a public holiday. */
  holidayNoticeSent?: boolean;
  begun?: boolean;
  minutes?: MinutesState;
}

export interface DecisionState {
  meetingId: string;
  meetingDate: IsoDate;
  itemId: string;
  caseId?: string;
  itemTitle: string;
  text: string;
  responsibleMemberId?: string;
  responsibleName?: string;
  deadline?: IsoDate;
  effect?: CommitteeEffectInput;
  deliveredAt?: number;
  deliveryMessage?: string;
  deliveryError?: string;
  /** A delivery that kept failing for reasons other than the case's refusal waits until then. */
  retryAt?: number;
  doneAt?: number;
  doneBy?: string;
  doneNote?: string;
}

export interface CommitteeState {
  version: number;
  settings: CommitteeSettings;
  startedAt: number;
  changes: OccurrenceChange[];
  extras: ExtraMeeting[];
  meetings: TrackedMeeting[];
  decisions: DecisionState[];
  /** Meetings starting at or before this instant have begun (or predate the committee in Botrygg). */
  begunThrough: number;
  /** Steps that failed after their own retries wait until then (key → instant). */
  backoff: Record<string, number>;
  /** Meetings and decisions changed since last written to the read model (key → change count). */
  unsavedMeetings: Record<string, number>;
  unsavedDecisions: Record<string, number>;
  applied: Record<string, unknown>;
  appliedOrder: string[];
  /**
   * Patched 'committee-holiday-meetings': a regular meeting on a public holiday is not held there. The
   * secretary is asked in time to move it, and no invitation goes out for the holiday. Runs started
   * before the patch keep inviting as they did, so their histories replay.
   */
  holidayRule?: boolean;
}

export const DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 2000;
const APPLIED_KEYS_KEPT = 300;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** How long begun meetings and their changes are kept in the state when it is handed to a new run. */
const BEGUN_MEETINGS_KEPT = 6;
const CHANGES_KEPT_DAYS = 120;

export function newCommitteeState(settings: CommitteeSettings, now: number): CommitteeState {
  return {
    version: 1,
    settings,
    startedAt: now,
    changes: [],
    extras: [],
    meetings: [],
    decisions: [],
    begunThrough: now,
    backoff: {},
    unsavedMeetings: {},
    unsavedDecisions: {},
    applied: {},
    appliedOrder: [],
  };
}

export const decisionKey = (d: { meetingId: string; itemId: string }) => `${d.meetingId}#${d.itemId}`;

export function rememberResult(state: CommitteeState, key: string, result: unknown): void {
  remember(state, key, result, APPLIED_KEYS_KEPT);
}

// ---------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------

/** The meeting as the cycle and the secretary's changes say now. */
export function currentMeeting(state: CommitteeState, id: string): Meeting | undefined {
  return meetingById(state.settings.cycle, state.changes, state.extras, id);
}

export function trackedMeeting(state: CommitteeState, id: string): TrackedMeeting | undefined {
  return state.meetings.find((t) => t.id === id);
}

/** The meeting's tracked entry, created from the cycle when the committee first works on it. */
export function track(state: CommitteeState, meeting: Meeting): TrackedMeeting {
  let t = trackedMeeting(state, meeting.id);
  if (!t) {
    t = { ...meetingFields(meeting), secretaryItems: [], nextSecretaryItem: 1, removedItemIds: [] };
    state.meetings.push(t);
    state.meetings.sort((a, b) => a.startsAt - b.startsAt);
  }
  return t;
}

function meetingFields(m: Meeting): Meeting {
  return {
    id: m.id,
    kind: m.kind,
    ...(m.regularDate ? { regularDate: m.regularDate } : {}),
    date: m.date,
    time: m.time,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    status: m.status,
    ...(m.note ? { note: m.note } : {}),
  };
}

/** After a change to the cycle: tracked meetings take their new date, time and status. */
export function refreshTracked(state: CommitteeState, id: string): void {
  const t = trackedMeeting(state, id);
  const m = currentMeeting(state, id);
  if (!t || !m) return;
  Object.assign(t, meetingFields(m));
  if (!m.note) delete t.note;
  state.meetings.sort((a, b) => a.startsAt - b.startsAt);
  markMeetingUnsaved(state, id);
}

export function markMeetingUnsaved(state: CommitteeState, id: string): void {
  state.unsavedMeetings[id] = (state.unsavedMeetings[id] ?? 0) + 1;
  state.version++;
}

export function markDecisionUnsaved(state: CommitteeState, d: DecisionState): void {
  const key = decisionKey(d);
  state.unsavedDecisions[key] = (state.unsavedDecisions[key] ?? 0) + 1;
  state.version++;
}

/** Forgets the changes a write covered; a change made while the write was in flight stays unsaved. */
export function markSaved(unsaved: Record<string, number>, written: Record<string, number>): void {
  for (const [key, count] of Object.entries(written)) if (unsaved[key] === count) delete unsaved[key];
}

/** A row of `committee_meetings`, as the read model stores it. */
export interface MeetingRow {
  meetingId: string;
  kind: 'regular' | 'extra';
  date: IsoDate;
  time: string;
  status: ReturnType<typeof meetingStatus>;
  note: string | null;
  agenda: AgendaItem[];
  minutes: { attendance: MinutesState['attendance']; recordedAt: string; recordedBy: string; approvedBy?: string } | null;
}

export function meetingRow(t: TrackedMeeting): MeetingRow {
  return {
    meetingId: t.id,
    kind: t.kind,
    date: t.date,
    time: t.time,
    status: meetingStatus(t),
    note: t.note ?? null,
    agenda: agendaOf(t),
    minutes: t.minutes
      ? { attendance: t.minutes.attendance, recordedAt: new Date(t.minutes.recordedAt).toISOString(), recordedBy: t.minutes.recordedBy, ...(t.minutes.approvedBy ? { approvedBy: t.minutes.approvedBy } : {}) }
      : null,
  };
}

/** A row of `committee_decisions`. Instants as epoch ms; the activity turns them into timestamps. */
export interface DecisionRow {
  meetingId: string;
  itemId: string;
  caseId: string | null;
  text: string;
  responsibleMemberId: string | null;
  deadline: IsoDate | null;
  effectKind: string | null;
  deliveredAt: number | null;
  deliveryError: string | null;
  doneAt: number | null;
}

export function decisionRow(d: DecisionState): DecisionRow {
  return {
    meetingId: d.meetingId,
    itemId: d.itemId,
    caseId: d.caseId ?? null,
    text: d.text,
    responsibleMemberId: d.responsibleMemberId ?? null,
    deadline: d.deadline ?? null,
    effectKind: d.effect?.kind ?? null,
    deliveredAt: d.deliveredAt ?? null,
    deliveryError: d.deliveryError ?? null,
    doneAt: d.doneAt ?? null,
  };
}

export function agendaOf(t: TrackedMeeting): AgendaItem[] {
  return composeAgenda(t.autoItems ?? [], t.secretaryItems, t.removedItemIds);
}

/** The read model's status of a meeting. */
export function meetingStatus(t: TrackedMeeting): 'scheduled' | 'agenda_sent' | 'held' | 'cancelled' {
  if (t.status === 'cancelled') return 'cancelled';
  if (t.minutes) return 'held';
  if (t.invitation?.method === 'REQUEST') return 'agenda_sent';
  return 'scheduled';
}

/**
 * Meetings that may need a step: every meeting not yet begun within reach of its earliest step,
 * the next meeting wherever it lies (so the workflow wakes for it), and tracked meetings whose
 * calendar entry is out of date wherever they were moved.
 */
export function meetingsInPlay(state: CommitteeState, now: number): Meeting[] {
  const { cycle, reminderDaysBefore, agendaCutoffDays } = state.settings;
  const from = state.begunThrough + 1;
  // The holiday notice comes weeks before the invitation, so the window reaches that far too.
  const lead = (Math.max(reminderDaysBefore, agendaCutoffDays) + (state.holidayRule ? HOLIDAY_NOTICE_DAYS : 0) + 2) * DAY;
  const found = new Map<string, Meeting>();
  for (const m of meetingsBetween(cycle, state.changes, state.extras, from, Math.max(now, from) + lead)) found.set(m.id, m);
  try {
    const next = nextMeeting(cycle, state.changes, state.extras, state.begunThrough);
    found.set(next.id, next);
  } catch {
    // No meeting in the next two years: nothing to wake for.
  }
  for (const t of state.meetings) {
    if (t.begun || found.has(t.id)) continue;
    const m = currentMeeting(state, t.id);
    if (m) found.set(m.id, m);
  }
  return [...found.values()].sort((a, b) => a.startsAt - b.startsAt);
}

// ---------------------------------------------------------------------------
// Steps: what the workflow does next, and when
// ---------------------------------------------------------------------------

export type StepKind = 'holidayNotice' | 'invite' | 'finalAgenda' | 'update' | 'dayOf' | 'begin' | 'deliver';

export interface Step {
  at: number;
  kind: StepKind;
  meetingId: string;
  itemId?: string;
}

const STEP_ORDER: Record<StepKind, number> = { update: 0, holidayNotice: 1, invite: 2, finalAgenda: 3, dayOf: 4, begin: 5, deliver: 6 };

/**
 * Days before the invitation would go out that the secretary is asked to move a meeting off a public
 * holiday: two weeks leaves time to find a day the members can meet, book a room and still invite as usual.
 */
export const HOLIDAY_NOTICE_DAYS = 14;

/** The holiday's name when `m` is a regular occurrence still on its regular date and that date is a public holiday. */
export function unmovedHoliday(m: Meeting): string | undefined {
  if (m.kind !== 'regular' || m.status !== 'scheduled' || m.regularDate === undefined || m.date !== m.regularDate) return undefined;
  return norwegianPublicHolidays(Number(m.date.slice(0, 4))).get(m.date);
}

export const stepKey = (s: Pick<Step, 'kind' | 'meetingId' | 'itemId'>) => `${s.kind}:${s.meetingId}${s.itemId ? `:${s.itemId}` : ''}`;

/** 08:00 Oslo time `days` before the meeting day. */
export function beforeMeeting(m: Pick<Meeting, 'date'>, days: number, time = '08:00'): number {
  return osloInstant(addDays(m.date, -days), time);
}

/** The day-of reminder: 07:00 on the meeting day, or an hour before an early meeting. */
export function dayOfReminderAt(m: Pick<Meeting, 'date' | 'startsAt'>): number {
  return Math.min(osloInstant(m.date, '07:00'), m.startsAt - 60 * MINUTE);
}

/** Every step still to take, in the order to take them. */
export function pendingSteps(state: CommitteeState, now: number): Step[] {
  const { reminderDaysBefore, agendaCutoffDays } = state.settings;
  const steps: Step[] = [];
  for (const m of meetingsInPlay(state, now)) {
    const t = trackedMeeting(state, m.id);
    if (t?.begun) continue;
    // A calendar entry that no longer matches the meeting (moved, cancelled, or reinstated) is corrected at once.
    const inv = t?.invitation;
    if (inv && (m.status === 'cancelled' ? inv.method !== 'CANCEL' : inv.method !== 'REQUEST' || inv.date !== m.date || inv.time !== m.time)) {
      steps.push({ at: 0, kind: 'update', meetingId: m.id });
    }
    if (m.status === 'cancelled') continue;
    // Not held on a public holiday: ask the secretary to move it, invite nobody to the holiday. If the
    // secretary does nothing, the day passes as 'begun' so the cycle goes on.
    if (state.holidayRule && !inv && unmovedHoliday(m) !== undefined) {
      if (!t?.holidayNoticeSent) steps.push({ at: beforeMeeting(m, reminderDaysBefore + HOLIDAY_NOTICE_DAYS), kind: 'holidayNotice', meetingId: m.id });
      steps.push({ at: m.startsAt, kind: 'begin', meetingId: m.id });
      continue;
    }
    if (!inv) steps.push({ at: beforeMeeting(m, reminderDaysBefore), kind: 'invite', meetingId: m.id });
    if (!t?.agendaFinal) steps.push({ at: beforeMeeting(m, agendaCutoffDays), kind: 'finalAgenda', meetingId: m.id });
    if (!t?.dayOfSent) steps.push({ at: dayOfReminderAt(m), kind: 'dayOf', meetingId: m.id });
    steps.push({ at: m.startsAt, kind: 'begin', meetingId: m.id });
  }
  for (const d of state.decisions) {
    if (d.caseId && d.deliveredAt === undefined && d.deliveryError === undefined) {
      steps.push({ at: d.retryAt ?? 0, kind: 'deliver', meetingId: d.meetingId, itemId: d.itemId });
    }
  }
  return steps
    .map((s) => ({ ...s, at: Math.max(s.at, state.backoff[stepKey(s)] ?? 0) }))
    .sort((a, b) => a.at - b.at || STEP_ORDER[a.kind] - STEP_ORDER[b.kind]);
}

export function dueStep(state: CommitteeState, now: number): Step | undefined {
  const [first] = pendingSteps(state, now);
  return first && first.at <= now ? first : undefined;
}

export function nextStepAt(state: CommitteeState, now: number): number | undefined {
  return pendingSteps(state, now)[0]?.at;
}

/** A step whose activity failed for good: try it again in an hour instead of failing the committee. */
export function retryLater(state: CommitteeState, step: Step, now: number): void {
  state.backoff[stepKey(step)] = now + 60 * MINUTE;
  state.version++;
}

function clearBackoff(state: CommitteeState, step: Pick<Step, 'kind' | 'meetingId' | 'itemId'>): void {
  delete state.backoff[stepKey(step)];
}

// ---------------------------------------------------------------------------
// Agenda context and the effects of steps
// ---------------------------------------------------------------------------

/** The dates and open decisions the agenda builder needs for one meeting. */
export function agendaContext(state: CommitteeState, m: Meeting): AgendaContext {
  const { cycle } = state.settings;
  const previous = meetingsBetween(cycle, state.changes, state.extras, m.startsAt - CHANGES_KEPT_DAYS * DAY, m.startsAt)
    .filter((x) => x.status === 'scheduled' && x.id !== m.id)
    .at(-1);
  const previousTracked = previous ? trackedMeeting(state, previous.id) : undefined;
  let nextDate: IsoDate;
  try {
    nextDate = nextMeeting(cycle, state.changes, state.extras, m.startsAt).date;
  } catch {
    nextDate = addDays(m.date, cycle.intervalDays);
  }
  return {
    meetingDate: m.date,
    ...(previous ? { previousMeetingDate: previous.date } : {}),
    ...(previousTracked?.agendaBuiltAt !== undefined ? { since: osloDate(previousTracked.agendaBuiltAt) } : {}),
    nextMeetingDate: nextDate,
    openDecisions: openDecisions(state),
  };
}

export function openDecisions(state: CommitteeState): OpenDecision[] {
  return state.decisions
    .filter((d) => d.doneAt === undefined)
    .map((d) => ({
      meetingId: d.meetingId,
      meetingDate: d.meetingDate,
      itemId: d.itemId,
      ...(d.caseId ? { caseId: d.caseId } : {}),
      itemTitle: d.itemTitle,
      text: d.text,
      ...(d.deadline ? { deadline: d.deadline } : {}),
      ...(d.responsibleName ? { responsibleName: d.responsibleName } : {}),
    }));
}

export function recordAgendaBuilt(state: CommitteeState, meetingId: string, autoItems: AgendaItem[], now: number, final: boolean): void {
  const m = currentMeeting(state, meetingId);
  if (!m) return;
  const t = track(state, m);
  t.autoItems = autoItems;
  t.agendaBuiltAt = now;
  if (final) {
    t.agendaFinal = true;
    clearBackoff(state, { kind: 'finalAgenda', meetingId });
  }
  markMeetingUnsaved(state, meetingId);
}

/** True when the members have not yet received the agenda as it stands (items added or removed). */
export function agendaChangedSinceSent(t: TrackedMeeting): boolean {
  if (!t.sentItemIds) return false;
  const now = agendaOf(t).map((i) => i.id);
  return now.length !== t.sentItemIds.length || now.some((id) => !t.sentItemIds!.includes(id));
}

export function recordInvitationSent(
  state: CommitteeState,
  meetingId: string,
  sent: { method: 'REQUEST' | 'CANCEL'; sequence: number; date: IsoDate; time: string; members?: Member[]; itemIds?: string[] },
  step: Step,
  now: number,
): void {
  const t = trackedMeeting(state, meetingId);
  if (!t) return;
  t.invitation = { method: sent.method, sequence: sent.sequence, date: sent.date, time: sent.time, at: now };
  if (sent.members) t.invitedMembers = sent.members;
  if (sent.itemIds) t.sentItemIds = sent.itemIds;
  clearBackoff(state, step);
  markMeetingUnsaved(state, meetingId);
}

export function recordAgendaResent(state: CommitteeState, meetingId: string, itemIds: string[]): void {
  const t = trackedMeeting(state, meetingId);
  if (!t) return;
  t.sentItemIds = itemIds;
  state.version++;
}

export function recordDayOfSent(state: CommitteeState, meetingId: string): void {
  const m = currentMeeting(state, meetingId);
  if (!m) return;
  const t = track(state, m);
  t.dayOfSent = true;
  clearBackoff(state, { kind: 'dayOf', meetingId });
  state.version++;
}

export function recordHolidayNoticeSent(state: CommitteeState, meetingId: string): void {
  const m = currentMeeting(state, meetingId);
  if (!m) return;
  track(state, m).holidayNoticeSent = true;
  clearBackoff(state, { kind: 'holidayNotice', meetingId });
  markMeetingUnsaved(state, meetingId);
}

export function recordBegun(state: CommitteeState, meetingId: string): void {
  const m = currentMeeting(state, meetingId);
  if (!m) return;
  const t = track(state, m);
  t.begun = true;
  state.begunThrough = Math.max(state.begunThrough, m.startsAt);
  markMeetingUnsaved(state, meetingId);
}

export function findDecision(state: CommitteeState, meetingId: string, itemId: string): DecisionState | undefined {
  return state.decisions.find((d) => d.meetingId === meetingId && d.itemId === itemId);
}

export function recordDelivery(
  state: CommitteeState,
  meetingId: string,
  itemId: string,
  outcome: { status: 'delivered'; message: string } | { status: 'rejected'; error: string },
  now: number,
): void {
  const d = findDecision(state, meetingId, itemId);
  if (!d) return;
  delete d.retryAt;
  if (outcome.status === 'delivered') {
    d.deliveredAt = now;
    d.deliveryMessage = outcome.message;
  } else {
    d.deliveryError = outcome.error;
  }
  clearBackoff(state, { kind: 'deliver', meetingId, itemId });
  markDecisionUnsaved(state, d);
  markMeetingUnsaved(state, meetingId);
}

// ---------------------------------------------------------------------------
// Continue-as-new
// ---------------------------------------------------------------------------

/**
 * The state a new run starts from: meetings not yet begun, the last few held ones, and any meeting
 * with a decision still open or undelivered; changes and extra meetings from the last four months.
 */
export function compactForNewRun(state: CommitteeState): CommitteeState {
  const openMeetings = new Set(state.decisions.filter((d) => d.doneAt === undefined || (d.caseId && d.deliveredAt === undefined && d.deliveryError === undefined)).map((d) => d.meetingId));
  // A cancelled meeting whose day has passed, and whose calendars hold the cancellation, is as done as a held one.
  const finished = (t: TrackedMeeting) => t.begun || (t.status === 'cancelled' && t.startsAt <= state.begunThrough && t.invitation?.method !== 'REQUEST');
  const begun = state.meetings.filter((t) => t.begun);
  const recent = new Set(begun.slice(-BEGUN_MEETINGS_KEPT).map((t) => t.id));
  const meetings = state.meetings.filter((t) => !finished(t) || recent.has(t.id) || openMeetings.has(t.id) || t.id in state.unsavedMeetings);
  const kept = new Set(meetings.map((t) => t.id));
  const decisions = state.decisions.filter((d) => kept.has(d.meetingId) || decisionKey(d) in state.unsavedDecisions);
  const horizon = osloDate(state.begunThrough - CHANGES_KEPT_DAYS * DAY);
  const after = (d: IsoDate | undefined) => d !== undefined && d >= horizon;
  return {
    ...state,
    changes: state.changes.filter((c) => after(c.regularDate) || after(c.date)),
    extras: state.extras.filter((x) => after(x.date)),
    meetings,
    decisions,
  };
}

// ---------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------

const STEP_LABELS: Record<StepKind, string> = {
  holidayNotice: 'Sekretæren blir bedt om å flytte møtet fra en helligdag',
  invite: 'Sakslisten og kalenderinvitasjonen sendes til medlemmene',
  finalAgenda: 'Sakslisten låses',
  update: 'Oppdatert kalenderinvitasjon sendes',
  dayOf: 'Påminnelse på møtedagen sendes',
  begin: 'Møtet begynner',
  deliver: 'Beslutningen sendes til saken',
};

export interface CommitteeMeetingView extends Omit<TrackedMeeting, 'autoItems' | 'secretaryItems' | 'nextSecretaryItem' | 'removedItemIds'> {
  agenda: AgendaItem[];
  readModelStatus: ReturnType<typeof meetingStatus>;
}

export interface CommitteeView {
  version: number;
  settings: CommitteeSettings;
  /** The coming meetings as they stand now, cancelled ones included. */
  upcoming: Meeting[];
  meetings: CommitteeMeetingView[];
  decisions: DecisionState[];
  waitingFor: Array<{ at: string; what: string; meetingId: string }>;
}

export function toCommitteeView(state: CommitteeState, now: number): CommitteeView {
  const { cycle } = state.settings;
  const upcoming = meetingsBetween(cycle, state.changes, state.extras, Math.max(now, state.begunThrough) + 1, now + 120 * DAY).slice(0, 10);
  return {
    version: state.version,
    settings: state.settings,
    upcoming,
    meetings: state.meetings.map((tracked) => {
      const { autoItems: _a, secretaryItems: _s, nextSecretaryItem: _n, removedItemIds: _r, ...t } = tracked;
      return { ...t, agenda: agendaOf(tracked), readModelStatus: meetingStatus(tracked) };
    }),
    decisions: state.decisions,
    waitingFor: pendingSteps(state, now)
      .slice(0, 8)
      .map((s) => ({ at: new Date(Math.max(s.at, now)).toISOString(), what: STEP_LABELS[s.kind], meetingId: s.meetingId })),
  };
}
