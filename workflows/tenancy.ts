import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Application } from '../domain/application';
import { osloDate, osloInstant } from '../domain/calendar';
import {
  CaseKindKey,
  EscalationLevelKey,
  FollowUpWorkerKey,
  MunicipalityKey,
  NextDeadlineKey,
  PhaseKey,
} from '../domain/search-attributes';
import { applyAction, rejectReason } from '../domain/tenancy/actions';
import type { TenancyPolicy } from '../domain/tenancy/policy';
import { newTenancyState, nextDeadline, policyOf, type TenancyState } from '../domain/tenancy/state';
import { applyRentCheck, chargesDue, recordNoticeOutcome, rentAccount, rentCheckDue, rentLevel, startRent } from '../domain/tenancy/rent';
import { toView } from '../domain/tenancy/view';
import { recordLetterMade } from '../domain/tenancy/case-letters';
import { advanceTime, nextWakeAt } from '../domain/tenancy/timers';
import { workflowNow } from './clock';
import { finishHandlersAndPersist, historyIsLargeWhenQuiet } from './continue-as-new';
import { acceptIncident, recordIncidentOutcome, rejectIncident } from '../domain/tenancy/incidents';
import { incidentWorkflow } from './incident';
import { setIdempotentUpdateHandler } from './idempotent-update';
import { forgetWritten, mail, records, writeUnsavedEvents } from './timeline';
import { caseActionUpdate, incidentOutcomeSignal, privateRentalOutcomeSignal, rentLedgerChangedSignal, reportIncidentUpdate, tenancyStateQuery } from './messages';
import { privateRentalWorkflow } from './private-rental';
import { recordPrivateRentalOutcome } from '../domain/tenancy/phase-allocation';

export interface TenancyWorkflowInput {
  caseId: string;
  application: Application;
  /** The municipality's rules when the case started; absent in cases started before policies existed. */
  policy?: TenancyPolicy;
  /** State handed over by continue-as-new: open tasks and deadlines carry over with it. */
  carried?: TenancyState;
}

export interface TenancyOutcome {
  caseId: string;
  closedReason?: string;
}

/** Søknad → tildeling → leiekontrakt → oppfølging: one municipal tenancy, for as many years as it lasts. */
export async function tenancyWorkflow(input: TenancyWorkflowInput): Promise<TenancyOutcome> {
  const { caseId } = input;
  const { workflowId } = workflowInfo();
  const state = input.carried ?? newTenancyState({ caseId, application: input.application, now: workflowNow(), policy: input.policy });
  let persistedVersion = -1;
  let lastSearchAttributes = '';
  // Runs recorded before the rent ledger existed replay without it; a case already living in
  // follow-up gets its ledger from next month when a new run (or continue-as-new) starts.
  state.rentEnabled = patched('rent-ledger');
  // Named in TENANCY_FEATURES; the order of these calls is part of the history, so append only.
  state.features = {
    'co-located-rent-roles': patched('co-located-rent-roles'),
    'nav-notice-9-11-content': patched('nav-notice-9-11-content'),
    'allowance-awaited': patched('allowance-awaited'),
    'renewal-from-last-day': patched('renewal-from-last-day'),
    'ownership-start-up-loan-task': patched('ownership-start-up-loan-task'),
    'tenancy-deadlines-business-days': patched('tenancy-deadlines-business-days'),
    'missed-visits-reach-housing-office': patched('missed-visits-reach-housing-office'),
    'dwelling-fit-full-interview': patched('dwelling-fit-full-interview'),
    'lease-open-ended-watch': patched('lease-open-ended-watch'),
    'agreement-follows-lease': patched('agreement-follows-lease'),
    'ladder-makes-letters': patched('ladder-makes-letters'),
    'individual-decisions': patched('individual-decisions'),
    'private-rental-referral': patched('private-rental-referral'),
  };
  if (state.rentEnabled && state.status === 'active' && state.phase === 'follow_up' && !state.rent) {
    startRent(state, { nextMonthAfter: osloDate(workflowNow()) });
  }

  setHandler(tenancyStateQuery, () => toView(state));

  setIdempotentUpdateHandler(caseActionUpdate, {
    keyOf: (action) => action.idempotencyKey,
    applied: () => state.applied,
    isOwnLegacyResult: (r) => typeof r === 'object' && r !== null && 'accepted' in r,
    reject: (action) => {
      const message = rejectReason(state, action, workflowNow());
      return message ? { message } : undefined;
    },
    async apply(action) {
      const result = applyAction(state, action, workflowNow());
      log.info('Case action applied', { caseId, type: action.payload.type, actorId: action.actor.id });
      if (state.privateRental && !state.privateRental.started) await startPrivateRental();
      const back = state.privateRental?.returnRequested;
      if (back && !back.sent) {
        await records.tellPrivateRentalOfCommitteeReturn({ workflowId: state.privateRental!.workflowId, decision: { date: back.date, meetingId: back.meetingId, itemId: back.itemId } });
        back.sent = true;
      }
      // The caller reads the case from the database next, so answer only once it is written.
      await persist();
      return result;
    },
  });

  setIdempotentUpdateHandler(reportIncidentUpdate, {
    keyOf: (request) => request.submissionId,
    applied: () => state.applied,
    isOwnLegacyResult: (r) => typeof r === 'object' && r !== null && 'incidentId' in r,
    reject: () => {
      const reason = rejectIncident(state);
      return reason?.notYet ? { message: reason.notYet, notYet: true } : reason?.never ? { message: reason.never } : undefined;
    },
    async apply(request) {
      const { child, workflowId: incidentId, message } = acceptIncident(state, request, workflowNow());
      // Abandoned on close: an incident outlives a continue-as-new of its tenancy and reports back itself.
      await startChild(incidentWorkflow, {
        workflowId: incidentId,
        args: [{ ...child, tenancyWorkflowId: workflowId }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      await persist();
      return { incidentId: child.incidentId, workflowId: incidentId, message };
    },
  });

  setHandler(incidentOutcomeSignal, (outcome) => recordIncidentOutcome(state, outcome, workflowNow()));
  setHandler(privateRentalOutcomeSignal, (outcome) => recordPrivateRentalOutcome(state, outcome, workflowNow()));

  /**
   * Seed 004: a referral to the private market continues the case in its own workflow, which reports
   * back by signal when it closes. Abandoned on close, like an incident: it outlives this run.
   */
  async function startPrivateRental(): Promise<void> {
    const referral = state.privateRental!;
    await startChild(privateRentalWorkflow, {
      workflowId: referral.workflowId,
      args: [
        {
          caseId,
          municipality: state.municipality,
          applicant: { name: state.application.applicant.name, ...(state.application.applicant.email ? { email: state.application.applicant.email } : {}) },
          caseworkerId: state.housingOfficerId,
          tenancyWorkflowId: workflowId,
          interview: state.interviews.at(-1),
          historyEventsBeforeContinueAsNew: policyOf(state).historyEventsBeforeContinueAsNew,
          committeeClaimThresholdOre: policyOf(state).privateRentalClaimToCommitteeOre,
        },
      ],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    referral.started = true;
  }
  setHandler(rentLedgerChangedSignal, ({ importId }) => {
    if (!state.rent) return;
    state.rent.checkRequested = true;
    if (importId) state.rent.lastImportId = importId;
    state.version++;
  });

  /** Posts the charges that fell due, reads the balance and walks the ladder. */
  async function checkRent(): Promise<void> {
    const today = osloDate(workflowNow());
    const charges = chargesDue(state, today);
    const summary = await records.syncRentLedger({ workflowId, account: rentAccount(state)!, charges, asOf: today, settledThrough: state.rent!.settledThrough });
    applyRentCheck(state, charges, summary, workflowNow());
  }

  /** Letters and notices the ladder queued, each through the outbox under its own dedup key. */
  async function sendNotices(): Promise<void> {
    for (const n of (state.unsentNotices ?? []).splice(0)) {
      const contact = n.contactRole ? { municipality: state.municipality, contactRole: n.contactRole } : {};
      const outcome =
        n.to === 'tenant'
          ? await mail.notifyTenant({ caseId, dedupKey: n.key, email: state.application.applicant.email, name: state.application.applicant.name, subject: n.subject, body: n.body, ...contact })
          : await mail.notifyRole({ municipality: state.municipality, caseId, role: n.to, dedupKey: n.key, subject: n.subject, body: n.body, ...contact });
      recordNoticeOutcome(state, n, outcome.status, workflowNow());
    }
  }

  /** Letters the case decided to send (patched 'ladder-makes-letters'), each made once under its own key. */
  async function makeLetters(): Promise<void> {
    for (const letter of (state.unsentLetters ?? []).splice(0)) {
      const result = await records.makeCaseLetter({ caseId, municipality: state.municipality, recipient: state.application.applicant.name, letter });
      recordLetterMade(state, letter, result, workflowNow());
    }
  }

  async function persist(): Promise<void> {
    if (state.version === persistedVersion) return;
    const version = state.version;
    if (patched('one-write-per-persist')) {
      // Timeline, records and snapshot in one activity: a third of the round trips and workflow tasks.
      // (Not a local activity: its markers replayed out of order against updates completed in the
      // same task, a nondeterminism error under 30 concurrent incident reports.) What is sent is fixed
      // now; lines added meanwhile stay unsaved.
      const events = state.unsavedEvents;
      const unsavedRecords = state.unsavedRecords ?? [];
      const sentEvents = new Set(events.map((e) => e.seq));
      await records.persistTenancy({ workflowId, caseId, events, records: unsavedRecords, view: toView(state) });
      forgetWritten(state, sentEvents);
      state.unsavedRecords = (state.unsavedRecords ?? []).filter((r) => !unsavedRecords.includes(r));
    } else {
      await writeUnsavedEvents(state, caseId, workflowId);
      const unsavedRecords = state.unsavedRecords ?? [];
      if (unsavedRecords.length) {
        // Cases that recorded their history before case records existed must replay without this write.
        if (patched('case-records-v2')) {
          await records.saveCaseRecords({ caseId, records: unsavedRecords });
        }
        state.unsavedRecords = (state.unsavedRecords ?? []).filter((r) => !unsavedRecords.includes(r));
      }
      await records.saveTenancySnapshot({ workflowId, view: toView(state) });
    }
    refreshSearchAttributes();
    persistedVersion = Math.max(persistedVersion, version);
  }

  const escalationLevel = () => Math.max(state.escalationLevel ?? 0, rentLevel(state));

  function refreshSearchAttributes(): void {
    const due = nextDeadline(state);
    const values = {
      phase: state.phase,
      followUpWorker: state.followUpWorkerId ?? '',
      due: due ?? '',
      escalation: escalationLevel(),
    };
    const key = JSON.stringify(values);
    if (key === lastSearchAttributes) return;
    lastSearchAttributes = key;
    upsertSearchAttributes([
      { key: CaseKindKey, value: 'tenancy' },
      { key: MunicipalityKey, value: state.municipality },
      { key: PhaseKey, value: state.phase },
      { key: EscalationLevelKey, value: escalationLevel() },
      ...(state.followUpWorkerId ? [{ key: FollowUpWorkerKey, value: state.followUpWorkerId }] : []),
      ...(due ? [{ key: NextDeadlineKey, value: new Date(osloInstant(due)) }] : [{ key: NextDeadlineKey, value: null }]),
    ]);
  }

  // A tenancy lasts years: each run hands its state to a fresh one before its history grows large.
  // It does so at a quiet moment, just after waking for a timer, when no staff action is likely to be
  // in flight (a client's update racing the hand-over has to be re-sent to the new run); past twice
  // the threshold, or when the server asks, it hands over at once.
  let wokeForTimer = false;
  const continueWhenQuiet = patched('continue-as-new-when-quiet');
  function historyIsLarge(): boolean {
    const threshold = policyOf(state).historyEventsBeforeContinueAsNew;
    if (continueWhenQuiet) return historyIsLargeWhenQuiet(threshold, wokeForTimer);
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= threshold;
  }

  for (;;) {
    if (rentCheckDue(state, osloDate(workflowNow()))) await checkRent();
    if (state.unsentNotices?.length) await sendNotices();
    if (state.unsentLetters?.length) await makeLetters();
    await persist();
    if (state.status === 'closed') break;
    if (historyIsLarge()) {
      await finishHandlersAndPersist(persist);
      log.info('Continuing as new', { caseId, historyLength: workflowInfo().historyLength, version: state.version });
      return await continueAsNew<typeof tenancyWorkflow>({ caseId, application: state.application, policy: state.policy, carried: state });
    }
    wokeForTimer = false;
    const wakeAt = nextWakeAt(state);
    const woken = await condition(
      // A staff action that queued a letter has persisted itself; the letter is made here.
      () => state.version !== persistedVersion || historyIsLarge() || !!state.unsentLetters?.length,
      wakeAt === undefined ? undefined : Math.max(1, wakeAt - workflowNow()),
    );
    wokeForTimer = woken === false;
    if (wokeForTimer) advanceTime(state, workflowNow());
  }
  await condition(allHandlersFinished);
  return { caseId, closedReason: state.closedReason };
}
