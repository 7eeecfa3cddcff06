import { and, count, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { caseDelegations, caseDelegationUses, staffDirectory } from '../../db/schema-auth';
import { addDays, isValidIsoDate, osloDate } from '../../domain/calendar';
import { audit } from '../audit';
import { CaseParams, IdempotencyHeaders, loadAccessibleCase } from '../case-access';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

/** Absence cover is for weeks, not for good: a longer need is a change of follow-up worker. */
const MAX_DAYS = 90;

const GrantBody = z.strictObject({
  granteeId: z.string().trim().min(1, 'mangler kollegaens bruker-ID').max(200, 'bruker-ID-en er for lang'),
  validUntil: z.string().refine(isValidIsoDate, 'må være en dato som 2027-03-31'),
  reason: z.string().trim().min(5, 'begrunnelsen må ha minst 5 tegn').max(500, 'begrunnelsen kan ha høyst 500 tegn'),
});

const Delegation = z.object({
  id: z.number(),
  caseId: z.string(),
  granteeId: z.string(),
  granteeName: z.string().nullable(),
  grantedBy: z.string(),
  reason: z.string(),
  validUntil: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  uses: z.number(),
});

const DelegationParams = CaseParams.extend({ delegationId: z.coerce.number().int().positive('må være et positivt heltall') });

async function listDelegations(db: Database, caseId: string): Promise<Array<z.infer<typeof Delegation>>> {
  const rows = await db
    .select({ d: caseDelegations, granteeName: staffDirectory.name })
    .from(caseDelegations)
    // A name only for a colleague in the case's municipality, as GET /api/staff gives: a grant to a
    // subject elsewhere (allowed, though it opens nothing) must not reveal who that person is.
    .leftJoin(staffDirectory, and(eq(staffDirectory.subject, caseDelegations.granteeId), eq(staffDirectory.municipality, caseDelegations.municipality)))
    .where(eq(caseDelegations.caseId, caseId))
    .orderBy(caseDelegations.id);
  const uses = await db
    .select({ delegationId: caseDelegationUses.delegationId, n: count() })
    .from(caseDelegationUses)
    .where(eq(caseDelegationUses.caseId, caseId))
    .groupBy(caseDelegationUses.delegationId);
  const usesBy = new Map(uses.map((u) => [u.delegationId, Number(u.n)]));
  return rows.map(({ d, granteeName }) => ({
    id: d.id,
    caseId: d.caseId,
    granteeId: d.granteeId,
    granteeName,
    grantedBy: d.grantedBy,
    reason: d.reason,
    validUntil: d.validUntil,
    createdAt: d.createdAt.toISOString(),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    uses: usesBy.get(d.id) ?? 0,
  }));
}

/**
 * Delegation (absence cover, break-glass): the housing office gives one colleague access to one case
 * until a date, with a reason. Granting and revoking are audited; every use is recorded (see
 * api/auth/delegations.ts) and counted here.
 */
export function registerDelegationRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'post',
      path: '/api/tenancies/:caseId/delegations',
      summary: 'Gi en kollega midlertidig tilgang til saken (fravær), med sluttdato og begrunnelse',
      tag: 'Innlogging',
      roles: ['housing_office'],
      params: CaseParams,
      headers: IdempotencyHeaders,
      body: GrantBody,
      responses: { 201: { description: 'Tilgangen er gitt', schema: Delegation }, 200: { description: 'Allerede gitt med samme nøkkel', schema: Delegation } },
    },
    async ({ req, actor, params, headers, body }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const today = osloDate(Date.now());
      if (body.validUntil < today) throw new HttpError(400, 'Sluttdatoen kan ikke være passert.');
      if (body.validUntil > addDays(today, MAX_DAYS)) throw new HttpError(400, `Tilgangen kan gis for høyst ${MAX_DAYS} dager om gangen.`);
      // Scoped to its kind and case: the same key elsewhere is another action.
      const key = `delegation:${row.caseId}:${headers['Idempotency-Key']}`;
      const [inserted] = await db
        .insert(caseDelegations)
        .values({ caseId: row.caseId, municipality: row.municipality, granteeId: body.granteeId, grantedBy: actor.id, reason: body.reason, validUntil: body.validUntil, idempotencyKey: key })
        .onConflictDoNothing({ target: caseDelegations.idempotencyKey })
        .returning({ id: caseDelegations.id });
      let id = inserted?.id;
      if (!id) {
        const [existing] = await db.select().from(caseDelegations).where(eq(caseDelegations.idempotencyKey, key));
        if (!existing || existing.granteeId !== body.granteeId || existing.validUntil !== body.validUntil || existing.reason !== body.reason) {
          throw new HttpError(409, 'Idempotency-Key er allerede brukt for en annen tilgang.');
        }
        id = existing.id;
      }
      await audit(db, req, 'write', row.caseId, inserted ? 201 : 200);
      const delegation = (await listDelegations(db, row.caseId)).find((d) => d.id === id)!;
      return { status: inserted ? 201 : 200, body: delegation };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/delegations',
      summary: 'Hvem som har fått midlertidig tilgang til saken, til når, hvorfor, og hvor mange ganger den er brukt',
      tag: 'Innlogging',
      roles: ['housing_office'],
      params: CaseParams,
      responses: { 200: { description: 'Delegeringene', schema: z.object({ delegations: z.array(Delegation) }) } },
    },
    async ({ req, actor, params }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const delegations = await listDelegations(db, row.caseId);
      await audit(db, req, 'read', row.caseId, 200);
      return { status: 200, body: { delegations } };
    },
  );

  routes.add(
    {
      method: 'delete',
      path: '/api/tenancies/:caseId/delegations/:delegationId',
      summary: 'Trekk tilbake en midlertidig tilgang',
      tag: 'Innlogging',
      roles: ['housing_office'],
      params: DelegationParams,
      responses: { 200: { description: 'Trukket tilbake', schema: Delegation } },
    },
    async ({ req, actor, params }) => {
      const row = await loadAccessibleCase(db, req, actor, params.caseId);
      const [found] = await db.select().from(caseDelegations).where(and(eq(caseDelegations.id, params.delegationId), eq(caseDelegations.caseId, row.caseId)));
      if (!found) throw new HttpError(404, 'Fant ikke tilgangen.');
      await db
        .update(caseDelegations)
        .set({ revokedAt: new Date(), revokedBy: actor.id })
        .where(and(eq(caseDelegations.id, found.id), isNull(caseDelegations.revokedAt)));
      await audit(db, req, 'write', row.caseId, 200);
      return { status: 200, body: (await listDelegations(db, row.caseId)).find((d) => d.id === found.id)! };
    },
  );
}
