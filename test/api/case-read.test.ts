import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';

/** Issue 14: reads never wait on workflows; the case page is served from the read model. */
describe('API: a case is read from the read model', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness('api case read');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('serves the case with its open tasks while no worker runs, and asks the workflow only when told to', async () => {
    const { receivedDate: _r, housingOfficerId: _o, ...form } = application();
    const created = await api.request('POST', '/api/tenancies', { body: form, headers: { 'Idempotency-Key': `app-${randomUUID()}` } });
    const { caseId } = created.body;
    await expect.poll(async () => (await api.request('GET', `/api/tenancies/${caseId}`)).body.source).toBe('read_model');

    await api.stopWorker();
    try {
      const t0 = performance.now();
      const page = await api.request('GET', `/api/tenancies/${caseId}`);
      expect(performance.now() - t0).toBeLessThan(2_000);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ source: 'read_model', live: { caseId, phase: 'application', tasks: [expect.objectContaining({ id: 'mapping-interview' })] } });
      expect(page.body.liveError).toBeUndefined();

      // Asked for explicitly, the workflow cannot answer without a worker: the page says so and
      // still shows what the read model has.
      const asked = await api.request('GET', `/api/tenancies/${caseId}?source=workflow`);
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({ source: 'read_model', liveError: expect.stringContaining('svarte ikke'), live: { caseId } });
    } finally {
      await api.startWorker();
    }
    const live = await api.request('GET', `/api/tenancies/${caseId}?source=workflow`);
    expect(live.body).toMatchObject({ source: 'workflow', live: { caseId, phase: 'application' } });
  });
});
