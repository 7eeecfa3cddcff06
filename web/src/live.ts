import { tenancyTaskIsManual } from '../../domain/task-closers';
import type { components, paths } from './api/schema';

export type { paths };

export type CaseResponse = paths['/api/tenancies/{caseId}']['get']['responses'][200]['content']['application/json'];
export type TaskRow = paths['/api/tasks']['get']['responses'][200]['content']['application/json']['tasks'][number];
export type CaseAction = paths['/api/tenancies/{caseId}/actions']['post']['requestBody']['content']['application/json'];
export type IncidentReport = paths['/api/tenancies/{caseId}/incidents']['post']['requestBody']['content']['application/json'];
export type Situation = IncidentReport['situation'];
export type Dwelling = paths['/api/dwellings']['get']['responses'][200]['content']['application/json'] extends { dwellings: Array<infer D> } ? D : never;
// Unused import guard: components is referenced so the generated file's export stays checked.
export type _Components = components;

/**
 * The parts of the workflow's live state (`live`, typed only as an object in the OpenAPI document)
 * the case page reads. Every field is optional and read defensively: a case whose workflow does not
 * answer shows the read model only.
 */
export interface LiveTask {
  id: string;
  kind: string;
  title: string;
  role: string;
  assigneeId?: string;
  dueDate: string;
  overdue?: boolean;
}
/** An individual decision (enkeltvedtak, domain/tenancy/decisions.ts) and its appeal, as far as it has come. */
export interface LiveDecision {
  id: string;
  subject: string;
  outcome: string;
  date: string;
  decision: string;
  appealDeadline: string;
  appeal?: {
    receivedDate: string;
    review?: { outcome: 'reversed' | 'forwarded'; date: string };
    final?: { outcome: 'upheld' | 'reversed'; date: string };
  };
}
export interface LiveCase {
  municipality?: string;
  phase?: string;
  phaseLabel?: string;
  status?: string;
  interviews?: unknown[];
  decision?: { outcome: 'approved' | 'rejected'; date: string };
  offers?: Array<{ seq: number; dwelling: { id: string; address?: string; rooms?: number }; offeredDate: string; warnings: string[]; answer?: 'accepted' | 'declined' }>;
  monthlyRentOre?: number;
  leases?: Array<{ startDate: string; endDate: string; depositOre?: number }>;
  houseRules?: { language: string; reviewedDate: string };
  policy?: { checklistItems?: Array<{ id: string; label: string }> };
  checklist?: { items: Array<{ id: string; label: string; confirmedDate?: string }>; signedDate?: string };
  housingAllowance?: { status: string };
  followUpNeeded?: boolean;
  followUpWorkerId?: string;
  moveInDate?: string;
  followUp?: { status: 'active' | 'declined' | 'ended' | 'none'; visits: Array<{ date: string; outcome: string }> };
  agreements?: Array<{ version: number; status: 'draft' | 'active' | 'superseded'; followUpWorkerId: string; signatures: Partial<Record<AgreementParty, string>>; rows: Array<{ key: Situation; situation: string; measures: Array<{ text: string; responsible: string[]; assessment?: boolean }> }> }>;
  cautionFlag?: { since: string; incidentId: string };
  incidents?: Array<{ incidentId: string; situation: string; status: string }>;
  ending?: { givenBy: string; noticeDate: string; moveOutDate: string; inspection?: { date: string; damagesOre: number }; settlement?: { date: string } };
  waitingFor?: { tasks: LiveTask[]; timers: Array<{ at: string; reason: string }> };
  consent?: { status: 'given' | 'withdrawn'; scope: string[]; date: string; validUntil?: string; withdrawnDate?: string };
  legalBasis?: { basis: string; date: string };
  individualDecisions?: LiveDecision[];
  payment?: { method: string; date: string; authorisation?: { grantedTo: 'nav' | 'employer'; signedDate: string; validUntil?: string; withdrawnDate?: string } };
}

export const asLive = (live: CaseResponse['live']): LiveCase | null => (live && typeof live === 'object' ? (live as LiveCase) : null);


export type AgreementParty = 'tenant' | 'follow_up_worker' | 'housing_officer';

export type FormKind =
  | 'recordVisit'
  | 'reportIncident'
  | 'completeTask'
  | 'recordInterview'
  | 'recordDecision'
  | 'offerDwelling'
  | 'answerOffer'
  | 'signLease'
  | 'reviewHouseRules'
  | 'checklist'
  | 'recordHousingAllowance'
  | 'createAgreement'
  | 'signAgreement'
  | 'recordMoveIn'
  | 'giveNotice'
  | 'recordMoveOutInspection'
  | 'settleDeposit';

export const draftAgreement = (live: LiveCase | null) => live?.agreements?.find((a) => a.status === 'draft');
export const activeAgreement = (live: LiveCase | null) => live?.agreements?.find((a) => a.status === 'active');

/** The parties this person may sign for on the draft agreement (the follow-up worker only for themselves). */
export function signableParties(live: LiveCase | null, roles: string[], userId: string): AgreementParty[] {
  const draft = draftAgreement(live);
  if (!draft) return [];
  const admin = roles.includes('admin');
  const parties: AgreementParty[] = [];
  if (admin || roles.includes('housing_officer')) parties.push('tenant', 'housing_officer');
  if (admin || (roles.includes('follow_up_worker') && draft.followUpWorkerId === userId)) parties.push('follow_up_worker');
  return parties.filter((p) => !draft.signatures[p]);
}

/**
 * Which forms the case offers this person now, from the live state: the same conditions the
 * workflow's validators check first, so a form is not offered only to be refused. The workflow
 * still decides; a refusal shows its own reason.
 */
export function offeredForms(live: LiveCase | null, roles: string[], userId = ''): FormKind[] {
  if (!live || live.status === 'closed') return [];
  const is = (...r: string[]) => roles.some((x) => x === 'admin' || r.includes(x));
  const forms: FormKind[] = [];
  const pendingOffer = live.offers?.some((o) => !o.answer);
  if (live.phase === 'application' && is('housing_officer')) {
    forms.push('recordInterview');
    if ((live.interviews?.length ?? 0) > 0) forms.push('recordDecision');
  }
  if (live.phase === 'allocation' && is('housing_officer')) forms.push(pendingOffer ? 'answerOffer' : 'offerDwelling');
  if (live.phase === 'lease' && is('housing_officer')) {
    if (!live.leases?.length) forms.push('signLease');
    if (!live.houseRules) forms.push('reviewHouseRules');
    if (!live.checklist?.signedDate) forms.push('checklist');
    if (!live.housingAllowance) forms.push('recordHousingAllowance');
    if (!draftAgreement(live) && !activeAgreement(live)) forms.push('createAgreement');
  }
  if (live.phase === 'lease' && signableParties(live, roles, userId).length > 0) forms.push('signAgreement');
  const ready = live.leases?.length && live.houseRules && live.checklist?.signedDate && (live.followUpNeeded === false || activeAgreement(live));
  if (live.phase === 'lease' && is('housing_officer') && ready) forms.push('recordMoveIn');
  if (live.phase === 'follow_up' && live.followUp?.status === 'active' && is('follow_up_worker')) forms.push('recordVisit');
  if (live.phase === 'follow_up' && is('housing_officer')) {
    if (!live.ending) forms.push('giveNotice');
    else if (!live.ending.inspection) forms.push('recordMoveOutInspection');
    else if (!live.ending.settlement) forms.push('settleDeposit');
  }
  if (live.phase === 'follow_up' && is('follow_up_worker', 'housing_officer', 'housing_office')) forms.push('reportIncident');
  if (completableTasks(live, roles).length > 0) forms.push('completeTask');
  return forms;
}

export function completableTasks(live: LiveCase | null, roles: string[]): LiveTask[] {
  return (live?.waitingFor?.tasks ?? []).filter((t) => tenancyTaskIsManual(t.kind) && (roles.includes(t.role) || roles.includes('admin')));
}

export type ArrangementFormKind = 'recordConsent' | 'withdrawConsent' | 'recordLegalBasis' | 'recordPaymentArrangement' | 'withdrawPaymentAuthorisation';

/**
 * The consent, legal-basis and payment forms this person may use on the case now (domain/tenancy/
 * arrangements.ts): any phase of an active case except private rental, each for the roles its rule
 * names; a withdrawal only when there is something in force to withdraw. Kept apart from
 * `offeredForms` because they do not move the case along: the page shows them in their own section.
 */
export function offeredArrangementForms(live: LiveCase | null, roles: string[]): ArrangementFormKind[] {
  if (!live || live.status === 'closed' || live.phase === 'private_rental') return [];
  const is = (...r: string[]) => roles.some((x) => x === 'admin' || r.includes(x));
  const forms: ArrangementFormKind[] = [];
  if (is('housing_officer', 'housing_office', 'follow_up_worker')) {
    forms.push('recordConsent');
    if (live.consent?.status === 'given') forms.push('withdrawConsent');
  }
  if (is('housing_officer', 'housing_office')) forms.push('recordLegalBasis');
  if (is('housing_officer', 'housing_office', 'follow_up_worker')) {
    forms.push('recordPaymentArrangement');
    if (live.payment?.authorisation && !live.payment.authorisation.withdrawnDate) forms.push('withdrawPaymentAuthorisation');
  }
  return forms;
}

/** Where an appeal stands: the next step the housing office records, or none. */
export function appealStage(d: LiveDecision): 'register' | 'review' | 'appeal_body' | undefined {
  if (!d.appeal) return d.outcome === 'approved' ? undefined : 'register';
  if (!d.appeal.review) return 'review';
  if (d.appeal.review.outcome === 'forwarded' && !d.appeal.final) return 'appeal_body';
  return undefined;
}

/**
 * The appeal steps this person may record on the case's decisions now (the rules in
 * domain/tenancy/decisions.ts: the housing office's roles; an approval is not appealed, so it is
 * not offered). One entry per decision that can take a step.
 */
export function offeredAppealForms(live: LiveCase | null, roles: string[]): Array<{ decision: LiveDecision; form: 'registerAppeal' | 'decideAppeal' }> {
  if (!live || live.status === 'closed' || live.phase === 'private_rental') return [];
  if (!roles.some((r) => r === 'admin' || r === 'housing_officer' || r === 'housing_office')) return [];
  return (live.individualDecisions ?? []).flatMap((decision) => {
    const stage = appealStage(decision);
    if (!stage) return [];
    return [{ decision, form: stage === 'register' ? ('registerAppeal' as const) : ('decideAppeal' as const) }];
  });
}
