import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../helpers/api';
import { application, interview } from '../helpers/fixtures';

const { receivedDate: _received, housingOfficerId: _officer, ...form } = application();

/** Issue 10, items 9 and 15: absurd dates and unknown fields are refused at the edge, before any case changes. */
describe('API: strict schemas and bounded dates', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness('api edge schemas');
  });
  afterAll(async () => {
    await api?.close();
  });

  const submit = (body: unknown) => api.request('POST', '/api/tenancies', { body, headers: { 'Idempotency-Key': `app-${randomUUID()}` } });
  const act = (caseId: string, body: unknown) => api.request('POST', `/api/tenancies/${caseId}/actions`, { body, headers: { 'Idempotency-Key': `act-${randomUUID()}` } });

  it('refuses a received date whose year a case ID cannot carry or the calendar cannot reach', async () => {
    for (const receivedDate of ['0999-12-31', '9999-12-31', '1899-12-31', '2200-01-01']) {
      const res = await submit({ ...form, receivedDate });
      expect(res.status, receivedDate).toBe(400);
      expect(res.body.error).toBe('«Mottatt dato» må være en dato mellom 1900-01-01 og 2199-12-31.');
    }
  });

  it('refuses unknown fields in an action body, naming them, and applies nothing', async () => {
    const created = await submit(form);
    expect(created.status).toBe(201);
    const { caseId } = created.body;
    const payload = interview('2026-11-24');
    for (const [extra, named] of [
      [{ constructor: 'x' }, 'constructor'],
      [{ notes: 'skrivefeil' }, 'notes'],
      [JSON.parse('{"__proto__": {"admin": true}}'), '__proto__'],
    ] as const) {
      const res = await act(caseId, { ...payload, ...extra });
      expect(res.status, named).toBe(400);
      expect(res.body.error).toContain(`inneholder ukjente felt: ${named}`);
    }
    const nested = await act(caseId, { ...payload, interview: { ...payload.interview, roomNeeded: 2 } });
    expect(nested.status).toBe(400);
    expect(nested.body.error).toContain('ukjente felt: roomNeeded');

    const got = await api.request('GET', `/api/tenancies/${caseId}`);
    expect(got.body.live.interviews ?? []).toHaveLength(0);
    expect((await act(caseId, payload)).status).toBe(200);
  });

  it('documents every request body and query as closed to unknown fields', async () => {
    const doc = (await api.request('GET', '/api/openapi.json', { token: null })).body;
    const open: string[] = [];
    const walk = (schema: any, where: string): void => {
      if (!schema || typeof schema !== 'object') return;
      if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [k, v] of Object.entries(schema)) if (k !== 'additionalProperties') walk(v, `${where}.${k}`);
    };
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) walk(op.requestBody?.content?.['application/json']?.schema, `${method} ${path}`);
    }
    expect(open).toEqual([]);
  });
});
