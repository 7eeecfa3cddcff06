import type { CaseActionPayload } from '../schemas/case-actions';
import { osloDate } from '../calendar';
import type { Actor } from '../roles';
import { allocationRules } from './phase-allocation';
import { arrangementRules } from './arrangements';
import { followUpRules } from './phase-follow-up';
import { moveInRules } from './phase-move-in';
import { committeeRules } from './phase-committee';
import { appealRules } from './decisions';
import { rentRules } from './phase-rent';
import type { ActionRule } from './rule';
import { rememberResult, type TenancyState } from './state';

export type { CaseActionPayload } from '../schemas/case-actions';
export type CaseActionType = CaseActionPayload['type'];

const RULES = { ...allocationRules, ...moveInRules, ...followUpRules, ...rentRules, ...committeeRules, ...arrangementRules, ...appealRules } as { [T in CaseActionType]: ActionRule<Extract<CaseActionPayload, { type: T }>> };

export const CASE_ACTION_TYPES = Object.keys(RULES) as CaseActionType[];

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

function ruleFor(type: CaseActionType): ActionRule<CaseActionPayload> {
  return RULES[type] as ActionRule<CaseActionPayload>;
}

/** Returns a plain Norwegian reason when the action may not be applied now, else undefined. */
export function rejectReason(state: TenancyState, action: CaseAction, now: number): string | undefined {
  const rule = ruleFor(action.payload.type);
  if (!rule) return 'Ukjent handling.';
  const { actor } = action;
  if (!actor.roles.some((r) => r === 'admin' || rule.roles.includes(r))) {
    return 'Du har ikke en rolle som kan utføre denne handlingen i saken.';
  }
  if (state.status === 'closed') return 'Saken er avsluttet og kan ikke endres.';
  if (state.phase === 'private_rental' && action.payload.type !== 'applyCommitteeDecision') {
    return 'Saken følges nå i prosessen for hjelp til å leie privat. Bruk handlingene der, eller send saken tilbake til den kommunale prosessen.';
  }
  return rule.reject(state, action.payload, { now, today: osloDate(now), actor });
}

/** Applies an action that `rejectReason` accepted. Pure apart from mutating `state`. */
export function applyAction(state: TenancyState, action: CaseAction, now: number): CaseActionResult {
  const message = ruleFor(action.payload.type).apply(state, action.payload, { now, today: osloDate(now), actor: action.actor });
  const result: CaseActionResult = { accepted: true, type: action.payload.type, version: state.version, message };
  rememberResult(state, action.idempotencyKey, result);
  return result;
}
