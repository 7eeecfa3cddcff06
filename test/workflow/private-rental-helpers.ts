import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { expect } from 'vitest';
import { addDays, addYears, osloDate, osloInstant, type IsoDate } from '../../domain/calendar';
import { privateRentalWorkflowId, tenancyWorkflowId } from '../../domain/ids';
import type { Actor } from '../../domain/roles';
import type { PrivateRentalActionPayload } from '../../domain/schemas/private-rental';
import type { CaseActionPayload } from '../../domain/tenancy/actions';
import { caseActionUpdate, privateRentalActionUpdate, privateRentalStateQuery, tenancyStateQuery } from '../../workflows/messages';
import { tenancyWorkflow } from '../../workflows/tenancy';
import { application, interview, officer, testCaseId } from '../helpers/fixtures';
import { untilIdle, type useWorkflowTestContext } from '../helpers/temporal';

type Ctx = ReturnType<typeof useWorkflowTestContext>;

/**
 * A case referred from the municipal process to help with renting privately, driven through the
 * workflows as staff would: the tenancy's referral starts the private-rental workflow.
 */
export async function referredCase(ctx: Ctx) {
  const caseId = testCaseId();
  const today = osloDate(await ctx.env.currentTimeMs());
  const tenancy = await ctx.env.client.workflow.start(tenancyWorkflow, {
    workflowId: tenancyWorkflowId(caseId),
    taskQueue: ctx.taskQueue,
    args: [{ caseId, application: application({ receivedDate: today }) }],
  });
  const actOnTenancy = (payload: CaseActionPayload, as: Actor = officer) =>
    tenancy.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor: as, payload }] });
  await actOnTenancy(interview(today));
  await actOnTenancy({ type: 'referElsewhere', outcome: 'private_market', note: 'Kan leie privat med garanti fra NAV.' });
  return driverFor(ctx, caseId, 1, actOnTenancy);
}

export function driverFor(ctx: Ctx, caseId: string, referral: number, actOnTenancy: (p: CaseActionPayload, as?: Actor) => Promise<unknown>) {
  const workflowId = privateRentalWorkflowId(caseId, referral);
  const handle = () => ctx.env.client.workflow.getHandle(workflowId);
  const ids = [tenancyWorkflowId(caseId), workflowId];
  const driver = {
    caseId,
    workflowId,
    actOnTenancy,
    today: async (): Promise<IsoDate> => osloDate(await ctx.env.currentTimeMs()),
    async act(payload: PrivateRentalActionPayload, as: Actor = officer) {
      return handle().executeUpdate(privateRentalActionUpdate, { args: [{ idempotencyKey: `private-rental-action/${randomUUID()}`, actor: as, payload }] });
    },
    /** The action is refused by the update's validator; returns the plain Norwegian reason. */
    async refused(payload: PrivateRentalActionPayload, as: Actor = officer): Promise<string> {
      const err = await driver.act(payload, as).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      return (err as WorkflowUpdateFailedError).cause!.message;
    },
    view: () => handle().query(privateRentalStateQuery),
    tenancyView: () => ctx.env.client.workflow.getHandle(tenancyWorkflowId(caseId)).query(tenancyStateQuery),
    async sleepUntil(date: IsoDate) {
      await untilIdle(ctx.env, ids);
      const ms = osloInstant(date, '10:00') - (await ctx.env.currentTimeMs());
      if (ms > 0) await ctx.env.sleep(ms);
      await untilIdle(ctx.env, ids);
    },
    async sleepDays(days: number) {
      await driver.sleepUntil(addDays(await driver.today(), days));
    },
  };
  return driver;
}

export type PrivateRentalDriver = ReturnType<typeof driverFor>;

/** Phase 1: mapping and the planning meeting, with a plan deadline `weeks` ahead. */
export async function mapAndPlan(d: PrivateRentalDriver, weeks = 8) {
  const today = await d.today();
  await d.act({ type: 'recordMapping', date: today, challenges: ['evicted_before', 'economy'], followUpNeeded: true, supportExplained: true, ownResponsibilities: 'Søker selv på finn.no hver uke og går på visninger.' });
  await d.act({
    type: 'holdPlanningMeeting',
    date: today,
    participants: ['applicant', 'caseworker', 'procuring_unit', 'support_person'],
    plan: { searchers: ['applicant', 'procuring_unit'], maxMonthlyRentOre: 1_200_000, area: 'Tynset sentrum', minRooms: 2, deadline: addDays(today, weeks * 7) },
  });
}

export const candidate = (address: string, rentOre = 1_100_000): PrivateRentalActionPayload => ({
  type: 'addCandidate',
  source: 'ad',
  landlordName: 'Per Utleier',
  address,
  monthlyRentOre: rentOre,
  sizeSqm: 55,
  rooms: 2,
});

export function lease(startDate: IsoDate, years: number, overrides: Partial<Extract<PrivateRentalActionPayload, { type: 'checkLease' }>['lease']> = {}) {
  return {
    standardLease: 'forbrukerradet' as const,
    startDate,
    endDate: addDays(addYears(startDate, years), -1),
    monthlyRentOre: 1_100_000,
    depositOre: 0,
    depositOnBlockedAccountInTenantsName: true,
    terminationAsTheLaw: true,
    maintenanceReasonable: true,
    moveOutConditionReasonable: true,
    landlordsOwnHome: false,
    ...overrides,
  };
}

/** Phase 2 to the choice: a candidate viewed and wanted. Returns its number. */
export async function findAndChoose(d: PrivateRentalDriver, address: string): Promise<number> {
  const today = await d.today();
  await d.act(candidate(address));
  const seq = (await d.view()).candidates.length;
  await d.act({ type: 'recordViewing', candidate: seq, date: today, attendees: ['applicant', 'caseworker'], outcome: 'interested' });
  await d.act({ type: 'logLandlordContact', candidate: seq, date: today, channel: 'phone' });
  await d.act({ type: 'chooseDwelling', candidate: seq });
  return seq;
}
