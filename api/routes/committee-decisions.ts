import { and, asc, eq, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { findCommittee } from '../../db/committee-store';
import { committeeDecisions } from '../../db/schema-committee';
import { osloDate } from '../../domain/calendar';
import { COMMITTEE_ID_PATTERN } from '../../domain/ids';
import type { Role } from '../../domain/roles';
import { CommitteeDecisionsQuery } from '../../domain/schemas/ops';
import { worksIn } from '../auth';
import { auditCases } from '../audit';
import { HttpError } from '../errors';
import type { ApiRoutes } from '../routes';

const READERS: readonly Role[] = ['committee_member', 'housing_office', 'housing_officer'];

const DecisionOut = z.object({
  meetingId: z.string(),
  itemId: z.string(),
  caseId: z.string().nullable(),
  text: z.string(),
  responsibleMemberId: z.string().nullable(),
  deadline: z.string().nullable(),
  effectKind: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  deliveryError: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Open and its deadline has passed (Oslo date). */
  overdue: z.boolean(),
});

/**
 * The committee's decisions across its meetings: those still open, those past their deadline
 * without being reported done (the secretary's follow-up list), and those a case refused.
 */
export function registerCommitteeDecisionRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/committees/:committeeId/decisions',
      summary: 'Utvalgets beslutninger: åpne, over fristen, eller avvist av saken',
      tag: 'Boligutvalget',
      roles: READERS,
      params: z.object({ committeeId: z.string().regex(COMMITTEE_ID_PATTERN, 'må være små bokstaver, tall og bindestrek, for eksempel «tynset-boligutvalg»') }),
      query: CommitteeDecisionsQuery,
      responses: { 200: { description: 'Beslutningene, eldste frist først', schema: z.object({ asOf: z.string(), decisions: z.array(DecisionOut) }) }, 404: { description: 'Fant ikke boligutvalget' } },
    },
    async ({ req, actor, params, query }) => {
      const committee = await findCommittee(db, params.committeeId);
      if (!committee) throw new HttpError(404, 'Fant ikke boligutvalget.');
      if (!worksIn(actor, committee.municipality)) throw new HttpError(403, 'Du har ikke tilgang til boligutvalget i en annen kommune.');
      const today = osloDate(Date.now());
      const filter: Record<typeof query.status, SQL | undefined> = {
        open: isNull(committeeDecisions.doneAt),
        overdue: and(isNull(committeeDecisions.doneAt), isNotNull(committeeDecisions.deadline), lt(committeeDecisions.deadline, today)),
        refused: isNotNull(committeeDecisions.deliveryError),
        all: undefined,
      };
      const rows = await db
        .select()
        .from(committeeDecisions)
        .where(and(eq(committeeDecisions.committeeId, committee.id), filter[query.status]))
        .orderBy(asc(committeeDecisions.deadline), asc(committeeDecisions.meetingId), asc(committeeDecisions.itemId))
        .limit(500);
      await auditCases(db, req, 'read', rows.map((r) => r.caseId), 200);
      return {
        status: 200,
        body: {
          asOf: today,
          decisions: rows.map((d) => ({
            meetingId: d.meetingId,
            itemId: d.itemId,
            caseId: d.caseId,
            text: d.text,
            responsibleMemberId: d.responsibleMemberId,
            deadline: d.deadline,
            effectKind: d.effectKind,
            deliveredAt: d.deliveredAt?.toISOString() ?? null,
            deliveryError: d.deliveryError,
            doneAt: d.doneAt?.toISOString() ?? null,
            overdue: !d.doneAt && !!d.deadline && d.deadline < today,
          })),
        },
      };
    },
  );
}
