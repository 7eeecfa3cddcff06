import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { auditLog, formSubmissions, tenancies } from '../../db/schema';
import { audit, auditedCase } from '../audit';
import { worksIn } from '../auth';
import { CaseParams } from '../case-access';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

const Entry = z.object({
  id: z.int(),
  at: z.string(),
  actorId: z.string(),
  actorRoles: z.string(),
  action: z.enum(['read', 'write', 'denied']),
  route: z.string(),
  outcome: z.int(),
  requestId: z.string().nullable(),
});
const Seen = z.object({ actorId: z.string(), actorRoles: z.string(), reads: z.int(), writes: z.int(), firstAt: z.string(), lastAt: z.string() });

/**
 * The data protection officer's view of one case's audit log (innsyn i logg): who has read or
 * written this person's data, and who was refused. It shows user IDs and routes, never the case's
 * content; and reading it is itself written to the log.
 */
const ACCESS_LOG_ROUTE = 'GET /api/tenancies/:caseId/access-log';

export function registerAccessLogRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/tenancies/:caseId/access-log',
      summary: 'Personvernombud: hvem har sett eller endret opplysningene i en sak, og hvem ble avvist',
      tag: 'Personvern',
      roles: ['data_protection_officer'],
      params: CaseParams,
      query: z.strictObject({
        limit: z.coerce.number().int().min(1).max(5000).default(1000),
        before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().meta({ description: 'Vis oppføringer eldre enn denne ID-en (neste side)' }),
      }),
      responses: {
        200: { description: 'Loggen for saken, nyeste først, og hvem som har sett den', schema: z.object({ caseId: z.string(), seenBy: z.array(Seen), entries: z.array(Entry), nextBefore: z.int().nullable() }) },
        404: { description: 'Fant ikke saken' },
      },
    },
    async ({ req, actor, params, query }) => {
      // A case not yet started (an application kept while Temporal was away) has its municipality on the submission.
      const [known] = await db.select({ municipality: tenancies.municipality }).from(tenancies).where(eq(tenancies.caseId, params.caseId));
      const [submitted] = known ? [] : await db.select({ municipality: formSubmissions.municipality }).from(formSubmissions).where(eq(formSubmissions.caseId, params.caseId)).limit(1);
      const municipality = known?.municipality ?? submitted?.municipality;
      if (!municipality) throw new HttpError(404, 'Fant ikke saken.');
      // Another municipality's case answers as an unknown one: a 403 would confirm that it exists.
      if (!worksIn(actor, municipality)) {
        await audit(db, req, 'denied', params.caseId, 404);
        throw new HttpError(404, 'Fant ikke saken.');
      }
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(auditedCase(params.caseId), query.before ? lt(auditLog.id, query.before) : undefined))
        .orderBy(desc(auditLog.id))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      // Who has seen the data: every successful read or write, whoever did it, over the whole log
      // (reading this log shows the log, not the case, so it is listed in `entries` only).
      const seenBy = await db
        .select({
          actorId: auditLog.actorId,
          actorRoles: auditLog.actorRoles,
          reads: sql<number>`count(*) filter (where ${auditLog.action} = 'read')`.mapWith(Number),
          writes: sql<number>`count(*) filter (where ${auditLog.action} = 'write')`.mapWith(Number),
          firstAt: sql<Date>`min(${auditLog.at})`.mapWith((v: string | Date) => new Date(v).toISOString()),
          lastAt: sql<Date>`max(${auditLog.at})`.mapWith((v: string | Date) => new Date(v).toISOString()),
        })
        .from(auditLog)
        .where(and(auditedCase(params.caseId), sql`${auditLog.action} in ('read', 'write')`, sql`${auditLog.outcome} < 400`, sql`${auditLog.route} <> ${ACCESS_LOG_ROUTE}`))
        .groupBy(auditLog.actorId, auditLog.actorRoles)
        .orderBy(sql`max(${auditLog.at}) desc`);
      await audit(db, req, 'read', params.caseId, 200);
      return {
        status: 200,
        body: {
          caseId: params.caseId,
          seenBy,
          // The other cases a list row names are not this case's business: the entry shows the route only.
          entries: page.map(({ caseId: _c, caseIds: _cs, at, ...e }) => ({ ...e, at: at.toISOString() })),
          nextBefore: rows.length > query.limit ? page.at(-1)!.id : null,
        },
      };
    },
  );
}
