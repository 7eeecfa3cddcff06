/**
 * Idempotency keys are the client's, but each kind of write has its own key space: a case action and
 * an incident report on the same case may carry the same client key and must never be taken for one
 * another. The workflow remembers results, and Temporal dedupes updates, under the scoped key.
 */
export const IDEMPOTENCY_SCOPES = ['case-action', 'incident-report', 'incident-action', 'committee-action', 'rent-adjustment', 'private-rental-action', 'landlord-report'] as const;
export type IdempotencyScope = (typeof IDEMPOTENCY_SCOPES)[number];

/**
 * `/` never occurs in a client key (IdempotencyKey allows `A-Za-z0-9._:-`) nor in the keys the system
 * makes itself (`committee:{id}:{meeting}:{item}`), so a scoped key cannot equal any key used before.
 */
export function scopedKey(scope: IdempotencyScope, key: string): string {
  return `${scope}/${key}`;
}

/**
 * The key a request carried before keys were scoped: results remembered under it by a running
 * workflow must still answer a resend. Undefined for a key that was never scoped.
 */
export function unscopedKey(key: string): string | undefined {
  const slash = key.indexOf('/');
  return slash < 0 ? undefined : key.slice(slash + 1);
}
