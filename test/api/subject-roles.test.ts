import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPid } from '../../config/dev-identities';
import { auditLog } from '../../db/schema';
import { authSessions } from '../../db/schema-auth';
import { Browser, login } from '../helpers/browser';
import { startIdentityHarness, type IdentityHarness } from '../helpers/identity';

/**
 * A municipality that signs staff in with ID-porten: no group claims, so an administrator maps each
 * person (stable subject, or pid) to roles through the API. The embedded provider runs as ID-porten
 * (OIDC_PROVIDER=idporten): its ID tokens carry sub and pid, no groups and no name. Uses a
 * municipality of its own (folldal).
 */
const call = (h: IdentityHarness, method: string, path: string, token: string, body?: unknown) =>
  fetch(`${h.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const loginAs = async (h: IdentityHarness, username: string) => {
  const browser = new Browser();
  const { page } = await login(browser, h.baseUrl, username);
  return { browser, page };
};
const PATH = '/api/municipalities/folldal/subject-roles';

describe('roles per person for a provider without groups (ID-porten, by sub)', () => {
  let h: IdentityHarness;
  const gunn = { username: 'folldal-gunn', name: 'ignored', sub: `sub-${randomUUID()}`, pid: syntheticPid(randomUUID()), groups: [] as string[] };
  beforeAll(async () => {
    h = await startIdentityHarness({ env: { OIDC_PROVIDER: 'idporten' } });
    // Her directory groups would make her a housing officer in tynset under Entra; ID-porten sends none.
    gunn.groups = [...h.user('tynset-boligkonsulent').groups];
    h.users.push(gunn);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a person nobody has mapped, with a Norwegian page that names the ID to give the administrator, and audits it', async () => {
    const { page } = await loginAs(h, gunn.username);
    expect(page.status).toBe(403);
    expect(page.text).toContain('Du er logget inn, men har ingen rolle i Botrygg');
    expect(page.text).toContain(gunn.sub);
    const [row] = await h.database.db.select().from(auditLog).where(and(eq(auditLog.actorId, gunn.sub), eq(auditLog.action, 'denied'))).orderBy(desc(auditLog.at));
    expect(row).toMatchObject({ outcome: 403, route: 'GET /auth/callback' });
  });

  it('lets an administrator map the person; roles and the name come from the mapping at the next login; edits and reads are audited', async () => {
    const put = await call(h, 'PUT', PATH, 'dev-admin', { people: [{ subject: gunn.sub, name: 'Gunn Folldal', roles: ['housing_officer', 'committee_member'] }] });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ municipality: 'folldal', people: [{ subject: gunn.sub, name: 'Gunn Folldal', roles: ['committee_member', 'housing_officer'], updatedBy: 'admin' }] });
    const written = await h.database.db.select().from(auditLog).where(and(eq(auditLog.actorId, 'admin'), eq(auditLog.route, `PUT /api/municipalities/:municipality/subject-roles`)));
    expect(written[0]).toMatchObject({ action: 'write', outcome: 200 });

    const { page } = await loginAs(h, gunn.username);
    expect(page.status).toBe(200);
    expect(JSON.parse(page.text)).toMatchObject({ id: gunn.sub, roles: ['committee_member', 'housing_officer'], municipality: 'folldal', name: 'Gunn Folldal' });
    // The ID token was ID-porten-shaped: sub and pid, no groups, no name; the roles cannot have come from groups.
    const [session] = await h.database.db.select().from(authSessions).where(eq(authSessions.subject, gunn.sub)).orderBy(desc(authSessions.createdAt));
    const claims = decodeJwt(session!.idToken!);
    expect(claims).toMatchObject({ sub: gunn.sub, pid: gunn.pid });
    expect(claims.groups).toBeUndefined();
    expect(claims.name).toBeUndefined();

    // A change shows at the next login.
    await call(h, 'PUT', PATH, 'dev-admin', { people: [{ subject: gunn.sub, name: 'Gunn Folldal', roles: ['follow_up_worker'] }] });
    expect(JSON.parse((await loginAs(h, gunn.username)).page.text).roles).toEqual(['follow_up_worker']);

    const get = await call(h, 'GET', PATH, 'dev-admin');
    expect(get.status).toBe(200);
    expect(((await get.json()) as { people: unknown[] }).people).toHaveLength(1);
    const read = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'read'), eq(auditLog.route, `GET /api/municipalities/:municipality/subject-roles`)));
    expect(read.length).toBeGreaterThanOrEqual(1);

    // Removing the person ends access at the next login.
    await call(h, 'PUT', PATH, 'dev-admin', { people: [] });
    expect((await loginAs(h, gunn.username)).page.status).toBe(403);
  });

  it('seeds the development users by subject, so login works on a fresh machine in ID-porten mode', async () => {
    const { page } = await loginAs(h, 'tynset-boligkonsulent');
    expect(page.status).toBe(200);
    expect(JSON.parse(page.text)).toMatchObject({ roles: ['housing_officer'], municipality: 'tynset', name: 'Kari Nordmann' });
  });

  it('validates the mapping strictly and keeps it to administrators', async () => {
    const bad: Array<[string, unknown, RegExp]> = [
      ['unknown field', { people: [], extra: true }, /extra/],
      ['tenant role', { people: [{ subject: 'x', name: 'X', roles: ['tenant'] }] }, /role|rolle|tillatt/],
      ['no roles', { people: [{ subject: 'x', name: 'X', roles: [] }] }, /minst 1 element/],
      ['same person twice', { people: [{ subject: 'x', name: 'X', roles: ['admin'] }, { subject: 'x', name: 'Y', roles: ['admin'] }] }, /flere ganger/],
      ['space in the ID', { people: [{ subject: 'a b', name: 'X', roles: ['admin'] }] }, /mellomrom/],
    ];
    for (const [what, body, message] of bad) {
      const res = await call(h, 'PUT', PATH, 'dev-admin', body);
      expect(res.status, what).toBe(400);
      expect(((await res.json()) as { error: string }).error, what).toMatch(message);
    }
    expect((await call(h, 'GET', PATH, 'dev-boligkonsulent')).status).toBe(403);
    expect((await call(h, 'PUT', PATH, 'dev-boligkonsulent', { people: [] })).status).toBe(403);
  });
});

describe('roles per person keyed by pid (OIDC_SUBJECT_CLAIM=pid)', () => {
  let h: IdentityHarness;
  const odd = { username: 'folldal-odd', name: 'ignored', sub: `sub-${randomUUID()}`, pid: syntheticPid(randomUUID()), groups: [] as string[] };
  beforeAll(async () => {
    h = await startIdentityHarness({ env: { OIDC_PROVIDER: 'idporten', OIDC_SUBJECT_CLAIM: 'pid' } });
    h.users.push(odd);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('matches the identity number, not the sub, and keeps the sub as the identity in Botrygg', async () => {
    await call(h, 'PUT', PATH, 'dev-admin', { people: [{ subject: odd.sub, name: 'Odd Folldal', roles: ['housing_officer'] }] });
    const refused = (await loginAs(h, odd.username)).page;
    expect(refused.status).toBe(403);
    // The person knows their own identity number; the page does not repeat it.
    expect(refused.text).not.toContain(odd.pid);

    await call(h, 'PUT', PATH, 'dev-admin', { people: [{ subject: odd.pid, name: 'Odd Folldal', roles: ['housing_officer'] }] });
    const { page } = await loginAs(h, odd.username);
    expect(JSON.parse(page.text)).toMatchObject({ id: odd.sub, roles: ['housing_officer'], municipality: 'folldal', name: 'Odd Folldal' });
  });
});
