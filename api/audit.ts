import type { ErrorRequestHandler, Request, Response } from 'express';
import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';
import { CASE_ID_PATTERN } from '../domain/ids';
import type { Logger } from '../platform/logger';
import { HttpError } from './errors';

export type AuditAction = 'read' | 'write' | 'denied';

/** `res.locals` flag: this request's refusal is already on the log (with its case), so it is not logged twice. */
const REFUSAL_AUDITED = 'botryggRefusalAudited';
/** `res.locals` flag: a credential was presented and refused (api/auth.ts); logged by auditRefusals on every route. */
const CREDENTIAL_REFUSED = 'botryggCredentialRefused';

/**
 * Marks a refused credential for auditRefusals, which writes it once: with the case when the path is
 * a case route, without one elsewhere. Writing it at the refusal itself left the case out, and the
 * flag that prevents a second row then kept the case from the log.
 */
export function markCredentialRefused(res: Response): void {
  res.locals[CREDENTIAL_REFUSED] = true;
}

function entry(req: Request, action: AuditAction, caseId: string | null, outcome: number, route?: string): AuditRow {
  const actor = req.actor;
  return {
    actorId: actor?.id ?? 'anonymous',
    actorRoles: actor?.roles.join('+') ?? '',
    action,
    route: route ?? `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`,
    caseId,
    outcome,
    requestId: String(req.res?.getHeader('x-request-id') ?? ''),
  };
}

/**
 * Records who read or wrote personal data, or was refused. Awaited before the response is sent: if
 * the log cannot be written, the data is not served.
 */
export async function audit(db: Database, req: Request, action: AuditAction, caseId: string | null, outcome: number): Promise<void> {
  await writeAuditRows(db, [entry(req, action, caseId, outcome)]);
  if (action === 'denied' && req.res) req.res.locals[REFUSAL_AUDITED] = true;
}

export interface AuditRow {
  actorId: string;
  actorRoles: string;
  action: AuditAction;
  route: string;
  /** The one case the request touched. */
  caseId: string | null;
  /** Several cases touched by one request (a list page): one row names them all. */
  caseIds?: string[] | null;
  outcome: number;
  requestId: string;
}
interface Waiting {
  rows: AuditRow[];
  done: (err?: unknown) => void;
}
const writers = new WeakMap<Database, { waiting: Waiting[]; flushing: boolean }>();

/**
 * Group commit: the rows of every request that asks while a write is in flight go in the next
 * statement together, and each request still waits until its own rows are committed. Under load a
 * statement and a commit (on PostgreSQL a WAL flush; on PGlite a turn on its one thread) served
 * one request each and were most of a read's cost (17 ms for an empty work list on a busy machine).
 * Rows keep their order; a failed statement fails every request in it, so nothing is served unlogged.
 */
export function writeAuditRows(db: Database, rows: AuditRow[]): Promise<void> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = { waiting: [], flushing: false }));
  const w = writer;
  return new Promise<void>((resolve, reject) => {
    w.waiting.push({ rows, done: (err) => (err ? reject(err) : resolve()) });
    if (w.flushing) return;
    w.flushing = true;
    void (async () => {
      while (w.waiting.length) {
        const batch = w.waiting.splice(0);
        const all = batch.flatMap((b) => b.rows);
        const col = <K extends keyof AuditRow>(k: K) => sql.param(all.map((r) => r[k]));
        // A row's case IDs travel as one JSON text each: unnest cannot take an array of arrays of different lengths.
        const caseIdLists = sql.param(all.map((r) => (r.caseIds?.length ? JSON.stringify(r.caseIds) : null)));
        try {
          // One statement, each column one array parameter, whatever the number of rows.
          await db.execute(sql`
            insert into ${auditLog} (actor_id, actor_roles, action, route, case_id, case_ids, outcome, request_id)
            select a, r, act, rt, c, (select array_agg(x order by k) from jsonb_array_elements_text(cs::jsonb) with ordinality as e(x, k)), o, q
            from unnest(${col('actorId')}::text[], ${col('actorRoles')}::text[], ${col('action')}::text[], ${col('route')}::text[], ${col('caseId')}::text[], ${caseIdLists}::text[], ${col('outcome')}::int[], ${col('requestId')}::text[])
              with ordinality as u(a, r, act, rt, c, cs, o, q, n)
            order by n`);
          for (const b of batch) b.done();
        } catch (err) {
          for (const b of batch) b.done(err);
        }
      }
      w.flushing = false;
    })();
  });
}

/**
 * Reads and writes that touch several cases are logged as one row naming every case (`case_ids`),
 * so the log answers "who has seen this person's data" for a list as well (`auditedCase`); one
 * naming a single case fills `case_id` as `audit` does, one naming none gets a row without a case.
 * A row per case made a page of 100 cost 100 index-maintained rows: under load at 200 requests/s
 * that was most of what a list cost on PostgreSQL and more than it on PGlite.
 */
export async function auditCases(db: Database, req: Request, action: AuditAction, caseIds: Iterable<string | null | undefined>, outcome: number): Promise<void> {
  const unique = [...new Set([...caseIds].filter((c): c is string => !!c))];
  if (unique.length <= 1) return audit(db, req, action, unique[0] ?? null, outcome);
  await writeAuditRows(db, [{ ...entry(req, action, null, outcome), caseIds: unique }]);
}

/**
 * The audit rows about one case: those naming it alone (`case_id`, btree) or among others
 * (`case_ids`, GIN). Every query of the log by case goes through this, so a read in a list is found
 * as surely as a read of the case page.
 */
export function auditedCase(caseId: string): SQL {
  return or(eq(auditLog.caseId, caseId), sql`${auditLog.caseIds} @> array[${caseId}]::text[]`)!;
}

/** A route path with `:caseId` as a matcher over the request path. */
function caseMatcher(path: string): RegExp {
  const source = path
    .split(/(:[A-Za-z0-9_]+)/)
    .map((part) => (part === ':caseId' ? '(?<caseId>[^/]+)' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/**
 * Refusals (401, 403) on case routes go to the audit log with the case ID asked for, also when the
 * request never reached the route (no or a bad token); a refused credential goes to the log on any
 * route. Mounted before the error handler; refusals a handler already logged (loadAccessibleCase) are
 * not logged twice. A malformed case ID is logged as none: it names no one.
 */
export function auditRefusals(db: Database, caseRoutePaths: () => readonly string[], logger: Logger): ErrorRequestHandler {
  let matchers: Array<{ path: string; re: RegExp }> | undefined;
  return async (err, req, res, next) => {
    if (!(err instanceof HttpError) || (err.status !== 401 && err.status !== 403) || res.locals[REFUSAL_AUDITED]) return next(err);
    matchers ??= caseRoutePaths().map((path) => ({ path, re: caseMatcher(path) }));
    const path = req.originalUrl.split('?')[0] ?? '';
    const hit = matchers.map((m) => ({ path: m.path, match: m.re.exec(path) })).find((m) => m.match);
    if (!hit && !res.locals[CREDENTIAL_REFUSED]) return next(err);
    let caseId: string | null;
    try {
      const asked = hit ? decodeURIComponent(hit.match!.groups!.caseId!) : '';
      caseId = CASE_ID_PATTERN.test(asked) ? asked : null;
    } catch {
      caseId = null;
    }
    try {
      await writeAuditRows(db, [entry(req, 'denied', caseId, err.status, hit ? `${req.method} ${hit.path}` : `${req.method} ${path}`)]);
      res.locals[REFUSAL_AUDITED] = true;
    } catch (failure) {
      // The refusal stands either way; it serves no data, so a failed log entry must not turn it into a 500.
      logger.error({ err: failure, caseId }, 'Could not write a refusal to the audit log');
    }
    next(err);
  };
}
