import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { incidents } from '../db/schema';
import { replaceCaseTasks } from './case-tasks';
import type { IncidentView } from '../domain/incidents/incident';

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
        const open = view.status === 'open' ? view.tasks.filter((t) => t.status === 'open') : [];
        await replaceCaseTasks(
          tx,
          view.caseId,
          view.incidentId,
          open.map((t) => ({
            taskId: t.id,
            municipality: view.municipality,
            kind: t.meeting ? 'three_party_meeting' : t.assessment ? 'incident_assessment' : 'incident_measure',
            title: t.title,
            role: t.role,
            assigneeId: t.assigneeId ?? null,
            dueDate: t.dueDate,
            overdue: false,
          })),
        );
      });
    },
  };
}
