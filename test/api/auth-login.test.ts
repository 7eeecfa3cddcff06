import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { authLogins, authSessions } from '../../db/schema-auth';
import { groupId } from '../../config/dev-identities';
import { Browser, login } from '../helpers/browser';
import { startIdentityHarness, type IdentityHarness } from '../helpers/identity';

/** Staff login over real HTTP: the app and the embedded OpenID provider, each on its own port. */
describe('staff login with OpenID Connect against the embedded provider', () => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const me = (browser: Browser) => browser.go(`${h.baseUrl}/api/me`);

  it('logs in with the authorization code flow and PKCE, and the session cookie carries the identity', async () => {
    const browser = new Browser();
    const { page, authorizeHops, finishHops } = await login(browser, h.baseUrl, 'tynset-boligkonsulent');

    // /auth/login → the provider's authorization endpoint, with PKCE (S256), state and nonce.
    const authorize = new URL(authorizeHops[0]!.location!);
    expect(authorize.origin).toBe(h.dev.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${h.baseUrl}/auth/callback`);
    // …and back through /auth/callback to where the user was going.
    expect(finishHops.some((hop) => hop.url.startsWith(`${h.baseUrl}/auth/callback?code=`))).toBe(true);

    expect(page.status).toBe(200);
    const user = h.user('tynset-boligkonsulent');
    const body = JSON.parse(page.text);
    expect(body).toMatchObject({ id: user.sub, name: 'Kari Nordmann', roles: ['housing_officer'], municipality: 'tynset', authMethod: 'session' });
    expect(body.csrfToken).toMatch(/^[\w-]{32}$/);

    const cookie = browser.cookie('127.0.0.1', 'botrygg-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    // The login cookie (state) is used once and cleared.
    expect(browser.cookie('127.0.0.1', 'botrygg-login')).toBeUndefined();

    // Only the hash of the cookie is stored.
    const rows = await h.database.db.select().from(authSessions).where(eq(authSessions.subject, user.sub));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.idHash)).not.toContain(cookie.value);

    const [audited] = await h.database.db.select().from(auditLog).where(and(eq(auditLog.actorId, user.sub), eq(auditLog.route, 'GET /auth/callback')));
    expect(audited).toMatchObject({ action: 'write', outcome: 200 });
  });

  it('refuses a callback that this browser did not start (no login cookie), and one replayed', async () => {
    const browser = new Browser();
    await browser.go(`${h.baseUrl}/auth/login`);
    const authorize = new URL(browser.hops[0]!.location!);
    const stranger = new Browser();
    const res = await stranger.go(`${h.baseUrl}/auth/callback?code=abc&state=${authorize.searchParams.get('state')}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Innloggingen er utløpt');
    expect(stranger.cookie('127.0.0.1', 'botrygg-session')).toBeUndefined();

    // A completed callback cannot be replayed: its state is used up.
    const { finishHops } = await login(browser, h.baseUrl, 'tynset-boligkonsulent');
    const callback = finishHops.find((hop) => hop.url.startsWith(`${h.baseUrl}/auth/callback?`))!.url;
    const replay = await browser.go(callback);
    expect(replay.status).toBe(400);
  });

  it('returns only to paths on this site after login (no open redirect)', async () => {
    const returnToFor = async (returnTo: string) => {
      const browser = new Browser();
      await browser.go(`${h.baseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      const state = new URL(browser.hops[0]!.location!).searchParams.get('state')!;
      const [row] = await h.database.db.select().from(authLogins).where(eq(authLogins.state, state));
      return row?.returnTo;
    };
    expect(await returnToFor('/saker/TYN-2026-7KX3QF?fane=tidslinje')).toBe('/saker/TYN-2026-7KX3QF?fane=tidslinje');
    for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/ok path']) {
      expect(await returnToFor(evil), evil).toBe('/');
    }
  });

  it('requires the CSRF token on state-changing requests made with the session cookie', async () => {
    const browser = new Browser();
    const { page } = await login(browser, h.baseUrl, 'tynset-boligkontoret');
    const { csrfToken, id } = JSON.parse(page.text);
    const put = (headers: Record<string, string>) =>
      browser.go(`${h.baseUrl}/api/municipalities/tynset/policy`, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json', ...headers } });

    const missing = await put({});
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.text).error).toMatch(/CSRF/);
    const wrong = await put({ 'x-csrf-token': 'x'.repeat(32) });
    expect(wrong.status).toBe(403);
    const [denied] = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, id), eq(auditLog.action, 'denied')))
      .orderBy(desc(auditLog.id));
    expect(denied).toMatchObject({ outcome: 403, route: 'PUT /api/municipalities/tynset/policy' });

    const ok = await put({ 'x-csrf-token': csrfToken });
    expect(ok.status).toBe(200);
    // Reads need no token.
    expect((await browser.go(`${h.baseUrl}/api/municipalities/tynset/policy`)).status).toBe(200);
  });

  it('logs out: ends the session here and at the provider (RP-initiated logout)', async () => {
    const browser = new Browser();
    const { page } = await login(browser, h.baseUrl, 'tynset-oppfolger');
    const { csrfToken } = JSON.parse(page.text);
    const oldCookie = browser.cookie('127.0.0.1', 'botrygg-session')!.value;

    const refused = await browser.go(`${h.baseUrl}/auth/logout`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect((await me(browser)).status).toBe(200);

    const logoutPage = await browser.go(`${h.baseUrl}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    const endSession = new URL(browser.hops[0]!.location!);
    expect(endSession.origin + endSession.pathname).toBe(`${h.dev.issuer}/session/end`);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${h.baseUrl}/auth/logged-out`);
    // The provider's confirmation form (a browser submits it by script).
    const done = await browser.submitForm(logoutPage, { logout: 'yes' });
    expect(done.url).toBe(`${h.baseUrl}/auth/logged-out`);
    expect(done.text).toContain('Du er logget ut');

    expect(browser.cookie('127.0.0.1', 'botrygg-session')).toBeUndefined();
    const replay = await fetch(`${h.baseUrl}/api/me`, { headers: { cookie: `botrygg-session=${oldCookie}` } });
    expect(replay.status).toBe(401);
    // The provider's own session is gone too: the next login asks who you are.
    const again = await browser.go(`${h.baseUrl}/auth/login`);
    expect(again.url).toMatch(/\/interaction\//);
  });

  it('tells the staff app where to go on logout when it asks for JSON (a redirected form post would break its CSP)', async () => {
    const browser = new Browser();
    const { page } = await login(browser, h.baseUrl, 'tynset-boligkontoret');
    const { csrfToken } = JSON.parse(page.text);
    const json = { accept: 'application/json' };
    const refused = await browser.go(`${h.baseUrl}/auth/logout`, { method: 'POST', headers: json });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error).toMatch(/CSRF-token/);
    expect((await me(browser)).status).toBe(200);

    const res = await browser.go(`${h.baseUrl}/auth/logout`, { method: 'POST', headers: { ...json, 'x-csrf-token': csrfToken } });
    expect(res.status).toBe(200);
    expect(browser.hops).toHaveLength(1);
    const endSession = new URL(JSON.parse(res.text).redirect);
    expect(endSession.origin + endSession.pathname).toBe(`${h.dev.issuer}/session/end`);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${h.baseUrl}/auth/logged-out`);
    expect((await me(browser)).status).toBe(401);
  });

  it('shows a Norwegian page and starts no session for a user whose groups map to no role', async () => {
    h.users.push({ username: 'uten-rolle', name: 'Uten Rolle', sub: 'sub-uten-rolle', groups: ['gruppe-som-ikke-er-koblet'] });
    const browser = new Browser();
    const { page } = await login(browser, h.baseUrl, 'uten-rolle');
    expect(page.status).toBe(403);
    expect(page.text).toContain('ingen av gruppene dine gir tilgang til Botrygg');
    expect(browser.cookie('127.0.0.1', 'botrygg-session')).toBeUndefined();
    const [denied] = await h.database.db.select().from(auditLog).where(eq(auditLog.actorId, 'sub-uten-rolle'));
    expect(denied).toMatchObject({ action: 'denied', outcome: 403 });
  });

  it('takes a change of groups into account at the next login, not in the running session', async () => {
    const user = h.user('alvdal-oppfolger');
    const browser = new Browser();
    const first = JSON.parse((await login(browser, h.baseUrl, user.username)).page.text);
    expect(first).toMatchObject({ roles: ['follow_up_worker'], municipality: 'alvdal' });

    // The directory moves the user to the housing officers' group.
    user.groups = [groupId('alvdal', 'boligkonsulent')];
    expect(JSON.parse((await me(browser)).text).roles).toEqual(['follow_up_worker']);

    const second = new Browser();
    const after = JSON.parse((await login(second, h.baseUrl, user.username)).page.text);
    expect(after).toMatchObject({ id: user.sub, roles: ['housing_officer'], municipality: 'alvdal' });
  });

  it('ends the session a browser already had when it logs in again', async () => {
    const browser = new Browser();
    await login(browser, h.baseUrl, 'alvdal-boligkonsulent');
    const first = browser.cookie('127.0.0.1', 'botrygg-session')!.value;
    // Still signed in at the provider: it sends the browser straight back (single sign-on).
    const { authorizeHops } = await login(browser, h.baseUrl, 'alvdal-boligkonsulent');
    expect(authorizeHops.some((hop) => hop.url.includes('/interaction/'))).toBe(false);
    expect(browser.cookie('127.0.0.1', 'botrygg-session')!.value).not.toBe(first);
    expect((await me(browser)).status).toBe(200);
    expect((await fetch(`${h.baseUrl}/api/me`, { headers: { cookie: `botrygg-session=${first}` } })).status).toBe(401);
  });

  it('shows colleagues by name: cases keep the subject ID, the directory from the last login has the name', async () => {
    const tynset = h.user('tynset-avdelingsleder');
    const alvdal = h.user('alvdal-avdelingsleder');
    await login(new Browser(), h.baseUrl, tynset.username);
    await login(new Browser(), h.baseUrl, alvdal.username);
    const get = (query: string) => fetch(`${h.baseUrl}/api/staff?${query}`, { headers: { authorization: 'Bearer dev-boligkonsulent' } });
    const res = await get(`ids=${tynset.sub},${alvdal.sub},ukjent`);
    expect(res.status).toBe(200);
    // Only the caller's own municipality.
    expect(await res.json()).toEqual({ staff: [{ id: tynset.sub, name: 'Nils Brekke' }] });
    expect((await get('ids=')).status).toBe(400);
    expect((await get(`ids=${tynset.sub}&navn=x`)).status).toBe(400);
  });

  it('has a data protection officer in Tynset who reads a case\'s access log, not the case', async () => {
    const browser = new Browser();
    const { page } = await login(browser, h.baseUrl, 'tynset-personvernombud');
    expect(JSON.parse(page.text)).toMatchObject({ name: 'Guri Vold', roles: ['data_protection_officer'], municipality: 'tynset', authMethod: 'session' });
    // Past the role check (an unknown case is 404, not 403); the cases themselves stay closed.
    expect((await browser.go(`${h.baseUrl}/api/tenancies/TYN-2026-ZZZZZZ/access-log`)).status).toBe(404);
    expect((await browser.go(`${h.baseUrl}/api/tenancies`)).status).toBe(403);
  });

  it('keeps accepting development tokens alongside sessions', async () => {
    const res = await fetch(`${h.baseUrl}/api/me`, { headers: { authorization: 'Bearer dev-boligkonsulent' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'kari.nordmann', authMethod: 'static_token' });
  });
});

describe('session timeouts', () => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityHarness({ idleMs: 1_500, absoluteMs: 60_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('ends a session left idle longer than the idle timeout', async () => {
    const browser = new Browser();
    await login(browser, h.baseUrl, 'tynset-boligkonsulent');
    // Activity within the window keeps it alive.
    await new Promise((r) => setTimeout(r, 900));
    expect((await browser.go(`${h.baseUrl}/api/me`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 900));
    expect((await browser.go(`${h.baseUrl}/api/me`)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1_800));
    const res = await browser.go(`${h.baseUrl}/api/me`);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).error).toBe('Økten er utløpt. Logg inn på nytt.');
    const [row] = await h.database.db.select().from(authSessions).where(eq(authSessions.subject, h.user('tynset-boligkonsulent').sub)).orderBy(desc(authSessions.createdAt));
    expect(row).toMatchObject({ endReason: 'idle', idToken: null });
  });

  it('ends a session at its absolute end however active it is', async () => {
    const browser = new Browser();
    await login(browser, h.baseUrl, 'tynset-boligkontoret');
    const sub = h.user('tynset-boligkontoret').sub;
    // Move the absolute end into the past rather than wait hours.
    await h.database.db.update(authSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authSessions.subject, sub));
    expect((await browser.go(`${h.baseUrl}/api/me`)).status).toBe(401);
    const [row] = await h.database.db.select().from(authSessions).where(eq(authSessions.subject, sub)).orderBy(desc(authSessions.createdAt));
    expect(row?.endReason).toBe('expired');
  });
});

describe('cookies outside development', () => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityHarness({ secureCookies: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('marks the session and login cookies Secure, the session one with the __Host- prefix', async () => {
    const browser = new Browser();
    await browser.go(`${h.baseUrl}/auth/login`);
    expect(browser.cookie('127.0.0.1', 'botrygg-login')).toMatchObject({ secure: true, httpOnly: true, path: '/auth' });
    const signedIn = new Browser();
    expect((await login(signedIn, h.baseUrl, 'tynset-boligkonsulent')).page.status).toBe(200);
    expect(signedIn.cookie('127.0.0.1', 'botrygg-session')).toBeUndefined();
    expect(signedIn.cookie('127.0.0.1', '__Host-botrygg-session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
  });
});
