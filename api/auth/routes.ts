import express, { type Response, type Router } from 'express';
import { eq, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { authLogins, staffDirectory } from '../../db/schema-auth';
import { audit } from '../audit';
import { sameSecret } from '../auth';
import { resolveRoles, resolveSubjectRoles, type RoleResolution } from './group-roles';
import type { Auth } from './service';
import { clearSessionCookie, createSession, endSession, findSession, readCookie, sessionCookieName, setSessionCookie } from './sessions';

const LOGIN_COOKIE = 'botrygg-login';
const LOGIN_TTL_MS = 10 * 60_000;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain Norwegian page: the browser ends up here, not in the API's JSON. */
function sendPage(res: Response, status: number, title: string, text: string, link?: { href: string; label: string }): void {
  res
    .status(status)
    .type('html')
    .setHeader('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Botrygg</title></head>` +
        `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>` +
        (link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '') +
        '</body></html>',
    );
}

/** Only paths on this site: `//evil.example` and `/\evil` would leave it. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length <= 500 ? value : '/';
}

/**
 * Staff login with OpenID Connect, authorization code flow with PKCE:
 * - `GET /auth/login?returnTo=/path` stores state, nonce and code verifier, binds them to this browser
 *   with a short-lived cookie, and redirects to the provider;
 * - `GET /auth/callback` exchanges the code (openid-client checks state, nonce, PKCE and the ID token),
 *   maps the groups claim to roles and starts a server-side session;
 * - `POST /auth/logout` (CSRF token in `X-CSRF-Token` or the form field `csrfToken`) ends the session
 *   and sends the browser to the provider's end-session endpoint (RP-initiated logout).
 */
export function authRouter(auth: Auth): Router {
  const router = express.Router();
  const { db, logger } = auth.options;
  const settings = auth.options.session;
  const loginCookie = { httpOnly: true, secure: settings.secureCookies, sameSite: 'lax' as const, path: '/auth' };

  const unavailable = (res: Response, err: unknown) => {
    logger.warn({ err }, 'identity provider unavailable');
    sendPage(res, 503, 'Innloggingen er ikke tilgjengelig', 'Innloggingstjenesten svarer ikke. Prøv igjen om litt.');
  };

  router.get('/auth/login', async (req, res, next) => {
    try {
      if (!auth.hasProvider) return sendPage(res, 503, 'Innloggingen er ikke satt opp', 'Botrygg har ingen innloggingstjeneste konfigurert.');
      const provider = await auth.provider().catch((err: unknown) => void unavailable(res, err));
      if (!provider) return;
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      // Unfinished logins are dropped after ten minutes, so this table stays small.
      await db.delete(authLogins).where(lt(authLogins.createdAt, new Date(Date.now() - LOGIN_TTL_MS)));
      await db.insert(authLogins).values({ state, nonce, codeVerifier, returnTo: safeReturnTo(req.query.returnTo) });
      const url = oidc.buildAuthorizationUrl(provider.config, {
        redirect_uri: provider.settings.redirectUri,
        scope: provider.settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      res.cookie(LOGIN_COOKIE, state, { ...loginCookie, maxAge: LOGIN_TTL_MS });
      res.redirect(302, url.href);
    } catch (err) {
      next(err);
    }
  });

  router.get('/auth/callback', async (req, res, next) => {
    try {
      res.clearCookie(LOGIN_COOKIE, loginCookie);
      const state = readCookie(req, LOGIN_COOKIE);
      const [pending] = state ? await db.delete(authLogins).where(eq(authLogins.state, state)).returning() : [];
      const restart = { href: '/auth/login', label: 'Logg inn på nytt' };
      if (!pending || Date.now() - pending.createdAt.getTime() > LOGIN_TTL_MS) {
        await audit(db, req, 'denied', null, 400);
        return sendPage(res, 400, 'Innloggingen er utløpt', 'Innloggingen ble ikke fullført i tide, eller ble startet i en annen nettleser. Start på nytt.', restart);
      }
      const provider = await auth.provider().catch((err: unknown) => void unavailable(res, err));
      if (!provider) return;
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        const currentUrl = new URL(req.originalUrl, provider.settings.redirectUri);
        tokens = await oidc.authorizationCodeGrant(provider.config, currentUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        logger.warn({ err: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'login refused');
        await audit(db, req, 'denied', null, 401);
        return sendPage(res, 401, 'Innloggingen mislyktes', 'Innloggingen kunne ikke bekreftes. Start på nytt.', restart);
      }
      const claims = tokens.claims()!;
      let resolved: RoleResolution;
      if (provider.settings.roleSource === 'subject') {
        // ID-porten sends no groups: the administrator has mapped this person (sub or pid) to roles.
        const subject = claims[provider.settings.subjectClaim];
        resolved = await resolveSubjectRoles(db, typeof subject === 'string' && subject ? subject : undefined);
      } else {
        const groupsClaim = claims[provider.settings.groupsClaim];
        resolved = await resolveRoles(db, Array.isArray(groupsClaim) ? groupsClaim.filter((g): g is string => typeof g === 'string') : []);
      }
      if (!resolved.ok) {
        req.actor = { id: claims.sub, roles: [], municipality: '' };
        await audit(db, req, 'denied', null, 403);
        // A pairwise `sub` is unknown to the administrator until the person tells it; a pid they know already.
        const tell = provider.settings.roleSource === 'subject' && provider.settings.subjectClaim === 'sub' ? ` Oppgi denne ID-en til administrator: ${claims.sub}` : '';
        return sendPage(res, 403, 'Ingen tilgang til Botrygg', resolved.message + tell);
      }
      const name = resolved.name ?? (typeof claims.name === 'string' && claims.name ? claims.name : claims.sub);
      // A login in a browser that still holds a session ends that one: one browser, one session.
      const previous = readCookie(req, sessionCookieName(settings));
      if (previous) await endSession(db, previous);
      const session = await createSession(db, settings, { subject: claims.sub, roles: resolved.roles, municipality: resolved.municipality, idToken: tokens.id_token ?? null });
      await db
        .insert(staffDirectory)
        .values({ subject: claims.sub, name, municipality: resolved.municipality, roles: resolved.roles })
        .onConflictDoUpdate({ target: staffDirectory.subject, set: { name, municipality: resolved.municipality, roles: resolved.roles, lastLoginAt: new Date() } });
      req.actor = { id: claims.sub, roles: resolved.roles, municipality: resolved.municipality };
      await audit(db, req, 'write', null, 200);
      setSessionCookie(res, settings, session.id, session.expiresAt);
      res.redirect(303, pending.returnTo);
    } catch (err) {
      next(err);
    }
  });

  router.post('/auth/logout', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res, next) => {
    // The staff app asks for JSON and opens the address itself: a form post that redirects to the
    // provider's origin would be stopped by the CSP's `form-action 'self'`.
    const wantsJson = req.accepts(['html', 'json']) === 'json';
    const leaveTo = (url: string) => (wantsJson ? void res.status(200).setHeader('cache-control', 'no-store').json({ redirect: url }) : res.redirect(303, url));
    try {
      const cookie = readCookie(req, sessionCookieName(settings));
      const session = cookie ? await findSession(db, settings, cookie) : undefined;
      if (!session || 'ended' in session) {
        clearSessionCookie(res, settings);
        return leaveTo('/auth/logged-out');
      }
      const presented = req.header('x-csrf-token') ?? (typeof req.body?.csrfToken === 'string' ? req.body.csrfToken : undefined);
      req.actor = session.actor;
      if (!presented || !sameSecret(presented, session.csrfToken)) {
        await audit(db, req, 'denied', null, 403);
        if (wantsJson) return void res.status(403).json({ error: 'Utloggingen ble avvist: forespørselen mangler gyldig CSRF-token. Last siden på nytt og prøv igjen.' });
        return sendPage(res, 403, 'Utloggingen ble avvist', 'Forespørselen mangler gyldig CSRF-token. Last siden på nytt og prøv igjen.');
      }
      await endSession(db, session.id);
      await audit(db, req, 'write', null, 200);
      clearSessionCookie(res, settings);
      const provider = auth.hasProvider ? await auth.provider().catch(() => undefined) : undefined;
      if (!provider?.config.serverMetadata().end_session_endpoint) return leaveTo('/auth/logged-out');
      const endSessionUrl = oidc.buildEndSessionUrl(provider.config, {
        post_logout_redirect_uri: provider.settings.postLogoutRedirectUri,
        ...(session.idToken ? { id_token_hint: session.idToken } : { client_id: provider.settings.clientId }),
      });
      leaveTo(endSessionUrl.href);
    } catch (err) {
      next(err);
    }
  });

  router.get('/auth/logged-out', (_req, res) => {
    sendPage(res, 200, 'Du er logget ut', 'Du er logget ut av Botrygg.', { href: '/auth/login', label: 'Logg inn igjen' });
  });

  return router;
}
