import { WorkflowUpdateFailedError } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseEvents, tenancies } from '../../db/schema';
import { addDays, deadline, osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { caseActionUpdate, tenancyStateQuery } from '../../workflows/messages';
import { tenancyWorkflow } from '../../workflows/tenancy';
import { application, interview, officer, testCaseId } from '../helpers/fixtures';
import { useWorkflowTestContext } from '../helpers/temporal';

describe('tenancyWorkflow: application intake', () => {
  const ctx = useWorkflowTestContext();
  const withWorker = <T>(_title: string, test: (taskQueue: string) => Promise<T>) => test(ctx.taskQueue);

  async function startCase(taskQueue: string) {
    const caseId = testCaseId();
    const today = osloDate(await ctx.env.currentTimeMs());
    const handle = (await ctx.env.client.workflow.start(tenancyWorkflow, {
      workflowId: tenancyWorkflowId(caseId),
      taskQueue,
      args: [{ caseId, application: application({ receivedDate: today }) }],
    }));
    return { caseId, today, handle };
  }

  it('opens a mapping-interview task for the housing officer and writes the read model', async () => {
    await withWorker('opens task', async (taskQueue) => {
      const { caseId, today, handle } = await startCase(taskQueue);
      const view = await handle.query(tenancyStateQuery);
      expect(view.phase).toBe('application');
      expect(view.tasks).toEqual([
        expect.objectContaining({ id: 'mapping-interview', role: 'housing_officer', assigneeId: 'kari.nordmann', dueDate: deadline(today, { weeks: 2 }) }),
      ]);
      await expect.poll(async () => (await ctx.database.db.select().from(tenancies).where(eq(tenancies.caseId, caseId)))[0]?.stateVersion).toBeGreaterThan(0);
      const [row] = await ctx.database.db.select().from(tenancies).where(eq(tenancies.caseId, caseId));
      expect(row).toMatchObject({ phase: 'application', status: 'active', applicantName: 'Ingrid Bakken', nextDeadline: deadline(today, { weeks: 2 }) });
      const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
      expect(events.map((e) => e.kind)).toEqual(['application_received']);
    });
  });

  it('applies an action once per idempotency key and rejects a step out of order without changing anything', async () => {
    await withWorker('idempotent actions', async (taskQueue) => {
      const { caseId, handle } = await startCase(taskQueue);
      const action = { idempotencyKey: 'form-123456', actor: officer, payload: interview('2026-11-20') };
      const first = await handle.executeUpdate(caseActionUpdate, { args: [action] });
      const again = await handle.executeUpdate(caseActionUpdate, { args: [action] });
      expect(again).toEqual(first);
      const afterTwo = await handle.query(tenancyStateQuery);
      expect(afterTwo.interviews).toHaveLength(1);
      expect(afterTwo.tasks.map((t) => t.id)).toEqual(['decision']);

      await handle.executeUpdate(caseActionUpdate, {
        args: [{ idempotencyKey: 'withdraw-0001', actor: officer, payload: { type: 'withdrawApplication', reason: 'Fant privat bolig' } }],
      });
      expect(await handle.result()).toEqual({ caseId, closedReason: 'withdrawn' });
      const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
      expect(events.map((e) => e.kind)).toEqual(['application_received', 'interview_recorded', 'case_closed']);
    });
  });

  it('rejects an action by a role that may not take it, with a plain Norwegian reason', async () => {
    await withWorker('rejects role', async (taskQueue) => {
      const { handle } = await startCase(taskQueue);
      const before = await handle.query(tenancyStateQuery);
      const err = await handle
        .executeUpdate(caseActionUpdate, {
          args: [{ idempotencyKey: 'oppf-000001', actor: { id: 'ola', roles: ['follow_up_worker'], municipality: 'tynset' }, payload: interview('2026-11-20') }],
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((err as WorkflowUpdateFailedError).cause?.message).toMatch(/rolle/);
      expect((await handle.query(tenancyStateQuery)).version).toBe(before.version);
    });
  });

  it('flags the missed interview deadline when two weeks pass with nobody acting', async () => {
    await withWorker('missed deadline', async (taskQueue) => {
      const { caseId, today, handle } = await startCase(taskQueue);
      const due = deadline(today, { weeks: 2 });
      await ctx.env.sleep(`${15 + 4} days`);
      const view = await handle.query(tenancyStateQuery);
      expect(view.tasks[0]).toMatchObject({ id: 'mapping-interview', overdue: true });
      expect(osloDate(await ctx.env.currentTimeMs()) >= addDays(due, 1)).toBe(true);
      const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
      expect(events.map((e) => e.kind)).toEqual(['application_received', 'deadline_missed']);
      expect(events[1]!.summary).toContain(due);
    });
  });
});
