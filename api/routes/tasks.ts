import { eq, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { caseTasks, tenancies } from '../../db/schema';
import { paged, taskListQuery, type TaskFilter } from '../../db/work-lists';
import { afterKey, NextCursor, PageQuery } from '../paging';
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
      query: z.strictObject({
        assignee: z.string().trim().min(1).max(100).optional().meta({ description: '«me» for egne oppgaver' }),
        role: z.enum(ROLES).optional(),
        overdue: z.enum(['true', 'false']).optional(),
        ...PageQuery,
      }),
      responses: { 200: { description: 'Oppgaver sortert etter frist, én side', schema: z.object({ tasks: z.array(TaskRow), next: NextCursor }) } },
    },
    async ({ req, actor, query }) => {
      const filter: TaskFilter = {
        municipality: actor.municipality === '*' ? undefined : actor.municipality,
        assigneeId: query.assignee === 'me' ? actor.id : query.assignee,
        role: query.role,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      };
      // Need to know: the housing office sees the municipality's work; everyone else the tasks given
      // to them, a follow-up worker those of their own cases, and the staff of co-located housing
      // those of active cases in the units they work in.
      if (!hasRole(actor, ['housing_officer', 'housing_office'])) {
        const mine: SQL[] = [eq(caseTasks.assigneeId, actor.id)];
        if (actor.roles.includes('follow_up_worker')) mine.push(eq(tenancies.followUpWorkerId, actor.id));
        if (hasCoLocatedRole(actor)) mine.push(unitCaseFilter(db, actor));
        filter.visibleTo = or(...mine)!;
      }
      const { rows, next } = await paged(taskListQuery(db, filter, { limit: query.limit, afterKey: afterKey(query.after, 3) }), query.limit, (r) => [r.dueDate, r.caseId, r.taskId]);
      await auditCases(db, req, 'read', rows.map((r) => r.caseId), 200);
      return { status: 200, body: { tasks: rows, ...(next ? { next } : {}) } };
    },
  );
}
