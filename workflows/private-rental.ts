import { allHandlersFinished, condition, continueAsNew, log, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { osloDate, osloInstant } from '../domain/calendar';
import { applyPrivateRentalAction, rejectPrivateRentalAction } from '../domain/private-rental/actions';
import { acceptLandlordReport, committeeReturn, rejectLandlordReport } from '../domain/private-rental/phase-tenancy';
import { newPrivateRentalState, nextDeadline, rememberResult, type NewPrivateRental, type PrivateRentalState } from '../domain/private-rental/state';
import { advancePrivateRentalTime, nextPrivateRentalWake, toPrivateRentalView } from '../domain/private-rental/timers';
import { CaseKindKey, FollowUpWorkerKey, MunicipalityKey, NextDeadlineKey, PhaseKey } from '../domain/search-attributes';
import { workflowNow } from './clock';
import { finishHandlersAndPersist, historyIsLargeWhenQuiet } from './continue-as-new';
import { setIdempotentUpdateHandler } from './idempotent-update';
import { committeeReturnSignal, landlordReportUpdate, privateRentalActionUpdate, privateRentalStateQuery } from './messages';
import { forgetWritten, mail, records } from './timeline';

export interface PrivateRentalWorkflowInput extends NewPrivateRental {
  /** State handed over by continue-as-new: open tasks and deadlines carry over with it. */
  carried?: PrivateRentalState;
}

export interface PrivateRentalOutcomeResult {
  caseId: string;
  outcome?: PrivateRentalState['outcome'];
}

const DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 4000;

/**
 * Kartlegging → finne bolig → kontrakt → innflytting → oppfølging og utflytting: one referral of a
 * case to help with renting privately (seed 004). Writes to the same case timeline as the tenancy it
 * came from, and tells that tenancy when it closes.
 */
export async function privateRentalWorkflow(input: PrivateRentalWorkflowInput): Promise<PrivateRentalOutcomeResult> {
  const { workflowId } = workflowInfo();
  const state = input.carried ?? newPrivateRentalState(input, workflowNow());
  let persistedVersion = -1;
  let lastSearchAttributes = '';

  setHandler(privateRentalStateQuery, () => toPrivateRentalView(state));

  setIdempotentUpdateHandler(privateRentalActionUpdate, {
    keyOf: (action) => action.idempotencyKey,
    applied: () => state.applied,
    reject: (action) => {
      const message = rejectPrivateRentalAction(state, action, workflowNow());
      return message ? { message } : undefined;
    },
    async apply(action) {
      const result = applyPrivateRentalAction(state, action, workflowNow());
      log.info('Private rental action applied', { caseId: state.caseId, type: action.payload.type, actorId: action.actor.id });
      await persist();
      return result;
    },
  });

  setIdempotentUpdateHandler(landlordReportUpdate, {
    keyOf: (r) => r.submissionId,
    applied: () => state.applied,
    reject: () => {
      const reason = rejectLandlordReport(state);
      return reason?.notYet ? { message: reason.notYet, notYet: true } : reason?.never ? { message: reason.never } : undefined;
    },
    async apply(r) {
      const now = workflowNow();
      const result = acceptLandlordReport(state, r.report, now, osloDate(now));
      rememberResult(state, r.submissionId, result);
      await persist();
      return result;
    },
  });

  setHandler(committeeReturnSignal, (d) => {
    const now = workflowNow();
    committeeReturn(state, d, now, osloDate(now));
  });

  async function sendNotices(): Promise<void> {
    for (const n of state.unsentNotices.splice(0)) {
      const outcome = await mail.notifyRole({ municipality: state.municipality, caseId: state.caseId, role: n.to, dedupKey: n.key, subject: n.subject, body: n.body });
      addNoticeLine(n.subject, outcome.status);
    }
  }

  function addNoticeLine(subject: string, status: 'sent' | 'queued' | 'no_recipient'): void {
    const labels = { sent: 'sendt', queued: 'lagt i utboksen', no_recipient: 'ikke sendt: ingen e-postadresse er registrert for rollen' } as const;
    state.unsavedEvents.push({ seq: state.nextEventSeq++, at: workflowNow(), kind: 'notice_sent', summary: `Varsel «${subject}» ${labels[status]}.` });
    state.version++;
  }

  async function persist(): Promise<void> {
    if (state.version === persistedVersion) return;
    const version = state.version;
    // Timeline, records and snapshot in one activity, as the tenancy does ('one-write-per-persist').
    const events = state.unsavedEvents;
    const unsavedRecords = state.unsavedRecords;
    const sentEvents = new Set(events.map((e) => e.seq));
    await records.persistPrivateRental({ workflowId, caseId: state.caseId, events, records: unsavedRecords, view: toPrivateRentalView(state) });
    forgetWritten(state, sentEvents);
    state.unsavedRecords = state.unsavedRecords.filter((r) => !unsavedRecords.includes(r));
    refreshSearchAttributes();
    persistedVersion = Math.max(persistedVersion, version);
  }

  function refreshSearchAttributes(): void {
    const due = nextDeadline(state);
    const key = JSON.stringify([state.phase, due, state.followUpWorkerId]);
    if (key === lastSearchAttributes) return;
    lastSearchAttributes = key;
    upsertSearchAttributes([
      { key: CaseKindKey, value: 'private_rental' },
      { key: MunicipalityKey, value: state.municipality },
      { key: PhaseKey, value: state.phase },
      ...(state.followUpWorkerId ? [{ key: FollowUpWorkerKey, value: state.followUpWorkerId }] : []),
      { key: NextDeadlineKey, value: due ? new Date(osloInstant(due)) : null },
    ]);
  }

  // As the tenancy: hand over to a fresh run at a quiet moment (just after a timer) once the history
  // is large, at once past twice the threshold or when the server asks.
  let wokeForTimer = false;
  const threshold = state.historyEventsBeforeContinueAsNew ?? DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW;
  const historyIsLarge = () => historyIsLargeWhenQuiet(threshold, wokeForTimer);

  for (;;) {
    if (state.unsentNotices.length) await sendNotices();
    await persist();
    if (state.status === 'closed') break;
    if (historyIsLarge()) {
      await finishHandlersAndPersist(persist);
      log.info('Continuing as new', { caseId: state.caseId, historyLength: workflowInfo().historyLength });
      return await continueAsNew<typeof privateRentalWorkflow>({ ...input, carried: state });
    }
    wokeForTimer = false;
    const wakeAt = nextPrivateRentalWake(state);
    const woken = await condition(() => state.version !== persistedVersion || historyIsLarge(), wakeAt === undefined ? undefined : Math.max(1, wakeAt - workflowNow()));
    wokeForTimer = woken === false;
    if (wokeForTimer) advancePrivateRentalTime(state, workflowNow());
  }
  await condition(allHandlersFinished);
  await persist();
  // One case history: the tenancy the case came from goes on (back to the municipal process) or closes.
  if (state.tenancyWorkflowId && state.outcome) {
    await records.reportPrivateRentalOutcome({
      tenancyWorkflowId: state.tenancyWorkflowId,
      outcome: { privateRentalWorkflowId: workflowId, outcome: state.outcome, date: state.closedDate ?? osloDate(workflowNow()) },
    });
  }
  return { caseId: state.caseId, outcome: state.outcome };
}
