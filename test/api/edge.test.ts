import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedCase } from '../../api/audit';
import { auditLog, tenancies } from '../../db/schema';
import { addDays, isBusinessDay, osloDate } from '../../domain/calendar';
import { readBody, startApiHarness, TOKENS, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';

/**
 * The HTTP edge (issue 10): malformed transport (charset, Content-Encoding, gzip, percent-encoding,
 * NUL), bodies that are not JSON, request IDs, another municipality's case, security headers and
 * rate limits. Every refusal is a 4xx with a Norwegian message, never a 5xx.
 */
const MUNICIPALITY = `edge-${randomUUID().slice(0, 6)}`;
const OFFICE = 'edge-kontor-1';
const OTHER_OFFICER = 'edge-annen-1';
const EXTRA_TOKENS = [`${OFFICE}:edge.kontor:housing_office:${MUNICIPALITY}`, `${OTHER_OFFICER}:edge.annen:housing_officer+housing_office:${MUNICIPALITY}`].join(',');
const NORWEGIAN = /[æøåÆØÅ]|\b(ikke|må|er|og|saken|innholdet|for)\b/i;

const { receivedDate: _r, housingOfficerId: _o, ...form } = application();

describe('API edge: malformed input, headers and limits', () => {
  let api: ApiHarness;
  let caseId: string;
  let committeeId: string;
  beforeAll(async () => {
    api = await startApiHarness('api edge', { extraTokens: EXTRA_TOKENS, edge: { rateLimits: { authFailures: 5, writes: 150 } } });
    const created = await api.request('POST', '/api/tenancies', { body: form, headers: { 'Idempotency-Key': `edge-${randomUUID()}` } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    caseId = created.body.caseId;
    let firstDate = addDays(osloDate(Date.now()), 5);
    while (!isBusinessDay(firstDate)) firstDate = addDays(firstDate, 1);
    committeeId = `${MUNICIPALITY}-utvalg`;
    const committee = await api.request('POST', '/api/committees', {
      token: OFFICE,
      body: { id: committeeId, municipality: MUNICIPALITY, name: 'Boligutvalget', cycle: { firstDate, time: '09:00', location: 'Rådhuset' } },
    });
    expect(committee.status, JSON.stringify(committee.body)).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  const raw = async (method: string, path: string, init: { headers?: Record<string, string>; body?: string | Uint8Array; token?: string } = {}) => {
    const res = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${init.token ?? TOKENS.admin}`, ...(init.headers ?? {}) },
      body: init.body as RequestInit['body'],
    });
    return { status: res.status, body: await readBody(res), headers: res.headers };
  };

  /** Every route that takes a body, from the OpenAPI document, with its path parameters filled in. */
  const bodyRoutes = async (): Promise<{ method: string; path: string }[]> => {
    const doc = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const out: { method: string; path: string }[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody) continue;
        out.push({ method: method.toUpperCase(), path: path.replace('{caseId}', caseId).replace('{committeeId}', committeeId).replace(/\{municipality\}/g, MUNICIPALITY).replace(/\{[^}]+\}/g, 'x1') });
      }
    }
    return out;
  };

  it('answers an unsupported charset, an unknown Content-Encoding, broken gzip and a non-JSON body with 415/400 on every route with a body', async () => {
    const routes = await bodyRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const cases: { name: string; headers: Record<string, string>; body: string | Uint8Array; status: number }[] = [
      { name: 'charset', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}', status: 415 },
      { name: 'charset utf-7', headers: { 'content-type': 'application/json; charset=utf-7' }, body: '{}', status: 415 },
      { name: 'charset utf-16', headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}', status: 415 },
      { name: 'unknown charset', headers: { 'content-type': 'application/json; charset=x-ingen' }, body: '{}', status: 415 },
      { name: 'encoding', headers: { 'content-type': 'application/json', 'content-encoding': 'compress' }, body: '{}', status: 415 },
      { name: 'broken gzip', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'dette er ikke gzip', status: 400 },
      { name: 'truncated gzip', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync('{"a":1}').subarray(0, 12), status: 400 },
      { name: 'text/plain', headers: { 'content-type': 'text/plain' }, body: '{}', status: 415 },
      { name: 'no content type', headers: {}, body: '{}', status: 415 },
    ];
    const wrong: string[] = [];
    for (const route of routes) {
      for (const c of cases) {
        const res = await raw(route.method, route.path, { headers: { 'Idempotency-Key': `edge-${randomUUID()}`, ...c.headers }, body: c.body });
        if (res.status !== c.status || !NORWEGIAN.test(String(res.body?.error))) wrong.push(`${route.method} ${route.path} ${c.name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a body that is not JSON instead of reading it as {}: the policy overrides stay', async () => {
    const path = `/api/municipalities/${MUNICIPALITY}/policy`;
    const saved = await api.request('PUT', path, { token: OFFICE, body: { leaseYears: 5 } });
    expect(saved.status).toBe(200);
    const plain = await raw('PUT', path, { token: OFFICE, headers: { 'content-type': 'text/plain' }, body: '{"leaseYears":1}' });
    expect(plain.status).toBe(415);
    expect(plain.body.error).toBe('Innholdet må sendes som JSON (Content-Type: application/json).');
    const none = await raw('PUT', path, { token: OFFICE });
    expect(none.status).toBe(415);
    const after = await api.request('GET', path, { token: OFFICE });
    expect(after.body.overrides).toEqual({ leaseYears: 5 });
  });

  it('answers a broken percent-encoding in a path parameter with 400', async () => {
    for (const path of ['/api/tenancies/%ZZ', '/api/tenancies/%', '/api/tenancies/TYN-2026-%E0%A4%A', `/api/committees/%ZZ/members`]) {
      const res = await raw('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toBe('Adressen inneholder en ugyldig %-koding.');
    }
  });

  it('refuses a NUL character in any text or ID at the edge (PostgreSQL cannot store it)', async () => {
    const nulName = await api.request('POST', '/api/tenancies', { body: { ...form, applicant: { name: 'Ingrid\u0000Bakken' } }, headers: { 'Idempotency-Key': `edge-${randomUUID()}` } });
    expect(nulName.status).toBe(400);
    expect(nulName.body.error).toMatch(/ugyldig tegn \(NUL/);
    const nulKey = await api.request('POST', '/api/tenancies', { body: { ...form, ['felt\u0000']: 1 }, headers: { 'Idempotency-Key': `edge-${randomUUID()}` } });
    expect(nulKey.status).toBe(400);
    const nulParam = await raw('GET', `/api/tenancies/${caseId}%00`);
    expect(nulParam.status).toBe(400);
    const nulQuery = await raw('GET', `/api/committees/${committeeId}/members?asOf=2026-01-01%00`);
    expect(nulQuery.status).toBe(400);
    const nulIncident = await api.request('POST', `/api/tenancies/${caseId}/incidents`, { body: { kind: 'other', description: 'a\u0000b' }, headers: { 'Idempotency-Key': `edge-${randomUUID()}` } });
    expect(nulIncident.status).toBe(400);
  });

  it('refuses a body nested deeper than any form with 400', async () => {
    for (const body of ['['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)]) {
      const res = await raw('POST', '/api/tenancies', { headers: { 'content-type': 'application/json', 'Idempotency-Key': `edge-${randomUUID()}` }, body });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('Innholdet er nøstet for dypt.');
    }
  });

  it('validates committee dates strictly: an invalid firstDate and asOf=12345 are 400, not 500', async () => {
    const bad = await api.request('POST', '/api/committees', {
      token: OFFICE,
      body: { id: `${MUNICIPALITY}-u2`, municipality: MUNICIPALITY, name: 'Boligutvalget', cycle: { firstDate: '2026-02-30', time: '09:00', location: 'Rådhuset' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/ÅÅÅÅ-MM-DD/);
    for (const asOf of ['12345', '9999-12-31', '9999-12-31T23:59:59Z', 'March 7', '2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', '+012345-01-01T00:00:00Z', '2026-01-01T10:00:00']) {
      const res = await raw('GET', `/api/committees/${committeeId}/members?asOf=${encodeURIComponent(asOf)}`, { token: OFFICE });
      expect(res.status, asOf).toBe(400);
      expect(res.body.error, asOf).toMatch(/«AsOf» må (være en dato|være mellom år)/);
    }
    for (const asOf of ['2026-01-01', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00.123+01:00']) {
      const res = await raw('GET', `/api/committees/${committeeId}/members?asOf=${encodeURIComponent(asOf)}`, { token: OFFICE });
      expect(res.status, asOf).toBe(200);
    }
  });

  it('keeps a well-formed X-Request-Id and replaces anything else', async () => {
    const good = 'klient-1234-abcd';
    expect((await raw('GET', '/healthz', { headers: { 'x-request-id': good } })).headers.get('x-request-id')).toBe(good);
    for (const bad of ['x'.repeat(7000), 'Ingrid Bakken', 'kort', '<script>', 'a'.repeat(65)]) {
      const res = await raw('GET', `/api/tenancies/${caseId}`, { token: TOKENS.officer, headers: { 'x-request-id': bad } });
      const id = res.headers.get('x-request-id');
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const rows = await api.database.db.select().from(auditLog).where(and(auditedCase(caseId)));
    expect(rows.every((r) => (r.requestId ?? '').length <= 64)).toBe(true);
  });

  it("answers another municipality's case exactly as an unknown one (404), and audits the refusal", async () => {
    const other = await api.request('GET', `/api/tenancies/${caseId}`, { token: OTHER_OFFICER });
    const unknown = await api.request('GET', '/api/tenancies/TYN-2026-ZZZZZZ', { token: OTHER_OFFICER });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    const action = await api.request('POST', `/api/tenancies/${caseId}/actions`, { token: OTHER_OFFICER, body: { type: 'withdrawApplication', reason: 'Flyttet til en annen kommune' }, headers: { 'Idempotency-Key': `edge-${randomUUID()}` } });
    expect(action.status).toBe(404);
    const denied = await api.database.db.select().from(auditLog).where(and(auditedCase(caseId), eq(auditLog.action, 'denied'), eq(auditLog.actorId, 'edge.annen')));
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(denied.every((r) => r.outcome === 404)).toBe(true);
    // The case was not touched by the refused action.
    const [row] = await api.database.db.select().from(tenancies).where(eq(tenancies.caseId, caseId));
    expect(row?.phase).toBe('application');
  });

  it('sends security headers everywhere and no-store on every API answer', async () => {
    const caseRes = await raw('GET', `/api/tenancies/${caseId}`, { token: TOKENS.officer });
    expect(caseRes.status).toBe(200);
    for (const res of [caseRes, await raw('GET', '/healthz'), await raw('GET', '/api/finnes-ikke')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
    expect(caseRes.headers.get('cache-control')).toBe('no-store');
    expect((await raw('GET', '/api/tasks?role=housing_officer', { token: TOKENS.officer })).headers.get('cache-control')).toBe('no-store');
  });

  it('limits writes per person with 429 and Retry-After', async () => {
    // 150 writes a minute per person in this app; the policy PUT is cheap and idempotent.
    const path = `/api/municipalities/${MUNICIPALITY}/policy`;
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof raw>> | undefined;
    for (let i = 0; i < 160 && !limited; i++) {
      const res = await raw('PUT', path, { token: OTHER_OFFICER, headers: { 'content-type': 'application/json' }, body: '{"leaseYears":5}' });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(limited, statuses.join(',')).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited!.body.error).toBe('For mange endringer på kort tid. Vent litt og prøv igjen.');
    // Reads go on, and another person's writes are not limited.
    expect((await raw('GET', path, { token: OTHER_OFFICER })).status).toBe(200);
    expect((await raw('PUT', path, { token: OFFICE, headers: { 'content-type': 'application/json' }, body: '{"leaseYears":5}' })).status).toBe(200);
  });

  // Last: it blocks this client address for the rest of the file.
  it('limits failed logins per address with 429 and Retry-After, and then refuses even a valid token', async () => {
    // Not yet logged in is no guess: requests without a token do not count.
    for (let i = 0; i < 8; i++) expect((await fetch(`${api.baseUrl}/api/tasks`)).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await raw('GET', '/api/tasks', { token: `feil-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await raw('GET', '/api/tasks', { token: 'feil-6' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.error).toBe('For mange mislykkede innlogginger. Vent litt og prøv igjen.');
    expect((await raw('GET', '/api/tasks?role=housing_officer', { token: TOKENS.officer })).status).toBe(429);
  });
});
