import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloDate, osloInstant } from '../../domain/calendar';
import type { TenancyView } from '../../domain/tenancy/view';
import { startApiHarness, TOKENS, type ApiHarness } from '../helpers/api';
import { createTimeSkippingEnv, untilIdle } from '../helpers/temporal';
import { tenancyWorkflowId } from '../../domain/ids';
import { DWELLINGS, MUNICIPAL_CHECKLIST_ITEM, runFullTenancyStory, type StoryDriver } from '../stories/full-tenancy';

/**
 * The whole tenancy story through HTTP only: every step a staff member takes is a request to the
 * API, which runs against PostgreSQL and a Temporal server that skips time (three years pass in seconds).
 */
const STORY = 'storyby';
const STORY_TOKENS = [`story-officer:kari.nordmann:housing_officer+housing_office:${STORY}`, `story-oppfolger:ola.hansen:follow_up_worker:${STORY}`].join(',');
const TOKENS_HERE = { officer: 'story-officer', followUpWorker: 'story-oppfolger' };

describe('API: a whole tenancy through HTTP', () => {
  let env: TestWorkflowEnvironment;
  let api: ApiHarness;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    // A municipality of its own: the story changes the municipality's policy, which other files must not see.
    api = await startApiHarness('api story', { timeSkipping: env, extraTokens: STORY_TOKENS });
  });
  afterAll(async () => {
    await api?.close();
    await env?.teardown();
  });

  it('drives application to move-out with staff actions, and lists the work per person and role', { timeout: 180_000 }, async () => {
    const policy = await api.request('PUT', `/api/municipalities/${STORY}/policy`, { token: TOKENS_HERE.officer, body: { extraChecklistItems: [MUNICIPAL_CHECKLIST_ITEM] } });
    expect(policy.status).toBe(200);
    expect(policy.body.effective.checklistItems).toHaveLength(7);
    for (const dwelling of Object.values(DWELLINGS)) {
      expect((await api.request('PUT', '/api/dwellings', { token: TOKENS_HERE.officer, body: { ...dwelling, municipality: STORY } })).status).toBe(200);
    }
    const created = await api.request('POST', '/api/tenancies', {
      token: TOKENS_HERE.officer,
      headers: { 'Idempotency-Key': `story-${randomUUID()}` },
      body: {
        municipality: STORY,
        applicant: { name: 'Ingrid Bakken', phone: '+47 912 34 567' },
        householdMembers: [{ name: 'Emil Bakken', relation: 'child', birthYear: 2018 }],
        currentHousing: 'Bor midlertidig hos en venn.',
        housingOfficerId: 'kari.nordmann',
      },
    });
    expect(created.status).toBe(201);
    const caseId: string = created.body.caseId;
    const tokens = TOKENS_HERE;
    let taskListsChecked = false;

    const post = (payload: Record<string, unknown>, as: keyof typeof tokens = 'officer') => {
      const body = payload.type === 'offerDwelling' ? { type: 'offerDwelling', dwellingId: (payload.dwelling as { id: string }).id } : payload;
      return api.request('POST', `/api/tenancies/${caseId}/actions`, { token: tokens[as], body, headers: { 'Idempotency-Key': randomUUID() } });
    };
    const driver: StoryDriver = {
      today: async () => osloDate(await env.currentTimeMs()),
      async sleepUntil(date) {
        await untilIdle(env, [tenancyWorkflowId(caseId)]);
        const ms = osloInstant(date, '10:00') - (await env.currentTimeMs());
        if (ms > 0) await env.sleep(ms);
      },
      async act(payload, as) {
        const res = await post(payload, as);
        if (res.status !== 200) throw new Error(`${payload.type}: ${res.status} ${JSON.stringify(res.body)}`);
        if (payload.type === 'createAgreement' && !taskListsChecked) {
          taskListsChecked = true;
          // The follow-up worker's work list shows their signature task; the officer's role list shows the rest.
          const mine = await api.request('GET', '/api/tasks?assignee=me', { token: TOKENS_HERE.followUpWorker });
          expect(mine.body.tasks.filter((t: { caseId: string }) => t.caseId === caseId).map((t: { taskId: string }) => t.taskId)).toEqual(['sign-agreement-follow_up_worker']);
          const officers = await api.request('GET', '/api/tasks?role=housing_officer', { token: TOKENS_HERE.officer });
          expect(officers.body.tasks.filter((t: { caseId: string }) => t.caseId === caseId).map((t: { taskId: string }) => t.taskId).sort()).toEqual([
            'follow-up-agreement', 'sign-agreement-housing_officer', 'sign-agreement-tenant',
          ]);
        }
        return res.body;
      },
      async refused(payload, as) {
        const res = await post(payload, as);
        expect(res.status).toBe(409);
        return res.body.error;
      },
      async view() {
        // The story checks the workflow's own state; the read model is checked by the work lists.
        const res = await api.request('GET', `/api/tenancies/${caseId}?source=workflow`, { token: TOKENS_HERE.officer });
        expect(res.status).toBe(200);
        return res.body.live as TenancyView;
      },
      async payRent(amountOre) {
        const date = osloDate(await env.currentTimeMs());
        const res = await api.request('POST', '/api/rent/payments', { token: TOKENS.admin, body: { transactionId: randomUUID(), date, amountOre, caseId } });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        // As of the story's (skipped) time, not the wall clock's.
        const account = await api.request('GET', `/api/tenancies/${caseId}/rent?asOf=${date}`, { token: TOKENS.admin });
        expect(account.status).toBe(200);
        return account.body.summary.creditOre as number;
      },
    };

    await runFullTenancyStory(driver);

    await expect.poll(async () => (await api.request('GET', `/api/tenancies/${caseId}`, { token: TOKENS_HERE.officer })).body.case.status).toBe('closed');
    const final = await api.request('GET', `/api/tenancies/${caseId}`, { token: TOKENS_HERE.officer });
    expect(final.body.case).toMatchObject({ phase: 'closed', closedReason: 'moved_out_tenant_notice' });
    const timeline: Array<{ kind: string; summary: string; at: string }> = final.body.timeline;
    expect(timeline[0]).toMatchObject({ kind: 'application_received' });
    expect(timeline.at(-1)).toMatchObject({ kind: 'case_closed' });
    if (process.env.PRINT_TIMELINE) console.log(timeline.filter((t) => t.kind !== 'visit_recorded').map((t) => `${osloDate(Date.parse(t.at))}  ${t.kind.padEnd(28)} ${t.summary}`).join('\n'));

    const stats = await api.request('GET', '/api/statistics', { token: TOKENS_HERE.officer });
    expect(stats.body.closedByReason).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'moved_out_tenant_notice' })]));
  });
});
