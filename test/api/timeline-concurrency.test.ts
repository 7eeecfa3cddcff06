import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingSubmissions } from '../../api/submission-relay';
import { caseEvents, formSubmissions } from '../../db/schema';
import { createLogger } from '../../platform/logger';
import { osloDate } from '../../domain/calendar';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { runSteps, startApiHarness, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';

/** Issue 10, item 4: no timeline line is lost when updates on one case overlap. */
describe('API: the case timeline under concurrent updates', () => {
  let api: ApiHarness;
  const today = osloDate(Date.now());
  beforeAll(async () => {
    api = await startApiHarness('api timeline concurrency');
    for (const dwelling of DEMO_DWELLINGS) await api.request('PUT', '/api/dwellings', { body: { ...dwelling, municipality: 'tynset' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('keeps one incident_opened line for each of 30 incidents reported at once', async () => {
    const { receivedDate: _r, ...form } = application();
    const created = await api.request('POST', '/api/tenancies', { body: form, headers: { 'Idempotency-Key': randomUUID() } });
    const caseId: string = created.body.caseId;
    await runSteps(api, caseId, [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)]);
    const pending = () => api.database.db.select().from(formSubmissions).where(and(eq(formSubmissions.caseId, caseId), eq(formSubmissions.status, 'pending')));
    const reports = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api.request('POST', `/api/tenancies/${caseId}/incidents`, {
          body: { situation: 'burglary_or_damage', description: `Skade nr. ${i + 1} meldt`, channel: 'staff_app', occurredAt: new Date().toISOString() },
          headers: { 'Idempotency-Key': `inc-${randomUUID()}` },
        }),
      ),
    );
    // Updates that did not finish within the API's deadline are kept and delivered by the relay.
    expect(reports.every((r) => r.status === 201 || r.status === 202)).toBe(true);
    const deps = { db: api.database.db, temporal: api.temporal, taskQueue: api.taskQueue, logger: createLogger('silent') };
    await expect.poll(async () => (await deliverPendingSubmissions(deps, { caseIds: [caseId] }), (await pending()).length), { timeout: 60_000, interval: 500 }).toBe(0);
    const opened = () => api.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'incident_opened')));
    await expect.poll(async () => (await opened()).length, { timeout: 15_000 }).toBe(30);
  });
});
