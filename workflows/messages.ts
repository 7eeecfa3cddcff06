import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { IncidentAction, IncidentActionResult } from '../domain/incidents/actions';
import type { IncidentReport, IncidentView } from '../domain/incidents/incident';
import type { Actor } from '../domain/roles';
import type { CaseAction, CaseActionResult } from '../domain/tenancy/actions';
import type { TenancyView } from '../domain/tenancy/view';
import type {
  AddAgendaItemPayload,
  CallExtraMeetingPayload,
  ChangeOccurrencePayload,
  CommitteeAction,
  CommitteeActionResult,
  MarkDecisionDonePayload,
  RecordMinutesPayload,
  RemoveAgendaItemPayload,
} from '../domain/committee/actions';
import type { CommitteeView } from '../domain/committee/state';
import type { PrivateRentalAction, PrivateRentalActionResult } from '../domain/private-rental/actions';
import type { PrivateRentalView } from '../domain/private-rental/timers';

/**
 * Every signal, update and query, shared by workflows and API. The string names are part of
 * running workflows' histories: never rename one.
 */
export const tenancyStateQuery = defineQuery<TenancyView>('tenancyState');
export const caseActionUpdate = defineUpdate<CaseActionResult, [CaseAction]>('caseAction');

/** From the payments import: the ledger changed, check the balance now (a payment stops an escalation at once). */
export const rentLedgerChangedSignal = defineSignal<[{ importId?: string }]>('rentLedgerChanged');

/** ApplicationFailure types, one enum for workflows, activities and the API's error mapping. */
export const FailureType = {
  InvalidTransition: 'InvalidTransition',
  /** The case cannot take this yet (e.g. an incident before move-in): the sender's form is kept and retried. */
  NotYet: 'NotYet',
} as const;

// Incidents (hendelser): reported on the tenancy, each handled by its own child workflow.
export const reportIncidentUpdate = defineUpdate<ReportIncidentResult, [ReportIncident]>('reportIncident');
export const incidentStateQuery = defineQuery<IncidentView>('incidentState');
export const incidentActionUpdate = defineUpdate<IncidentActionResult, [IncidentAction]>('incidentAction');
/** From an incident to its tenancy: its status changed (closed, or a meeting asked for a revision). */
export const incidentOutcomeSignal = defineSignal<[IncidentOutcome]>('incidentOutcome');

export interface ReportIncident {
  submissionId: string;
  reporter: Actor;
  report: IncidentReport;
}

export interface ReportIncidentResult {
  incidentId: string;
  workflowId: string;
  message: string;
}

export interface IncidentOutcome {
  incidentId: string;
  status: 'open' | 'closed' | 'withdrawn';
  revisionRequested: boolean;
}

// Boligutvalget: one entity workflow per housing committee (workflows/committee.ts).
export const committeeStateQuery = defineQuery<CommitteeView>('committeeState');
export const changeOccurrenceUpdate = defineUpdate<CommitteeActionResult, [CommitteeAction<ChangeOccurrencePayload>]>('changeOccurrence');
export const callExtraMeetingUpdate = defineUpdate<CommitteeActionResult, [CommitteeAction<CallExtraMeetingPayload>]>('callExtraMeeting');
export const addAgendaItemUpdate = defineUpdate<CommitteeActionResult, [CommitteeAction<AddAgendaItemPayload>]>('addAgendaItem');
export const removeAgendaItemUpdate = defineUpdate<CommitteeActionResult, [CommitteeAction<RemoveAgendaItemPayload>]>('removeAgendaItem');
export const recordMinutesUpdate = defineUpdate<CommitteeActionResult, [CommitteeAction<RecordMinutesPayload>]>('recordMinutes');
export const markDecisionDoneUpdate = defineUpdate<CommitteeActionResult, [CommitteeAction<MarkDecisionDonePayload>]>('markDecisionDone');

// Hjelp til å leie privat (seed 004): one workflow per referral of a case (workflows/private-rental.ts).
export const privateRentalStateQuery = defineQuery<PrivateRentalView>('privateRentalState');
export const privateRentalActionUpdate = defineUpdate<PrivateRentalActionResult, [PrivateRentalAction]>('privateRentalAction');
/** A landlord's problem report from the form, keyed by its submission ID (scoped to landlord reports). */
export const landlordReportUpdate = defineUpdate<LandlordReportResult, [LandlordReport]>('landlordReport');
/** From a private-rental case to its tenancy: it closed, with this outcome (back to the municipal process, or housed). */
export const privateRentalOutcomeSignal = defineSignal<[PrivateRentalOutcome]>('privateRentalOutcome');
/** From the tenancy to its private-rental case: the housing committee decided the case goes back to the municipal process. */
export const committeeReturnSignal = defineSignal<[CommitteeReturn]>('privateRentalCommitteeReturn');

export interface CommitteeReturn {
  date: string;
  meetingId: string;
  itemId: string;
}

export interface LandlordReport {
  submissionId: string;
  reporter: Actor;
  report: { category: 'rent_unpaid' | 'noise' | 'damage' | 'untidy' | 'other'; receivedDate: string; channel: 'landlord_form' | 'phone' | 'email' };
}

export interface LandlordReportResult {
  seq: number;
  message: string;
}

export interface PrivateRentalOutcome {
  privateRentalWorkflowId: string;
  outcome: 'new_private_lease' | 'own_home' | 'municipal_dwelling' | 'other' | 'municipal_process';
  date: string;
}
