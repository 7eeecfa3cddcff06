import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Actor, Role } from '../domain/roles';
import { looksLikeJwt, TokenRefused } from './auth/access-tokens';
import type { Auth } from './auth/service';
import { findSession, readCookie, sessionCookieName } from './auth/sessions';
import { markCredentialRefused } from './audit';
import { HttpError } from './errors';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
    /** How the actor was authenticated; a session also carries its CSRF token. */
    authMethod?: 'session' | 'access_token' | 'static_token';
    session?: { id: string; csrfToken: string; expiresAt: Date };
  }
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const NOT_SIGNED_IN = 'Du må være innlogget for å bruke Botrygg.';
const INVALID = 'Innloggingen er ugyldig eller utløpt. Logg inn på nytt.';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api request names its caller in one of three ways:
 * - `Authorization: Bearer <JWT>`: a machine client's access token (client credentials), checked with jose;
 * - `Authorization: Bearer <token>`: a static development token (none exist in production);
 * - the session cookie of a staff login; then a state-changing request must also carry the
 *   session's CSRF token in `X-CSRF-Token` (the cookie alone is sent by any page the browser visits).
 * A credential that is presented and refused is audit-logged.
 */
export function authenticate(auth: Auth): RequestHandler {
  const { db, logger } = auth.options;
  const refuse = (req: Request, status: 401 | 403, reason: string, message: string) => {
    logger.warn({ path: req.path, reason, requestId: req.res?.getHeader('x-request-id') }, 'authentication refused');
    // Written by auditRefusals, with the case ID when the path names one.
    if (req.res) markCredentialRefused(req.res);
    return new HttpError(status, message);
  };
  return async (req, _res, next) => {
    try {
      const header = req.header('authorization');
      if (header !== undefined) {
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        if (!token) return next(refuse(req, 401, 'malformed_header', INVALID));
        if (looksLikeJwt(token)) {
          if (!auth.hasProvider) return next(refuse(req, 401, 'no_provider', INVALID));
          try {
            req.actor = await (await auth.provider()).verifyAccessToken(token);
          } catch (err) {
            if (err instanceof TokenRefused) return next(refuse(req, 401, err.reason, INVALID));
            // The provider's discovery or JWKS could not be read: our problem, not the caller's.
            logger.warn({ err, path: req.path }, 'identity provider unavailable');
            return next(new HttpError(503, 'Innloggingstjenesten svarer ikke. Prøv igjen om litt.'));
          }
          req.authMethod = 'access_token';
          return next();
        }
        const found = auth.options.apiTokens.find((t) => sameSecret(t.token, token));
        if (!found) return next(refuse(req, 401, 'unknown_static_token', INVALID));
        req.actor = found.actor;
        req.authMethod = 'static_token';
        return next();
      }
      const cookie = readCookie(req, sessionCookieName(auth.options.session));
      if (!cookie) return next(new HttpError(401, NOT_SIGNED_IN));
      const session = await findSession(db, auth.options.session, cookie);
      if (!session) return next(refuse(req, 401, 'unknown_session', INVALID));
      if ('ended' in session) return next(refuse(req, 401, `session_${session.ended}`, 'Økten er utløpt. Logg inn på nytt.'));
      req.actor = session.actor;
      req.authMethod = 'session';
      req.session = { id: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      if (!SAFE_METHODS.has(req.method)) {
        const presented = req.header('x-csrf-token');
        if (!presented || !sameSecret(presented, session.csrfToken)) {
          return next(refuse(req, 403, 'csrf', 'Forespørselen mangler gyldig CSRF-token. Last siden på nytt og prøv igjen.'));
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.includes('admin') || actor.roles.some((r) => roles.includes(r));
}

export function worksIn(actor: Actor, municipality: string): boolean {
  return actor.municipality === '*' || actor.municipality === municipality;
}

/** The municipality a municipality-wide listing covers: the actor's own, or for national staff the one asked for. */
export function listedMunicipality(actor: Actor, requested: string | undefined): string {
  const municipality = actor.municipality === '*' ? requested : actor.municipality;
  if (!municipality) throw new HttpError(400, 'Oppgi kommune.');
  return municipality;
}

/**
 * Need-to-know access to one case (GDPR art. 9 data): the housing office of the municipality,
 * and the follow-up worker assigned to the case.
 */
export function canAccessCase(actor: Actor, c: { municipality: string; followUpWorkerId: string | null }): boolean {
  if (!worksIn(actor, c.municipality)) return false;
  if (hasRole(actor, ['housing_officer', 'housing_office'])) return true;
  return actor.roles.includes('follow_up_worker') && c.followUpWorkerId === actor.id;
}
