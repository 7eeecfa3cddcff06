import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type JWK } from 'jose';
import * as oidc from 'openid-client';
import type { TokenRefused } from '../../api/auth/access-tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { Browser, login } from '../helpers/browser';
import { startIdentityHarness, type IdentityHarness } from '../helpers/identity';

/**
 * Machine clients (form services) with client-credentials access tokens from the embedded provider,
 * validated with jose over real HTTP: signature against the JWKS, issuer, audience, expiry, scope.
 */
describe('machine clients: client-credentials access tokens', () => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const AUDIENCE = 'api://botrygg';

  async function realToken(clientId = 'skjema-tynset'): Promise<string> {
    const client = h.dev.machineClients.find((c) => c.clientId === clientId)!;
    const config = await oidc.discovery(new URL(h.dev.issuer), client.clientId, client.clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'botrygg.intake', resource: AUDIENCE });
    return tokens.access_token;
  }

  /** A token signed with the provider's own current key, with claims of our choosing. */
  async function forged(claims: Record<string, unknown>, opts: { key?: JWK; expiresIn?: string | number } = {}): Promise<string> {
    const jwk = opts.key ?? h.dev.signingKeys()[0]!;
    const key = await importJWK(jwk, 'RS256');
    return new SignJWT({ client_id: 'skjema-tynset', scope: 'botrygg.intake', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid!, typ: 'at+jwt' })
      .setIssuer((claims.iss as string) ?? h.dev.issuer)
      .setAudience((claims.aud as string) ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '5m')
      .setJti(randomUUID())
      .sign(key);
  }

  const me = (token: string) => fetch(`${h.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });

  it('accepts a real token from the provider and maps the client to the intake role of its municipality', async () => {
    const res = await me(await realToken('skjema-alvdal'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'client:skjema-alvdal', roles: ['intake'], municipality: 'alvdal', authMethod: 'access_token' });
    // The intake role reaches only its routes.
    const tasks = await fetch(`${h.baseUrl}/api/tasks?role=housing_officer`, { headers: { authorization: `Bearer ${await realToken()}` } });
    expect(tasks.status).toBe(403);
  });

  it('refuses (401) and audits a token with a wrong audience, issuer, expiry, key, algorithm or scope', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const stranger = { ...(await exportJWK(privateKey)), kid: h.dev.signingKeys()[0]!.kid, alg: 'RS256' };
    const unknownKid = { ...stranger, kid: 'not-published' };
    const cases: Array<[string, string, TokenRefused['reason']]> = [
      ['wrong audience', await forged({ aud: 'api://another-system' }), 'wrong_audience'],
      ['wrong issuer', await forged({ iss: 'https://evil.example' }), 'wrong_issuer'],
      ['expired', await forged({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 }), 'expired'],
      ['unknown key', await forged({}, { key: unknownKid }), 'unknown_key'],
      ['right kid, wrong key', await forged({}, { key: stranger }), 'invalid'],
      ['alg none', new UnsecuredJWT({ client_id: 'skjema-tynset', scope: 'botrygg.intake' }).setIssuer(h.dev.issuer).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').encode(), 'bad_algorithm'],
      ['missing scope', await forged({ scope: 'openid' }), 'missing_scope'],
      ['unknown client', await forged({ client_id: 'ukjent-klient' }), 'unknown_client'],
      ['an ID token', await forged({ nonce: 'n-0S6_WzA2Mj' }), 'id_token'],
    ];
    // Each is refused for its own reason, not by accident…
    const verify = (await h.auth.provider()).verifyAccessToken;
    for (const [what, token, reason] of cases) {
      await expect(verify(token), what).rejects.toMatchObject({ reason });
    }
    const since = new Date(Date.now() - 1000);
    // …and over HTTP the answer is the same 401 for all, audit-logged.
    for (const [what, token] of cases) {
      const res = await me(token);
      expect(res.status, what).toBe(401);
      expect(((await res.json()) as { error: string }).error, what).toBe('Innloggingen er ugyldig eller utløpt. Logg inn på nytt.');
    }
    const denied = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'denied'), eq(auditLog.route, 'GET /api/me'), eq(auditLog.outcome, 401), gt(auditLog.at, since)));
    expect(denied.length).toBeGreaterThanOrEqual(cases.length);
    // Sanity: the forging helper makes tokens the API accepts when nothing is wrong.
    expect((await me(await forged({}))).status).toBe(200);
  });

  it('refuses a token whose signature does not cover what it says: payload changed, crit or b64 headers, an algorithm the key is not for', async () => {
    const verify = (await h.auth.provider()).verifyAccessToken;
    const good = await forged({});
    const [head, body, sig] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const swapped = Buffer.from(JSON.stringify({ ...claims, client_id: 'skjema-alvdal' })).toString('base64url');
    const header = JSON.parse(Buffer.from(head, 'base64url').toString());
    const withHeader = (extra: Record<string, unknown>) => `${Buffer.from(JSON.stringify({ ...header, ...extra })).toString('base64url')}.${body}.${sig}`;
    const cases: Array<[string, string, TokenRefused['reason']]> = [
      ['payload changed after signing', `${head}.${swapped}.${sig}`, 'invalid'],
      ['signature cut short', `${head}.${body}.${sig.slice(0, 40)}`, 'invalid'],
      ['crit header', withHeader({ crit: ['exp'], exp: 1 }), 'invalid'],
      ['b64 header', withHeader({ b64: false }), 'invalid'],
      ['HMAC', withHeader({ alg: 'HS256' }), 'bad_algorithm'],
      ['PS256 over an RS256 key', withHeader({ alg: 'PS256' }), 'unknown_key'],
      ['ES256 over an RSA key', withHeader({ alg: 'ES256' }), 'unknown_key'],
      ['not a JWT header', `bm90LWpzb24.${body}.${sig}`, 'invalid'],
    ];
    for (const [what, token, reason] of cases) {
      await expect(verify(token), what).rejects.toMatchObject({ reason });
    }
    expect(await verify(good)).toMatchObject({ id: 'client:skjema-tynset' });
  });

  it('checks a token never seen before within the same event-loop turn (no thread-pool hop per request)', async () => {
    const verify = (await h.auth.provider()).verifyAccessToken;
    await verify(await forged({}));
    // WebCrypto (jose's jwtVerify) resolves from the libuv thread pool, after a setImmediate queued
    // now has run; the synchronous node:crypto check resolves before it. This is what bench:auth's
    // p99 for new tokens measured.
    const tokens = await Promise.all(Array.from({ length: 20 }, () => forged({})));
    for (const token of tokens) {
      let turned = false;
      setImmediate(() => (turned = true));
      await verify(token);
      expect(turned).toBe(false);
    }
  });

  it('follows a key rotation at the provider without a restart, and keeps sessions and earlier tokens valid', async () => {
    const browser = new Browser();
    await login(browser, h.baseUrl, 'tynset-boligkonsulent');
    const before = await realToken();
    const oldKid = h.dev.signingKeys()[0]!.kid;

    await h.dev.rotateKeys();
    expect(h.dev.signingKeys()[0]!.kid).not.toBe(oldKid);
    const after = await realToken();
    expect(JSON.parse(Buffer.from(after.split('.')[0]!, 'base64url').toString()).kid).toBe(h.dev.signingKeys()[0]!.kid);

    expect((await me(after)).status).toBe(200);
    expect((await me(before)).status).toBe(200);
    expect((await browser.go(`${h.baseUrl}/api/me`)).status).toBe(200);
  });

  it('remembers a verified token no longer than it is valid', async () => {
    // Expired 58 s ago: still inside the 60 s clock tolerance for two more seconds.
    const token = await forged({}, { expiresIn: Math.floor(Date.now() / 1000) - 58 });
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await me(token)).status).toBe(401);
  });

  it('refuses a static token that is not configured, and audits it', async () => {
    const requestId = randomUUID();
    const res = await fetch(`${h.baseUrl}/api/me`, { headers: { authorization: 'Bearer dev-finnes-ikke', 'x-request-id': requestId } });
    expect(res.status).toBe(401);
    const [row] = await h.database.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
    expect(row).toMatchObject({ actorId: 'anonymous', action: 'denied', outcome: 401 });
  });
});
