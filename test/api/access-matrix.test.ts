import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isBusinessDay, osloDate } from '../../domain/calendar';
import { ROLES, type Role } from '../../domain/roles';
import { allocated, movedIn } from '../../scripts/demo-data';
import { startApiHarness, TOKENS, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';
import { ACCESS_MATRIX, OTHER_MUNICIPALITY_CASE_STATUS, type MatrixContext, type MatrixRow, type Relation } from './access-matrix';

/** Every cell of test/api/access-matrix.ts against the real API: dev server, worker, PostgreSQL. */
describe('API: the access matrix', () => {
  let api: ApiHarness;
  const run = randomUUID().slice(0, 6);
  const M = `mx-${run}`;
  const O = `mo-${run}`;
  const today = osloDate(Date.now());
  const users = {
    assigned: `oppfolger.tildelt.${run}`,
    unitHead: `avdelingsleder.enhet.${run}`,
    unitClerk: `adm.enhet.${run}`,
  };
  // One caller per role and relation. `municipality`: same municipality, no tie to the case.
  const token = (role: Role, relation: Relation) => `mx-${run}-${role}-${relation}`;
  const callers: Array<{ role: Role; relation: Exclude<Relation, 'unknown_case'>; spec: string }> = [
    ...ROLES.map((role) => ({ role, relation: 'municipality' as const, spec: `${token(role, 'municipality')}:${role}.${run}:${role}:${role === 'admin' ? '*' : M}` })),
    ...ROLES.map((role) => ({ role, relation: 'other_municipality' as const, spec: `${token(role, 'other_municipality')}:${role}.annen.${run}:${role}:${O}` })),
    { role: 'follow_up_worker', relation: 'assigned', spec: `${token('follow_up_worker', 'assigned')}:${users.assigned}:follow_up_worker:${M}` },
    { role: 'department_head', relation: 'unit', spec: `${token('department_head', 'unit')}:${users.unitHead}:department_head:${M}` },
    { role: 'administrative_officer', relation: 'unit', spec: `${token('administrative_officer', 'unit')}:${users.unitClerk}:administrative_officer:${M}` },
  ];
  let ctx: MatrixContext;
  const unknownCase = 'TST-2026-ZZZZZZ';

  const ok = async (res: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const key = () => ({ 'Idempotency-Key': randomUUID() });

  beforeAll(async () => {
    // A thousand refused tokens from one address would trip the rate limit (tested in edge.test.ts).
    api = await startApiHarness('api access matrix', { extraTokens: callers.map((c) => c.spec).join(','), edge: { rateLimits: { authFailures: 1_000_000, writes: 1_000_000 } } });
    const admin = TOKENS.admin;
    const dwellingId = 'MX-BF-1';
    await ok(api.request('PUT', '/api/dwellings', { token: admin, body: { id: dwellingId, address: 'Solvang bofellesskap 1', sizeSqm: 40, rooms: 2, floor: 0, accessible: true, coLocated: true, monthlyRentOre: 840_000, municipality: M } }));
    const unitStaff = [users.unitHead, users.unitClerk];
    await ok(api.request('PUT', `/api/municipalities/${M}/co-located-units/solvang`, { token: admin, body: { name: 'Solvang bofellesskap', dwellingIds: [dwellingId], staffIds: unitStaff } }));

    // The case: moved into the unit's dwelling, followed up by the assigned worker.
    const { receivedDate: _r, ...form } = application({ municipality: M });
    const caseId: string = (await ok(api.request('POST', '/api/tenancies', { token: admin, body: form, headers: key() }), 201)).caseId;
    const dwelling = { id: dwellingId, address: 'Solvang bofellesskap 1', sizeSqm: 40, rooms: 2, floor: 0, accessible: true, coLocated: true, monthlyRentOre: 840_000 };
    for (const { as, payload } of [...allocated(today, dwelling), ...movedIn(today)]) {
      let body: unknown = payload;
      if (payload.type === 'offerDwelling') body = { type: 'offerDwelling', dwellingId };
      if (payload.type === 'createAgreement') body = { ...payload, terms: { ...payload.terms, followUpWorkerId: users.assigned } };
      await ok(api.request('POST', `/api/tenancies/${caseId}/actions`, { token: as === 'followUpWorker' ? token('follow_up_worker', 'assigned') : admin, body, headers: key() }));
    }
    const incident = await ok(
      api.request('POST', `/api/tenancies/${caseId}/incidents`, { token: admin, body: { situation: 'untidy_home', description: 'Søppel i gangen', channel: 'staff_app', occurredAt: new Date().toISOString() }, headers: key() }),
      201,
    );

    // The committee's first meeting a business day at least five days ahead; a Saturday after it.
    let firstDate = addDays(today, 5);
    while (!isBusinessDay(firstDate)) firstDate = addDays(firstDate, 1);
    let saturday = firstDate;
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    const committeeId = `mx-${run}-utvalg`;
    await ok(
      api.request('POST', '/api/committees', {
        token: admin,
        body: { id: committeeId, municipality: M, name: 'Boligutvalget', cycle: { firstDate, time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Rådhuset' } },
      }),
      201,
    );
    // The application's decision (enkeltvedtak) queues its letter for post (domain-a), made by the
    // case's workflow after the action answers: wait for it, so the print batch has a letter in every run.
    let waiting: Array<{ kind: string }> = [];
    for (let tries = 0; tries < 100 && !waiting.some((l) => l.kind === 'decision'); tries++) {
      if (tries) await new Promise((r) => setTimeout(r, 200));
      waiting = (await ok(api.request('GET', `/api/letters/print-queue?municipality=${M}`, { token: admin }))).letters;
    }
    expect(waiting.map((l) => l.kind), 'the application decision letter waits for print').toContain('decision');
    const { version: _v, ...rentLadder } = await ok(api.request('GET', `/api/municipalities/${M}/rent-ladder`, { token: admin }));
    const template = await ok(api.request('GET', `/api/municipalities/${M}/agreement-template`, { token: admin }));
    ctx = {
      caseId,
      incidentId: incident.incidentId,
      municipality: M,
      committeeId,
      meetingId: `m-${firstDate}`,
      unitId: 'solvang',
      unitStaff,
      dwellingId,
      today,
      yesterday: addDays(today, -1),
      saturday,
      rentLadder,
      templateRows: template.rows,
      unique: () => randomUUID().slice(0, 8),
    };
  });
  afterAll(async () => {
    await api?.close();
  });

  it('has a row for every route in the registry, and none for a route that is gone', async () => {
    const openApi = await ok(api.request('GET', '/api/openapi.json', { token: null }));
    const registered = Object.entries(openApi.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`),
    );
    const rows = ACCESS_MATRIX.map((r) => r.route);
    expect(new Set(rows).size, 'a route has two rows').toBe(rows.length);
    expect(registered.filter((r) => !rows.includes(r)), 'routes without a row in test/api/access-matrix.ts').toEqual([]);
    expect(rows.filter((r) => !registered.includes(r)), 'rows for routes that no longer exist').toEqual([]);
  });

  function expectedStatus(row: MatrixRow, role: Role, relation: Relation): number {
    const allowed = row.allow[role];
    if (!allowed) return 403;
    if (relation === 'unknown_case') return 404;
    if (allowed.includes(relation)) return row.ok;
    return row.scope === 'case' && relation === 'other_municipality' ? OTHER_MUNICIPALITY_CASE_STATUS : 403;
  }

  function requestFor(row: MatrixRow, c: MatrixContext) {
    const [method, template] = row.route.split(' ') as [string, string];
    const path = row.path ? row.path(c) : template.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => String(c[name as keyof MatrixContext]));
    return { method, path, body: row.body?.(c) };
  }

  /** Like api.request, but a page (the minutes are HTML) is fine too: only the status and a refusal's reason count. */
  async function send(method: string, path: string, bearer: string | null, body: unknown): Promise<{ status: number; error: string }> {
    const headers: Record<string, string> = key();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${api.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const json = res.headers.get('content-type')?.startsWith('application/json') && text ? JSON.parse(text) : undefined;
    return { status: res.status, error: json?.error ?? json?.message ?? '' };
  }

  it('answers every route × role × relation as the matrix says', { timeout: 300_000 }, async () => {
    const mismatches: string[] = [];
    let cells = 0;
    const started = Date.now();
    for (const row of ACCESS_MATRIX) {
      const cellsOfRow: Array<{ who: string; token: string | null; expected: number; c: MatrixContext }> = [
        { who: 'no token', token: null, expected: row.public ? row.ok : 401, c: ctx },
        { who: 'wrong token', token: `feil-${run}-nokkel`, expected: row.public ? row.ok : 401, c: ctx },
      ];
      for (const caller of callers) {
        if (row.scope === 'none' && caller.relation !== 'municipality') continue;
        if (row.scope !== 'case' && (caller.relation === 'assigned' || caller.relation === 'unit')) continue;
        cellsOfRow.push({ who: `${caller.role}/${caller.relation}`, token: token(caller.role, caller.relation), expected: expectedStatus(row, caller.role, caller.relation), c: ctx });
      }
      if (row.scope === 'case') {
        const unknown = { ...ctx, caseId: unknownCase, incidentId: `${unknownCase}-H1` };
        for (const role of ROLES) cellsOfRow.push({ who: `${role}/unknown_case`, token: token(role, 'municipality'), expected: expectedStatus(row, role, 'unknown_case'), c: unknown });
      }
      for (const cell of cellsOfRow) {
        const { method, path, body } = requestFor(row, cell.c);
        cells++;
        const res = await send(method, path, cell.token, body);
        if (res.status !== cell.expected) mismatches.push(`${row.route} as ${cell.who}: expected ${cell.expected}, got ${res.status} (${res.error})`);
      }
    }
    console.info(`access matrix: ${ACCESS_MATRIX.length} routes, ${cells} cells in ${Date.now() - started} ms`);
    expect(mismatches).toEqual([]);
  });
});
