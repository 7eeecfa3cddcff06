import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { scopedKey, type IdempotencyScope } from '../domain/idempotency';
import { canonicalHash } from './canonical-hash';
import { HttpError } from './errors';

export const KEY_USED_FOR_OTHER_CONTENT =
  'Denne idempotensnøkkelen er allerede brukt for en annen handling med annet innhold. Lag en ny nøkkel for en ny handling.';

/**
 * Claims a client's idempotency key for one kind of write before the write happens, and returns the
 * key scoped to that kind (what the workflow remembers and Temporal dedupes on). The first use records
 * a hash of the target and body; a resend with the same content passes (and gets the first answer
 * from the workflow or ledger), while the same key with other content is refused with 422: answering
 * it with the first result would tell the sender that something was done which was not.
 */
export async function claimIdempotencyKey(
  db: Database,
  claim: { scope: IdempotencyScope; key: string; target: string; content: unknown; actorId: string },
): Promise<string> {
  const requestHash = canonicalHash({ target: claim.target, content: claim.content });
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ scope: claim.scope, key: claim.key, requestHash, target: claim.target, actorId: claim.actorId })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [first] = await db
      .select({ requestHash: idempotencyKeys.requestHash })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)));
    if (first && first.requestHash !== requestHash) throw new HttpError(422, KEY_USED_FOR_OTHER_CONTENT);
  }
  return scopedKey(claim.scope, claim.key);
}
