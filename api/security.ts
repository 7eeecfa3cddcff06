import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/**
 * The Content-Security-Policy for everything the server sends. The staff web app will be served
 * from `/` by this same server as a bundled React app: its scripts, styles, fonts and API calls
 * are all same-origin, so `'self'` is enough and no inline script is ever allowed.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

function cspHeader(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** X-Content-Type-Options, CSP, frame protection (X-Frame-Options and frame-ancestors), and helmet's other defaults. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES as unknown as Record<string, string[]> },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as unknown as RequestHandler;
}

/**
 * A server-rendered page (the committee's printable minutes) carries its stylesheet inline: the
 * page's own CSP allows exactly those `<style>` blocks by hash, and still no script at all.
 */
export function cspForHtml(html: string): string {
  const hashes = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return cspHeader({ ...CSP_DIRECTIVES, 'style-src': ["'self'", ...hashes], 'script-src': ["'none'"] });
}

/** API answers carry personal data: no browser or proxy may keep a copy. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
};

export interface RateLimits {
  /** Failed logins (401) per client address per window before it is refused with 429. */
  authFailures: number;
  authWindowMs: number;
  /** Writes (POST, PUT, PATCH, DELETE) per person per window. */
  writes: number;
  writeWindowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { authFailures: 30, authWindowMs: 15 * 60_000, writes: 300, writeWindowMs: 60_000 };

const TOO_MANY_FAILURES = { error: 'For mange mislykkede innlogginger. Vent litt og prøv igjen.' };
const TOO_MANY_WRITES = { error: 'For mange endringer på kort tid. Vent litt og prøv igjen.' };

/**
 * Guessing tokens: only refused credentials (401 with an Authorization header) count, per client address; once over the limit every
 * request from that address is refused with 429 and Retry-After until the window has passed.
 *
 * Counted when the refusal is sent, not when a request arrives. express-rate-limit's skipSuccessfulRequests counted
 * every request on arrival and took it back only when a successful answer finished: with more requests in flight from
 * one address than the limit (an office behind one NAT address, a reverse proxy, 200 requests a second) the rest were
 * refused, and a request its client gave up on never finished and counted as a failed login. Under load the bench saw
 * a whole address locked out for 15 minutes without one wrong token.
 */
export function authFailureLimiter(limits: RateLimits): RequestHandler {
  const failures = new Map<string, { count: number; resetAt: number }>();
  return (req, res, next) => {
    const key = ipKeyGenerator(req.ip ?? 'unknown');
    const now = Date.now();
    const entry = failures.get(key);
    if (entry && entry.resetAt <= now) failures.delete(key);
    else if (entry && entry.count >= limits.authFailures) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((entry.resetAt - now) / 1000))));
      return void res.status(429).json(TOO_MANY_FAILURES);
    }
    res.once('finish', () => {
      // A request without credentials (not logged in yet) is no guess; a refused token is.
      if (res.statusCode !== 401 || !req.headers.authorization) return;
      const at = Date.now();
      const current = failures.get(key);
      if (current && current.resetAt > at) current.count++;
      else {
        // Addresses whose window has passed are forgotten, so the map holds only recent guessers.
        if (failures.size > 10_000) for (const [k, v] of failures) if (v.resetAt <= at) failures.delete(k);
        failures.set(key, { count: 1, resetAt: at + limits.authWindowMs });
      }
    });
    next();
  };
}

/** A runaway client or script: writes per authenticated person (reads are not limited). */
export function writeLimiter(limits: RateLimits): RequestHandler {
  return rateLimit({
    windowMs: limits.writeWindowMs,
    limit: limits.writes,
    skip: (req) => req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `actor:${req.actor?.id ?? ipKeyGenerator(req.ip ?? 'unknown')}`,
    message: TOO_MANY_WRITES,
  });
}
