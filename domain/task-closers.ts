import type { PrivateRentalActionType } from './private-rental/rule';
import type { Role } from './roles';
import type { CaseActionType } from './tenancy/actions';
import type { CaseEvent, Task } from './tenancy/state';

/**
 * How each kind of task gets done (issue 11, «Steps nobody can finish»): every task a case can open
 * has a way for a person to finish it, or it fills every agenda as overdue until the case closes.
 *
 * - `manual`: "done, with a note" by the task's role (the `completeTask` action). For tasks that ask
 *   someone to do something outside Botrygg, where there is no better record to make.
 * - `actions`: the specific actions whose own record closes the task (a meeting recorded with its
 *   outcome, a letter recorded as posted, a decision). A task with such an action is not ticked off,
 *   because the record is what the rest of the case depends on.
 * - `automatic`: what also closes it without anyone acting (a timer, a payment), for the reader only.
 *
 * Closing the case (withdrawal, rejection, settlement) clears every task and is not listed.
 * test/unit/task-closers.test.ts checks that every kind the processes open is here with a closer.
 */
export interface TaskCloser<A extends string> {
  manual?: true;
  actions?: readonly A[];
  automatic?: string;
}

export const TENANCY_TASK_CLOSERS = {
  // Tildeling og innflytting.
  mapping_interview: { actions: ['recordInterview'] },
  decision: { actions: ['recordDecision'] },
  offer_dwelling: { actions: ['offerDwelling'] },
  offer_answer: { actions: ['answerOffer'] },
  sign_lease: { actions: ['signLease'] },
  house_rules: { actions: ['reviewHouseRules'] },
  move_in_checklist: { actions: ['signChecklist'] },
  housing_allowance: { actions: ['recordHousingAllowance'] },
  follow_up_agreement: { actions: ['signAgreement', 'declareNoFollowUp'] },
  sign_agreement: { actions: ['signAgreement', 'declareNoFollowUp'] },
  // Oppfølging.
  revise_agreement: { actions: ['createAgreement', 'endFollowUp'] },
  renew_agreement: { actions: ['createAgreement', 'endFollowUp'] },
  agreement_evaluation: { actions: ['recordEvaluation', 'endFollowUp', 'giveNotice', 'decideRenewal'] },
  agreement_lapsed: { actions: ['signAgreement', 'declineFollowUp', 'endFollowUp', 'giveNotice', 'decideRenewal'] },
  renewal_assessment: { actions: ['decideRenewal', 'giveNotice'], automatic: 'the lease became open-ended' },
  lease_expired: { actions: ['signLease', 'decideRenewal', 'giveNotice'], automatic: 'the lease became open-ended three months after its end' },
  ownership_dialogue: { actions: ['recordOwnershipDialogue', 'giveNotice', 'decideRenewal'] },
  start_up_loan_assessment: { manual: true },
  follow_up_declined: { manual: true, actions: ['decideAppeal'] },
  missed_visit: { manual: true, actions: ['declineFollowUp', 'endFollowUp'] },
  appeal_review: { actions: ['decideAppeal'] },
  appeal_awaiting: { actions: ['decideAppeal'] },
  move_out_inspection: { actions: ['recordMoveOutInspection'] },
  settle_deposit: { actions: ['settleDeposit'] },
  // Brev: a letter the template could not make (letter_not_made), or one to post by hand.
  send_letter: { manual: true },
  // Boligutvalget.
  committee_decision: { manual: true },
  // Both the rent ladder's item (closed by the committee's decision too) and repeated neighbour
  // complaints, which had no closer: bringing the case to the committee is done outside Botrygg.
  // The ladder still files no eviction request before the decision is recorded.
  committee_item: { manual: true, actions: ['recordCommitteeDecision'] },
  // Husleie.
  rent_follow_up: { manual: true, actions: ['agreePaymentPlan'], automatic: 'the arrears are paid' },
  rent_three_party_meeting: { manual: true, automatic: 'the arrears are paid' },
  rent_nav_contact: { manual: true, automatic: 'the arrears are paid' },
  rent_warning_letter: { actions: ['recordWarningLetterPosted'], automatic: 'the arrears are paid' },
  rent_eviction_request: { actions: ['fileEvictionRequest'], automatic: 'the arrears are paid' },
  allowance_missing: { manual: true, actions: ['recordHousingAllowance'], automatic: 'the allowance arrives' },
} as const satisfies Record<string, TaskCloser<CaseActionType>>;

export const PRIVATE_RENTAL_TASK_CLOSERS = {
  pr_mapping: { actions: ['recordMapping'] },
  pr_planning_meeting: { actions: ['holdPlanningMeeting'] },
  pr_revise_plan: { actions: ['revisePlan', 'chooseDwelling'] },
  pr_rental_approval: { actions: ['recordRentalApproval', 'abandonDwelling'] },
  pr_lease_check: { actions: ['checkLease', 'abandonDwelling'] },
  pr_security: { actions: ['recordSecurity', 'abandonDwelling'] },
  pr_takeover: { actions: ['recordTakeover'] },
  pr_move_in: { actions: ['recordMoveIn'] },
  pr_first_contact: { actions: ['recordContact', 'recordMoveOut'] },
  pr_plan_contact: { actions: ['recordContact', 'recordMoveOut'] },
  // Guiding the tenant about a landlord's invalid notice, and following up a landlord's report,
  // happen outside Botrygg; neither had a closer before.
  pr_invalid_notice: { manual: true },
  pr_landlord_report: { manual: true },
  pr_move_out: { actions: ['recordMoveOut'] },
  pr_deposit: { actions: ['settleDeposit'] },
  pr_claim_decision: { actions: ['decideGuaranteeClaim'] },
  pr_committee_return: { actions: ['returnToMunicipalProcess'] },
} as const satisfies Record<string, TaskCloser<PrivateRentalActionType>>;

export type TenancyTaskKind = keyof typeof TENANCY_TASK_CLOSERS;
export type PrivateRentalTaskKind = keyof typeof PRIVATE_RENTAL_TASK_CLOSERS;

const manualKinds = (table: Record<string, TaskCloser<string>>) => new Set(Object.keys(table).filter((k) => table[k]!.manual));
const TENANCY_MANUAL = manualKinds(TENANCY_TASK_CLOSERS);
const PRIVATE_RENTAL_MANUAL = manualKinds(PRIVATE_RENTAL_TASK_CLOSERS);

/** Whether a tenancy task of this kind may be ticked off with a note (`completeTask`). */
export const tenancyTaskIsManual = (kind: string): boolean => TENANCY_MANUAL.has(kind);

/** Whether a private-rental task of this kind may be ticked off with a note (`completeTask`). */
export const privateRentalTaskIsManual = (kind: string): boolean => PRIVATE_RENTAL_MANUAL.has(kind);

/**
 * The `completeTask` rule every case kind shares: why this actor may not tick off this task, or
 * undefined. `isManual` is the case kind's table above.
 */
export function refuseTaskCompletion(
  tasks: readonly Pick<Task, 'id' | 'kind' | 'role'>[],
  taskId: string,
  isManual: (kind: string) => boolean,
  actorRoles: readonly Role[],
): string | undefined {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return 'Oppgaven finnes ikke eller er allerede utført.';
  if (!isManual(task.kind)) return 'Denne oppgaven utføres med sin egen handling, ikke ved å krysse den av.';
  if (!actorRoles.includes(task.role) && !actorRoles.includes('admin')) return 'Oppgaven er tildelt en annen rolle.';
  return undefined;
}

/** Ticks a task off with its note as a `task_completed` event, through the case kind's own state helpers. */
export function completeTaskWithNote<S extends { tasks: readonly Pick<Task, 'id' | 'title'>[] }>(
  state: S,
  done: { taskId: string; note: string; now: number; actorId: string },
  helpers: { closeTask(state: S, id: string): void; addEvent(state: S, now: number, event: Omit<CaseEvent, 'seq' | 'at'>): void },
): string {
  const { taskId, note, now, actorId } = done;
  const task = state.tasks.find((t) => t.id === taskId)!;
  helpers.closeTask(state, taskId);
  const message = `Oppgaven «${task.title}» er utført.`;
  helpers.addEvent(state, now, { kind: 'task_completed', actorId, summary: message, data: { taskId, note } });
  return message;
}
