import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingSubmissions } from '../../api/submission-relay';
import { auditedCase } from '../../api/audit';
import { auditLog, formSubmissions, incidents } from '../../db/schema';
import { osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { EscalationLevelKey } from '../../domain/search-attributes';
import { createLogger } from '../../platform/logger';
import { createSmtpMailer, type Mailer } from '../../platform/mailer';
import { allocated, DEMO_DWELLINGS, movedIn, type Step } from '../../scripts/demo-data';
import { tenancyStateQuery } from '../../workflows/messages';
import { startApiHarness, TOKENS, type ApiHarness, newCase, runSteps } from '../helpers/api';
import { application } from '../helpers/fixtures';
import { startSmtpServer, type ReceivedMail, type SmtpHarness } from '../helpers/smtp';

/** Incident reports from forms, through HTTP, against the dev server, PostgreSQL and a real SMTP server. */
describe('API: incident reports from forms', () => {
  let api: ApiHarness;
  let smtp: SmtpHarness;
  let mailer: Mailer;
  const received: ReceivedMail[] = [];
  const today = osloDate(Date.now());

  beforeAll(async () => {
    smtp = await startSmtpServer(received);
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Botrygg <noreply@botrygg.local>' });
    api = await startApiHarness('api incidents', { mailer });
    const contacts = await api.request('PUT', '/api/municipalities/tynset/contacts', {
      token: TOKENS.admin,
      body: { housing_office: 'boligkontoret@tynset.kommune.no', follow_up_worker: 'oppfolging@tynset.kommune.no' },
    });
    expect(contacts.status).toBe(200);
    for (const dwelling of DEMO_DWELLINGS) await api.request('PUT', '/api/dwellings', { body: { ...dwelling, municipality: 'tynset' } });
  });
  afterAll(async () => {
    await api?.close();
    await mailer?.close();
    await smtp?.stop();
  });


  const run = (caseId: string, steps: Step[]) => runSteps(api, caseId, steps);

  const complaint = (text: string) => ({
    situation: 'neighbour_complaints',
    description: text,
    channel: 'neighbour_form',
    occurredAt: new Date().toISOString(),
    complainant: 'Nabo i 2. etasje',
  });
  const file = (caseId: string, key: string, body: unknown, token: string = TOKENS.intake) =>
    api.request('POST', `/api/tenancies/${caseId}/incidents`, { token, body, headers: { 'Idempotency-Key': key } });

  it('keeps a complaint filed before move-in, then files neighbour complaints that call three-party meetings and escalate when repeated', async () => {
    const caseId = await newCase(api);
    await run(caseId, allocated(today, DEMO_DWELLINGS[1]!));

    // Before move-in the case cannot take it yet: kept, the sender told, and delivered later.
    const early = await file(caseId, `form-${randomUUID()}`, complaint('Høy musikk under flyttingen'));
    expect(early.status).toBe(202);
    expect(early.body).toMatchObject({ status: 'kept', message: expect.stringMatching(/ikke flyttet inn ennå/) });
    await run(caseId, movedIn(today));
    const deps = { db: api.database.db, temporal: api.temporal, taskQueue: api.taskQueue, logger: createLogger('silent') };
    expect(await deliverPendingSubmissions(deps, { caseIds: [caseId] })).toBe(1);

    // A complaint from the neighbour form: applied once, however often it is sent.
    const key = `form-${randomUUID()}`;
    const noise = complaint('Bråk om natten');
    const first = await file(caseId, key, noise);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'applied', incidentId: expect.stringMatching(new RegExp(`^${caseId}-H\\d$`)) });
    const again = await file(caseId, key, noise);
    expect(again.status).toBe(200);
    expect(again.body.incidentId).toBe(first.body.incidentId);
    const bad = await file(caseId, `form-${randomUUID()}`, { ...complaint('x'), situation: 'noise' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/verdi som ikke er tillatt/);

    // The three-party meeting task appears for the housing office; the follow-up worker is told by email.
    // The incident writes its own tasks a moment after the report is accepted.
    const meetingTasks = async () => {
      const tasks = await api.request('GET', '/api/tasks?role=housing_office');
      return tasks.body.tasks
        .filter((t: { caseId: string; kind: string }) => t.caseId === caseId && t.kind === 'three_party_meeting')
        .map((t: { title: string }) => t.title);
    };
    await expect
      .poll(meetingTasks, { timeout: 10_000 })
      .toEqual(['Kall inn leietaker og oppfølger til trepartssamtale; gi leietaker beskjed om klagene', 'Kall inn leietaker og oppfølger til trepartssamtale; gi leietaker beskjed om klagene']);
    await expect.poll(() => received.filter((m) => m.subject?.includes(caseId) && m.subject.startsWith('Naboklage')).length, { timeout: 10_000 }).toBe(2);
    expect(received.find((m) => m.subject?.includes(caseId))!.to).toEqual(['oppfolging@tynset.kommune.no']);

    // A third complaint within 90 days escalates the case (to the committee), visible to Temporal's UI.
    expect((await file(caseId, `form-${randomUUID()}`, complaint('Røyk i trappeoppgangen'))).status).toBe(201);
    const handle = api.temporal.workflow.getHandle(tenancyWorkflowId(caseId));
    await expect.poll(async () => (await handle.query(tenancyStateQuery)).escalationLevel).toBe(1);
    expect((await handle.query(tenancyStateQuery)).tasks.map((t) => t.id)).toContain('committee-complaints');
    await expect.poll(async () => (await handle.describe()).typedSearchAttributes.get(EscalationLevelKey)).toBe(1);

    const listed = async () => (await api.request('GET', `/api/tenancies/${caseId}/incidents`)).body.incidents.map((i: { situation: string; status: string }) => [i.situation, i.status]);
    await expect.poll(listed, { timeout: 10_000 }).toEqual([
      ['neighbour_complaints', 'open'],
      ['neighbour_complaints', 'open'],
      ['neighbour_complaints', 'open'],
    ]);
  });

  it("An incident's own steps, notes and assessments are readable through the API (issue 11), audit-logged, to those who may see the case", async () => {
    const caseId = await newCase(api);
    await run(caseId, [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)]);
    const report = (situation: string, description: string) => ({ situation, description, channel: 'staff_app', occurredAt: new Date().toISOString() });
    const untidy = await file(caseId, `form-${randomUUID()}`, report('untidy_home', 'Søppel i gangen og oppvask i stua'), TOKENS.followUpWorker);
    // Drug use is an optional row this agreement left out: the housing office assesses what to do.
    const drugs = await file(caseId, `form-${randomUUID()}`, report('drug_use', 'Ruset under besøket'), TOKENS.followUpWorker);
    expect([untidy.status, drugs.status]).toEqual([201, 201]);
    const act = (incidentId: string, body: unknown, token: string) =>
      api.request('POST', `/api/tenancies/${caseId}/incidents/${incidentId}/actions`, { token, body, headers: { 'Idempotency-Key': randomUUID() } });
    const a: string = untidy.body.incidentId;
    const b: string = drugs.body.incidentId;
    expect((await act(a, { type: 'recordStep', text: 'Ringte leietaker, avtalte rydding fredag.' }, TOKENS.followUpWorker)).status).toBe(200);
    expect((await act(a, { type: 'completeMeasure', taskId: `${a}-motivate`, note: 'Gikk gjennom husordensreglene sammen.' }, TOKENS.followUpWorker)).status).toBe(200);
    expect((await act(b, { type: 'recordAssessment', taskId: `${b}-assess`, decision: 'no', note: 'Følges opp ved neste hjemmebesøk.' }, TOKENS.officer)).status).toBe(200);

    const detail = async (incidentId: string) => (await api.request('GET', `/api/tenancies/${caseId}/incidents/${incidentId}`, { token: TOKENS.followUpWorker })).body;
    await expect.poll(async () => (await detail(a)).steps?.length, { timeout: 10_000 }).toBe(1);
    const gotA = await detail(a);
    expect(gotA).toMatchObject({
      incidentId: a,
      caseId,
      situation: 'untidy_home',
      status: 'open',
      report: { description: 'Søppel i gangen og oppvask i stua', channel: 'staff_app', reportedBy: expect.any(String) },
      steps: [{ text: 'Ringte leietaker, avtalte rydding fredag.', byId: expect.any(String), at: expect.any(String) }],
      agreementRow: { key: 'untidy_home', measures: expect.arrayContaining([expect.stringContaining('motivere')]) },
    });
    expect(gotA.tasks.find((t: { id: string }) => t.id === `${a}-motivate`)).toMatchObject({ status: 'done', note: 'Gikk gjennom husordensreglene sammen.', doneAt: expect.any(String) });
    expect(gotA.timers.map((t: { id: string }) => t.id)).toContain('deviation-deadline');
    await expect.poll(async () => (await detail(b)).tasks?.find((t: { id: string }) => t.id === `${b}-assess`)?.status, { timeout: 10_000 }).toBe('done');
    expect((await detail(b)).tasks.find((t: { id: string }) => t.id === `${b}-assess`)).toMatchObject({ assessment: true, decision: 'no', note: 'Følges opp ved neste hjemmebesøk.', doneBy: 'kari.nordmann' });
    // The summary list shows only what is open; the detail shows what was done and why.
    const listed = (await api.request('GET', `/api/tenancies/${caseId}/incidents`, { token: TOKENS.followUpWorker })).body.incidents.find((i: { incidentId: string }) => i.incidentId === a);
    expect(listed.openTasks.map((t: { id: string }) => t.id)).not.toContain(`${a}-motivate`);

    // The read is audit-logged with the case ID; another case's incident number answers 404, a form client 403.
    const reads = await api.database.db.select().from(auditLog).where(and(auditedCase(caseId), eq(auditLog.action, 'read')));
    expect(reads.some((r) => r.route.includes('/incidents/:incidentId'))).toBe(true);
    const otherCase = await newCase(api);
    expect((await api.request('GET', `/api/tenancies/${otherCase}/incidents/${otherCase}-H1`)).status).toBe(404);
    expect((await api.request('GET', `/api/tenancies/${caseId}/incidents/${a}`, { token: TOKENS.intake })).status).toBe(403);
    expect((await api.request('GET', `/api/tenancies/${caseId}/incidents/ikke-et-nummer`)).status).toBe(400);
  });

  it('applies once, after the worker comes back, a report sent while the worker was down; a threat sets the caution flag', async () => {
    const caseId = await newCase(api);
    await run(caseId, [...allocated(today, DEMO_DWELLINGS[2]!), ...movedIn(today)]);
    await api.stopWorker();
    const key = `form-${randomUUID()}`;
    const threat = { situation: 'threats_or_weapons', description: 'Kniv på bordet under besøket', channel: 'staff_app', occurredAt: new Date().toISOString() };
    const whileDown = await file(caseId, key, threat, TOKENS.followUpWorker);
    expect(whileDown.status).toBe(202);
    expect(whileDown.body.status).toBe('kept');
    const [kept] = await api.database.db.select().from(formSubmissions).where(eq(formSubmissions.submissionId, key));
    expect(kept!.status).toBe('pending');

    await api.startWorker();
    const deps = { db: api.database.db, temporal: api.temporal, taskQueue: api.taskQueue, logger: createLogger('silent') };
    // The worker that just started may need a moment before the first update reaches it.
    const statusOf = async () => (await api.database.db.select().from(formSubmissions).where(eq(formSubmissions.submissionId, key)))[0]!.status;
    await expect.poll(async () => (await deliverPendingSubmissions(deps, { caseIds: [caseId] }), statusOf()), { timeout: 30_000, interval: 500 }).toBe('delivered');
    expect(await deliverPendingSubmissions(deps, { caseIds: [caseId] })).toBe(0);
    const resend = await file(caseId, key, threat, TOKENS.followUpWorker);
    expect(resend.status).toBe(200);
    await expect.poll(async () => (await api.database.db.select().from(incidents).where(and(eq(incidents.caseId, caseId), eq(incidents.situation, 'threats_or_weapons')))).length).toBe(1);
    const view = await api.temporal.workflow.getHandle(tenancyWorkflowId(caseId)).query(tenancyStateQuery);
    expect(view.incidents).toHaveLength(1);
    expect(view.cautionFlag).toMatchObject({ incidentId: resend.body.incidentId });
    // The flag shows on the case list and the work lists too, not only inside the case.
    await expect.poll(async () => (await api.request('GET', '/api/tenancies', { token: TOKENS.officer })).body.cases.find((c: { caseId: string }) => c.caseId === caseId)?.caution, { timeout: 10_000 }).toBe(true);
    const tasks = (await api.request('GET', '/api/tasks?role=housing_officer', { token: TOKENS.officer })).body.tasks as Array<{ caseId: string; caution: boolean }>;
    expect(tasks.every((t) => typeof t.caution === 'boolean')).toBe(true);
    const ofCase = tasks.filter((t) => t.caseId === caseId);
    expect(ofCase.length).toBeGreaterThan(0);
    expect(ofCase.every((t) => t.caution)).toBe(true);
    const others = (await api.request('GET', '/api/tenancies', { token: TOKENS.officer })).body.cases.filter((c: { caseId: string }) => c.caseId !== caseId);
    expect(others.some((c: { caution: boolean }) => c.caution === false)).toBe(true);
  });

  it('handles an incident under the agreement version signed when it was reported, while the case revises its agreement on a new template', async () => {
    // A municipality of its own, so that publishing a template does not touch the other tests' cases.
    const municipality = `rev-${randomUUID().slice(0, 6)}`;
    const admin = TOKENS.admin;
    for (const dwelling of DEMO_DWELLINGS) await api.request('PUT', '/api/dwellings', { token: admin, body: { ...dwelling, municipality } });
    const { receivedDate: _r, ...form } = application({ municipality });
    const created = await api.request('POST', '/api/tenancies', { token: admin, body: form, headers: { 'Idempotency-Key': randomUUID() } });
    const caseId: string = created.body.caseId;
    for (const { payload } of [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)]) {
      const body = payload.type === 'offerDwelling' ? { type: 'offerDwelling', dwellingId: payload.dwelling.id } : payload;
      expect((await api.request('POST', `/api/tenancies/${caseId}/actions`, { token: admin, body, headers: { 'Idempotency-Key': randomUUID() } })).status).toBe(200);
    }
    const report = { situation: 'untidy_home', description: 'Søppel i gangen', channel: 'staff_app', occurredAt: new Date().toISOString() };
    const first = await file(caseId, randomUUID(), report, admin);
    expect(first.status).toBe(201);

    // The municipality publishes version 2 of its template with a sharper rule for untidy homes.
    const template = (await api.request('GET', `/api/municipalities/${municipality}/agreement-template`, { token: admin })).body;
    expect(template.version).toBe(1);
    const rows = template.rows.map((r: { key: string; measures: Array<{ text: string }> }) =>
      r.key === 'untidy_home' ? { ...r, measures: r.measures.map((m, i) => (i === 3 ? { ...m, text: 'Oppfølger skal etter 1 uke med avvik gi beskjed til boligkontoret' } : m)) } : r,
    );
    const published = await api.request('POST', `/api/municipalities/${municipality}/agreement-template`, { token: admin, body: { rows } });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);

    // A three-party meeting in the incident decides to revise the agreement: the tenancy opens the revision.
    const incidentPath = `/api/tenancies/${caseId}/incidents/${first.body.incidentId}/actions`;
    const incidentAct = (body: unknown) => api.request('POST', incidentPath, { token: admin, body, headers: { 'Idempotency-Key': randomUUID() } });
    await incidentAct({ type: 'resolve', note: 'Ryddet.' });
    await incidentAct({ type: 'completeMeasure', taskId: `${first.body.incidentId}-motivate`, note: 'Fulgt opp.' });
    const handle = api.temporal.workflow.getHandle(tenancyWorkflowId(caseId));
    expect((await handle.query(tenancyStateQuery)).tasks.map((t) => t.id)).not.toContain('revise-agreement');

    const second = await file(caseId, randomUUID(), { ...report, description: 'Fortsatt rot etter to uker' }, admin);
    const secondPath = `/api/tenancies/${caseId}/incidents/${second.body.incidentId}/actions`;
    const meetingTask = `${second.body.incidentId}-meeting`;
    // Two weeks have not passed: this incident has no meeting task yet, so proposing one is refused.
    expect((await api.request('POST', secondPath, { token: admin, body: { type: 'proposeMeeting', taskId: meetingTask, proposedTimes: ['2026-12-10T09:00:00+01:00'], participants: ['tenant', 'follow_up_worker', 'housing_service'] }, headers: { 'Idempotency-Key': randomUUID() } })).status).toBe(409);

    const complaintReport = { situation: 'neighbour_complaints', description: 'Lukt fra leiligheten', channel: 'phone', occurredAt: new Date().toISOString() };
    const third = await file(caseId, randomUUID(), complaintReport, admin);
    const thirdPath = `/api/tenancies/${caseId}/incidents/${third.body.incidentId}/actions`;
    const thirdAct = (body: unknown) => api.request('POST', thirdPath, { token: admin, body, headers: { 'Idempotency-Key': randomUUID() } });
    await thirdAct({ type: 'proposeMeeting', taskId: `${third.body.incidentId}-meeting`, proposedTimes: ['2026-12-10T09:00:00+01:00'], participants: ['tenant', 'follow_up_worker', 'housing_service', 'nav'] });
    expect((await thirdAct({ type: 'recordMeetingOutcome', taskId: `${third.body.incidentId}-meeting`, outcome: 'revised', note: 'Tettere oppfølging.' })).status).toBe(200);
    await expect.poll(async () => (await handle.query(tenancyStateQuery)).tasks.map((t) => t.id), { timeout: 10_000 }).toContain('revise-agreement');

    // The revision is drafted from template version 2 and signed again by all three.
    const act = (body: unknown) => api.request('POST', `/api/tenancies/${caseId}/actions`, { token: admin, body, headers: { 'Idempotency-Key': randomUUID() } });
    expect(
      (await act({ type: 'createAgreement', terms: { followUpWorkerId: 'ola.hansen', optionalRows: [], visitFrequency: { times: 2, per: 'week' }, lockedDoorWaitMinutes: 30, deviationWeeks: 1 } })).status,
    ).toBe(200);
    for (const party of ['tenant', 'follow_up_worker', 'housing_officer']) expect((await act({ type: 'signAgreement', party, date: today })).status).toBe(200);
    const agreements = (await handle.query(tenancyStateQuery)).agreements!;
    expect(agreements.map((a) => [a.version, a.templateVersion, a.status])).toEqual([
      [1, 1, 'superseded'],
      [2, 2, 'active'],
    ]);

    // Earlier incidents stay under version 1; a new one is handled under version 2 with the new text.
    const fourth = await file(caseId, randomUUID(), { ...report, description: 'Nytt avvik' }, admin);
    await expect
      .poll(async () => (await api.database.db.select().from(incidents).where(eq(incidents.caseId, caseId))).map((i) => [i.incidentId, i.agreementVersion]).sort(), { timeout: 10_000 })
      .toEqual([
        [first.body.incidentId, 1],
        [second.body.incidentId, 1],
        [third.body.incidentId, 1],
        [fourth.body.incidentId, 2],
      ].sort());
    const [newest] = await api.database.db.select().from(incidents).where(eq(incidents.incidentId, fourth.body.incidentId));
    expect(JSON.stringify(newest!.snapshot)).toContain('etter 1 uke med avvik');
  });
});
