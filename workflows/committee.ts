import type { UpdateDefinition } from '@temporalio/common';
import { ActivityFailure, condition, continueAsNew, log, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  applyAddAgendaItem,
  applyDecisionDone,
  applyExtraMeeting,
  applyMinutes,
  applyOccurrenceChange,
  applyRemoveAgendaItem,
  rejectAddAgendaItem,
  rejectDecisionDone,
  rejectExtraMeeting,
  rejectMinutes,
  rejectOccurrenceChange,
  rejectRemoveAgendaItem,
  type CommitteeAction,
  type CommitteeActionResult,
} from '../domain/committee/actions';
import type { Meeting } from '../domain/committee/cycle';
import {
  agendaChangedSinceSent,
  agendaContext,
  agendaOf,
  compactForNewRun,
  currentMeeting,
  DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW,
  decisionKey,
  decisionRow,
  dueStep,
  findDecision,
  markSaved,
  meetingRow,
  newCommitteeState,
  nextStepAt,
  recordAgendaBuilt,
  recordAgendaResent,
  recordBegun,
  recordDayOfSent,
  recordDelivery,
  recordHolidayNoticeSent,
  recordInvitationSent,
  retryLater,
  toCommitteeView,
  track,
  trackedMeeting,
  type CommitteeSettings,
  type CommitteeState,
  type Step,
  unmovedHoliday,
} from '../domain/committee/state';
import { workflowNow } from './clock';
import { finishHandlersAndPersist } from './continue-as-new';
import { setIdempotentUpdateHandler } from './idempotent-update';
import {
  addAgendaItemUpdate,
  callExtraMeetingUpdate,
  changeOccurrenceUpdate,
  committeeStateQuery,
  markDecisionDoneUpdate,
  recordMinutesUpdate,
  removeAgendaItemUpdate,
} from './messages';
import { delivery, mail, reads, records } from './timeline';

export interface CommitteeWorkflowInput {
  settings: CommitteeSettings;
  /** State handed over by continue-as-new: meetings in progress, open decisions and timers carry over with it. */
  carried?: CommitteeState;
}

/**
 * Boligutvalget (seed 002: five members from five services, a meeting every 14 days) as one entity
 * workflow per committee, started when the committee is created and running for as long as it meets.
 *
 * Why not a Temporal Schedule that starts a workflow per meeting:
 * - the time-skipping test server has no Schedules, and six weeks of meetings must be testable in seconds;
 * - "every 14 days at 09:00 Oslo time" must stay on the same weekday and wall-clock time across DST,
 *   which a fixed interval (UTC) does not, and a calendar spec cannot say "every other Tuesday from …";
 * - single occurrences are moved or cancelled and extra meetings called while the cycle stays put:
 *   here they are data (`domain/committee/cycle.ts`), not edits to a schedule's spec;
 * - cut-off, agenda, invitation, day-of reminder, minutes and the follow-up of decisions are one
 *   stateful process: a meeting moved after the invitations went out must send an update with a higher
 *   SEQUENCE to the people who got the first, and a decision with a passed deadline must reach the next
 *   agenda. A run per meeting would have to rebuild all that from the database each time.
 *
 * Every timer is derived from the state (`pendingSteps`), so nothing is lost in continue-as-new.
 */
export async function committeeWorkflow(input: CommitteeWorkflowInput): Promise<void> {
  const { workflowId } = workflowInfo();
  const state = input.carried ?? newCommitteeState(input.settings, workflowNow());
  const { committeeId, municipality } = state.settings;
  // Runs from before the rule invited to meetings on public holidays; they replay that way.
  if (patched('committee-holiday-meetings')) state.holidayRule = true;

  setHandler(committeeStateQuery, () => toCommitteeView(state, workflowNow()));

  function handle<P>(
    update: UpdateDefinition<CommitteeActionResult, [CommitteeAction<P>]>,
    reject: (s: CommitteeState, a: CommitteeAction<P>, now: number) => string | undefined,
    apply: (s: CommitteeState, a: CommitteeAction<P>, now: number) => CommitteeActionResult,
  ): void {
    setIdempotentUpdateHandler(update, {
      keyOf: (a) => a.idempotencyKey,
      applied: () => state.applied,
      reject: (a) => {
        const message = reject(state, a, workflowNow());
        return message ? { message } : undefined;
      },
      async apply(a) {
        const result = apply(state, a, workflowNow());
        log.info('Committee action applied', { committeeId, update: update.name, actorId: a.actor.id });
        // The caller reads the meeting from the database next, so answer once it is written.
        await persist();
        return result;
      },
    });
  }
  handle(changeOccurrenceUpdate, rejectOccurrenceChange, applyOccurrenceChange);
  handle(callExtraMeetingUpdate, rejectExtraMeeting, applyExtraMeeting);
  handle(addAgendaItemUpdate, rejectAddAgendaItem, applyAddAgendaItem);
  handle(removeAgendaItemUpdate, rejectRemoveAgendaItem, applyRemoveAgendaItem);
  handle(recordMinutesUpdate, rejectMinutes, applyMinutes);
  handle(markDecisionDoneUpdate, rejectDecisionDone, applyDecisionDone);

  // Writes go one at a time, so an older snapshot of a meeting can never land after a newer one.
  let writing: Promise<void> = Promise.resolve();
  function persist(): Promise<void> {
    const next = writing.then(writeReadModel);
    writing = next.catch(() => undefined);
    return next;
  }
  async function writeReadModel(): Promise<void> {
    const meetings = { ...state.unsavedMeetings };
    const decisions = { ...state.unsavedDecisions };
    const meetingRows = state.meetings.filter((t) => t.id in meetings).map(meetingRow);
    const decisionRows = state.decisions.filter((d) => decisionKey(d) in decisions).map(decisionRow);
    if (meetingRows.length) await records.saveCommitteeMeetings({ committeeId, meetings: meetingRows });
    if (decisionRows.length) await records.saveCommitteeDecisions({ committeeId, decisions: decisionRows });
    markSaved(state.unsavedMeetings, meetings);
    markSaved(state.unsavedDecisions, decisions);
  }

  async function buildAgenda(meeting: Meeting, final: boolean): Promise<void> {
    const autoItems = await reads.buildMeetingAgenda({ municipality, context: agendaContext(state, meeting) });
    recordAgendaBuilt(state, meeting.id, autoItems, workflowNow(), final);
  }

  const invitation = (meeting: Meeting) => ({
    workflowId,
    committeeId,
    committeeName: state.settings.name,
    location: state.settings.cycle.location,
    meeting: { id: meeting.id, date: meeting.date, time: meeting.time, startsAt: meeting.startsAt, endsAt: meeting.endsAt, ...(meeting.note ? { note: meeting.note } : {}) },
    at: workflowNow(),
  });

  async function runStep(step: Step): Promise<void> {
    if (step.kind === 'deliver') return deliver(step.meetingId, step.itemId!);
    const meeting = currentMeeting(state, step.meetingId)!;
    // Steps a worker outage pushed past the meeting's start are recorded, not mailed: too late to help.
    const tooLate = workflowNow() >= meeting.startsAt;
    switch (step.kind) {
      case 'holidayNotice': {
        const holiday = unmovedHoliday(meeting);
        if (holiday !== undefined && !tooLate) {
          await mail.askToMoveHolidayMeeting({ workflowId, committeeId, committeeName: state.settings.name, meeting: { id: meeting.id, date: meeting.date, time: meeting.time }, holiday, at: workflowNow() });
        }
        recordHolidayNoticeSent(state, meeting.id);
        return;
      }
      case 'invite': {
        const t = track(state, meeting);
        if (!t.agendaFinal) await buildAgenda(meeting, false);
        const items = agendaOf(t);
        const sent = tooLate ? { members: [] } : await mail.sendAgenda({ ...invitation(meeting), kind: 'agenda', sequence: 0, items });
        recordInvitationSent(state, meeting.id, { method: 'REQUEST', sequence: 0, date: meeting.date, time: meeting.time, members: sent.members, itemIds: items.map((i) => i.id) }, step, workflowNow());
        return;
      }
      case 'finalAgenda': {
        await buildAgenda(meeting, true);
        const t = trackedMeeting(state, meeting.id)!;
        if (!tooLate && t.invitation?.method === 'REQUEST' && agendaChangedSinceSent(t)) {
          const items = agendaOf(t);
          await mail.sendAgenda({ ...invitation(meeting), kind: 'final', sequence: t.invitation.sequence, items });
          recordAgendaResent(state, meeting.id, items.map((i) => i.id));
        }
        return;
      }
      case 'update': {
        const t = trackedMeeting(state, meeting.id)!;
        const previous = t.invitation!;
        const method = meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
        const sequence = previous.sequence + 1;
        const items = agendaOf(t);
        const sent = await mail.sendAgenda({
          ...invitation(meeting),
          kind: method === 'CANCEL' ? 'cancel' : 'update',
          sequence,
          previous: { date: previous.date, time: previous.time },
          items,
        });
        recordInvitationSent(
          state,
          meeting.id,
          { method, sequence, date: meeting.date, time: meeting.time, ...(method === 'REQUEST' ? { members: sent.members, itemIds: items.map((i) => i.id) } : {}) },
          step,
          workflowNow(),
        );
        return;
      }
      case 'dayOf': {
        const t = track(state, meeting);
        if (!tooLate) await mail.sendDayOfReminder({ ...invitation(meeting), items: agendaOf(t) });
        recordDayOfSent(state, meeting.id);
        return;
      }
      case 'begin':
        recordBegun(state, meeting.id);
        return;
    }
  }

  /** One decision to the case it concerns, as the case action `applyCommitteeDecision`. */
  async function deliver(meetingId: string, itemId: string): Promise<void> {
    const d = findDecision(state, meetingId, itemId)!;
    const outcome = await delivery.deliverCommitteeDecision({
      committeeId,
      municipality,
      meetingId,
      itemId,
      caseId: d.caseId!,
      date: d.meetingDate,
      text: d.text,
      ...(d.responsibleName ? { responsible: d.responsibleName } : {}),
      ...(d.deadline ? { deadline: d.deadline } : {}),
      effect: d.effect ?? { kind: 'note' },
    });
    recordDelivery(state, meetingId, itemId, outcome, workflowNow());
    if (outcome.status === 'rejected') log.warn('A committee decision was refused by its case', { committeeId, meetingId, itemId, caseId: d.caseId });
  }

  function historyIsLarge(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= (state.settings.historyEventsBeforeContinueAsNew ?? DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW);
  }

  for (;;) {
    await persist();
    if (historyIsLarge()) {
      await finishHandlersAndPersist(persist);
      log.info('Continuing as new', { committeeId, historyLength: workflowInfo().historyLength, version: state.version });
      return await continueAsNew<typeof committeeWorkflow>({ settings: state.settings, carried: compactForNewRun(state) });
    }
    const now = workflowNow();
    const step = dueStep(state, now);
    if (step) {
      try {
        await runStep(step);
      } catch (err) {
        // Mail or a case that stayed away through all retries: try again in an hour, keep the committee running.
        if (!(err instanceof ActivityFailure)) throw err;
        log.warn('Committee step failed; retrying later', { committeeId, step: step.kind, meetingId: step.meetingId, error: err.message });
        retryLater(state, step, workflowNow());
      }
      continue;
    }
    const wakeAt = nextStepAt(state, now);
    const seen = state.version;
    await condition(() => state.version !== seen || historyIsLarge(), wakeAt === undefined ? undefined : Math.max(1, wakeAt - now));
  }
}
