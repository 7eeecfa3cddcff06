import { IdempotencyKey } from '../domain/application';
import type { Request } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { tenancies } from '../db/schema';
import { CASE_ID_PATTERN } from '../domain/ids';
import type { Actor } from '../domain/roles';
import { audit } from './audit';
import { canAccessCase, worksIn } from './auth';
import { HttpError } from './errors';

/** Every write a client may resend carries its own key, so a resend returns the first answer. */
export const IdempotencyHeaders = z.object({ 'Idempotency-Key': IdempotencyKey });

export const CaseParams = z.object({ caseId: z.string().regex(CASE_ID_PATTERN, 'må være et saksnummer som TYN-2026-7KX3QF') });

export type CaseRow = typeof tenancies.$inferSelect;

/**
 * The case from the read model, if this person may see it: 404 when there is none (or it is another
 * municipality's), and a refusal
 * that is audit-logged before the 403. `mayAlso` widens need-to-know for one route (a form filing a report).
 */
export async function loadAccessibleCase(db: Database, req: Request, actor: Actor, caseId: string, mayAlso?: (row: CaseRow) => boolean): Promise<CaseRow> {
  const [row] = await db.select().from(tenancies).where(eq(tenancies.caseId, caseId));
  if (!row) throw new HttpError(404, 'Fant ikke saken.');
  // Another municipality's case answers as an unknown one would: a 403 would confirm that the case exists.
  if (!worksIn(actor, row.municipality)) {
    await audit(db, req, 'denied', row.caseId, 404);
    throw new HttpError(404, 'Fant ikke saken.');
  }
  if (!canAccessCase(actor, row) && !mayAlso?.(row)) {
    await audit(db, req, 'denied', row.caseId, 403);
    throw new HttpError(403, 'Du har ikke tilgang til denne saken.');
  }
  return row;
}
