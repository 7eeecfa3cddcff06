import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedCase } from '../../api/audit';
import { auditLog, tenancies } from '../../db/schema';
import { osloDate } from '../../domain/calendar';
import type { Dwelling } from '../../domain/dwelling';
import { allocated, movedIn } from '../../scripts/demo-data';
import { startApiHarness, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';

/**
 * Need-to-know for co-located housing (issue 10, item 10) and an audit log that answers "who has
 * seen this person's data" (item 11), through HTTP against the dev server and PostgreSQL.
 */
describe('API: co-located housing access and the audit log', () => {
  let api: ApiHarness;
  const today = osloDate(Date.now());
  // A municipality of its own: other test files' cases and tasks never show up in these lists.
  const m = `acc-${randomUUID().slice(0, 6)}`;
  const T = {
    officer: `acc-officer-${m}`,
    office: `acc-office-${m}`,
    followUp: `acc-oppf-${m}`,
    headA: `acc-head-a-${m}`,
    clerkA: `acc-clerk-a-${m}`,
    headB: `acc-head-b-${m}`,
    dpo: `acc-dpo-${m}`,
    dpoElsewhere: `acc-dpo-x-${m}`,
    lister: `acc-list-${m}`,
  };
  const extraTokens = [
    `${T.officer}:kari.${m}:housing_officer:${m}`,
    `${T.office}:kontor.${m}:housing_office:${m}`,
    `${T.followUp}:ola.hansen:follow_up_worker:${m}`,
    `${T.headA}:hilde.${m}:department_head:${m}`,
    `${T.clerkA}:siri.${m}:administrative_officer:${m}`,
    `${T.headB}:per.${m}:department_head:${m}`,
    `${T.dpo}:pvo.${m}:data_protection_officer:${m}`,
    `${T.dpoElsewhere}:pvo.x:data_protection_officer:alvdal`,
    `${T.lister}:liste.${m}:housing_office:${m}`,
  ].join(',');
  const unitDwelling = (id: string, address: string): Dwelling => ({ id, address, sizeSqm: 40, rooms: 2, floor: 0, accessible: true, coLocated: true, monthlyRentOre: 840_000 });
  const inA = unitDwelling('BF-A-1', 'Solvang bofellesskap 1');
  const inB = unitDwelling('BF-B-1', 'Furua bofellesskap 1');
  const ordinary: Dwelling = { ...unitDwelling('ORD-1', 'Storgata 1'), coLocated: false };
  let caseA: string;
  let caseB: string;
  let incidentA: string;
  let incidentB: string;

  const act = (caseId: string, body: unknown, token = T.officer) => api.request('POST', `/api/tenancies/${caseId}/actions`, { token, body, headers: { 'Idempotency-Key': randomUUID() } });
  async function movedInto(dwelling: Dwelling): Promise<string> {
    const { receivedDate: _r, ...form } = application({ municipality: m, housingOfficerId: `kari.${m}` });
    const created = await api.request('POST', '/api/tenancies', { token: T.officer, body: form, headers: { 'Idempotency-Key': randomUUID() } });
    expect(created.status).toBe(201);
    for (const { as, payload } of [...allocated(today, dwelling), ...movedIn(today)]) {
      const body = payload.type === 'offerDwelling' ? { type: 'offerDwelling', dwellingId: payload.dwelling.id } : payload;
      const res = await act(created.body.caseId, body, as === 'followUpWorker' ? T.followUp : T.officer);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return created.body.caseId;
  }
  async function report(caseId: string): Promise<string> {
    const res = await api.request('POST', `/api/tenancies/${caseId}/incidents`, {
      token: T.officer,
      body: { situation: 'untidy_home', description: 'Søppel i gangen', channel: 'staff_app', occurredAt: new Date().toISOString() },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.incidentId;
  }
  const auditRows = (caseId: string) => api.database.db.select().from(auditLog).where(auditedCase(caseId));

  beforeAll(async () => {
    api = await startApiHarness('api access', { extraTokens });
    for (const d of [inA, inB, ordinary]) expect((await api.request('PUT', '/api/dwellings', { token: T.office, body: { ...d, municipality: m } })).status).toBe(200);
    const unit = (id: string, body: unknown) => api.request('PUT', `/api/municipalities/${m}/co-located-units/${id}`, { token: T.office, body });
    expect((await unit('solvang', { name: 'Solvang bofellesskap', dwellingIds: [inA.id], staffIds: [`hilde.${m}`, `siri.${m}`] })).status).toBe(200);
    expect((await unit('furua', { name: 'Furua bofellesskap', dwellingIds: [inB.id], staffIds: [`per.${m}`] })).status).toBe(200);
    caseA = await movedInto(inA);
    caseB = await movedInto(inB);
    incidentA = await report(caseA);
    incidentB = await report(caseB);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('keeps the co-located units to the register: a dwelling that is not co-located or is in another unit is refused', async () => {
    const unit = (id: string, body: unknown) => api.request('PUT', `/api/municipalities/${m}/co-located-units/${id}`, { token: T.office, body });
    const notCoLocated = await unit('ny', { name: 'Nytt bofellesskap', dwellingIds: [ordinary.id], staffIds: [] });
    expect(notCoLocated.status).toBe(422);
    expect(notCoLocated.body.error).toBe('Bolig ORD-1 er ikke registrert som samlokalisert bolig.');
    expect((await unit('ny', { name: 'Nytt bofellesskap', dwellingIds: ['FINNES-IKKE'], staffIds: [] })).status).toBe(422);
    const taken = await unit('ny', { name: 'Nytt bofellesskap', dwellingIds: [inA.id], staffIds: [] });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatch(/hører allerede til bofellesskapet solvang/);
    expect((await unit('ny', { name: 'Nytt', dwellingIds: [inA.id], staffIds: [], extra: 1 })).status).toBe(400);
    const listed = await api.request('GET', `/api/municipalities/${m}/co-located-units`, { token: T.officer });
    expect(listed.body.units).toEqual([
      { unitId: 'furua', name: 'Furua bofellesskap', dwellingIds: [inB.id], staffIds: [`per.${m}`] },
      { unitId: 'solvang', name: 'Solvang bofellesskap', dwellingIds: [inA.id], staffIds: [`hilde.${m}`, `siri.${m}`] },
    ]);
    const [row] = await api.database.db.select({ dwellingId: tenancies.dwellingId }).from(tenancies).where(eq(tenancies.caseId, caseA));
    expect(row!.dwellingId).toBe(inA.id);
  });

  it('lets the department head and administrative officer write incident steps only in cases of the unit they work in', async () => {
    const step = (caseId: string, incidentId: string, token: string) =>
      api.request('POST', `/api/tenancies/${caseId}/incidents/${incidentId}/actions`, { token, body: { type: 'recordStep', text: 'Snakket med leietaker.' }, headers: { 'Idempotency-Key': randomUUID() } });
    expect((await step(caseA, incidentA, T.headA)).status).toBe(200);
    expect((await step(caseA, incidentA, T.clerkA)).status).toBe(200);
    expect((await step(caseB, incidentB, T.headB)).status).toBe(200);
    const refused = await step(caseB, incidentB, T.headA);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('Du har ikke tilgang til denne saken.');
    expect((await step(caseB, incidentB, T.clerkA)).status).toBe(403);
    expect((await step(caseA, incidentA, T.headB)).status).toBe(403);
  });

  it('shows the unit staff the tasks of their own unit only, and logs the list with the cases it returned', async () => {
    const casesIn = async (token: string) => new Set((await api.request('GET', '/api/tasks', { token })).body.tasks.map((t: { caseId: string }) => t.caseId));
    expect(await casesIn(T.headA)).toEqual(new Set([caseA]));
    expect(await casesIn(T.clerkA)).toEqual(new Set([caseA]));
    expect(await casesIn(T.headB)).toEqual(new Set([caseB]));
    expect(await casesIn(T.officer)).toEqual(new Set([caseA, caseB]));
    // The list read is on the log once per case it showed, for the person who read it.
    const reads = (await auditRows(caseA)).filter((r) => r.actorId === `hilde.${m}` && r.route === 'GET /api/tasks');
    expect(reads.map((r) => [r.action, r.outcome])).toEqual([['read', 200]]);
    expect((await auditRows(caseB)).filter((r) => r.actorId === `hilde.${m}` && r.route === 'GET /api/tasks')).toEqual([]);

    const before = (await auditRows(caseB)).filter((r) => r.route === 'GET /api/tenancies').length;
    const listed = await api.request('GET', '/api/tenancies', { token: T.officer });
    expect(listed.status).toBe(200);
    expect((await auditRows(caseB)).filter((r) => r.route === 'GET /api/tenancies' && r.actorId === `kari.${m}`).length).toBe(before + 1);
  });

  it('writes every 401 and 403 on a case route to the audit log with the case asked for, once', async () => {
    const refusals = async () => (await auditRows(caseA)).filter((r) => r.action === 'denied').map((r) => [r.actorId, r.route, r.outcome]);
    const start = (await refusals()).length;
    expect((await api.request('GET', `/api/tenancies/${caseA}`, { token: null })).status).toBe(401);
    expect((await api.request('GET', `/api/tenancies/${caseA}/rent`, { token: 'not-a-real-token' })).status).toBe(401);
    // Refused by role (the route is not for a department head) and by relation (not this worker's case).
    expect((await api.request('GET', `/api/tenancies/${caseA}`, { token: T.headA })).status).toBe(403);
    const dpoAct = await api.request('POST', `/api/tenancies/${caseA}/actions`, {
      token: T.dpo,
      body: { type: 'recordVisit', date: today, outcome: 'completed', note: 'x' },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(dpoAct.status).toBe(403);
    expect((await api.request('POST', `/api/tenancies/${caseB}/incidents/${incidentB}/actions`, { token: T.headA, body: { type: 'recordStep', text: 'Prøver.' }, headers: { 'Idempotency-Key': randomUUID() } })).status).toBe(403);
    expect((await refusals()).slice(start)).toEqual([
      ['anonymous', 'GET /api/tenancies/:caseId', 401],
      ['anonymous', 'GET /api/tenancies/:caseId/rent', 401],
      [`hilde.${m}`, 'GET /api/tenancies/:caseId', 403],
      [`pvo.${m}`, 'POST /api/tenancies/:caseId/actions', 403],
    ]);
    // The refusal decided by the case itself is logged once, by the route, with the other case's ID.
    const onB = (await auditRows(caseB)).filter((r) => r.action === 'denied' && r.actorId === `hilde.${m}`);
    expect(onB.map((r) => [r.route, r.outcome])).toEqual([
      ['POST /api/tenancies/:caseId/incidents/:incidentId/actions', 403],
      ['POST /api/tenancies/:caseId/incidents/:incidentId/actions', 403],
    ]);
    // A malformed ID names no one: the refusal is still logged, without a case, and nothing breaks.
    const weird = await api.request('GET', '/api/tenancies/%ZZ', { token: null });
    expect(weird.status).toBe(401);
    const [logged] = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.requestId, weird.headers.get('x-request-id')!), eq(auditLog.action, 'denied')));
    expect(logged).toMatchObject({ caseId: null, outcome: 401, route: 'GET /api/tenancies/:caseId' });
  });

  it('answers the data protection officer who has seen a case, and logs that question too', async () => {
    expect((await api.request('GET', `/api/tenancies/${caseA}`, { token: T.officer })).status).toBe(200);
    const log = await api.request('GET', `/api/tenancies/${caseA}/access-log`, { token: T.dpo });
    expect(log.status).toBe(200);
    const seen = log.body.seenBy.map((s: { actorId: string }) => s.actorId);
    expect(seen).toEqual(expect.arrayContaining([`kari.${m}`, `hilde.${m}`, `siri.${m}`, 'ola.hansen']));
    expect(seen).not.toContain(`per.${m}`);
    expect(seen).not.toContain(`pvo.${m}`);
    expect(log.body.entries[0]).toMatchObject({ actorId: `kari.${m}`, action: 'read', route: 'GET /api/tenancies/:caseId', outcome: 200 });
    expect(log.body.entries.some((e: { action: string; outcome: number }) => e.action === 'denied' && e.outcome === 401)).toBe(true);
    // Names and case content are not in the log: only IDs, roles, routes and outcomes.
    expect(JSON.stringify(log.body)).not.toContain('Ingrid');

    const again = await api.request('GET', `/api/tenancies/${caseA}/access-log?limit=1`, { token: T.dpo });
    expect(again.body.entries).toEqual([expect.objectContaining({ actorId: `pvo.${m}`, action: 'read', route: 'GET /api/tenancies/:caseId/access-log', outcome: 200 })]);
    const next = await api.request('GET', `/api/tenancies/${caseA}/access-log?limit=1&before=${again.body.nextBefore}`, { token: T.dpo });
    expect(next.body.entries[0].id).toBeLessThan(again.body.entries[0].id);

    const typo = await api.request('GET', `/api/tenancies/${caseA}/access-log?limt=5`, { token: T.dpo });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatch(/limt/);
    expect((await api.request('GET', `/api/tenancies/${caseA}/access-log`, { token: T.dpoElsewhere })).status).toBe(404);
    expect((await api.request('GET', `/api/tenancies/${caseA}/access-log`, { token: T.officer })).status).toBe(403);
    expect((await api.request('GET', '/api/tenancies/TYN-2026-ZZZZZZ/access-log', { token: T.dpo })).status).toBe(404);
    expect((await api.request('GET', `/api/tenancies/${caseA}`, { token: T.dpo })).status).toBe(403);
    const denied = (await auditRows(caseA)).filter((r) => r.action === 'denied' && r.route === 'GET /api/tenancies/:caseId/access-log');
    expect(denied.map((r) => r.actorId).sort()).toEqual([`kari.${m}`, 'pvo.x']);
  });

  it('logs a list page as one audit row naming every case on it, and the data protection officer finds that read under each case', async () => {
    for (const path of [`/api/tenancies?limit=100`, `/api/tasks?role=housing_officer`]) {
      const listed = await api.request('GET', path, { token: T.lister });
      expect(listed.status).toBe(200);
      const shown = new Set<string>((listed.body.cases ?? listed.body.tasks).map((r: { caseId: string }) => r.caseId));
      expect(shown).toEqual(new Set([caseA, caseB]));
      const rows = await api.database.db.select().from(auditLog).where(eq(auditLog.requestId, listed.headers.get('x-request-id')!));
      // One row for the request, not one per case: a page of 100 used to write 100 rows.
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorId: `liste.${m}`, action: 'read', outcome: 200, caseId: null });
      expect(new Set(rows[0]!.caseIds)).toEqual(shown);
    }
    for (const caseId of [caseA, caseB]) {
      const log = await api.request('GET', `/api/tenancies/${caseId}/access-log`, { token: T.dpo });
      expect(log.status).toBe(200);
      expect(log.body.seenBy).toContainEqual(expect.objectContaining({ actorId: `liste.${m}`, reads: 2, writes: 0 }));
      const mine = log.body.entries.filter((e: { actorId: string }) => e.actorId === `liste.${m}`);
      expect(mine.map((e: { route: string }) => e.route).sort()).toEqual(['GET /api/tasks', 'GET /api/tenancies']);
      // The entry names the route, never the other cases on the same page.
      for (const e of mine) expect(Object.keys(e)).not.toContain('caseIds');
    }
  });
});
