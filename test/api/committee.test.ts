import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { notificationOutbox } from '../../db/schema-notifications';
import { addDays, isBusinessDay, osloDate, osloInstant } from '../../domain/calendar';
import { startApiHarness, TOKENS, type ApiHarness } from '../helpers/api';
import { application } from '../helpers/fixtures';
import { createTimeSkippingEnv } from '../helpers/temporal';

/**
 * The committee over HTTP: the API against PostgreSQL and a time-skipping Temporal server, so a
 * meeting days away can be held (and its minutes printed) within the test.
 */
const MUNICIPALITY = `bu-api-${randomUUID().slice(0, 6)}`;
const TOKENS_HERE = { office: 'bu-kontor-1', secretary: 'bu-sekretaer-1', worker: 'bu-oppfolger-1', officer: 'bu-konsulent-1' };
const EXTRA_TOKENS = [
  `${TOKENS_HERE.office}:berit.boligkontor:housing_office:${MUNICIPALITY}`,
  `${TOKENS_HERE.secretary}:siri.service:committee_member:${MUNICIPALITY}`,
  `${TOKENS_HERE.worker}:ola.hansen:follow_up_worker:${MUNICIPALITY}`,
  `${TOKENS_HERE.officer}:kari.nordmann:housing_officer:${MUNICIPALITY}`,
].join(',');

const members = [
  { id: 'tore.teknisk', name: 'Tore Haugen', email: 'tore.haugen@tynset.kommune.no', agency: 'Tekniske tjenester', role: 'chair' },
  { id: 'siri.service', name: 'Siri Moen', email: 'siri.moen@tynset.kommune.no', agency: 'Servicetorget', role: 'secretary' },
  { id: 'oda.okonomi', name: 'Oda Lien', email: 'oda.lien@tynset.kommune.no', agency: 'Økonomiavdelingen', role: 'member' },
  { id: 'nils.nav', name: 'Nils Bakke', email: 'nils.bakke@nav.no', agency: 'NAV', role: 'member' },
  { id: 'berit.bolig', name: 'Berit Sætre', email: 'berit.saetre@tynset.kommune.no', agency: 'Boligansvarlig', role: 'member' },
];

describe('API: the housing committee over HTTP', () => {
  let env: TestWorkflowEnvironment;
  let api: ApiHarness;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    api = await startApiHarness('api committee', { timeSkipping: env, extraTokens: EXTRA_TOKENS });
  });
  afterAll(async () => {
    await api?.close();
    await env?.teardown();
  });

  const key = () => ({ 'Idempotency-Key': `bu-${randomUUID()}` });

  it('creates a committee, keeps member history, holds a meeting and prints escaped minutes; refuses a follow-up worker', { timeout: 60_000 }, async () => {
    // The first meeting: a business day at least five days ahead; the next one too (it is invited, then cancelled).
    let firstDate = addDays(osloDate(await env.currentTimeMs()), 5);
    while (!isBusinessDay(firstDate) || !isBusinessDay(addDays(firstDate, 14))) firstDate = addDays(firstDate, 1);
    const committeeId = `${MUNICIPALITY}-boligutvalg`;
    const body = {
      id: committeeId,
      municipality: MUNICIPALITY,
      name: 'Boligutvalget i Tynset',
      cycle: { firstDate, time: '09:00', intervalDays: 14, durationMinutes: 90, location: 'Rådhuset, møterom «Savalen»' },
      members,
    };
    const created = await api.request('POST', '/api/committees', { token: TOKENS_HERE.office, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/committees/${committeeId}`);
    expect(created.body.committee).toMatchObject({ id: committeeId, reminderDaysBefore: 3, agendaCutoffDays: 2, workflowId: `committee-${committeeId}` });
    expect(created.body.members.map((m: { role: string }) => m.role)).toEqual(['chair', 'secretary', 'member', 'member', 'member']);

    const again = await api.request('POST', '/api/committees', { token: TOKENS_HERE.office, body });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe(`Det finnes allerede et boligutvalg med nøkkelen «${committeeId}». Velg en annen nøkkel.`);
    const weekend = await api.request('POST', '/api/committees', { token: TOKENS_HERE.office, body: { ...body, id: `${committeeId}-2`, cycle: { ...body.cycle, firstDate: '2027-01-02' } } });
    expect(weekend.status).toBe(400);
    expect(weekend.body.error).toMatch(/Første møtedato må være en hverdag/);

    // NAV sends someone else: the old row is closed, a new one opened; the past stays readable.
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const replaced = members.map((m) => (m.id === 'nils.nav' ? { ...m, id: 'kari.nav', name: 'Kari Aune', email: 'kari.aune@nav.no' } : m));
    const put = await api.request('PUT', `/api/committees/${committeeId}/members`, { token: TOKENS_HERE.office, body: { members: replaced } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ closed: 1, opened: 1 });
    const then = await api.request('GET', `/api/committees/${committeeId}/members?asOf=${encodeURIComponent(before)}`, { token: TOKENS_HERE.secretary });
    expect(then.body.members.map((m: { id: string }) => m.id)).toContain('nils.nav');
    const now = await api.request('GET', `/api/committees/${committeeId}/members`, { token: TOKENS_HERE.secretary });
    expect(now.body.members.map((m: { id: string }) => m.id)).toEqual(['tore.teknisk', 'siri.service', 'berit.bolig', 'kari.nav', 'oda.okonomi']);
    expect(now.body.history).toHaveLength(6);
    expect(now.body.history.find((h: { memberId: string }) => h.memberId === 'nils.nav').validTo).not.toBeNull();

    // The committee with its coming meetings; only the housing office may create or staff it.
    const got = await api.request('GET', `/api/committees/${committeeId}`, { token: TOKENS_HERE.secretary });
    expect(got.status).toBe(200);
    expect(got.body.upcoming[0]).toMatchObject({ id: `m-${firstDate}`, date: firstDate, time: '09:00', status: 'scheduled' });
    expect(got.body.holidayConflicts).toEqual(expect.any(Array));
    expect((await api.request('PUT', `/api/committees/${committeeId}/members`, { token: TOKENS_HERE.secretary, body: { members } })).status).toBe(403);

    // A follow-up worker has no business with the committee's papers.
    const denied = await api.request('GET', `/api/committees/${committeeId}`, { token: TOKENS_HERE.worker });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('Du har ikke tilgang til denne funksjonen.');
    expect((await api.request('GET', `/api/committees/${committeeId}/meetings/m-${firstDate}/minutes.html`, { token: TOKENS.followUpWorker })).status).toBe(403);

    // The secretary adds an item of her own; a move to a Saturday is refused in plain Norwegian.
    const meetingId = `m-${firstDate}`;
    const item = await api.request('POST', `/api/committees/${committeeId}/meetings/${meetingId}/agenda-items`, {
      token: TOKENS_HERE.secretary,
      headers: key(),
      body: { title: 'Nøkler til «Parkvegen 3A» <b>mangler</b>', why: 'Servicetorget ber om en rutine for utlån & retur.' },
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    expect(item.body.itemId).toBe('secretary:1');
    // A case of another municipality is not the committee's business.
    const { receivedDate: _r, ...form } = application();
    const foreign = await api.request('POST', '/api/tenancies', { body: form, headers: key() });
    expect(foreign.status).toBe(201);
    const outside = await api.request('POST', `/api/committees/${committeeId}/meetings/${meetingId}/agenda-items`, {
      token: TOKENS_HERE.secretary,
      headers: key(),
      body: { title: 'Sak fra Tynset', why: 'Feil kommune', caseId: foreign.body.caseId },
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error).toBe('Saken hører til en annen kommune enn boligutvalget.');

    // Consent (seed 002): the committee sees a case of its own municipality only with the tenant's
    // consent or a legal basis; then the item says which.
    const own = await api.request('POST', '/api/tenancies', {
      token: TOKENS_HERE.officer,
      headers: key(),
      body: { ...form, municipality: MUNICIPALITY, applicant: { name: 'Siv Samtykke' } },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const caseItem = () =>
      api.request('POST', `/api/committees/${committeeId}/meetings/${meetingId}/agenda-items`, {
        token: TOKENS_HERE.secretary,
        headers: key(),
        body: { title: 'Husleie og oppfølging', why: 'NAV ber om å drøfte saken.', caseId: own.body.caseId },
      });
    const withoutConsent = await caseItem();
    expect(withoutConsent.status).toBe(409);
    expect(withoutConsent.body.error).toMatch(/^Boligutvalget kan ikke se denne saken: leietaker har ikke samtykket/);
    const today = osloDate(await env.currentTimeMs());
    const consented = await api.request('POST', `/api/tenancies/${own.body.caseId}/actions`, {
      token: TOKENS_HERE.officer,
      headers: key(),
      body: { type: 'recordConsent', date: today, scope: ['nav', 'committee'] },
    });
    expect(consented.status, JSON.stringify(consented.body)).toBe(200);
    await expect.poll(async () => (await caseItem()).status, { timeout: 10_000 }).toBe(201);
    const withCase = (await api.request('GET', `/api/committees/${committeeId}/meetings/${meetingId}`, { token: TOKENS_HERE.secretary })).body.agenda.find(
      (i: { caseId?: string }) => i.caseId === own.body.caseId,
    );
    expect(withCase).toMatchObject({ source: 'secretary', basis: `Samtykke til samarbeid og informasjonsutveksling (${today}).` });

    let saturday = firstDate;
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    const refused = await api.request('POST', `/api/committees/${committeeId}/occurrence-changes`, {
      token: TOKENS_HERE.secretary,
      headers: key(),
      body: { regularDate: firstDate, action: 'move', date: saturday, reason: 'Test' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/er i en helg\. Boligutvalget møtes på hverdager\.$/);

    // Minutes before the meeting are refused; after it they are taken.
    const minutes = {
      attendance: replaced.map((m) => ({ memberId: m.id, present: m.id !== 'oda.okonomi' })),
      approvedBy: 'tore.teknisk',
      decisions: [{ itemId: 'secretary:1', text: 'Servicetorget lager rutine for nøkler <innen fredag> & sender den til alle.', responsibleMemberId: 'siri.service', deadline: addDays(firstDate, 7) }],
    };
    const early = await api.request('POST', `/api/committees/${committeeId}/meetings/${meetingId}/minutes`, { token: TOKENS_HERE.secretary, headers: key(), body: minutes });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatch(/^Referat kan føres fra møtet begynner/);
    await env.sleep(osloInstant(firstDate, '11:00') - (await env.currentTimeMs()));
    const meeting = await api.request('GET', `/api/committees/${committeeId}/meetings/${meetingId}`, { token: TOKENS_HERE.secretary });
    expect(meeting.status).toBe(200);
    expect(meeting.body).toMatchObject({ id: meetingId, status: 'agenda_sent', agenda: expect.arrayContaining([expect.objectContaining({ id: 'secretary:1', source: 'secretary' })]) });
    const taken = await api.request('POST', `/api/committees/${committeeId}/meetings/${meetingId}/minutes`, { token: TOKENS_HERE.secretary, headers: key(), body: minutes });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.message).toBe('Referatet er ført med én beslutning.');

    const res = await fetch(`${api.baseUrl}/api/committees/${committeeId}/meetings/${meetingId}/minutes.html`, { headers: { authorization: `Bearer ${TOKENS_HERE.secretary}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('Nøkler til «Parkvegen 3A» &lt;b&gt;mangler&lt;/b&gt;');
    expect(html).toContain('Servicetorget lager rutine for nøkler &lt;innen fredag&gt; &amp; sender den til alle.');
    expect(html).toContain('Kari Aune (NAV, medlem)');
    expect(html).not.toContain('Nils Bakke');
    expect(html).not.toContain('<b>mangler');

    // The next meeting is cancelled after its invitations went out: the calendars get a CANCEL (no SMTP here: the outbox).
    const second = addDays(firstDate, 14);
    await env.sleep(osloInstant(addDays(second, -3), '09:00') - (await env.currentTimeMs()));
    const outbox = (part: string) =>
      api.database.db.select().from(notificationOutbox).where(like(notificationOutbox.dedupKey, `committee-${committeeId}#m-${second}#${part}#%`));
    await expect.poll(async () => (await outbox('agenda')).length, { timeout: 10_000 }).toBe(5);
    const cancelKey = key();
    const cancel = (reason: string) =>
      api.request('POST', `/api/committees/${committeeId}/occurrence-changes`, { token: TOKENS_HERE.secretary, headers: cancelKey, body: { regularDate: second, action: 'cancel', reason } });
    const cancelled = await cancel('Ingen saker');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.message).toMatch(/er avlyst\. Medlemmene får avlysningen i kalenderen\.$/);
    // A resend gets the first answer; the same key with another body is refused, not answered as if done.
    expect(await cancel('Ingen saker')).toMatchObject({ status: 200, body: cancelled.body });
    const otherBody = await cancel('Møterommet er opptatt');
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error).toMatch(/^Denne idempotensnøkkelen er allerede brukt for en annen handling med annet innhold/);
    await expect.poll(async () => (await outbox('cancel-1')).length, { timeout: 10_000 }).toBe(5);
    const [cancelMail] = await outbox('cancel-1');
    expect(cancelMail!.subject).toMatch(/^Avlyst: Boligutvalget i Tynset/);
    expect(cancelMail!.attachments[0]!.contentType).toBe('text/calendar; method=CANCEL; charset=UTF-8');
    expect(cancelMail!.attachments[0]!.content).toContain('METHOD:CANCEL\r\n');
    expect(cancelMail!.attachments[0]!.content).toContain('SEQUENCE:1\r\n');
    expect(cancelMail!.attachments[0]!.content).toContain('STATUS:CANCELLED\r\n');
    const after = await api.request('GET', `/api/committees/${committeeId}/meetings/m-${second}`, { token: TOKENS_HERE.secretary });
    expect(after.body).toMatchObject({ status: 'cancelled', note: 'Ingen saker' });

    const openApi = await api.request('GET', '/api/openapi.json', { token: null });
    expect(Object.keys(openApi.body.paths['/api/committees/{committeeId}/meetings/{meetingId}/minutes.html'].get.responses['200'].content)).toEqual(['text/html']);
    const audited = await api.database.db.select().from(auditLog).where(and(eq(auditLog.actorId, 'siri.service'), eq(auditLog.action, 'read')));
    expect(audited.map((a) => a.route)).toContain('GET /api/committees/:committeeId/meetings/:meetingId/minutes.html');
  });
});
