import { randomUUID } from 'node:crypto';
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseEvents, caseTasks, tenancies } from '../../db/schema';
import { privateRentals } from '../../db/schema-private-rental';
import { addDays, addMonths, deadline, endOfMonth, osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import type { Actor } from '../../domain/roles';
import type { CaseActionPayload } from '../../domain/tenancy/actions';
import { caseActionUpdate } from '../../workflows/messages';
import { tenancyWorkflow } from '../../workflows/tenancy';
import { application, followUpWorker, interview, officer, testCaseId } from '../helpers/fixtures';
import { recordHistoryIfAsked, useWorkflowTestContext } from '../helpers/temporal';
import { driverFor, findAndChoose, lease, mapAndPlan, referredCase, type PrivateRentalDriver } from './private-rental-helpers';

/** Phase 3 for an accepted lease, then takeover and move-in. */
async function signAndMoveIn(d: PrivateRentalDriver) {
  const today = await d.today();
  await d.act({ type: 'recordTakeover', date: today, conditionNoted: true, meterReadings: [{ meter: 'strøm', reading: 12345 }], keys: 3, contentsInsurance: true, addressChanged: true, housingAllowanceApplied: true, rentPayment: 'standing_order' });
  await d.act({ type: 'recordMoveIn', date: today });
}

describe('privateRentalWorkflow: help to rent privately (seed 004), time-skipped', () => {
  const ctx = useWorkflowTestContext({ serverPerTest: true });

  it('finds a dwelling with a NAV guarantee, follows up for a year, and pays the guarantee claim in part', { timeout: 180_000 }, async () => {
    const d = await referredCase(ctx);
    // The referral continued the case instead of closing it.
    expect((await d.tenancyView()).phase).toBe('private_rental');
    await mapAndPlan(d);
    await d.act({ type: 'agreeSafetyPlan', date: await d.today(), measures: [{ measure: 'Hjemmebesøk og hjelp med budsjett', responsible: 'follow_up_worker' }], contactEveryWeeks: 8, followUpWorkerId: followUpWorker.id });
    const seq = await findAndChoose(d, 'Storgata 12, Tynset');
    const start = addDays(await d.today(), 7);
    await d.act({ type: 'recordRentalApproval', approved: true, source: 'property_register', date: await d.today() });
    await d.act({ type: 'checkLease', date: await d.today(), lease: lease(start, 3) });
    await d.act({ type: 'recordSecurity', security: { kind: 'guarantee', issuer: 'nav', reference: 'NAV-2026-118', amountOre: 6_600_000, validFrom: start, claimDeadlineMonths: 3 } });
    await d.act({ type: 'signSafetyAgreement', date: await d.today(), landlordCalls: 'follow_up_worker', municipalityDoes: ['Oppfølger tar kontakt innen to virkedager'], landlordContactAgreed: true });
    await d.act({ type: 'recordLeaseSigned', date: await d.today() });
    await d.sleepUntil(start);
    await signAndMoveIn(d);

    let view = await d.view();
    expect(view.phase).toBe('follow_up');
    expect(view.firstContactDue).toBe(deadline(start, { months: 3 }));
    expect(view.tasks.map((t) => t.id).sort()).toEqual(['pr-first-contact', 'pr-first-landlord-contact']);
    expect(view.tasks.find((t) => t.id === 'pr-first-contact')).toMatchObject({ role: 'follow_up_worker', assigneeId: followUpWorker.id });

    // A year of follow-up: tenant and landlord within three months, then the tenant every eight weeks.
    await d.sleepDays(30);
    await d.act({ type: 'recordContact', date: await d.today(), with: 'tenant', channel: 'visit' }, followUpWorker);
    await d.act({ type: 'recordContact', date: await d.today(), with: 'landlord', channel: 'phone' });
    for (let i = 0; i < 6; i++) {
      await d.sleepDays(54);
      await d.act({ type: 'recordContact', date: await d.today(), with: 'tenant', channel: 'visit' }, followUpWorker);
    }
    view = await d.view();
    expect(view.tasks.map((t) => t.id)).toEqual(['pr-plan-contact']);
    expect(view.tasks.some((t) => t.overdue)).toBe(false);

    // The landlord's notice without the objection right is void (§ 9-7); the lease runs on.
    const noticeDate = await d.today();
    const moveOutDate = endOfMonth(addMonths(endOfMonth(noticeDate), 3));
    const invalid = await d.act({ type: 'recordTermination', by: 'landlord', noticeDate, moveOutDate, landlordNotice: { written: true, reasonGiven: true, statesObjectionRight: false } });
    expect(invalid.message).toContain('§ 9-7');
    expect((await d.view()).termination).toBeUndefined();
    expect(await d.refused({ type: 'recordMoveOut', date: noticeDate, keysReturned: true, damages: [] })).toBe('Utflytting registreres etter at leieforholdet er sagt opp.');
    const valid = await d.act({ type: 'recordTermination', by: 'landlord', noticeDate, moveOutDate, landlordNotice: { written: true, reasonGiven: true, statesObjectionRight: true } });
    expect(valid.message).toContain(`protestere skriftlig til ${addMonths(noticeDate, 1)}`);

    await d.sleepUntil(moveOutDate);
    await d.act({ type: 'recordMoveOut', date: moveOutDate, keysReturned: true, damages: [{ what: 'Hull i vegg på soverommet', estimatedOre: 800_000 }] });
    expect((await d.view()).claimDeadline).toBe(deadline(moveOutDate, { months: 3 }));
    expect(await d.refused({ type: 'closePrivateRental', outcome: 'new_private_lease' })).toContain('Utleier kan kreve garantien til');

    await d.sleepDays(20);
    await d.act({ type: 'registerGuaranteeClaim', receivedDate: await d.today(), items: [{ kind: 'rent_arrears', amountOre: 1_000_000 }, { kind: 'damage', amountOre: 1_500_000 }] });
    // Checked against the protocol: more damage than it recorded is not paid.
    expect(await d.refused({ type: 'decideGuaranteeClaim', date: await d.today(), items: [{ approvedOre: 1_000_000 }, { approvedOre: 1_500_000 }] })).toContain('Utflyttingsprotokollen viser skader for');
    expect(await d.refused({ type: 'decideGuaranteeClaim', date: await d.today(), items: [{ approvedOre: 1_000_000 }, { approvedOre: 800_000 }] })).toBe('Post 2: oppgi grunnen når kravet ikke betales fullt ut.');
    const decided = await d.act({ type: 'decideGuaranteeClaim', date: await d.today(), items: [{ approvedOre: 1_000_000 }, { approvedOre: 800_000, reason: 'Protokollen viser skader for 8 000 kr.' }] });
    expect(decided.message).toContain('delvis betalt');
    expect((await d.view()).guaranteeClaim?.decision).toMatchObject({ outcome: 'partly_paid', paidOre: 1_800_000 });

    await d.act({ type: 'closePrivateRental', outcome: 'new_private_lease', note: 'Har fått ny privat leieavtale selv.' });
    const result = await ctx.env.client.workflow.getHandle(d.workflowId).result();
    expect(result).toEqual({ caseId: d.caseId, outcome: 'new_private_lease' });
    const tenancyResult = await ctx.env.client.workflow.getHandle(`tenancy-${d.caseId}`).result();
    expect(tenancyResult).toEqual({ caseId: d.caseId, closedReason: 'referred_private_market' });
    await recordHistoryIfAsked(ctx.env, d.workflowId, '', 'private-rental-v1');
    await recordHistoryIfAsked(ctx.env, `tenancy-${d.caseId}`, '', 'tenancy-referred-to-private-rental');

    // One case history across both workflows, and read model rows for both.
    const db = ctx.database.db;
    const kinds = (await db.select().from(caseEvents).where(eq(caseEvents.caseId, d.caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id))).map((e) => e.kind);
    expect(kinds[0]).toBe('application_received');
    expect(kinds).toEqual(expect.arrayContaining(['referred_private_rental', 'private_rental_started', 'pr_plan_made', 'pr_lease_accepted', 'pr_moved_in', 'pr_notice_invalid', 'pr_claim_decided', 'pr_closed', 'case_closed']));
    const [row] = await db.select().from(privateRentals).where(eq(privateRentals.caseId, d.caseId));
    expect(row).toMatchObject({ status: 'closed', outcome: 'new_private_lease', moveInDate: start, phase: 'closed' });
    const [tenancy] = await db.select().from(tenancies).where(eq(tenancies.caseId, d.caseId));
    expect(tenancy).toMatchObject({ status: 'closed', closedReason: 'referred_private_market' });
    expect(await db.select().from(caseTasks).where(eq(caseTasks.caseId, d.caseId))).toEqual([]);
    expect(seq).toBe(1);
  });

  it('lends the deposit through NAV, rejects a lease shorter than three years without reason, and accepts a second dwelling', { timeout: 120_000 }, async () => {
    const d = await referredCase(ctx);
    await mapAndPlan(d);
    const first = await findAndChoose(d, 'Kirkeveien 3, Tynset');
    const start = addDays(await d.today(), 14);
    await d.act({ type: 'recordRentalApproval', approved: true, source: 'property_register', date: await d.today() });
    const rejected = await d.act({ type: 'checkLease', date: await d.today(), lease: lease(start, 1, { standardLease: null }) });
    expect(rejected.message).toContain('kortere enn tre år uten at grunnen er oppgitt');
    // A deposit of more than six months' rent, and a NAV deposit without a decision, are refused.
    expect(await d.refused({ type: 'recordSecurity', security: { kind: 'deposit', source: 'tenant', amountOre: 6_600_001 } })).toContain('seks måneders husleie');
    expect(await d.refused({ type: 'recordSecurity', security: { kind: 'deposit', source: 'nav_loan', amountOre: 3_300_000 } })).toBe('Et depositum NAV låner ut eller gir trenger NAVs vedtak med beløp.');
    await d.act({ type: 'recordSecurity', security: { kind: 'deposit', source: 'nav_loan', amountOre: 3_300_000, decision: { reference: 'NAV-LÅN-77', date: await d.today(), amountOre: 3_300_000 } } });
    expect(await d.refused({ type: 'recordLeaseSigned', date: await d.today() })).toContain('Leieavtalen ble ikke godtatt ved kontrollen: Tidsbestemt leieavtale er kortere enn tre år');

    await d.act({ type: 'abandonDwelling', reason: 'Utleier ville bare leie ut for ett år.' });
    expect((await d.view()).phase).toBe('finding');
    const second = await findAndChoose(d, 'Parkvegen 7, Tynset');
    expect(second).toBe(first + 1);
    expect(await d.refused({ type: 'recordLeaseSigned', date: await d.today() })).toBe('Boligen må være godkjent for utleie før leieavtalen signeres.');
    await d.act({ type: 'recordRentalApproval', approved: true, source: 'municipal_scheme', date: await d.today() });
    const accepted = await d.act({ type: 'checkLease', date: await d.today(), lease: lease(start, 3, { standardLease: null, depositOre: 3_300_000 }) });
    expect(accepted.message).toContain('kontrollert og godtatt');
    await d.act({ type: 'recordLeaseSigned', date: await d.today() });
    await d.sleepUntil(start);
    await signAndMoveIn(d);
    const view = await d.view();
    expect(view).toMatchObject({ phase: 'follow_up', moveInDate: start, security: { kind: 'deposit', source: 'nav_loan', amountOre: 3_300_000 } });
    expect(view.leaseChecks.map((c) => [c.candidate, c.accepted])).toEqual([[first, false], [second, true]]);
    // No contact within three months: the task becomes overdue, and the case says so on its timeline.
    await d.sleepUntil(addDays(view.firstContactDue!, 2));
    expect((await d.view()).tasks.find((t) => t.id === 'pr-first-contact')?.overdue).toBe(true);
    const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, d.caseId));
    expect(events.some((e) => e.kind === 'deadline_missed' && e.summary.includes('Kontakt leietaker innen tre måneder'))).toBe(true);
  });

  it('opens a revision task when the plan deadline passes without a dwelling, and the revised plan goes on', { timeout: 120_000 }, async () => {
    const d = await referredCase(ctx);
    expect(await d.refused({ type: 'holdPlanningMeeting', date: await d.today(), participants: ['applicant', 'procuring_unit'], plan: { searchers: ['applicant'], maxMonthlyRentOre: 1_000_000, area: 'Tynset', minRooms: 1, deadline: addDays(await d.today(), 30) } })).toBe('Kartleggingen må registreres før planmøtet.');
    await mapAndPlan(d, 4);
    const planDeadline = (await d.view()).plan!.deadline;
    await d.act({ type: 'addCandidate', source: 'partner_landlord', landlordName: 'Tynset Utleie AS', address: 'Bruvegen 1', monthlyRentOre: 1_500_000, sizeSqm: 40, rooms: 1 });
    expect(await d.refused({ type: 'chooseDwelling', candidate: 1 })).toBe('Boligen må ha vært på visning, og søkeren må ønske den, før den velges.');
    await d.sleepUntil(addDays(planDeadline, 3));
    let view = await d.view();
    expect(view.plan?.deadlineMissed).toBe(true);
    expect(view.tasks.map((t) => t.id)).toContain('pr-revise-plan');
    const revised = await d.act({ type: 'revisePlan', deadline: addDays(await d.today(), 42), maxMonthlyRentOre: 1_300_000, reason: 'Få boliger i sentrum; utvider til hele kommunen.' });
    expect(revised.message).toContain('revidert (1. gang)');
    view = await d.view();
    expect(view.tasks.map((t) => t.id)).not.toContain('pr-revise-plan');
    expect(view.plan).toMatchObject({ deadlineMissed: false, revisions: 1, maxMonthlyRentOre: 1_300_000 });
    const kinds = (await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, d.caseId))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['pr_plan_deadline_missed', 'pr_plan_revised']));
  });

  it('moves the case back into the municipal process, and a second referral gets a workflow of its own', { timeout: 120_000 }, async () => {
    const d = await referredCase(ctx);
    await mapAndPlan(d);
    await d.act({ type: 'returnToMunicipalProcess', reason: 'Boligutvalget vedtok kommunal bolig.' });
    expect(await ctx.env.client.workflow.getHandle(d.workflowId).result()).toEqual({ caseId: d.caseId, outcome: 'municipal_process' });
    await d.sleepDays(0);
    const tenancy = await d.tenancyView();
    expect(tenancy.phase).toBe('application');
    expect(tenancy.status).toBe('active');
    expect(tenancy.tasks.map((t) => t.id)).toEqual(['decision']);
    // Refer again: the first referral's timeline lines are kept, the second's are its own.
    await d.actOnTenancy({ type: 'referElsewhere', outcome: 'private_market', note: 'Ny vurdering: privat leie likevel.' });
    const again = driverFor(ctx, d.caseId, 2, d.actOnTenancy);
    expect((await again.view()).phase).toBe('mapping');
    await again.act({ type: 'returnToMunicipalProcess', reason: 'Tilbake igjen.' });
    await ctx.env.client.workflow.getHandle(again.workflowId).result();
    await again.sleepDays(0);
    await d.actOnTenancy({ type: 'recordDecision', outcome: 'approved', date: await d.today() });
    expect((await d.tenancyView()).phase).toBe('allocation');
    const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, d.caseId));
    expect(events.filter((e) => e.kind === 'private_rental_started')).toHaveLength(2);
    expect(events.filter((e) => e.kind === 'returned_from_private_rental')).toHaveLength(2);
    const rows = await ctx.database.db.select().from(privateRentals).where(eq(privateRentals.caseId, d.caseId));
    expect(rows.map((r) => r.outcome)).toEqual(['municipal_process', 'municipal_process']);
  });

  it('follows the housing committee: a decision refers the case to private rental, a later one brings it back', { timeout: 120_000 }, async () => {
    const caseId = testCaseId();
    const today = await ctx.env.currentTimeMs().then(osloDate);
    const tenancy = await ctx.env.client.workflow.start(tenancyWorkflow, { workflowId: tenancyWorkflowId(caseId), taskQueue: ctx.taskQueue, args: [{ caseId, application: application({ receivedDate: today }) }] });
    const actOnTenancy = (payload: CaseActionPayload, as: Actor = officer) => tenancy.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: randomUUID(), actor: as, payload }] });
    const committee: Actor = { id: 'boligutvalget', roles: ['committee_member'], municipality: 'tynset' };
    const decision = (kind: 'refer_private_rental' | 'return_to_municipal_process', itemId: string) =>
      actOnTenancy({ type: 'applyCommitteeDecision', meetingId: 'm-1', itemId, date: today, text: 'Utvalget vedtok dette.', effect: { kind } }, committee);
    await actOnTenancy(interview(today));
    const early = await decision('return_to_municipal_process', 'a').then(() => undefined, (e: WorkflowUpdateFailedError) => e.cause?.message);
    expect(early).toBe('Saken følges ikke i prosessen for hjelp til å leie privat.');
    await decision('refer_private_rental', 'b');
    const d = driverFor(ctx, caseId, 1, actOnTenancy);
    expect((await d.view()).phase).toBe('mapping');
    await mapAndPlan(d);
    await decision('return_to_municipal_process', 'c');
    expect(await ctx.env.client.workflow.getHandle(d.workflowId).result()).toEqual({ caseId, outcome: 'municipal_process' });
    await d.sleepDays(0);
    expect((await d.tenancyView()).phase).toBe('application');
  });
});
