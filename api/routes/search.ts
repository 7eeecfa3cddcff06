import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { dwellings, tenancies } from '../../db/schema';
import { rentAccounts } from '../../db/schema-rent';
import { CASE_ID_PATTERN } from '../../domain/ids';
import { SearchQuery } from '../../domain/schemas/ops';
import { auditCases } from '../audit';
import { hasRole } from '../auth';
import { hasCoLocatedRole, unitCaseFilter } from '../case-access';
import type { ApiRoutes } from '../routes';

const SearchHit = z.object({
  caseId: z.string(),
  applicantName: z.string(),
  phase: z.string(),
  status: z.string(),
  nextDeadline: z.string().nullable(),
  address: z.string().nullable(),
  kid: z.string().nullable(),
  /** What the query matched: the case ID, the KID, the name or the address. */
  matched: z.enum(['case_id', 'kid', 'name', 'address']),
});

const LIMIT = 50;

/** `%` and `_` in what the person typed are letters, not wildcards. */
const likeText = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Search for every role that works with cases: by name, case ID, KID or address, among the cases
 * this person may see (the same need-to-know as the case list and the work lists).
 */
export function registerSearchRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/search',
      summary: 'Søk etter saker på navn, saksnummer, KID eller adresse, blant sakene du har tilgang til',
      tag: 'Saker',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker', 'department_head', 'administrative_officer'],
      query: SearchQuery,
      responses: { 200: { description: `Treff (høyst ${LIMIT})`, schema: z.object({ hits: z.array(SearchHit), more: z.boolean() }) } },
    },
    async ({ req, actor, query }) => {
      const q = query.q;
      const scope: (SQL | undefined)[] = [actor.municipality === '*' ? (query.municipality ? eq(tenancies.municipality, query.municipality) : undefined) : eq(tenancies.municipality, actor.municipality)];
      // Need to know: the housing office sees the municipality; a follow-up worker their own cases;
      // the staff of co-located housing the active cases in their units.
      if (!hasRole(actor, ['housing_officer', 'housing_office'])) {
        const mine: SQL[] = [];
        if (actor.roles.includes('follow_up_worker')) mine.push(eq(tenancies.followUpWorkerId, actor.id));
        if (hasCoLocatedRole(actor)) mine.push(unitCaseFilter(db, actor));
        scope.push(mine.length ? or(...mine) : sql`false`);
      }
      const digits = q.replace(/\s/g, '');
      const caseId = q.toUpperCase();
      const words = q.split(/\s+/).filter(Boolean);
      const nameMatch = and(...words.map((w) => ilike(tenancies.applicantName, `%${likeText(w)}%`)))!;
      const addressMatch = and(...words.map((w) => ilike(dwellings.address, `%${likeText(w)}%`)))!;
      const conditions: SQL[] = [nameMatch, addressMatch];
      if (CASE_ID_PATTERN.test(caseId)) conditions.push(eq(tenancies.caseId, caseId));
      if (/^\d{2,25}$/.test(digits)) conditions.push(eq(rentAccounts.kid, digits));
      const rows = await db
        .select({
          caseId: tenancies.caseId,
          applicantName: tenancies.applicantName,
          phase: tenancies.phase,
          status: tenancies.status,
          nextDeadline: tenancies.nextDeadline,
          address: dwellings.address,
          kid: rentAccounts.kid,
          byCaseId: sql<boolean>`${tenancies.caseId} = ${caseId}`,
          byKid: sql<boolean>`coalesce(${rentAccounts.kid} = ${digits}, false)`,
          byName: sql<boolean>`${nameMatch}`,
        })
        .from(tenancies)
        .leftJoin(dwellings, and(eq(dwellings.dwellingId, tenancies.dwellingId), eq(dwellings.municipality, tenancies.municipality)))
        .leftJoin(rentAccounts, eq(rentAccounts.caseId, tenancies.caseId))
        .where(and(...scope, or(...conditions)))
        // Active cases first, then by name: the person one looks for is usually still a tenant.
        .orderBy(sql`${tenancies.status} = 'closed'`, tenancies.applicantName, tenancies.caseId)
        .limit(LIMIT + 1);
      const hits = rows.slice(0, LIMIT).map(({ byCaseId, byKid, byName, ...hit }) => ({
        ...hit,
        matched: byCaseId ? ('case_id' as const) : byKid ? ('kid' as const) : byName ? ('name' as const) : ('address' as const),
      }));
      // The query text is never logged or stored: the audit log has who searched and which cases they saw.
      await auditCases(db, req, 'read', hits.map((h) => h.caseId), 200);
      return { status: 200, body: { hits, more: rows.length > LIMIT } };
    },
  );
}
