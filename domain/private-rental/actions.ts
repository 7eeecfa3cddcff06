import { osloDate } from '../calendar';
import type { Actor } from '../roles';
import type { PrivateRentalActionPayload } from '../schemas/private-rental';
import { searchRules } from './phase-search';
import { taskRules } from './phase-tasks';
import { tenancyRules } from './phase-tenancy';
import type { PrivateRentalActionType, PrivateRentalRule, RuleMap } from './rule';
import { rememberResult, type PrivateRentalState } from './state';

export type { PrivateRentalActionPayload } from '../schemas/private-rental';

const RULES: RuleMap = { ...searchRules, ...tenancyRules, ...taskRules };

export const PRIVATE_RENTAL_ACTION_TYPES = Object.keys(RULES) as PrivateRentalActionType[];

/** What the API sends to the workflow: the payload plus who acts and the (scoped) idempotency key. */
export interface PrivateRentalAction {
  idempotencyKey: string;
  actor: Actor;
  payload: PrivateRentalActionPayload;
}

export interface PrivateRentalActionResult {
  accepted: true;
  type: PrivateRentalActionType;
  version: number;
  message: string;
}

const ruleFor = (type: PrivateRentalActionType) => RULES[type] as PrivateRentalRule<unknown> | undefined;
const withoutType = ({ type: _t, ...rest }: PrivateRentalActionPayload) => rest;

/** A plain Norwegian reason when the action may not be applied now; undefined when it may. */
export function rejectPrivateRentalAction(state: PrivateRentalState, action: PrivateRentalAction, now: number): string | undefined {
  const rule = ruleFor(action.payload.type);
  if (!rule) return 'Ukjent handling.';
  if (!action.actor.roles.some((r) => r === 'admin' || rule.roles.includes(r))) return 'Du har ikke en rolle som kan utføre denne handlingen i saken.';
  if (state.status === 'closed') return 'Saken er avsluttet og kan ikke endres.';
  return rule.reject(state, withoutType(action.payload), { now, today: osloDate(now), actor: action.actor });
}

/** Applies an action `rejectPrivateRentalAction` accepted. Pure apart from mutating `state`. */
export function applyPrivateRentalAction(state: PrivateRentalState, action: PrivateRentalAction, now: number): PrivateRentalActionResult {
  const message = ruleFor(action.payload.type)!.apply(state, withoutType(action.payload), { now, today: osloDate(now), actor: action.actor });
  const result: PrivateRentalActionResult = { accepted: true, type: action.payload.type, version: state.version, message };
  rememberResult(state, action.idempotencyKey, result);
  return result;
}
