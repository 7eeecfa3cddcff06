import type { IsoDate } from '../calendar';
import type { Actor, Role } from '../roles';
import type { PrivateRentalActionPayload } from '../schemas/private-rental';
import type { PrivateRentalState } from './state';

export interface RuleContext {
  now: number;
  today: IsoDate;
  actor: Actor;
}

/** One staff action on a private-rental case: who may take it, when (a plain Norwegian reason when not), what it does. */
export interface PrivateRentalRule<P> {
  roles: Role[];
  reject(state: PrivateRentalState, payload: P, ctx: RuleContext): string | undefined;
  /** Runs only after `reject` returned undefined; returns the message shown to the person who acted. */
  apply(state: PrivateRentalState, payload: P, ctx: RuleContext): string;
}

export type PrivateRentalActionType = PrivateRentalActionPayload['type'];
export type RuleMap = { [T in PrivateRentalActionType]: PrivateRentalRule<Omit<Extract<PrivateRentalActionPayload, { type: T }>, 'type'>> };
