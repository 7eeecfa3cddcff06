import { and, eq, gte, isNull } from 'drizzle-orm';
import type { Request } from 'express';
import type { Database } from '../../db/client';
import { caseDelegations, caseDelegationUses } from '../../db/schema-auth';
import { osloDate } from '../../domain/calendar';
import type { Actor } from '../../domain/roles';
import { worksIn } from '../auth';

/**
 * Need-to-know widened by a delegation: a colleague given access to this case by the housing office,
 * until the delegation's last day (Oslo date) or its revocation. Every use is recorded with the route
 * and request, besides the route's own audit row.
 */
export async function usesDelegation(db: Database, req: Request, actor: Actor, row: { caseId: string; municipality: string }): Promise<boolean> {
  if (!worksIn(actor, row.municipality)) return false;
  const [delegation] = await db
    .select({ id: caseDelegations.id })
    .from(caseDelegations)
    .where(
      and(
        eq(caseDelegations.granteeId, actor.id),
        eq(caseDelegations.caseId, row.caseId),
        eq(caseDelegations.municipality, row.municipality),
        isNull(caseDelegations.revokedAt),
        gte(caseDelegations.validUntil, osloDate(Date.now())),
      ),
    )
    .limit(1);
  if (!delegation) return false;
  await db.insert(caseDelegationUses).values({
    delegationId: delegation.id,
    caseId: row.caseId,
    actorId: actor.id,
    route: `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`,
    requestId: String(req.res?.getHeader('x-request-id') ?? ''),
  });
  return true;
}
