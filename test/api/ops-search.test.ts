import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedCase } from '../../api/audit';
import { auditLog, formSubmissions } from '../../db/schema';
import { committeeDecisions, committees } from '../../db/schema-committee';
import { notificationOutbox } from '../../db/schema-notifications';
import { rentAccounts } from '../../db/schema-rent';
import { addDays, osloDate } from '../../domain/calendar';
import { kidForCase } from '../../domain/rent/kid';
import { createLogger } from '../../platform/logger';
import { allocated, DEMO_DWELLINGS, movedIn } from '../../scripts/demo-data';
import { runSteps, startApiHarness, type ApiHarness } from '../helpers/api';

/**
 * Search among the cases one may see (name, case ID, KID, address; the query never logged), the
 * ops overview's counts, and the committee's decision list, in a municipality of this test's own.
 */
const M = `ops-${randomUUID().slice(0, 6)}`;
const T = { officer: `ops-bk-${M}`, office: `ops-kontor-${M}`, worker: `ops-oppf-${M}`, other: `ops-oppf2-${M}`, member: `ops-bu-${M}` };
const EXTRA = [
  `${T.officer}:kari.ops:housing_officer:${M}`,
  `${T.office}:liv.ops:housing_office:${M}`,
  `${T.worker}:ola.hansen:follow_up_worker:${M}`,
  `${T.other}:per.annen:follow_up_worker:${M}`,
  `${T.member}:jon.ops:committee_member:${M}`,
].join(',');

describe('API: search, ops overview and committee decisions', () => {
  let api: ApiHarness;
  const logLines: string[] = [];
  const today = osloDate(Date.now());
  const tag = randomUUID().slice(0, 6);
  const names = { tenant: `Åse Søkbar ${tag}`, applicant: `Bjørn Venter ${tag}` };
  let tenantCase = '';
  let applicantCase = '';

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    api = await startApiHarness('ops search', { extraTokens: EXTRA, logger: createLogger('info', { process: 'api-test' }, sink) });
    const dwelling = { ...DEMO_DWELLINGS[1]!, address: `Søkevegen ${tag} 7` };
    const put = await api.request('PUT', '/api/dwellings', { token: T.officer, body: { ...dwelling, municipality: M } });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    // The development intake token files for tynset only: this municipality's housing officer files here.
    const file = async (name: string) => {
      const res = await api.request('POST', '/api/tenancies', {
        token: T.officer,
        body: { municipality: M, applicant: { name }, currentHousing: 'Hos en venn', housingOfficerId: 'kari.ops' },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.caseId as string;
    };
    [tenantCase, applicantCase] = await Promise.all([file(names.tenant), file(names.applicant)]);
    await runSteps(api, tenantCase, [...allocated(today, dwelling), ...movedIn(today)], { officer: T.officer, followUpWorker: T.worker });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const search = (q: string, token = T.officer) => api.request('GET', `/api/search?q=${encodeURIComponent(q)}`, { token });

  it('finds a case by KID, address, name in any order and case ID; only among the cases one may see; audits the hits, never logs the query', { timeout: 60_000 }, async () => {
    // The rent account (with its KID) is written by the case's workflow at move-in.
    await expect.poll(async () => (await api.database.db.select().from(rentAccounts).where(eq(rentAccounts.caseId, tenantCase))).length, { timeout: 15_000 }).toBe(1);
    const kid = kidForCase(tenantCase);
    const byKid = await search(kid);
    expect(byKid.status, JSON.stringify(byKid.body)).toBe(200);
    expect(byKid.body.hits).toEqual([expect.objectContaining({ caseId: tenantCase, kid, matched: 'kid', address: `Søkevegen ${tag} 7` })]);
    expect((await search(`søkevegen ${tag}`)).body.hits.map((h: { caseId: string; matched: string }) => [h.caseId, h.matched])).toEqual([[tenantCase, 'address']]);
    expect((await search(`${tag} venter`)).body.hits.map((h: { caseId: string }) => h.caseId)).toEqual([applicantCase]);
    expect((await search(applicantCase.toLowerCase())).body.hits).toEqual([expect.objectContaining({ caseId: applicantCase, matched: 'case_id' })]);
    // % is a letter, not a wildcard.
    expect((await search('%%')).body.hits).toEqual([]);

    // The follow-up worker of the tenant finds it; another follow-up worker finds nothing; a committee member may not search.
    expect((await search(tag, T.worker)).body.hits.map((h: { caseId: string }) => h.caseId)).toEqual([tenantCase]);
    expect((await search(tag, T.other)).body.hits).toEqual([]);
    expect((await search(tag, T.member)).status).toBe(403);
    expect((await search('x')).status).toBe(400);
    expect((await search('x')).body.error).toMatch(/minst 2 tegn/);
    expect((await api.request('GET', `/api/search?q=ab&ukjent=1`, { token: T.officer })).status).toBe(400);

    const audited = await api.database.db
      .select({ caseId: auditLog.caseId, caseIds: auditLog.caseIds })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, 'kari.ops'), eq(auditLog.route, 'GET /api/search')));
    // A search that found nothing is logged too, without a case; one that found several names them all in one row.
    expect(new Set(audited.flatMap((a) => a.caseIds ?? [a.caseId]))).toEqual(new Set([tenantCase, applicantCase, null]));
    const logged = logLines.join('');
    expect(logged).toContain('/api/search');
    for (const secret of [kid, `Søkevegen ${tag}`, encodeURIComponent(`søkevegen ${tag}`), `${tag} venter`]) expect(logged).not.toContain(secret);
  });

  it('counts the municipality for ops: phases, escalation, overdue tasks, arrears, waiting forms, failed notices, refused decisions; lists decisions past their deadline', { timeout: 60_000 }, async () => {
    const db = api.database.db;
    const committeeId = `${M}-utvalg`;
    await db.insert(committees).values({ id: committeeId, municipality: M, name: 'Boligutvalget', cycle: { firstDate: today, time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Rådhuset' }, createdBy: 'test' });
    const decision = { committeeId, meetingId: `m-${addDays(today, -21)}`, text: 'Trepartsmøte innen to uker.', effectKind: 'call_three_party_meeting' };
    await db.insert(committeeDecisions).values([
      { ...decision, itemId: 'rent_arrears:1', caseId: tenantCase, deadline: addDays(today, -7) },
      { ...decision, itemId: 'secretary:1', deadline: addDays(today, 7) },
      { ...decision, itemId: 'application_waiting:1', caseId: applicantCase, effectKind: 'allocate_dwelling', deliveryError: 'Saken venter ikke på et boligtilbud nå.' },
      { ...decision, itemId: 'secretary:2', deadline: addDays(today, -30), doneAt: new Date() },
    ]);
    await db.insert(formSubmissions).values({ submissionId: `ops-${tag}`, kind: 'incident', caseId: tenantCase, municipality: M, submittedBy: 'skjema', payload: {}, payloadHash: 'x' });
    await db.insert(notificationOutbox).values({ dedupKey: `ops-${tag}#1`, caseId: tenantCase, recipientEmail: 'a@example.no', subject: 'S', bodyText: 'B', status: 'failed', attempts: 3, lastError: 'SMTP 550', messageId: `<ops-${tag}>` });
    await db.insert(notificationOutbox).values({ dedupKey: `committee-${committeeId}#m-x#agenda#a`, recipientEmail: 'a@example.no', subject: 'S', bodyText: 'B', status: 'failed', messageId: `<ops2-${tag}>` });

    const overview = await api.request('GET', '/api/ops/overview', { token: T.office });
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    const o = overview.body;
    expect(Object.fromEntries(o.byPhase.map((p: { key: string; cases: number }) => [p.key, p.cases]))).toEqual({ application: 1, follow_up: 1 });
    expect(o.byEscalation).toEqual([{ level: 0, cases: 2 }]);
    expect(o.rent).toMatchObject({ tenancies: 1, tenanciesInArrears: 0, totalArrearsOre: 0 });
    expect(o.rent.perStep[0]).toEqual({ key: 'none', label: 'Ingen restanse', cases: 1 });
    expect(o.rent.perStep.map((s: { label: string }) => s.label)).toContain('Påminnelse til leietaker');
    expect(o.submissionsWaiting).toMatchObject({ total: 1, oldest: [expect.objectContaining({ caseId: tenantCase, workflowId: `tenancy-${tenantCase}` })] });
    expect(o.failedNotices.total).toBe(2);
    expect(o.refusedDecisions).toEqual([expect.objectContaining({ caseId: applicantCase, deliveryError: 'Saken venter ikke på et boligtilbud nå.', workflowId: `tenancy-${applicantCase}` })]);
    expect(o.oldestDeadlines.length).toBeGreaterThan(0);
    expect(o.oldestDeadlines.every((t: { caseId: string }) => [tenantCase, applicantCase].includes(t.caseId))).toBe(true);
    expect(o.temporal).toEqual({ uiUrl: null, namespace: 'default' });
    expect(JSON.stringify(o)).not.toContain(names.tenant);
    // Another municipality's figures are not the housing office's business; the housing officer has no ops page.
    expect((await api.request('GET', '/api/ops/overview', { token: T.officer })).status).toBe(403);

    const overdue = await api.request('GET', `/api/committees/${committeeId}/decisions?status=overdue`, { token: T.member });
    expect(overdue.status, JSON.stringify(overdue.body)).toBe(200);
    expect(overdue.body.decisions.map((d: { itemId: string; overdue: boolean }) => [d.itemId, d.overdue])).toEqual([['rent_arrears:1', true]]);
    const refused = await api.request('GET', `/api/committees/${committeeId}/decisions?status=refused`, { token: T.member });
    expect(refused.body.decisions.map((d: { itemId: string }) => d.itemId)).toEqual(['application_waiting:1']);
    const open = await api.request('GET', `/api/committees/${committeeId}/decisions`, { token: T.member });
    expect(open.body.decisions).toHaveLength(3);
    expect((await api.request('GET', `/api/committees/${committeeId}/decisions?status=gammel`, { token: T.member })).status).toBe(400);
    expect((await api.request('GET', `/api/committees/${committeeId}/decisions`, { token: T.worker })).status).toBe(403);
    const audited = await db.select({ caseId: auditLog.caseId }).from(auditLog).where(and(eq(auditLog.actorId, 'jon.ops'), or(auditedCase(tenantCase), auditedCase(applicantCase))));
    expect(audited.length).toBeGreaterThan(0);
  });
});
