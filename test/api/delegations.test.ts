import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancies } from '../../db/schema';
import { caseDelegations, caseDelegationUses } from '../../db/schema-auth';
import { addDays, osloDate } from '../../domain/calendar';
import { Browser, login } from '../helpers/browser';
import { startIdentityHarness, type IdentityHarness } from '../helpers/identity';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newCaseId = () => `TYN-2026-${Array.from({ length: 6 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('')}`;

/** Absence cover: the housing office gives one colleague access to one case, until a date; each use recorded. */
describe('delegation of access to a case', () => {
  let h: IdentityHarness;
  let office: { browser: Browser; csrfToken: string };
  const caseId = newCaseId();
  const today = osloDate(Date.now());

  beforeAll(async () => {
    h = await startIdentityHarness();
    // The read model row is all need-to-know looks at; its follow-up worker is someone else.
    await h.database.db.insert(tenancies).values({
      caseId,
      workflowId: `tenancy-${caseId}`,
      municipality: 'tynset',
      phase: 'follow_up',
      status: 'active',
      applicantName: 'Test Testesen',
      followUpWorkerId: 'en-annen-oppfolger',
      snapshot: {},
    });
    const browser = new Browser();
    const { page } = await login(browser, h.baseUrl, 'tynset-boligkontoret');
    office = { browser, csrfToken: JSON.parse(page.text).csrfToken };
  });
  afterAll(async () => {
    await h?.close();
  });

  const grant = (body: unknown, key: string) =>
    office.browser.go(`${h.baseUrl}/api/tenancies/${caseId}/delegations`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': office.csrfToken, 'idempotency-key': key },
    });
  const readAsOla = () => fetch(`${h.baseUrl}/api/tenancies/${caseId}`, { headers: { authorization: 'Bearer dev-oppfolger' } });

  it('lets the colleague in until the end date, records every use, and shuts them out when revoked', async () => {
    expect((await readAsOla()).status).toBe(403);

    const body = { granteeId: 'ola.hansen', validUntil: addDays(today, 14), reason: 'Ferieavvikling, dekker for fast oppfølger' };
    const key = `deleger-${randomUUID()}`;
    const first = await grant(body, key);
    expect(first.status).toBe(201);
    const delegation = JSON.parse(first.text);
    expect(delegation).toMatchObject({ granteeId: 'ola.hansen', validUntil: body.validUntil, uses: 0, revokedAt: null });

    // A resend is the same grant; the same key with other content is a conflict.
    const again = await grant(body, key);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.text).id).toBe(delegation.id);
    expect((await grant({ ...body, reason: 'En annen begrunnelse' }, key)).status).toBe(409);

    expect((await readAsOla()).status).toBe(200);
    expect((await readAsOla()).status).toBe(200);
    const uses = await h.database.db.select().from(caseDelegationUses).where(eq(caseDelegationUses.delegationId, delegation.id));
    expect(uses).toHaveLength(2);
    expect(uses[0]).toMatchObject({ caseId, actorId: 'ola.hansen', route: 'GET /api/tenancies/:caseId' });
    const listed = JSON.parse((await office.browser.go(`${h.baseUrl}/api/tenancies/${caseId}/delegations`)).text);
    expect(listed.delegations[0]).toMatchObject({ id: delegation.id, uses: 2 });

    const revoked = await office.browser.go(`${h.baseUrl}/api/tenancies/${caseId}/delegations/${delegation.id}`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': office.csrfToken },
    });
    expect(revoked.status).toBe(200);
    expect(JSON.parse(revoked.text).revokedAt).toBeTruthy();
    expect((await readAsOla()).status).toBe(403);
  });

  it('ends with its last day', async () => {
    const res = await grant({ granteeId: 'ola.hansen', validUntil: today, reason: 'Sykefravær i dag' }, `deleger-${randomUUID()}`);
    expect(res.status).toBe(201);
    expect((await readAsOla()).status).toBe(200);
    await h.database.db.update(caseDelegations).set({ validUntil: addDays(today, -1) }).where(eq(caseDelegations.id, JSON.parse(res.text).id));
    expect((await readAsOla()).status).toBe(403);
  });

  it('refuses a grant into the past, longer than 90 days, or without a reason; and only the housing office grants', async () => {
    const key = () => `deleger-${randomUUID()}`;
    expect((await grant({ granteeId: 'ola.hansen', validUntil: addDays(today, -1), reason: 'Ferie i fjor' }, key())).status).toBe(400);
    const long = await grant({ granteeId: 'ola.hansen', validUntil: addDays(today, 120), reason: 'Langt fravær' }, key());
    expect(long.status).toBe(400);
    expect(JSON.parse(long.text).error).toBe('Tilgangen kan gis for høyst 90 dager om gangen.');
    expect((await grant({ granteeId: 'ola.hansen', validUntil: today, reason: '' }, key())).status).toBe(400);
    const byOfficer = await fetch(`${h.baseUrl}/api/tenancies/${caseId}/delegations`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-boligkonsulent', 'content-type': 'application/json', 'idempotency-key': key() },
      body: JSON.stringify({ granteeId: 'kari.nordmann', validUntil: today, reason: 'Gir meg selv tilgang' }),
    });
    expect(byOfficer.status).toBe(403);
  });

  it('gives nothing to a colleague in another municipality', async () => {
    const alvdal = h.user('alvdal-oppfolger');
    const granted = await grant({ granteeId: alvdal.sub, validUntil: today, reason: 'Feil kommune' }, `deleger-${randomUUID()}`);
    expect(granted.status).toBe(201);
    const browser = new Browser();
    await login(browser, h.baseUrl, alvdal.username);
    expect((await browser.go(`${h.baseUrl}/api/tenancies/${caseId}`)).status).toBe(404);
    // Nor does the grant tell the housing office who that is: names only of their own municipality's staff (as GET /api/staff).
    const list = await office.browser.go(`${h.baseUrl}/api/tenancies/${caseId}/delegations`);
    expect(list.status).toBe(200);
    const toAlvdal = JSON.parse(list.text).delegations.find((d: { id: number }) => d.id === JSON.parse(granted.text).id);
    expect(toAlvdal).toMatchObject({ granteeId: alvdal.sub, granteeName: null });
  });
});
