import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { Browser, login } from '../helpers/browser';
import { startIdentityHarness, type IdentityHarness } from '../helpers/identity';

/**
 * The group → role mapping, edited by an administrator through the API. Uses a municipality of its
 * own (tolga) so the development mapping other test files log in with stays as it is.
 */
describe('group to role mapping per municipality', () => {
  let h: IdentityHarness;
  const officers = `tolga-boligkonsulenter-${randomUUID()}`;
  const admins = `tolga-admin-${randomUUID()}`;
  beforeAll(async () => {
    h = await startIdentityHarness();
    h.users.push(
      { username: 'tolga-kari', name: 'Kari Tolga', sub: `sub-${randomUUID()}`, groups: [officers, 'en-annen-gruppe'] },
      { username: 'tolga-admin', name: 'Admin Tolga', sub: `sub-${randomUUID()}`, groups: [admins] },
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  const call = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${h.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const loginAs = async (username: string) => {
    const browser = new Browser();
    const { page } = await login(browser, h.baseUrl, username);
    return { browser, page };
  };

  it('lets an administrator map groups to roles; the mapping decides roles at the next login; every change is audited', async () => {
    // Before any mapping: a clear Norwegian refusal.
    expect((await loginAs('tolga-kari')).page.status).toBe(403);

    const put = await call('PUT', '/api/municipalities/tolga/group-roles', 'dev-admin', {
      mappings: [
        { groupId: officers, role: 'housing_officer' },
        { groupId: officers, role: 'committee_member' },
        { groupId: admins, role: 'admin' },
      ],
    });
    expect(put.status).toBe(200);
    const saved = (await put.json()) as { mappings: Array<{ groupId: string; role: string; updatedBy: string }> };
    expect(saved.mappings).toHaveLength(3);
    expect(saved.mappings[0]).toMatchObject({ updatedBy: 'admin' });
    const [audited] = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, 'admin'), eq(auditLog.route, 'PUT /api/municipalities/:municipality/group-roles')));
    expect(audited).toMatchObject({ action: 'write', outcome: 200 });

    const kari = JSON.parse((await loginAs('tolga-kari')).page.text);
    expect(kari).toMatchObject({ roles: ['committee_member', 'housing_officer'], municipality: 'tolga', name: 'Kari Tolga' });

    // Taking the committee role away shows at the next login.
    await call('PUT', '/api/municipalities/tolga/group-roles', 'dev-admin', { mappings: [{ groupId: officers, role: 'housing_officer' }, { groupId: admins, role: 'admin' }] });
    expect(JSON.parse((await loginAs('tolga-kari')).page.text).roles).toEqual(['housing_officer']);
  });

  it('keeps a municipality administrator to their own municipality, and the mapping to staff roles', async () => {
    const { browser, page } = await loginAs('tolga-admin');
    const { csrfToken, roles, municipality } = JSON.parse(page.text);
    expect({ roles, municipality }).toEqual({ roles: ['admin'], municipality: 'tolga' });
    const put = (m: string, body: unknown) =>
      browser.go(`${h.baseUrl}/api/municipalities/${m}/group-roles`, {
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      });
    expect((await put('alvdal', { mappings: [] })).status).toBe(403);
    expect((await put('*', { mappings: [] })).status).toBe(403);

    const tenant = await put('tolga', { mappings: [{ groupId: officers, role: 'tenant' }] });
    expect(tenant.status).toBe(400);
    expect(JSON.parse(tenant.text).error).toMatch(/role» har en verdi som ikke er tillatt/);
    expect((await put('tolga', { mappings: [], extra: true })).status).toBe(400);

    // The admin view: who holds which role, and who is signed in now.
    const staff = await browser.go(`${h.baseUrl}/api/municipalities/tolga/staff`);
    expect(staff.status).toBe(200);
    const view = JSON.parse(staff.text);
    expect(view.staff.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Admin Tolga', 'Kari Tolga']));
    expect(view.activeSessions.some((s: { subject: string }) => s.subject === h.user('tolga-admin').sub)).toBe(true);
    expect((await browser.go(`${h.baseUrl}/api/municipalities/alvdal/staff`)).status).toBe(403);
  });

  it('lets an administrator end a colleague\'s sessions at once, in their own municipality only', async () => {
    const kari = await loginAs('tolga-kari');
    expect((await kari.browser.go(`${h.baseUrl}/api/me`)).status).toBe(200);
    const { browser, page } = await loginAs('tolga-admin');
    const { csrfToken } = JSON.parse(page.text);
    const end = (m: string) =>
      browser.go(`${h.baseUrl}/api/municipalities/${m}/staff/${h.user('tolga-kari').sub}/sessions`, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
    expect((await end('alvdal')).status).toBe(403);
    const res = await end('tolga');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).ended).toBeGreaterThanOrEqual(1);
    expect((await kari.browser.go(`${h.baseUrl}/api/me`)).status).toBe(401);
  });

  it('refuses the mapping routes to staff without the admin role', async () => {
    expect((await call('GET', '/api/municipalities/tolga/group-roles', 'dev-boligkonsulent')).status).toBe(403);
    expect((await call('PUT', '/api/municipalities/tolga/group-roles', 'dev-boligkonsulent', { mappings: [] })).status).toBe(403);
  });
});
