import { IdempotencyKey } from '../domain/schemas/common';
import type { Request } from 'express';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { tenancies } from '../db/schema';
import { coLocatedUnitDwellings, coLocatedUnitStaff } from '../db/schema-access';
import { CASE_ID_PATTERN } from '../domain/ids';
import type { Actor, Role } from '../domain/roles';
import { audit } from './audit';
import { usesDelegation } from './auth/delegations';
import { canAccessCase, worksIn } from './auth';
import { HttpError } from './errors';

/** Every write a client may resend carries its own key, so a resend returns the first answer. */
export const IdempotencyHeaders = z.object({ 'Idempotency-Key': IdempotencyKey });

export const CaseParams = z.object({ caseId: z.string().regex(CASE_ID_PATTERN, 'må være et saksnummer som TYN-2026-7KX3QF') });

export type CaseRow = typeof tenancies.$inferSelect;

/** The roles whose access to cases follows the co-located housing (bofellesskap) they work in. */
export const CO_LOCATED_ROLES: readonly Role[] = ['department_head', 'administrative_officer'];

export const hasCoLocatedRole = (actor: Actor): boolean => actor.roles.some((r) => CO_LOCATED_ROLES.includes(r));

/**
 * The dwellings of the co-located units this person works in, as a subquery. Only active cases are
 * theirs to see: once a tenant has moved out the unit's staff no longer need the case.
 */
export function unitCaseFilter(db: Database, actor: Actor): SQL {
  const dwellingsOfActor = db
    .select({ dwellingId: coLocatedUnitDwellings.dwellingId })
    .from(coLocatedUnitDwellings)
    .innerJoin(
      coLocatedUnitStaff,
      and(eq(coLocatedUnitStaff.municipality, coLocatedUnitDwellings.municipality), eq(coLocatedUnitStaff.unitId, coLocatedUnitDwellings.unitId)),
    )
    .where(and(eq(coLocatedUnitStaff.actorId, actor.id), eq(coLocatedUnitStaff.municipality, tenancies.municipality)));
  return and(eq(tenancies.status, 'active'), inArray(tenancies.dwellingId, dwellingsOfActor))!;
}

/** Whether this person works in the co-located unit that the case's dwelling belongs to. */
export async function worksInUnitOf(db: Database, actor: Actor, row: CaseRow): Promise<boolean> {
  if (!hasCoLocatedRole(actor) || !worksIn(actor, row.municipality)) return false;
  const [hit] = await db
    .select({ caseId: tenancies.caseId })
    .from(tenancies)
    .where(and(eq(tenancies.caseId, row.caseId), unitCaseFilter(db, actor)));
  return !!hit;
}

/**
 * The case from the read model, if this person may see it: 404 when there is none (or it is another
 * municipality's), and a refusal that is audit-logged before the 403. `mayAlso` widens need-to-know
 * for one route (a form filing a report, the co-located unit's staff acting on an incident); a
 * delegation from the housing office widens it for one colleague and one case (recorded per use).
 */
export async function loadAccessibleCase(
  db: Database,
  req: Request,
  actor: Actor,
  caseId: string,
  mayAlso?: (row: CaseRow) => boolean | Promise<boolean>,
): Promise<CaseRow> {
  const [row] = await db.select().from(tenancies).where(eq(tenancies.caseId, caseId));
  if (!row) throw new HttpError(404, 'Fant ikke saken.');
  // Another municipality's case answers as an unknown one would: a 403 would confirm that the case exists.
  if (!worksIn(actor, row.municipality)) {
    await audit(db, req, 'denied', row.caseId, 404);
    throw new HttpError(404, 'Fant ikke saken.');
  }
  if (!canAccessCase(actor, row) && !(await mayAlso?.(row)) && !(await usesDelegation(db, req, actor, row))) {
    await audit(db, req, 'denied', row.caseId, 403);
    throw new HttpError(403, 'Du har ikke tilgang til denne saken.');
  }
  return row;
}
