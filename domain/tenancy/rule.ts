import type { IsoDate } from '../calendar';
import type { Actor, Role } from '../roles';
import type { TenancyState } from './state';

export interface ActionContext {
  now: number;
  today: IsoDate;
  actor: Actor;
}

/**
 * One staff action: who may take it, when it is allowed (a plain Norwegian reason when not), and
 * what it does. `apply` runs only after `reject` returned undefined, inside one workflow task.
 */
export interface ActionRule<P> {
  roles: Role[];
  reject(state: TenancyState, payload: P, ctx: ActionContext): string | undefined;
  /** Returns the message shown to the person who acted. */
  apply(state: TenancyState, payload: P, ctx: ActionContext): string;
}

export const inPhase = (state: TenancyState, ...phases: TenancyState['phase'][]) => phases.includes(state.phase);
