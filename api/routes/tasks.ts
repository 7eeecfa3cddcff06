import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { caseTasks, tenancies } from '../../db/schema';
import { ROLES } from '../../domain/roles';
import { auditCases } from '../audit';
import { hasRole } from '../auth';
import { hasCoLocatedRole, unitCaseFilter } from '../case-access';
import type { ApiRoutes } from '../routes';

const TaskRow = z.object({
  caseId: z.string(),
  taskId: z.string(),
  kind: z.string(),
  title: z.string(),
  role: z.string(),
  assigneeId: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  applicantName: z.string(),
  /** The case has a caution flag (threats or weapons reported): seen before anyone goes. */
  caution: z.boolean(),
});

/** Work lists: open tasks per person and per role, from the read model (no workflow is touched). */
export function registerTaskRoutes(routes: ApiRoutes, { db }: { db: Database }): void {
  routes.add(
    {
      method: 'get',
      path: '/api/tasks',
      summary: 'Åpne oppgaver: mine, eller for en rolle i kommunen',
      tag: 'Oppgaver',
      roles: ['housing_officer', 'housing_office', 'follow_up_worker', 'department_head', 'administrative_officer'],
      query: z.object({
        assignee: z.string().trim().min(1).max(100).optional().meta({ description: '«me» for egne oppgaver' }),
        role: z.enum(ROLES).optional(),
        overdue: z.enum(['true', 'false']).optional(),
      }),
      responses: { 200: { description: 'Oppgaver sortert etter frist', schema: z.object({ tasks: z.array(TaskRow) }) } },
    },
    async ({ req, actor, query }) => {
      const filters: SQL[] = [];
      if (actor.municipality !== '*') filters.push(eq(caseTasks.municipality, actor.municipality));
      if (query.assignee) filters.push(eq(caseTasks.assigneeId, query.assignee === 'me' ? actor.id : query.assignee));
      if (query.role) filters.push(eq(caseTasks.role, query.role));
      if (query.overdue) filters.push(eq(caseTasks.overdue, query.overdue === 'true'));
      // Need to know: the housing office sees the municipality's work; everyone else the tasks given
      // to them, a follow-up worker those of their own cases, and the staff of co-located housing
      // those of active cases in the units they work in.
      if (!hasRole(actor, ['housing_officer', 'housing_office'])) {
        const mine: SQL[] = [eq(caseTasks.assigneeId, actor.id)];
        if (actor.roles.includes('follow_up_worker')) mine.push(eq(tenancies.followUpWorkerId, actor.id));
        if (hasCoLocatedRole(actor)) mine.push(unitCaseFilter(db, actor));
        filters.push(or(...mine)!);
      }
      const rows = await db
        .select({
          caseId: caseTasks.caseId,
          taskId: caseTasks.taskId,
          kind: caseTasks.kind,
          title: caseTasks.title,
          role: caseTasks.role,
          assigneeId: caseTasks.assigneeId,
          dueDate: caseTasks.dueDate,
          overdue: caseTasks.overdue,
          applicantName: tenancies.applicantName,
          caution: sql<boolean>`(${tenancies.snapshot} -> 'cautionFlag') is not null`,
        })
        .from(caseTasks)
        .innerJoin(tenancies, eq(tenancies.caseId, caseTasks.caseId))
        .where(and(...filters))
        .orderBy(asc(caseTasks.dueDate), asc(caseTasks.caseId))
        .limit(1000);
      await auditCases(db, req, 'read', rows.map((r) => r.caseId), 200);
      return { status: 200, body: { tasks: rows } };
    },
  );
}
