import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { privateRentals } from '../db/schema-private-rental';
import type { PrivateRentalView } from '../domain/private-rental/timers';
import type { CaseEvent, CaseRecord } from '../domain/tenancy/state';
import { committeeReturnSignal, privateRentalOutcomeSignal, type CommitteeReturn, type PrivateRentalOutcome } from '../workflows/messages';
import { replaceCaseTasks, viewTaskRows } from './case-tasks';
import { writeEvents, writeRecords, type Tx } from './tenancy-records';

export interface PrivateRentalWrite {
  workflowId: string;
  caseId: string;
  events: CaseEvent[];
  records: CaseRecord[];
  view: PrivateRentalView;
}

/** The source under which a private-rental workflow's open tasks sit in the case's work list. */
export const PRIVATE_RENTAL_TASK_SOURCE = 'private-rental';

/**
 * Writes of a private-rental case, idempotent like the tenancy's: timeline lines into the case's one
 * timeline (keyed by workflow and sequence), records into the case's records, the snapshot only forward.
 */
export function createPrivateRentalActivities({ db, temporal }: { db: Database; temporal: Client }) {
  return {
    async persistPrivateRental({ workflowId, caseId, events, records, view }: PrivateRentalWrite): Promise<void> {
      await db.transaction(async (tx) => {
        await writeEvents(tx, caseId, workflowId, events);
        await writeRecords(tx, caseId, records);
        await writeSnapshot(tx, workflowId, view);
      });
    },

    /** Tells the tenancy the case came from that this referral closed (through the client, retried like any I/O). */
    async reportPrivateRentalOutcome({ tenancyWorkflowId, outcome }: { tenancyWorkflowId: string; outcome: PrivateRentalOutcome }): Promise<'delivered' | 'tenancy_gone'> {
      try {
        await temporal.workflow.getHandle(tenancyWorkflowId).signal(privateRentalOutcomeSignal, outcome);
        return 'delivered';
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'tenancy_gone';
        throw err;
      }
    },

    /** Tells a private-rental case that the housing committee decided it goes back to the municipal process. */
    async tellPrivateRentalOfCommitteeReturn({ workflowId, decision }: { workflowId: string; decision: CommitteeReturn }): Promise<'delivered' | 'gone'> {
      try {
        await temporal.workflow.getHandle(workflowId).signal(committeeReturnSignal, decision);
        return 'delivered';
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'gone';
        throw err;
      }
    },
  };
}

async function writeSnapshot(tx: Tx, workflowId: string, view: PrivateRentalView): Promise<void> {
  const row = {
    workflowId,
    caseId: view.caseId,
    municipality: view.municipality,
    phase: view.phase,
    status: view.status,
    outcome: view.outcome ?? null,
    caseworkerId: view.caseworkerId ?? null,
    followUpWorkerId: view.followUpWorkerId ?? null,
    nextDeadline: view.nextDeadline ?? null,
    referredDate: view.referredDate,
    moveInDate: view.moveInDate ?? null,
    stateVersion: view.version,
    snapshot: view,
    updatedAt: new Date(),
  };
  const { workflowId: _w, caseId: _c, municipality: _m, referredDate: _r, ...changing } = row;
  const written = await tx
    .insert(privateRentals)
    .values(row)
    .onConflictDoUpdate({ target: privateRentals.workflowId, set: changing, setWhere: sql`${privateRentals.stateVersion} < ${row.stateVersion}` })
    .returning({ workflowId: privateRentals.workflowId });
  if (written.length === 0) return;
  await replaceCaseTasks(tx, view.caseId, PRIVATE_RENTAL_TASK_SOURCE, viewTaskRows(view));
}
