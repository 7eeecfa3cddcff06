import type { TenancyState } from './tenancy/state';

/**
 * The dwelling a case is about: the current lease's, or before a lease the accepted offer's.
 * Co-located staff see a case because of this dwelling, so it is kept in the read model.
 */
export function caseDwellingId(state: Pick<TenancyState, 'leases' | 'offers'>): string | null {
  return state.leases?.at(-1)?.dwellingId ?? state.offers?.findLast((o) => o.answer === 'accepted')?.dwelling.id ?? null;
}
