import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { StaticToken } from '../config/api-tokens';
import type { Actor, Role } from '../domain/roles';
import { HttpError } from './errors';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Bearer tokens bound to an actor. Real login (ID-porten / Entra ID) replaces the token table later. */
export function authenticate(tokens: StaticToken[]): RequestHandler {
  return (req, _res, next) => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return next(new HttpError(401, 'Du må være innlogget for å bruke Botrygg.'));
    const found = tokens.find((t) => sameToken(t.token, match[1]!));
    if (!found) return next(new HttpError(401, 'Innloggingen er ugyldig eller utløpt. Logg inn på nytt.'));
    req.actor = found.actor;
    next();
  };
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.includes('admin') || actor.roles.some((r) => roles.includes(r));
}

export function worksIn(actor: Actor, municipality: string): boolean {
  return actor.municipality === '*' || actor.municipality === municipality;
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
