import { SITUATION_LABELS, type IncidentReport, type NewIncident } from '../incidents/incident';
import { addDays, compareDates, osloDate } from '../calendar';
import { incidentWorkflowId } from '../ids';
import type { Actor } from '../roles';
import { followUpRules } from './phase-follow-up';
import { activeAgreement, addEvent, hasTask, openTask, policyOf, rememberResult, twoWeeksAfter, type TenancyState } from './state';

/** The tenancy's side of incidents: which agreement applies, the caution flag, repeated complaints. */
export interface IncidentRequest {
  submissionId: string;
  reporter: Actor;
  report: IncidentReport;
}

/** `{ notYet }` when the case cannot take the report now but will later (the form is kept). */
export function rejectIncident(state: TenancyState): { notYet?: string; never?: string } | undefined {
  if (state.status === 'closed') return { never: 'Saken er avsluttet; hendelsen kan ikke registreres på den.' };
  if (state.phase !== 'follow_up') return { notYet: 'Leietaker har ikke flyttet inn ennå. Meldingen er lagret og registreres når oppfølgingen har startet.' };
  return undefined;
}

export function acceptIncident(state: TenancyState, req: IncidentRequest, now: number): { child: NewIncident; workflowId: string; message: string } {
  const seq = (state.incidents?.length ?? 0) + 1;
  const incidentId = `${state.caseId}-H${seq}`;
  const workflowId = incidentWorkflowId(state.caseId, seq);
  // The agreement version signed at the time of the report governs the incident for its whole life.
  const agreement = activeAgreement(state);
  const row = agreement?.rows.find((r) => r.key === req.report.situation);
  (state.incidents ??= []).push({ incidentId, workflowId, situation: req.report.situation, reportedAt: now, status: 'open' });
  const today = osloDate(now);
  const label = SITUATION_LABELS[req.report.situation];
  addEvent(state, now, { kind: 'incident_opened', actorId: req.reporter.id, summary: `Hendelse ${incidentId}: ${label}.`, data: { incidentId, situation: req.report.situation } });

  if (req.report.situation === 'threats_or_weapons') {
    state.cautionFlag = { since: today, incidentId };
    addEvent(state, now, { kind: 'caution_flag_set', actorId: req.reporter.id, summary: 'Varsel til alle som besøker: trusler eller våpen er meldt i denne saken.' });
  }
  if (req.report.situation === 'neighbour_complaints') countComplaint(state, now, today);
  // Someone reports missing rent: look at the ledger now rather than at the next scheduled check.
  if (req.report.situation === 'missing_rent' && state.rent) state.rent.checkRequested = true;
  if (req.report.situation === 'declines_follow_up' && state.followUp?.status === 'active') {
    followUpRules.declineFollowUp.apply(state, { type: 'declineFollowUp', date: today, note: req.report.description }, { now, today, actor: req.reporter });
  }
  const child: NewIncident = {
    incidentId,
    caseId: state.caseId,
    municipality: state.municipality,
    report: { ...req.report, reportedBy: req.reporter.id, reportedAt: now },
    agreementVersion: agreement?.version,
    row,
    deviationWeeks: agreement?.deviationWeeks ?? 2,
    lockedDoorWaitMinutes: agreement?.lockedDoorWaitMinutes ?? 30,
    followUpWorkerId: state.followUpWorkerId,
    coLocated: state.offers?.findLast((o) => o.answer === 'accepted')?.dwelling.coLocated ?? false,
  };
  const message = `Hendelsen er registrert som ${incidentId} og følges opp etter avtalen.`;
  rememberResult(state, req.submissionId, { incidentId, workflowId, message });
  return { child, workflowId, message };
}

/** Seed 000: repeated neighbour complaints within the window escalate the case to the committee. */
function countComplaint(state: TenancyState, now: number, today: string): void {
  const { complaintsBeforeEscalation, complaintWindowDays } = policyOf(state);
  const since = addDays(today, -complaintWindowDays);
  state.neighbourComplaints = [...(state.neighbourComplaints ?? []).filter((d) => compareDates(d, since) > 0), today];
  if (state.neighbourComplaints.length >= complaintsBeforeEscalation && (state.escalationLevel ?? 0) < 1) {
    state.escalationLevel = 1;
    addEvent(state, now, {
      kind: 'complaints_escalated',
      summary: `${state.neighbourComplaints.length} naboklager på ${complaintWindowDays} dager: saken løftes til boligutvalget.`,
      data: { complaints: state.neighbourComplaints },
    });
    openTask(state, now, {
      id: 'committee-complaints',
      kind: 'committee_item',
      title: 'Gjentatte naboklager: ta saken opp i boligutvalget',
      role: 'housing_office',
      dueDate: twoWeeksAfter(state, today),
    });
  }
}

export function recordIncidentOutcome(state: TenancyState, o: { incidentId: string; status: 'open' | 'closed' | 'withdrawn'; revisionRequested: boolean }, now: number): void {
  const incident = state.incidents?.find((i) => i.incidentId === o.incidentId);
  if (!incident) return;
  if (incident.status !== o.status) {
    incident.status = o.status;
    state.version++;
  }
  if (o.revisionRequested && state.phase === 'follow_up' && !hasTask(state, 'revise-agreement')) {
    openTask(state, now, {
      id: 'revise-agreement',
      kind: 'revise_agreement',
      title: `Trepartssamtalen (${o.incidentId}) besluttet å revidere oppfølgingsavtalen: lag ny versjon og få den signert`,
      role: 'housing_officer',
      assigneeId: state.housingOfficerId,
      dueDate: twoWeeksAfter(state, osloDate(now)),
    });
    addEvent(state, now, { kind: 'agreement_revision_requested', summary: `Oppfølgingsavtalen skal revideres etter trepartssamtale (${o.incidentId}).` });
  }
}
