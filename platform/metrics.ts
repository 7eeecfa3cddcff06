import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq, inArray, isNotNull, isNull, lt, min } from 'drizzle-orm';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client';
import { caseTasks, formSubmissions, tenancies } from '../db/schema';
import { committeeDecisions } from '../db/schema-committee';
import { notificationOutbox } from '../db/schema-notifications';
import { osloDate } from '../domain/calendar';
import type { Logger } from './logger';

/**
 * Prometheus metrics of one process, served on a port of their own (METRICS_PORT), never beside the
 * API: labels are route patterns, roles and phases, never case IDs or names. Off unless configured.
 */
export interface Metrics {
  registry: Registry;
  /** Request durations by route pattern and status; mounted first in the API. */
  httpMiddleware: RequestHandler;
}

export function createMetrics(opts: { process: string }): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process: opts.process });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'botrygg_http_request_duration_seconds',
    help: 'API request duration by route pattern (not the path: case IDs stay out of metrics) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpMiddleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // A path no route matched (404 probes, scanners) is one label value, not one per path.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, httpMiddleware };
}

/**
 * What on-call acts on, read from the database at each scrape (each query is one index range or a
 * small table): submissions stuck on their way to Temporal, notices not sent, committee decisions a
 * case refused, the case load per phase and overdue tasks per role. Registered in the API process
 * only, so a deployment with several workers does not report them several times.
 */
export function registerBusinessMetrics(registry: Registry, db: Database, logger: Logger, now: () => number = Date.now): void {
  // One read for all gauges: prom-client calls each gauge's collect(), so a read in flight or less
  // than a second old is shared.
  let inFlight: Promise<void> | undefined;
  let readAt = 0;
  const collect = () => {
    if (now() - readAt < 1_000) return Promise.resolve();
    return (inFlight ??= read().finally(() => {
      inFlight = undefined;
      readAt = now();
    }));
  };
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry], collect });
  const pending = gauge('botrygg_form_submissions_pending', 'Form submissions stored but not yet delivered to their workflow');
  const oldest = gauge('botrygg_form_submissions_oldest_pending_age_seconds', 'Age of the oldest undelivered form submission (0 when none)');
  const outbox = gauge('botrygg_notification_outbox', 'Notices in the outbox by status (pending, failed)', ['status']);
  const refused = gauge('botrygg_committee_decisions_refused', 'Committee decisions a case refused, not yet marked done');
  const cases = gauge('botrygg_cases', 'Tenancy cases by phase', ['phase']);
  const overdue = gauge('botrygg_tasks_overdue', 'Open tasks past their due date (Europe/Oslo) by role', ['role']);
  const up = gauge('botrygg_business_metrics_up', '1 when the last scrape could read the database');
  const errors = new Counter({ name: 'botrygg_business_metrics_errors_total', help: 'Scrapes whose database queries failed', registers: [registry] });

  const read = async () => {
    try {
      const today = osloDate(now());
      const [subs, box, decisions, phases, late] = await Promise.all([
        db.select({ n: count(), oldest: min(formSubmissions.receivedAt) }).from(formSubmissions).where(eq(formSubmissions.status, 'pending')),
        db
          .select({ status: notificationOutbox.status, n: count() })
          .from(notificationOutbox)
          .where(inArray(notificationOutbox.status, ['pending', 'failed']))
          .groupBy(notificationOutbox.status),
        db.select({ n: count() }).from(committeeDecisions).where(and(isNotNull(committeeDecisions.deliveryError), isNull(committeeDecisions.doneAt))),
        db.select({ phase: tenancies.phase, n: count() }).from(tenancies).groupBy(tenancies.phase),
        db.select({ role: caseTasks.role, n: count() }).from(caseTasks).where(lt(caseTasks.dueDate, today)).groupBy(caseTasks.role),
      ]);
      pending.set(subs[0]?.n ?? 0);
      const first = subs[0]?.oldest;
      oldest.set(first ? Math.max(0, (now() - new Date(first).getTime()) / 1000) : 0);
      outbox.reset();
      for (const status of ['pending', 'failed']) outbox.set({ status }, box.find((b) => b.status === status)?.n ?? 0);
      refused.set(decisions[0]?.n ?? 0);
      cases.reset();
      for (const p of phases) cases.set({ phase: p.phase }, p.n);
      overdue.reset();
      for (const t of late) overdue.set({ role: t.role }, t.n);
      up.set(1);
    } catch (err) {
      errors.inc();
      up.set(0);
      logger.warn({ err }, 'business metrics: database read failed');
    }
  };
}

/**
 * Serves GET /metrics: this process's registry, followed by the Temporal core runtime's own
 * exporter (worker and its client: task slots, poll latency, sticky cache, request latency) when it
 * runs in this process, so Prometheus scrapes one address per process.
 */
export async function startMetricsServer(opts: {
  host: string;
  port: number;
  registry: Registry;
  /** `host:port` of the core runtime's Prometheus exporter (platform/logger.ts installTemporalRuntime). */
  sdkMetricsAddress?: string;
  logger: Logger;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = http.createServer(async (req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Ikke funnet\n');
      return;
    }
    try {
      let text = await opts.registry.metrics();
      if (opts.sdkMetricsAddress) {
        const sdk = await fetch(`http://${opts.sdkMetricsAddress}/metrics`, { signal: AbortSignal.timeout(2_000) })
          .then((r) => (r.ok ? r.text() : ''))
          .catch(() => '');
        text += sdk ? `\n${sdk}` : '\n# The Temporal SDK exporter did not answer.\n';
      }
      res.writeHead(200, { 'content-type': opts.registry.contentType }).end(text);
    } catch (err) {
      opts.logger.warn({ err }, 'metrics: scrape failed');
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Feil ved innsamling av målinger\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const url = `http://${opts.host}:${(server.address() as AddressInfo).port}/metrics`;
  opts.logger.info({ url }, 'metrics listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Where the worker's SDK exporter listens: loopback only, read through this process's /metrics. */
export function sdkMetricsAddress(config: { METRICS_PORT?: number; TEMPORAL_SDK_METRICS_PORT?: number }): string | undefined {
  if (config.METRICS_PORT === undefined) return undefined;
  const port = config.TEMPORAL_SDK_METRICS_PORT ?? (config.METRICS_PORT > 0 ? config.METRICS_PORT + 1 : undefined);
  return port ? `127.0.0.1:${port}` : undefined;
}

/** The process's metrics and their server when METRICS_PORT is set; otherwise nothing at all. */
export async function startProcessMetrics(
  config: { METRICS_PORT?: number; METRICS_HOST: string; TEMPORAL_SDK_METRICS_PORT?: number },
  opts: { process: string; logger: Logger; db?: Database; withSdk?: boolean },
): Promise<{ metrics: Metrics; close(): Promise<void> } | undefined> {
  if (config.METRICS_PORT === undefined) return undefined;
  const metrics = createMetrics({ process: opts.process });
  if (opts.db) registerBusinessMetrics(metrics.registry, opts.db, opts.logger);
  const server = await startMetricsServer({
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    registry: metrics.registry,
    sdkMetricsAddress: opts.withSdk ? sdkMetricsAddress(config) : undefined,
    logger: opts.logger,
  });
  return { metrics, close: () => server.close() };
}
