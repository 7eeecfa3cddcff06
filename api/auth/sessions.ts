import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Request, Response } from 'express';
import type { Database } from '../../db/client';
import { authSessions } from '../../db/schema-auth';
import { isRole, type Actor } from '../../domain/roles';

export interface SessionSettings {
  idleMs: number;
  absoluteMs: number;
  /** Secure cookies (with the `__Host-` prefix) everywhere but development and tests over plain HTTP. */
  secureCookies: boolean;
}

export interface ActiveSession {
  actor: Actor;
  csrfToken: string;
  idToken: string | null;
  expiresAt: Date;
  /** The cookie's secret, needed again to end the session. */
  id: string;
}

const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

export function sessionCookieName(settings: Pick<SessionSettings, 'secureCookies'>): string {
  return settings.secureCookies ? '__Host-botrygg-session' : 'botrygg-session';
}

/** Reads one cookie; the header is a `; `-separated list of name=value pairs (RFC 6265 § 4.2). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

export function setSessionCookie(res: Response, settings: SessionSettings, id: string, expiresAt: Date): void {
  res.cookie(sessionCookieName(settings), id, { httpOnly: true, secure: settings.secureCookies, sameSite: 'lax', path: '/', expires: expiresAt });
}

export function clearSessionCookie(res: Response, settings: SessionSettings): void {
  res.clearCookie(sessionCookieName(settings), { httpOnly: true, secure: settings.secureCookies, sameSite: 'lax', path: '/' });
}

export async function createSession(
  db: Database,
  settings: SessionSettings,
  who: { subject: string; roles: string[]; municipality: string; idToken: string | null },
  now = new Date(),
): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.absoluteMs);
  await db.insert(authSessions).values({ idHash: hashId(id), ...who, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { id, csrfToken, expiresAt };
}

/**
 * The session behind a cookie, if it is still alive: past its absolute end or idle too long it is
 * ended here (and stays ended). Activity is written at most every tenth of the idle window, so a
 * busy user does not cost a write per request.
 */
export async function findSession(db: Database, settings: SessionSettings, id: string, now = new Date()): Promise<ActiveSession | { ended: 'idle' | 'expired' } | undefined> {
  const [row] = await db.select().from(authSessions).where(and(eq(authSessions.idHash, hashId(id)), isNull(authSessions.endedAt)));
  if (!row) return undefined;
  const ended = now >= row.expiresAt ? 'expired' : now.getTime() - row.lastSeenAt.getTime() > settings.idleMs ? 'idle' : undefined;
  if (ended) {
    await db.update(authSessions).set({ endedAt: now, endReason: ended, idToken: null }).where(eq(authSessions.idHash, row.idHash));
    return { ended };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > Math.min(60_000, settings.idleMs / 10)) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.idHash, row.idHash));
  }
  return {
    id,
    actor: { id: row.subject, roles: row.roles.filter(isRole), municipality: row.municipality },
    csrfToken: row.csrfToken,
    idToken: row.idToken,
    expiresAt: row.expiresAt,
  };
}

export async function endSession(db: Database, id: string, now = new Date()): Promise<void> {
  await db
    .update(authSessions)
    .set({ endedAt: now, endReason: 'logout', idToken: null })
    .where(and(eq(authSessions.idHash, hashId(id)), isNull(authSessions.endedAt)));
}

/** The admin view: sessions that are neither ended nor past their absolute end (idle ones end when next seen). */
export async function listActiveSessions(db: Database, municipality: string | '*', now = new Date()) {
  return db
    .select({
      subject: authSessions.subject,
      municipality: authSessions.municipality,
      roles: authSessions.roles,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(
      and(
        isNull(authSessions.endedAt),
        gt(authSessions.expiresAt, now),
        municipality === '*' ? sql`true` : eq(authSessions.municipality, municipality),
      ),
    )
    .orderBy(desc(authSessions.lastSeenAt));
}

/** Ends every open session of one person in a municipality (or anywhere, for `*`); returns how many. */
export async function endSessionsOf(db: Database, subject: string, municipality: string | '*', now = new Date()): Promise<number> {
  const ended = await db
    .update(authSessions)
    .set({ endedAt: now, endReason: 'revoked', idToken: null })
    .where(
      and(
        eq(authSessions.subject, subject),
        isNull(authSessions.endedAt),
        municipality === '*' ? sql`true` : eq(authSessions.municipality, municipality),
      ),
    )
    .returning({ idHash: authSessions.idHash });
  return ended.length;
}
