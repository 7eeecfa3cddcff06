import { z } from 'zod';
import { isoDate } from '../application';
import { deadline, osloDate } from '../calendar';
import type { Actor, Role } from '../roles';
import { addEvent, closeTask, openTask, rememberResult, type TenancyState } from './state';

/**
 * Staff actions on a tenancy. The API validates the shape with these schemas; the workflow's
 * update validator checks that the action is allowed now (`rejectReason`) before anything changes.
 */
const MappingInterviewPayload = z.object({
  date: isoDate,
  hasPropertyOrCapital: z.boolean(),
  couldRentPrivatelyWithSupport: z.boolean(),
  couldBuyWithStartUpLoan: z.boolean(),
  roomsNeeded: z.int().min(1).max(10),
  childrenInHousehold: z.int().min(0).max(20),
  ableToLiveIndependently: z.boolean(),
  needsHousingGuidance: z.boolean(),
  rentPaymentArrangement: z.boolean(),
  notes: z.string().max(4000).optional(),
});

export const CaseActionPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('recordInterview'), interview: MappingInterviewPayload }),
  z.object({ type: z.literal('withdrawApplication'), reason: z.string().trim().min(3).max(1000) }),
]);
export type CaseActionPayload = z.infer<typeof CaseActionPayload>;
export type CaseActionType = CaseActionPayload['type'];

/** What the API sends to the workflow: the payload plus who acts and the idempotency key. */
export interface CaseAction {
  idempotencyKey: string;
  actor: Actor;
  payload: CaseActionPayload;
}

export interface CaseActionResult {
  accepted: true;
  type: CaseActionType;
  version: number;
  message: string;
}

const ALLOWED_ROLES: Record<CaseActionType, Role[]> = {
  recordInterview: ['housing_officer', 'admin'],
  withdrawApplication: ['housing_officer', 'admin'],
};

/** Returns a plain Norwegian reason when the action may not be applied now, else undefined. */
export function rejectReason(state: TenancyState, action: CaseAction): string | undefined {
  const { payload, actor } = action;
  if (!actor.roles.some((r) => ALLOWED_ROLES[payload.type].includes(r))) {
    return 'Du har ikke en rolle som kan utføre denne handlingen i saken.';
  }
  if (state.status === 'closed') return 'Saken er avsluttet og kan ikke endres.';
  switch (payload.type) {
    case 'recordInterview':
      if (state.phase !== 'application') return 'Kartleggingssamtale kan bare registreres før vedtak er fattet.';
      return undefined;
    case 'withdrawApplication':
      if (state.phase !== 'application' && state.phase !== 'allocation') {
        return 'Søknaden kan ikke trekkes etter at leiekontrakten er inngått.';
      }
      return undefined;
  }
}

/** Applies an action that `rejectReason` accepted. Pure apart from mutating `state`. */
export function applyAction(state: TenancyState, action: CaseAction, now: number): CaseActionResult {
  const { payload, actor } = action;
  let message: string;
  switch (payload.type) {
    case 'recordInterview': {
      state.interviews.push({ ...payload.interview, interviewerId: actor.id });
      closeTask(state, 'mapping-interview');
      openTask(state, now, {
        id: 'decision',
        kind: 'decision',
        title: 'Fatt vedtak om kommunal bolig',
        role: 'housing_officer',
        assigneeId: state.housingOfficerId ?? actor.id,
        dueDate: deadline(osloDate(now), { weeks: 3 }),
      });
      message = `Kartleggingssamtale nr. ${state.interviews.length} er registrert.`;
      addEvent(state, now, { kind: 'interview_recorded', actorId: actor.id, summary: message });
      break;
    }
    case 'withdrawApplication': {
      state.status = 'closed';
      state.phase = 'closed';
      state.closedReason = 'withdrawn';
      state.tasks = [];
      message = 'Søknaden er trukket og saken er avsluttet.';
      addEvent(state, now, { kind: 'case_closed', actorId: actor.id, summary: message, data: { reason: payload.reason } });
      break;
    }
  }
  const result: CaseActionResult = { accepted: true, type: payload.type, version: state.version, message };
  rememberResult(state, action.idempotencyKey, result);
  return result;
}
