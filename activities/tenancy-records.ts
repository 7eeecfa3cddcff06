import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { caseEvents, caseRecords, tenancies } from '../db/schema';
import { replaceCaseTasks, viewTaskRows } from './case-tasks';
import { caseDwellingId } from '../domain/co-located';
import type { CaseEvent, CaseRecord } from '../domain/tenancy/state';
import type { TenancyView } from '../domain/tenancy/view';
import { paymentCanMoveLadder } from '../domain/tenancy/payment-wake';

export interface TenancySnapshot {
  workflowId: string;
  view: TenancyView;
}

/** Everything one `persist()` of a tenancy writes: new timeline lines, changed records, the snapshot. */
export interface TenancyWrite extends TenancySnapshot {
  caseId: string;
  events: CaseEvent[];
  records: CaseRecord[];
}

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Writes of the tenancy read model. All are idempotent, so Temporal may retry them freely:
 * the snapshot only moves forward by state version, and events are keyed by workflow and sequence.
 */
export function createTenancyRecordActivities({ db }: { db: Database }) {
  return {
    async saveTenancySnapshot({ workflowId, view }: TenancySnapshot): Promise<void> {
      await db.transaction((tx) => writeSnapshot(tx, workflowId, view));
    },

    async saveCaseRecords({ caseId, records }: { caseId: string; records: CaseRecord[] }): Promise<void> {
      await writeRecords(db, caseId, records);
    },

    async appendCaseEvents({ caseId, workflowId, events }: { caseId: string; workflowId: string; events: CaseEvent[] }): Promise<void> {
      await writeEvents(db, caseId, workflowId, events);
    },

    /**
     * The three writes above in one transaction and one activity: a staff action or a timer costs one
     * activity instead of three, each a trip through the Temporal server and a workflow task of its own.
     */
    async persistTenancy({ workflowId, caseId, events, records, view }: TenancyWrite): Promise<void> {
      await db.transaction(async (tx) => {
        await writeEvents(tx, caseId, workflowId, events);
        await writeRecords(tx, caseId, records);
        await writeSnapshot(tx, workflowId, view);
      });
    },
  };
}

async function writeSnapshot(tx: Tx, workflowId: string, view: TenancyView): Promise<void> {
  const row = {
    caseId: view.caseId,
    workflowId,
    municipality: view.municipality,
    phase: view.phase,
    status: view.status,
    applicantName: view.application.applicant.name,
    housingOfficerId: view.housingOfficerId ?? null,
    followUpWorkerId: view.followUpWorkerId ?? null,
    dwellingId: caseDwellingId(view),
    nextDeadline: view.nextDeadline ?? null,
    closedReason: view.closedReason ?? null,
    stateVersion: view.version,
    snapshot: view,
    caution: !!view.cautionFlag,
    paymentWakes: paymentCanMoveLadder(view) !== undefined,
    updatedAt: new Date(),
  };
  // The snapshot and the task list move together, and only forward: a late retry of an older
  // snapshot changes nothing.
  const written = await tx
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
        dwellingId: row.dwellingId,
        nextDeadline: row.nextDeadline,
        closedReason: row.closedReason,
        stateVersion: row.stateVersion,
        snapshot: row.snapshot,
        caution: row.caution,
        paymentWakes: row.paymentWakes,
        updatedAt: row.updatedAt,
      },
      setWhere: sql`${tenancies.stateVersion} < ${row.stateVersion}`,
    })
    .returning({ caseId: tenancies.caseId });
  if (written.length === 0) return;
  await replaceCaseTasks(tx, view.caseId, 'tenancy', viewTaskRows(view));
}

export async function writeRecords(tx: Database | Tx, caseId: string, records: CaseRecord[]): Promise<void> {
  if (records.length === 0) return;
  // The same record may be updated twice in one batch (an offer, then its answer): keep the last.
  const latest = new Map(records.map((r) => [`${r.kind}/${r.key}`, r]));
  await tx
    .insert(caseRecords)
    .values([...latest.values()].map((r) => ({ caseId, kind: r.kind, recordKey: r.key, data: r.data, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: [caseRecords.caseId, caseRecords.kind, caseRecords.recordKey],
      set: { data: sql`excluded.data`, updatedAt: sql`excluded.updated_at` },
    });
}

export async function writeEvents(tx: Database | Tx, caseId: string, workflowId: string, events: CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
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
}
