import { queueInvitations } from './meeting-invitations';
import type { IncidentActionPayload } from '../schemas/incident';
import type { Actor } from '../roles';
import { actOnAssessment, addIncidentEvent, isSettled, type IncidentState } from './incident';

export type { IncidentActionPayload } from '../schemas/incident';

export interface IncidentAction {
  idempotencyKey: string;
  actor: Actor;
  payload: IncidentActionPayload;
}

export interface IncidentActionResult {
  accepted: true;
  type: IncidentActionPayload['type'];
  message: string;
  status: IncidentState['status'];
}

const STAFF = ['follow_up_worker', 'housing_office', 'housing_officer', 'department_head', 'administrative_officer'] as const;

function openTask(s: IncidentState, taskId: string) {
  return s.tasks.find((t) => t.id === taskId && t.status === 'open');
}

/** A plain Norwegian reason when the action may not be taken now; undefined when it may. */
export function rejectIncidentAction(s: IncidentState, { actor, payload }: IncidentAction): string | undefined {
  if (s.status !== 'open') return 'Hendelsen er avsluttet.';
  if (!actor.roles.some((r) => r === 'admin' || (STAFF as readonly string[]).includes(r))) return 'Du har ikke en rolle som kan følge opp hendelser.';
  if ('taskId' in payload) {
    const task = openTask(s, payload.taskId);
    if (!task) return 'Tiltaket finnes ikke eller er allerede utført.';
    const mayAct = actor.roles.includes('admin') || actor.roles.includes(task.role) || (task.role === 'housing_office' && actor.roles.includes('housing_officer'));
    if (!mayAct) return 'Tiltaket er tildelt en annen rolle.';
    if (payload.type === 'completeMeasure' && (task.assessment || task.meeting)) return 'Dette tiltaket er en vurdering eller et møte og registreres med sin egen handling.';
    if (payload.type === 'recordAssessment' && !task.assessment) return 'Dette tiltaket er ikke en vurdering.';
    if ((payload.type === 'proposeMeeting' || payload.type === 'recordMeetingOutcome') && !task.meeting) return 'Dette tiltaket er ikke en trepartssamtale.';
    if (payload.type === 'recordMeetingOutcome' && !s.meetings.some((m) => m.taskId === task.id)) return 'Foreslå tidspunkt for trepartssamtalen før utfallet registreres.';
    if (payload.type === 'proposeMeeting' && !payload.participants.includes('tenant')) return 'Leietaker skal alltid inviteres til trepartssamtalen.';
  }
  if (payload.type === 'resolve' && !s.timers.some((t) => !t.fired)) return 'Det er ikke noe pågående avvik å avslutte; utfør de åpne tiltakene.';
  return undefined;
}

export function applyIncidentAction(s: IncidentState, { actor, payload, idempotencyKey }: IncidentAction, now: number): IncidentActionResult {
  let message: string;
  switch (payload.type) {
    case 'completeMeasure':
    case 'recordAssessment': {
      const task = openTask(s, payload.taskId)!;
      Object.assign(task, { status: 'done', note: payload.note, doneAt: now, doneBy: actor.id });
      if (payload.type === 'recordAssessment') task.decision = payload.decision;
      message = payload.type === 'recordAssessment' ? `Vurdert: «${task.title}»: ${payload.decision === 'yes' ? 'ja' : 'nei'}.` : `Utført: «${task.title}».`;
      if (payload.type === 'recordAssessment') message += actOnAssessment(s, task, now);
      addIncidentEvent(s, now, { kind: payload.type === 'recordAssessment' ? 'incident_assessed' : 'incident_measure_done', actorId: actor.id, summary: message, data: { taskId: task.id, decision: task.decision } });
      break;
    }
    case 'recordStep':
      s.steps.push({ at: now, byId: actor.id, text: payload.text });
      message = 'Steget er registrert med tidspunkt.';
      addIncidentEvent(s, now, { kind: 'incident_step', actorId: actor.id, summary: payload.text });
      break;
    case 'resolve':
      s.timers = s.timers.filter((t) => t.fired);
      message = 'Avviket er over; ingen videre eskalering.';
      addIncidentEvent(s, now, { kind: 'incident_resolved', actorId: actor.id, summary: `${message} ${payload.note}` });
      break;
    case 'proposeMeeting': {
      const earlier = s.meetings.find((m) => m.taskId === payload.taskId);
      s.meetings = s.meetings.filter((m) => m.taskId !== payload.taskId);
      const meeting = { taskId: payload.taskId, proposedTimes: payload.proposedTimes, participants: payload.participants, ...(s.meetingInvitations ? { proposal: (earlier?.proposal ?? 0) + 1 } : {}) };
      s.meetings.push(meeting);
      if (s.meetingInvitations) queueInvitations(s, meeting);
      message = `Trepartssamtale foreslått (${payload.proposedTimes.length} tidspunkt).${s.meetingInvitations ? ` Innkalling sendes til ${payload.participants.length} deltakere.` : ''}`;
      addIncidentEvent(s, now, { kind: 'meeting_proposed', actorId: actor.id, summary: message, data: { proposedTimes: payload.proposedTimes, participants: payload.participants } });
      break;
    }
    case 'recordMeetingOutcome': {
      const meeting = s.meetings.find((m) => m.taskId === payload.taskId)!;
      Object.assign(meeting, { outcome: payload.outcome, note: payload.note });
      Object.assign(openTask(s, payload.taskId)!, { status: 'done', note: payload.note, doneAt: now, doneBy: actor.id });
      // The meeting was held: an invitation still waiting to be posted is moot.
      for (const t of s.tasks) if (t.status === 'open' && t.id.startsWith(`${s.incidentId}-meeting-letter-`)) Object.assign(t, { status: 'done', note: 'Møtet er holdt.', doneAt: now, doneBy: actor.id });
      if (payload.outcome === 'revised') s.revisionRequested = true;
      const labels = { kept: 'avtalen videreføres', revised: 'avtalen skal revideres', other_measures: 'andre tiltak' } as const;
      message = `Trepartssamtale holdt: ${labels[payload.outcome]}.`;
      addIncidentEvent(s, now, { kind: 'meeting_held', actorId: actor.id, summary: message, data: { outcome: payload.outcome } });
      break;
    }
    case 'withdraw':
      s.status = 'withdrawn';
      message = 'Hendelsen er trukket tilbake.';
      addIncidentEvent(s, now, { kind: 'incident_withdrawn', actorId: actor.id, summary: `${message} ${payload.reason}` });
      break;
  }
  closeIfSettled(s, now);
  const result: IncidentActionResult = { accepted: true, type: payload.type, message, status: s.status };
  s.applied[idempotencyKey] = result;
  return result;
}

export function closeIfSettled(s: IncidentState, now: number): void {
  if (s.status !== 'open' || !isSettled(s)) return;
  s.status = 'closed';
  addIncidentEvent(s, now, { kind: 'incident_closed', summary: 'Alle tiltak er utført; hendelsen er avsluttet.' });
}
