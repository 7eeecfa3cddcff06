import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { caseTasks, incidents } from '../db/schema';
import type { IncidentState } from '../domain/incidents/incident';

export type IncidentView = Omit<IncidentState, 'unsavedEvents' | 'applied' | 'nextEventSeq' | 'unsentNotices'>;

/** The incident read model and its open tasks, moving forward only, like the tenancy snapshot. */
export function createIncidentRecordActivities({ db }: { db: Database }) {
  return {
    async saveIncidentSnapshot({ workflowId, view }: { workflowId: string; view: IncidentView }): Promise<void> {
      await db.transaction(async (tx) => {
        const written = await tx
          .insert(incidents)
          .values({
            incidentId: view.incidentId,
            caseId: view.caseId,
            workflowId,
            situation: view.situation,
            status: view.status,
            agreementVersion: view.agreementVersion ?? null,
            escalations: view.escalations,
            stateVersion: view.version,
            snapshot: view,
            reportedAt: new Date(view.report.reportedAt),
          })
          .onConflictDoUpdate({
            target: incidents.incidentId,
            set: {
              status: sql`excluded.status`,
              escalations: sql`excluded.escalations`,
              stateVersion: sql`excluded.state_version`,
              snapshot: sql`excluded.snapshot`,
              updatedAt: new Date(),
            },
            setWhere: sql`${incidents.stateVersion} < excluded.state_version`,
          })
          .returning({ id: incidents.incidentId });
        if (written.length === 0) return;
        await tx.delete(caseTasks).where(and(eq(caseTasks.caseId, view.caseId), eq(caseTasks.source, view.incidentId)));
        const open = view.status === 'open' ? view.tasks.filter((t) => t.status === 'open') : [];
        if (open.length) {
          await tx.insert(caseTasks).values(
            open.map((t) => ({
              caseId: view.caseId,
              taskId: t.id,
              source: view.incidentId,
              municipality: view.municipality,
              kind: t.meeting ? 'three_party_meeting' : t.assessment ? 'incident_assessment' : 'incident_measure',
              title: t.title,
              role: t.role,
              assigneeId: t.assigneeId ?? null,
              dueDate: t.dueDate,
              overdue: false,
            })),
          );
        }
      });
    },
  };
}
