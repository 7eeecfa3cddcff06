import { and, count, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { tenancies } from '../../db/schema';
import { municipalityCode } from '../../domain/schemas/common';
import { listedMunicipality } from '../auth';
import type { ApiRoutes } from '../routes';

const Count = z.object({ key: z.string().nullable(), cases: z.int() });

/** Aggregates without personal data: cases per phase and closed cases per reason (e.g. referred to the private market). */
export function registerStatisticsRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/statistics',
      summary: 'Tall for kommunen: saker per fase og avsluttede saker per årsak',
      tag: 'Statistikk',
      roles: ['housing_officer', 'housing_office', 'committee_member'],
      query: z.object({ municipality: municipalityCode.optional() }),
      responses: { 200: { description: 'Tall', schema: z.object({ byPhase: z.array(Count), closedByReason: z.array(Count) }) } },
    },
    async ({ actor, query }) => {
      const municipality = listedMunicipality(actor, query.municipality);
      const scope: SQL = eq(tenancies.municipality, municipality);
      const byPhase = await db.select({ key: tenancies.phase, cases: count() }).from(tenancies).where(scope).groupBy(tenancies.phase);
      const closedByReason = await db
        .select({ key: tenancies.closedReason, cases: count() })
        .from(tenancies)
        .where(and(scope, eq(tenancies.status, 'closed')))
        .groupBy(tenancies.closedReason);
      return { status: 200, body: { byPhase, closedByReason } };
    },
  );
}
