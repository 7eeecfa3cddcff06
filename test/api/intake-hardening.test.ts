import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingSubmissions } from '../../api/submission-relay';
import { formSubmissions } from '../../db/schema';
import { osloDate } from '../../domain/calendar';
import { tenancyWorkflowId } from '../../domain/ids';
import { createLogger } from '../../platform/logger';
import { allocated, DEMO_DWELLINGS, movedIn, type Step } from '../../scripts/demo-data';
import { caseActionUpdate, reportIncidentUpdate, tenancyStateQuery } from '../../workflows/messages';
import { startApiHarness, TOKENS, type ApiHarness, runSteps } from '../helpers/api';
import { application, followUpWorker } from '../helpers/fixtures';
import { freePort } from '../../platform/free-port';

/**
 * Issue 10, items 1, 2, 3, 8 and 17: forms for closed cases, idempotency keys scoped by kind and
 * bound to their content, and payments files per municipality. Over HTTP, against the dev server
 * and PostgreSQL.
 */
const OFFICE = { tynset: 'hardening-kontor-tynset', os: 'hardening-kontor-os' };
const EXTRA_TOKENS = [`${OFFICE.tynset}:berit.boligkontor:housing_office:tynset`, `${OFFICE.os}:oddny.boligkontor:housing_office:os`].join(',');

describe('API: forms, idempotency keys and payments files under misuse', () => {
  let api: ApiHarness;
  const today = osloDate(Date.now());
  const relayDeps = () => ({ db: api.database.db, temporal: api.temporal, taskQueue: api.taskQueue, logger: createLogger('silent') });

  beforeAll(async () => {
    api = await startApiHarness('api intake hardening', { extraTokens: EXTRA_TOKENS });
    for (const dwelling of DEMO_DWELLINGS) await api.request('PUT', '/api/dwellings', { token: TOKENS.admin, body: { ...dwelling, municipality: 'tynset' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function newCase(key: string = randomUUID()): Promise<string> {
    const { receivedDate: _r, ...form } = application();
    const res = await api.request('POST', '/api/tenancies', { body: form, headers: { 'Idempotency-Key': key } });
    expect(res.status).toBe(201);
    return res.body.caseId;
  }
  const run = (caseId: string, steps: Step[]) => runSteps(api, caseId, steps);
  const report = (description: string) => ({ situation: 'untidy_home', description, channel: 'staff_app', occurredAt: new Date().toISOString() });
  const file = (caseId: string, key: string, body: unknown) => api.request('POST', `/api/tenancies/${caseId}/incidents`, { token: TOKENS.intake, body, headers: { 'Idempotency-Key': key } });
  const act = (caseId: string, key: string, body: unknown, token: string = TOKENS.followUpWorker) =>
    api.request('POST', `/api/tenancies/${caseId}/actions`, { token, body, headers: { 'Idempotency-Key': key } });

  it('refuses a form for a closed case with 409, and a form kept for a case that then closed never holds back the relay', { timeout: 60_000 }, async () => {
    // Two forms kept before move-in: the older one for a case that is then withdrawn, the newer for a case that moves in.
    const closing = await newCase();
    const kept = `form-${randomUUID()}`;
    const keptReport = report('Søppel i oppgangen');
    expect((await file(closing, kept, keptReport)).status).toBe(202);
    const movingIn = await newCase();
    await run(movingIn, allocated(today, DEMO_DWELLINGS[1]!));
    const later = `form-${randomUUID()}`;
    expect((await file(movingIn, later, report('Rot på balkongen'))).status).toBe(202);

    const withdrawn = await act(closing, randomUUID(), { type: 'withdrawApplication', reason: 'Har fått bolig privat' }, TOKENS.officer);
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    await expect.poll(async () => (await api.temporal.workflow.getHandle(tenancyWorkflowId(closing)).describe()).status.name, { timeout: 10_000 }).toBe('COMPLETED');
    await run(movingIn, movedIn(today));

    // The relay's pass, once both are due (only these two cases: other test files share the database):
    // the closed case's form ends as refused, the other is delivered.
    await api.database.db.update(formSubmissions).set({ nextAttemptAt: null }).where(inArray(formSubmissions.submissionId, [kept, later]));
    expect(await deliverPendingSubmissions(relayDeps(), { caseIds: [closing, movingIn], dueOnly: true })).toBe(1);
    const rows = await api.database.db.select().from(formSubmissions).where(inArray(formSubmissions.submissionId, [kept, later]));
    const byId = Object.fromEntries(rows.map((r) => [r.submissionId, r]));
    expect(byId[later]).toMatchObject({ status: 'delivered' });
    expect(byId[kept]).toMatchObject({ status: 'rejected', lastError: expect.stringMatching(/^Saken er avsluttet/) });
    const view = await api.temporal.workflow.getHandle(tenancyWorkflowId(movingIn)).query(tenancyStateQuery);
    expect(view.incidents).toHaveLength(1);

    // The sender of the refused form, resending, and anyone filing a new one, is told why in plain words.
    const resend = await file(closing, kept, keptReport);
    expect(resend.status).toBe(409);
    expect(resend.body.error).toMatch(/^Saken er avsluttet og kan ikke ta imot nye meldinger/);
    const fresh = await file(closing, `form-${randomUUID()}`, report('Ny klage'));
    expect(fresh.status).toBe(409);
    expect(fresh.body.error).toMatch(/^Saken er avsluttet/);
    // An action on the closed case is a conflict with a reason, not "not found".
    const onClosed = await act(closing, randomUUID(), { type: 'withdrawApplication', reason: 'En gang til' }, TOKENS.officer);
    expect(onClosed.status).toBe(409);
    expect(onClosed.body.error).toBe('Saken er avsluttet og kan ikke endres.');

    // A form stored for a case whose workflow is gone, with the read model not yet saying so, is refused by the relay too.
    await api.database.db.insert(formSubmissions).values({
      submissionId: `form-${randomUUID()}`,
      kind: 'incident',
      caseId: closing,
      municipality: 'tynset',
      submittedBy: 'skjema',
      payload: { report: report('Lagret før saken ble avsluttet'), reporter: { id: 'skjema', roles: ['intake'], municipality: 'tynset' } },
      payloadHash: 'x',
    });
    expect(await deliverPendingSubmissions(relayDeps(), { caseIds: [closing] })).toBe(0);
    const left = await api.database.db.select().from(formSubmissions).where(and(eq(formSubmissions.caseId, closing), eq(formSubmissions.kind, 'incident')));
    expect(left.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('backs off each submission on its own while Temporal is away, so the next tick starts with the ones not yet tried', { timeout: 90_000 }, async () => {
    const caseId = await newCase();
    // Temporal away, for real: a client whose server does not exist (nothing listens on the port).
    const away = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }), namespace: 'default' });
    const keys = Array.from({ length: 4 }, (_, i) => `form-away-${i}-${randomUUID()}`);
    for (const [i, submissionId] of keys.entries()) {
      await api.database.db.insert(formSubmissions).values({
        submissionId,
        kind: 'incident',
        caseId,
        municipality: 'tynset',
        submittedBy: 'skjema',
        payload: { report: report(`Melding ${i}`), reporter: { id: 'skjema', roles: ['intake'], municipality: 'tynset' } },
        payloadHash: `h${i}`,
        receivedAt: new Date(Date.now() - 60_000 + i * 1000),
      });
    }
    const state = async () =>
      Object.fromEntries(
        (await api.database.db.select().from(formSubmissions).where(inArray(formSubmissions.submissionId, keys))).map((r) => [keys.indexOf(r.submissionId), { attempts: r.attempts, backedOff: (r.nextAttemptAt?.getTime() ?? 0) > Date.now() }]),
      );
    const awayDeps = { ...relayDeps(), temporal: away };
    // Three "away" in a row end the tick; each one tried waits its own backoff.
    const tick = { caseIds: [caseId], dueOnly: true, limit: 10 };
    expect(await deliverPendingSubmissions(awayDeps, tick)).toBe(0);
    expect(await state()).toEqual({ 0: { attempts: 1, backedOff: true }, 1: { attempts: 1, backedOff: true }, 2: { attempts: 1, backedOff: true }, 3: { attempts: 0, backedOff: false } });
    // The next tick does not start with the oldest again: it is the fourth's turn.
    expect(await deliverPendingSubmissions(awayDeps, tick)).toBe(0);
    expect(await state()).toMatchObject({ 0: { attempts: 1 }, 3: { attempts: 1, backedOff: true } });
    await away.connection.close();
  });

  it('keeps case actions and incident reports in their own key spaces, and answers resends of keys used before scoping', { timeout: 60_000 }, async () => {
    const applicationKey = `shared-${randomUUID()}`;
    const caseId = await newCase(applicationKey);
    await run(caseId, [...allocated(today, DEMO_DWELLINGS[2]!), ...movedIn(today)]);
    const handle = api.temporal.workflow.getHandle(tenancyWorkflowId(caseId));

    // The application form's key on a report: another kind of form, so another key space.
    const sameAsApplication = await file(caseId, applicationKey, report('Samme nøkkel som søknaden'));
    expect(sameAsApplication.status, JSON.stringify(sameAsApplication.body)).toBe(201);

    // One key, first a visit, then a report: both are applied, each answered with its own result.
    const shared = `shared-${randomUUID()}`;
    const visit = await act(caseId, shared, { type: 'recordVisit', date: today, outcome: 'completed' });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    const incident = await file(caseId, shared, report('Rot i gangen'));
    expect(incident.status, JSON.stringify(incident.body)).toBe(201);
    expect(incident.body.incidentId).toMatch(new RegExp(`^${caseId}-H\\d+$`));
    expect((await handle.query(tenancyStateQuery)).incidents).toHaveLength(2);

    // Before scoping, the API sent the client's key as it was: a resend now gets that first answer, once.
    const legacyReport = `legacy-${randomUUID()}`;
    const legacyBody = report('Meldt før oppgraderingen');
    const first = await handle.executeUpdate(reportIncidentUpdate, { args: [{ submissionId: legacyReport, reporter: followUpWorker, report: legacyBody }], updateId: legacyReport });
    const resent = await file(caseId, legacyReport, legacyBody);
    expect(resent.status).toBe(201);
    expect(resent.body.incidentId).toBe(first.incidentId);
    expect((await handle.query(tenancyStateQuery)).incidents).toHaveLength(3);

    const legacyAction = `legacy-${randomUUID()}`;
    const visitBody = { type: 'recordVisit', date: today, outcome: 'locked_door' } as const;
    const firstAction = await handle.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: legacyAction, actor: followUpWorker, payload: visitBody }], updateId: legacyAction });
    const resentAction = await act(caseId, legacyAction, visitBody);
    expect(resentAction.status).toBe(200);
    expect(resentAction.body).toEqual(firstAction);
    // …but a legacy case action's result is never taken for a report under the same key.
    const crossed = await file(caseId, legacyAction, report('Samme nøkkel, annen type'));
    expect(crossed.status).toBe(201);
    expect(crossed.body.incidentId).toMatch(new RegExp(`^${caseId}-H\\d+$`));
    expect((await handle.query(tenancyStateQuery)).incidents).toHaveLength(4);
  });

  it('refuses the same key with other content for case actions, incident actions and rent adjustments', { timeout: 60_000 }, async () => {
    const caseId = await newCase();
    await run(caseId, [...allocated(today, DEMO_DWELLINGS[0]!), ...movedIn(today)]);

    const key = `visit-${randomUUID()}`;
    const visit = { type: 'recordVisit', date: today, outcome: 'completed' };
    const first = await act(caseId, key, visit);
    expect(first.status).toBe(200);
    expect(await act(caseId, key, visit)).toMatchObject({ status: 200, body: first.body });
    const other = await act(caseId, key, { ...visit, outcome: 'locked_door' });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatch(/idempotensnøkkelen er allerede brukt for en annen handling med annet innhold/);

    const reported = await file(caseId, `form-${randomUUID()}`, report('Søppel'));
    expect(reported.status).toBe(201);
    const path = `/api/tenancies/${caseId}/incidents/${reported.body.incidentId}/actions`;
    const incidentKey = `step-${randomUUID()}`;
    const resolve = (note: string) => api.request('POST', path, { token: TOKENS.followUpWorker, body: { type: 'resolve', note }, headers: { 'Idempotency-Key': incidentKey } });
    expect((await resolve('Ryddet.')).status).toBe(200);
    expect((await resolve('Ryddet.')).status).toBe(200);
    const changed = await resolve('Ikke ryddet likevel.');
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatch(/annet innhold/);

    await expect.poll(async () => (await api.request('GET', `/api/tenancies/${caseId}/rent`)).body.kid ?? null, { timeout: 15_000 }).not.toBeNull();
    const adjustmentKey = `adj-${randomUUID()}`;
    const adjust = (amountOre: number) =>
      api.request('POST', `/api/tenancies/${caseId}/rent/adjustments`, {
        token: OFFICE.tynset,
        body: { kind: 'credit', amountOre, date: today, reason: 'Feil i husleien' },
        headers: { 'Idempotency-Key': adjustmentKey },
      });
    expect(await adjust(10_000)).toMatchObject({ status: 200, body: { applied: true } });
    expect(await adjust(10_000)).toMatchObject({ status: 200, body: { applied: false } });
    const bigger = await adjust(20_000);
    expect(bigger.status).toBe(422);
    expect(bigger.body.error).toMatch(/annet innhold/);
  });

  it('keeps payments-file imports per municipality and refuses a file with only a header', { timeout: 60_000 }, async () => {
    const caseId = await newCase();
    await run(caseId, [...allocated(today, DEMO_DWELLINGS[1]!), ...movedIn(today)]);
    await expect.poll(async () => (await api.request('GET', `/api/tenancies/${caseId}/rent`)).body.kid ?? null, { timeout: 15_000 }).not.toBeNull();
    const { kid } = (await api.request('GET', `/api/tenancies/${caseId}/rent`)).body;
    const content = ['transaksjonsid;dato;beløp;kid', `${randomUUID()};${today};100,00;${kid}`, `${randomUUID()};${today};50,00;00000000000000000000`].join('\r\n');
    const upload = (token: string, text = content) => api.request('POST', '/api/rent/payment-files', { token, body: { filename: 'innbetalinger.csv', content: text } });

    const tynset = await upload(OFFICE.tynset);
    expect(tynset.status, JSON.stringify(tynset.body)).toBe(200);
    expect(tynset.body).toMatchObject({ status: 'applied', applied: 1, casesTouched: [caseId] });
    // The same bytes at another municipality: its own import, nothing of Tynset's shown, nothing of Tynset's posted.
    const os = await upload(OFFICE.os);
    expect(os.status).toBe(200);
    expect(os.body).toMatchObject({ status: 'applied', applied: 0, casesTouched: [] });
    expect(os.body.importId).not.toBe(tynset.body.importId);
    expect(os.body.unmatched.map((u: { line: number }) => u.line)).toEqual([2, 3]);
    expect(await upload(OFFICE.tynset)).toMatchObject({ status: 200, body: { status: 'already_imported', importId: tynset.body.importId } });
    expect(await upload(OFFICE.os)).toMatchObject({ status: 200, body: { status: 'already_imported', importId: os.body.importId } });

    const headerOnly = await upload(OFFICE.tynset, 'transaksjonsid;dato;beløp;kid\r\n');
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body.errors).toEqual([{ line: 2, message: expect.stringMatching(/bare overskriftslinjen og ingen transaksjoner/) }]);
  });
});
