import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { registerPayment } from '../../api/payment-import';
import { loadLedger } from '../../db/rent-store';
import { summarizeLedger } from '../../domain/rent/ledger';
import { caseEvents, caseRecords, caseTasks, tenancies } from '../../db/schema';
import { osloDate, osloInstant } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import type { Actor } from '../../domain/roles';
import { policyWith } from '../../domain/tenancy/policy';
import { caseActionUpdate, tenancyStateQuery } from '../../workflows/messages';
import { tenancyWorkflow } from '../../workflows/tenancy';
import { application, followUpWorker, officer, testCaseId } from '../helpers/fixtures';
import { recordHistoryIfAsked, untilIdle, useWorkflowTestContext } from '../helpers/temporal';
import { MUNICIPAL_CHECKLIST_ITEM, runFullTenancyStory, type StoryDriver } from '../stories/full-tenancy';

const officeActor: Actor = { id: 'berit.boligkontor', roles: ['housing_office'], municipality: '*' };

describe('tenancyWorkflow: a whole tenancy in seconds', () => {
  const ctx = useWorkflowTestContext();
  const withWorker = <T>(_title: string, test: (taskQueue: string) => Promise<T>) => test(ctx.taskQueue);

  it('runs application to move-out across two lease periods, continuing as new on the way', { timeout: 180_000 }, async () => {
    await withWorker('full tenancy', async (taskQueue) => {
      const caseId = testCaseId();
      const today = osloDate(await ctx.env.currentTimeMs());
      // A low threshold so that three years of visits cross several runs.
      const policy = { ...policyWith({ extraChecklistItems: [MUNICIPAL_CHECKLIST_ITEM] }), historyEventsBeforeContinueAsNew: 400 };
      const handle = await ctx.env.client.workflow.start(tenancyWorkflow, {
          workflowId: tenancyWorkflowId(caseId),
          taskQueue,
          args: [{ caseId, application: application({ receivedDate: today }), policy }],
        });
      const actors: Record<'officer' | 'followUpWorker', Actor> = { officer, followUpWorker };
      const driver: StoryDriver = {
        today: async () => osloDate(await ctx.env.currentTimeMs()),
        async sleepUntil(date) {
          await untilIdle(ctx.env, [handle.workflowId]);
          const ms = osloInstant(date, '10:00') - (await ctx.env.currentTimeMs());
          if (ms > 0) await ctx.env.sleep(ms);
        },
        act: (payload, as = 'officer') =>
          ctx.env.client.workflow.getHandle(handle.workflowId).executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor: actors[as], payload }] }),
        async refused(payload, as = 'officer') {
          const err = await ctx.env.client.workflow
            .getHandle(handle.workflowId)
            .executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor: actors[as], payload }] })
            .then(() => undefined, (e: unknown) => e);
          expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
          return (err as WorkflowUpdateFailedError).cause!.message;
        },
        view: () => ctx.env.client.workflow.getHandle(handle.workflowId).query(tenancyStateQuery),
        async payRent(amountOre) {
          const date = osloDate(await ctx.env.currentTimeMs());
          await registerPayment({ db: ctx.database.db, temporal: ctx.env.client, logger: pino({ level: 'silent' }) }, { transactionId: randomUUID(), date, amountOre, caseId, type: 'payment' }, officeActor);
          return summarizeLedger(await loadLedger(ctx.database.db, caseId), date).creditOre;
        },
      };

      const { missedWindowStart } = await runFullTenancyStory(driver);
      const result = await ctx.env.client.workflow.getHandle(handle.workflowId).result();
      expect(result).toEqual({ caseId, closedReason: 'moved_out_tenant_notice' });

      // Continue-as-new kept each run small and carried state, tasks and timers across.
      const { runId: lastRunId } = await ctx.env.client.workflow.getHandle(handle.workflowId).describe();
      expect(lastRunId).not.toBe(handle.firstExecutionRunId);
      await recordHistoryIfAsked(ctx.env, handle.workflowId, handle.firstExecutionRunId, 'lifecycle-first-run');
      await recordHistoryIfAsked(ctx.env, handle.workflowId, lastRunId, 'lifecycle-last-run');

      // The read model, timeline, records and task list were written by activities along the way.
      const [row] = await ctx.database.db.select().from(tenancies).where(eq(tenancies.caseId, caseId));
      expect(row).toMatchObject({ phase: 'closed', status: 'closed', closedReason: 'moved_out_tenant_notice', followUpWorkerId: 'ola.hansen' });
      const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id));
      const kinds = events.map((e) => e.kind);
      expect(kinds.filter((k) => k === 'visit_missed').length).toBeGreaterThanOrEqual(1);
      expect(events.find((e) => e.kind === 'visit_missed')?.summary).toContain(`perioden ${missedWindowStart}`);
      expect(kinds).toEqual(expect.arrayContaining([
        'application_received', 'interview_recorded', 'decision_approved', 'dwelling_offered', 'offer_declined', 'offer_accepted',
        'lease_signed', 'house_rules_reviewed', 'checklist_signed', 'housing_allowance_recorded', 'agreement_drafted', 'agreement_signed',
        'moved_in', 'visit_recorded', 'ownership_dialogue', 'renewal_assessment_started', 'agreement_evaluated', 'lease_renewed',
        'notice_given', 'move_out_inspected', 'case_closed',
      ]));
      expect(new Set(events.map((e) => `${e.kind}@${e.at.toISOString()}#${e.summary}`)).size).toBe(events.length);
      const records = await ctx.database.db.select().from(caseRecords).where(eq(caseRecords.caseId, caseId));
      const byKind = (k: string) => records.filter((r) => r.kind === k).length;
      expect({ interview: byKind('interview'), offer: byKind('offer'), lease: byKind('lease'), agreement: byKind('agreement'), visit: byKind('visit') }).toEqual({
        interview: 2,
        offer: 2,
        lease: 2,
        agreement: 2,
        visit: 33,
      });
      expect(await ctx.database.db.select().from(caseTasks).where(eq(caseTasks.caseId, caseId))).toEqual([]);
    });
  });
});
