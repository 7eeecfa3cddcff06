import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingSubmissions } from '../../api/submission-relay';
import { auditedCase } from '../../api/audit';
import { auditLog, formSubmissions } from '../../db/schema';
import { formatCaseId, tenancyWorkflowId } from '../../domain/ids';
import { createLogger } from '../../platform/logger';
import { osloInstant } from '../../domain/calendar';
import { EscalationLevelKey, MunicipalityKey, NextDeadlineKey, PhaseKey } from '../../domain/search-attributes';
import { tenancyStateQuery } from '../../workflows/messages';
import { startApiHarness, TOKENS, type ApiHarness } from '../helpers/api';
import { freePort } from '../../platform/free-port';
import { application, interview } from '../helpers/fixtures';

// The form as a client sends it: the server sets the received date.
const { receivedDate: _received, housingOfficerId: _officer, ...form } = application();

describe('API: tenancies over HTTP against real Temporal and PostgreSQL', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness('api tenancies');
  });
  afterAll(async () => {
    await api?.close();
  });

  const submit = (key: string, body: unknown = form, token: string = TOKENS.officer) =>
    api.request('POST', '/api/tenancies', { body, token, headers: { 'Idempotency-Key': key } });

  it('starts one case per idempotency key and returns the same case on a resend', async () => {
    const key = `app-${randomUUID()}`;
    const first = await submit(key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'started', caseId: expect.stringMatching(/^TYN-\d{4}-[A-Z2-9]{6}$/) });
    expect(first.headers.get('location')).toBe(`/api/tenancies/${first.body.caseId}`);

    const again = await submit(key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'existing', caseId: first.body.caseId });

    const other = await submit(key, { ...form, applicant: { name: 'Noen Andre' } });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatch(/idempotensnøkkelen er allerede brukt/i);

    const got = await api.request('GET', `/api/tenancies/${first.body.caseId}`);
    expect(got.status).toBe(200);
    expect(got.body.case).toMatchObject({ caseId: first.body.caseId, municipality: 'tynset', phase: 'application', applicantName: 'Ingrid Bakken' });
    expect(got.body.live).toMatchObject({ caseId: first.body.caseId, phase: 'application', tasks: [expect.objectContaining({ id: 'mapping-interview' })] });
    const rows = await api.database.db.select().from(formSubmissions).where(eq(formSubmissions.submissionId, key));
    expect(rows).toHaveLength(1);
  });

  it('answers invalid input with 400 and a plain Norwegian message naming the field', async () => {
    const bad = await submit(`app-${randomUUID()}`, { ...form, applicant: { name: 'Ingrid', email: 'ikke-en-adresse' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('«Søker → e-post» må være en gyldig e-postadresse.');
    expect(bad.body.problems).toEqual([{ field: 'applicant.email', message: '«Søker → e-post» må være en gyldig e-postadresse' }]);

    const missing = await submit(`app-${randomUUID()}`, { ...form, currentHousing: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('«Nåværende bosituasjon» må fylles ut.');

    const noKey = await api.request('POST', '/api/tenancies', { body: form });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error).toMatch(/Idempotency-Key/);

    const notJson = await fetch(`${api.baseUrl}/api/tenancies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.officer}`, 'content-type': 'application/json', 'Idempotency-Key': 'abcdefgh-1' },
      body: '{"municipality":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toBe('Innholdet er ikke gyldig JSON.');
  });

  it('authenticates every route, authorises by role and case, and audit-logs personal data access', async () => {
    const created = await submit(`app-${randomUUID()}`);
    const caseId: string = created.body.caseId;

    expect((await api.request('GET', `/api/tenancies/${caseId}`, { token: null })).status).toBe(401);
    expect((await api.request('GET', `/api/tenancies/${caseId}`, { token: 'wrong-token-123' })).status).toBe(401);
    // Intake forms may file applications but never read cases.
    expect((await api.request('GET', `/api/tenancies/${caseId}`, { token: TOKENS.intake })).status).toBe(403);
    // A follow-up worker who is not assigned to the case has no need to know.
    const denied = await api.request('GET', `/api/tenancies/${caseId}`, { token: TOKENS.followUpWorker });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('Du har ikke tilgang til denne saken.');

    await api.request('GET', `/api/tenancies/${caseId}`);
    const entries = await api.database.db.select().from(auditLog).where(auditedCase(caseId));
    expect(entries.map((e) => [e.action, e.actorId, e.outcome])).toEqual(
      expect.arrayContaining([
        ['write', 'kari.nordmann', 201],
        ['denied', 'ola.hansen', 403],
        ['read', 'kari.nordmann', 200],
      ]),
    );
    expect(entries.find((e) => e.action === 'read')?.route).toBe('GET /api/tenancies/:caseId');
  });

  it('applies staff actions as workflow updates: once per key, and rejects a step out of order with 409', async () => {
    const { body } = await submit(`app-${randomUUID()}`);
    const path = `/api/tenancies/${body.caseId}/actions`;
    const key = `act-${randomUUID()}`;
    const first = await api.request('POST', path, { body: interview('2026-11-20'), headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: true, type: 'recordInterview' });
    const again = await api.request('POST', path, { body: interview('2026-11-20'), headers: { 'Idempotency-Key': key } });
    expect(again.body).toEqual(first.body);

    await api.request('POST', path, { body: { type: 'withdrawApplication', reason: 'Fant privat bolig' }, headers: { 'Idempotency-Key': `act-${randomUUID()}` } });
    const late = await api.request('POST', path, { body: interview('2026-11-21'), headers: { 'Idempotency-Key': `act-${randomUUID()}` } });
    expect([409, 404]).toContain(late.status);

    const got = await api.request('GET', `/api/tenancies/${body.caseId}`);
    expect(got.body.case).toMatchObject({ status: 'closed', closedReason: 'withdrawn' });
    expect(got.body.timeline.map((t: { kind: string }) => t.kind)).toEqual(['application_received', 'interview_recorded', 'case_closed']);
  });

  it('rejects an action the case is not ready for with a plain message, changing nothing', async () => {
    const { body } = await submit(`app-${randomUUID()}`);
    const path = `/api/tenancies/${body.caseId}/actions`;
    const res = await api.request('POST', path, { body: interview('2026-11-20'), token: TOKENS.admin, headers: { 'Idempotency-Key': `act-${randomUUID()}` } });
    expect(res.status).toBe(200);
    const handle = api.temporal.workflow.getHandle(tenancyWorkflowId(body.caseId));
    const before = await handle.query(tenancyStateQuery);
    const bad = await api.request('POST', path, { body: { type: 'recordInterview', interview: { ...interview('x').interview, date: '2026-02-30' } }, headers: { 'Idempotency-Key': `act-${randomUUID()}` } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/dato/);
    expect((await handle.query(tenancyStateQuery)).version).toBe(before.version);
  });

  it('keeps a submission made while Temporal is unreachable and delivers it once, later', async () => {
    const deadAddress = `127.0.0.1:${await freePort()}`;
    const offline = new Client({ connection: Connection.lazy({ address: deadAddress, connectTimeout: 500 }), namespace: 'default' });
    const { receiveApplication } = await import('../../api/tenancy-intake');
    const logger = createLogger('silent');
    const key = `app-${randomUUID()}`;
    const deps = { db: api.database.db, temporal: offline, taskQueue: api.taskQueue, logger };
    const actor = { id: 'skjema', roles: ['intake' as const], municipality: 'tynset' };
    const stored = await receiveApplication(deps, { actor, idempotencyKey: key, input: form });
    expect(stored.kind).toBe('pending');
    const [row] = await api.database.db.select().from(formSubmissions).where(eq(formSubmissions.submissionId, key));
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });

    const online = { ...deps, temporal: api.temporal };
    // Scoped to this test's case: other test files share the database and keep their own pending forms.
    expect(await deliverPendingSubmissions(online, { caseIds: [stored.caseId] })).toBe(1);
    expect(await deliverPendingSubmissions(online, { caseIds: [stored.caseId] })).toBe(0);
    const view = await api.temporal.workflow.getHandle(tenancyWorkflowId(stored.caseId)).query(tenancyStateQuery);
    expect(view.caseId).toBe(stored.caseId);
    const delivered = await api.database.db
      .select()
      .from(formSubmissions)
      .where(and(eq(formSubmissions.submissionId, key), eq(formSubmissions.status, 'delivered')));
    expect(delivered).toHaveLength(1);
  });

  it('draws a new case ID when the random one is already a case, instead of answering 500', async () => {
    const { receiveApplication } = await import('../../api/tenancy-intake');
    const taken = (await submit(`app-${randomUUID()}`)).body.caseId as string;
    const drawn: string[] = [];
    const deps = {
      db: api.database.db,
      temporal: api.temporal,
      taskQueue: api.taskQueue,
      logger: createLogger('silent'),
      // The first draw meets the case above; the second is free.
      drawCaseId: (municipality: string, year: number) => (drawn.push(drawn.length === 0 ? taken : formatCaseId(municipality, year, Math.random)), drawn.at(-1)!),
    };
    const actor = { id: 'skjema', roles: ['intake' as const], municipality: 'tynset' };
    const outcome = await receiveApplication(deps, { actor, idempotencyKey: `app-${randomUUID()}`, input: form });
    expect(drawn).toHaveLength(2);
    expect(outcome).toMatchObject({ kind: 'started', caseId: drawn[1] });
    expect(outcome.caseId).not.toBe(taken);
  });

  it('keeps search attributes current so Temporal\'s own UI can filter cases', async () => {
    const { body } = await submit(`app-${randomUUID()}`);
    const workflowId = tenancyWorkflowId(body.caseId);
    const handle = api.temporal.workflow.getHandle(workflowId);
    await api.request('POST', `/api/tenancies/${body.caseId}/actions`, { body: interview('2026-11-20'), headers: { 'Idempotency-Key': `act-${randomUUID()}` } });
    await api.request('POST', `/api/tenancies/${body.caseId}/actions`, {
      body: { type: 'recordDecision', outcome: 'approved', date: '2026-11-21' },
      headers: { 'Idempotency-Key': `act-${randomUUID()}` },
    });
    const view = await handle.query(tenancyStateQuery);
    const attrs = (await handle.describe()).typedSearchAttributes;
    expect(attrs.get(PhaseKey)).toBe('allocation');
    expect(attrs.get(MunicipalityKey)).toBe('tynset');
    expect(attrs.get(EscalationLevelKey)).toBe(0);
    expect(attrs.get(NextDeadlineKey)?.toISOString()).toBe(new Date(osloInstant(view.nextDeadline!)).toISOString());
    // The dev server's visibility store answers the same filter the ops staff type into the UI.
    const query = `WorkflowId = '${workflowId}' AND BotryggPhase = 'allocation' AND BotryggMunicipality = 'tynset'`;
    await expect
      .poll(async () => {
        const found: string[] = [];
        for await (const wf of api.temporal.workflow.list({ query })) found.push(wf.workflowId);
        return found;
      }, { timeout: 10_000 })
      .toEqual([workflowId]);
  });

  it('reports readiness and serves an OpenAPI 3.1 document derived from the validation schemas', async () => {
    const ready = await fetch(`${api.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ database: 'ok', temporal: 'ok' });
    const doc = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    const post = doc.paths['/api/tenancies'].post;
    expect(post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true })]));
    const schema = post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['municipality', 'applicant', 'currentHousing']));
    expect(schema.properties.applicant.properties.email.format).toBe('email');
    expect(doc.paths['/api/tenancies/{caseId}'].get.parameters[0]).toMatchObject({ name: 'caseId', in: 'path', required: true });
    expect(Object.keys(doc.paths['/api/tenancies/{caseId}/actions'])).toEqual(['post']);
  });
});
