import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { caseEvents, tenancies } from '../db/schema';
import type { CaseEvent, TenancyView } from '../domain/tenancy/state';

export interface TenancySnapshot {
  workflowId: string;
  view: TenancyView;
}

/**
 * Writes of the tenancy read model. Both are idempotent, so Temporal may retry them freely:
 * the snapshot only moves forward by state version, and events are keyed by workflow and sequence.
 */
export function createTenancyRecordActivities({ db }: { db: Database }) {
  return {
    async saveTenancySnapshot({ workflowId, view }: TenancySnapshot): Promise<void> {
      const row = {
        caseId: view.caseId,
        workflowId,
        municipality: view.municipality,
        phase: view.phase,
        status: view.status,
        applicantName: view.application.applicant.name,
        housingOfficerId: view.housingOfficerId ?? null,
        followUpWorkerId: view.followUpWorkerId ?? null,
        nextDeadline: view.nextDeadline ?? null,
        closedReason: view.closedReason ?? null,
        stateVersion: view.version,
        snapshot: view,
        updatedAt: new Date(),
      };
      await db
        .insert(tenancies)
        .values(row)
        .onConflictDoUpdate({
          target: tenancies.caseId,
          set: {
            phase: row.phase,
            status: row.status,
            applicantName: row.applicantName,
            housingOfficerId: row.housingOfficerId,
            followUpWorkerId: row.followUpWorkerId,
            nextDeadline: row.nextDeadline,
            closedReason: row.closedReason,
            stateVersion: row.stateVersion,
            snapshot: row.snapshot,
            updatedAt: row.updatedAt,
          },
          setWhere: sql`${tenancies.stateVersion} < ${row.stateVersion}`,
        });
    },

    async appendCaseEvents({ caseId, workflowId, events }: { caseId: string; workflowId: string; events: CaseEvent[] }): Promise<void> {
      if (events.length === 0) return;
      await db
        .insert(caseEvents)
        .values(
          events.map((e) => ({
            caseId,
            dedupKey: `${workflowId}#${e.seq}`,
            at: new Date(e.at),
            kind: e.kind,
            actorId: e.actorId ?? null,
            summary: e.summary,
            data: e.data ?? {},
          })),
        )
        .onConflictDoNothing({ target: caseEvents.dedupKey });
    },
  };
}
