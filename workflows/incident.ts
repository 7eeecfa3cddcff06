import { allHandlersFinished, condition, log, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { applyIncidentAction, closeIfSettled, rejectIncidentAction } from '../domain/incidents/actions';
import { dueTimers, fireTimer, markOverdueIncidentTasks, newIncident, nextIncidentWake, toIncidentView, type IncidentState, type NewIncident } from '../domain/incidents/incident';
import { recordInvitationOutcome } from '../domain/incidents/meeting-invitations';
import type { Role } from '../domain/roles';
import { workflowNow } from './clock';
import { setIdempotentUpdateHandler } from './idempotent-update';
import { incidentActionUpdate, incidentStateQuery } from './messages';
import { mail, records, writeUnsavedEvents } from './timeline';

/** Whose mailbox a meeting participant's invitation goes to. */
const PARTICIPANT_ROLES: Record<'follow_up_worker' | 'housing_service' | 'nav', Role> = { follow_up_worker: 'follow_up_worker', housing_service: 'housing_office', nav: 'nav' };

export interface IncidentWorkflowInput extends NewIncident {
  tenancyWorkflowId: string;
}

/** One incident from report to close, as the follow-up agreement row says (seed 000). */
export async function incidentWorkflow(input: IncidentWorkflowInput): Promise<{ incidentId: string; status: IncidentState['status'] }> {
  const { workflowId } = workflowInfo();
  const state = newIncident(input, workflowNow(), { businessDays: patched('incident-business-days'), assessmentsAct: patched('incident-assessment-acts'), tenantTold: patched('incident-tenant-told'), noFreeTextInMail: patched('incident-notices-without-free-text'), meetingInvitations: patched('incident-meeting-invitations') });
  let persistedVersion = -1;
  let reportedStatus: string | undefined;
  let reportedRevision = false;

  setHandler(incidentStateQuery, () => toIncidentView(state));
  setIdempotentUpdateHandler(incidentActionUpdate, {
    keyOf: (action) => action.idempotencyKey,
    applied: () => state.applied,
    reject: (action) => {
      const message = rejectIncidentAction(state, action);
      return message ? { message } : undefined;
    },
    async apply(action) {
      const result = applyIncidentAction(state, action, workflowNow());
      await persist();
      return result;
    },
  });

  async function persist(): Promise<void> {
    const pending = state.unsentNotices.splice(0);
    for (const n of pending) {
      const outcome = await mail.notifyRole({ municipality: state.municipality, caseId: state.caseId, role: n.role, dedupKey: n.key, subject: n.subject, body: n.body });
      const labels = { sent: 'sendt', queued: 'lagt i utboksen', no_recipient: 'ikke sendt: ingen e-postadresse er registrert for rollen' } as const;
      state.steps.push({ at: workflowNow(), byId: 'botrygg', text: `Varsel til ${n.role}: «${n.subject}» ${labels[outcome.status]}.` });
      state.version++;
    }
    for (const inv of (state.unsentInvitations ?? []).splice(0)) {
      const outcome =
        inv.to === 'tenant'
          ? await mail.notifyCaseTenant({ caseId: state.caseId, dedupKey: inv.key, subject: inv.subject, body: inv.body })
          : await mail.notifyRole({ municipality: state.municipality, caseId: state.caseId, role: PARTICIPANT_ROLES[inv.to], dedupKey: inv.key, subject: inv.subject, body: inv.body });
      recordInvitationOutcome(state, inv, outcome.status, workflowNow());
    }
    if (state.version === persistedVersion) return;
    const version = state.version;
    await writeUnsavedEvents(state, state.caseId, workflowId);
    await records.saveIncidentSnapshot({ workflowId, view: toIncidentView(state) });
    persistedVersion = Math.max(persistedVersion, version);
    await tellTenancy();
  }

  // The tenancy keeps its list of incidents and opens an agreement revision when a meeting asks for one.
  async function tellTenancy(): Promise<void> {
    if (reportedStatus === state.status && reportedRevision === !!state.revisionRequested) return;
    reportedStatus = state.status;
    reportedRevision = !!state.revisionRequested;
    const told = await records.reportIncidentOutcome({
      tenancyWorkflowId: input.tenancyWorkflowId,
      outcome: { incidentId: state.incidentId, status: state.status, revisionRequested: reportedRevision },
    });
    if (told === 'tenancy_gone') log.warn('The tenancy is gone; the incident outcome was not delivered', { incidentId: state.incidentId });
  }

  closeIfSettled(state, workflowNow());
  while (state.status === 'open') {
    await persist();
    const wake = nextIncidentWake(state);
    const woken = await condition(() => state.version !== persistedVersion || state.unsentNotices.length > 0 || !!state.unsentInvitations?.length, wake === undefined ? undefined : Math.max(1, wake - workflowNow()));
    if (woken === false) {
      const now = workflowNow();
      for (const timer of dueTimers(state, now)) fireTimer(state, timer, now);
      markOverdueIncidentTasks(state, now);
      closeIfSettled(state, now);
    }
  }
  await persist();
  await condition(allHandlersFinished);
  return { incidentId: state.incidentId, status: state.status };
}

