import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import { HttpError } from './errors';

// ---------------------------------------------------------------------------
// Request IDs
// ---------------------------------------------------------------------------

/**
 * A client's X-Request-Id is kept only when it looks like an ID: it is stored in the audit log
 * and echoed in logs, so an unbounded or free-text value (a name, 7,000 characters) is replaced.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;

export function requestIdFor(given: string | undefined): string {
  return given !== undefined && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

// ---------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------

const NOT_JSON = 'Innholdet må sendes som JSON (Content-Type: application/json).';

/**
 * A route that takes a body reads it only as JSON: any other Content-Type (or none) leaves the
 * body unparsed, and treating that as `{}` once wiped a municipality's policy overrides.
 */
export function requireJsonBody(req: Request): void {
  if (req.is('application/json') !== 'application/json') throw new HttpError(415, NOT_JSON);
}

const CHARSET_MESSAGE = 'Tegnsettet støttes ikke. Send innholdet som UTF-8.';

/**
 * JSON between systems is UTF-8 (RFC 8259 § 8.1). body-parser also decodes UTF-16, UTF-32 and
 * even UTF-7, in which the same bytes can say something else than a UTF-8 reader sees: refused.
 */
export const requireUtf8: RequestHandler = (req, _res, next) => {
  const type = req.headers['content-type'];
  const charset = type ? /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(type)?.[1]?.toLowerCase() : undefined;
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return next(new HttpError(415, CHARSET_MESSAGE));
  next();
};

const NUL_MESSAGE = 'Teksten inneholder et ugyldig tegn (NUL, \\u0000). Fjern det og prøv igjen.';
const DEPTH_MESSAGE = 'Innholdet er nøstet for dypt.';

/** No form of ours nests deeper than this; a deeper body is refused before anything walks it recursively. */
export const MAX_DEPTH = 32;

/** True if any string (or object key) in a parsed JSON value, query or params contains U+0000. */
export function containsNul(value: unknown): boolean {
  return inspect(value, 0) === 'nul';
}

function inspect(value: unknown, depth: number): 'nul' | 'deep' | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? 'nul' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return 'deep';
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return 'nul';
    const found = inspect(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** PostgreSQL refuses U+0000 in text; refuse it here with a plain message instead of a 500 later. */
export function rejectNul(...values: unknown[]): void {
  for (const v of values) {
    const found = inspect(v, 0);
    if (found === 'nul') throw new HttpError(400, NUL_MESSAGE);
    if (found === 'deep') throw new HttpError(400, DEPTH_MESSAGE);
  }
}

// ---------------------------------------------------------------------------
// Timestamps in queries
// ---------------------------------------------------------------------------

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/**
 * An ISO 8601 instant with a four-digit year, a real calendar date and an explicit offset.
 * `Date.parse` accepts anything from `12345` (the year 12345) to `March 7`, which PostgreSQL
 * then refuses; this accepts only what the API documents.
 */
export function isStrictIsoInstant(s: string, isValidDate: (d: string) => boolean): boolean {
  const m = INSTANT.exec(s);
  return !!m && isValidDate(m[1]!) && Number.isFinite(Date.parse(s));
}

// ---------------------------------------------------------------------------
// Errors raised before a route runs (body-parser, router)
// ---------------------------------------------------------------------------

/**
 * Norwegian messages for the client errors that body-parser and the router raise with a status
 * (`err.status`, `err.type`). Anything with a 4xx status is the client's fault and is answered so.
 */
export function clientErrorMessage(err: { status?: number; statusCode?: number; type?: string }): { status: number; message: string } | undefined {
  const status = err.status ?? err.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  switch (err.type) {
    case 'entity.parse.failed':
      return { status: 400, message: 'Innholdet er ikke gyldig JSON.' };
    case 'entity.too.large':
      return { status: 413, message: 'Innholdet er for stort.' };
    case 'charset.unsupported':
      return { status: 415, message: CHARSET_MESSAGE };
    case 'encoding.unsupported':
      return { status: 415, message: 'Komprimeringen (Content-Encoding) støttes ikke. Bruk gzip, deflate eller br, eller send innholdet ukomprimert.' };
    case 'request.size.invalid':
      return { status: 400, message: 'Innholdet har en annen lengde enn Content-Length sier.' };
    case 'request.aborted':
      return { status: 400, message: 'Forespørselen ble avbrutt før innholdet var mottatt.' };
  }
  if (status === 400 && err instanceof URIError) return { status: 400, message: 'Adressen inneholder en ugyldig %-koding.' };
  if (status === 400) return { status: 400, message: 'Innholdet kunne ikke leses (ugyldig komprimering eller koding).' };
  if (status === 413) return { status: 413, message: 'Innholdet er for stort.' };
  if (status === 415) return { status: 415, message: 'Innholdstypen støttes ikke. Send JSON (application/json) i UTF-8.' };
  return { status, message: 'Forespørselen kunne ikke behandles.' };
}

// ---------------------------------------------------------------------------
// Temporal deadlines
// ---------------------------------------------------------------------------

export interface TemporalDeadlines {
  /** Queries and other reads: a person is looking at a page. */
  readMs: number;
  /** Starts, updates and signals: an update waits for the workflow to apply the step. */
  writeMs: number;
}

export const DEFAULT_TEMPORAL_DEADLINES: TemporalDeadlines = { readMs: 5_000, writeMs: 10_000 };

/**
 * Every call to Temporal made while handling a request shares one deadline. Without it a call
 * to an absent server retries for ~20 s; with it the request fails fast with a 503. The deadline
 * travels through AsyncLocalStorage, so it covers every call in the route handler (nested
 * `withDeadline`, as in the intake, narrows it further).
 */
export function temporalDeadline(temporal: Client, deadlines: TemporalDeadlines): RequestHandler {
  return (req, _res, next) => {
    const ms = req.method === 'GET' || req.method === 'HEAD' ? deadlines.readMs : deadlines.writeMs;
    void temporal.withDeadline(Date.now() + ms, async () => next());
  };
}
