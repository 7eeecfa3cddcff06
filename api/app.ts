import express, { type Express } from 'express';
import type { Client } from '@temporalio/client';
import type { Config } from '../config/env';
import type { DatabaseHandle } from '../db/client';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import { requestSpan } from '../platform/trace-context';
import { auditRefusals } from './audit';
import { authenticate } from './auth';
import { authRouter } from './auth/routes';
import { Auth, DEFAULT_SESSION } from './auth/service';
import { DEFAULT_TEMPORAL_DEADLINES, requestIdFor, requireUtf8, temporalDeadline, type TemporalDeadlines } from './edge';
import { errorHandler, HttpError } from './errors';
import { buildOpenApiDocument } from './openapi';
import { ApiRoutes } from './routes';
import { registerAccessLogRoutes } from './routes/access-log';
import { authFailureLimiter, DEFAULT_RATE_LIMITS, noStore, securityHeaders, writeLimiter, type RateLimits } from './security';
import { registerAgreementTemplateRoutes } from './routes/agreement-templates';
import { registerCoLocatedUnitRoutes } from './routes/co-located-units';
import { registerCommitteeRoutes } from './routes/committees';
import { registerCommitteeDecisionRoutes } from './routes/committee-decisions';
import { registerDelegationRoutes } from './routes/delegations';
import { registerDwellingRoutes } from './routes/dwellings';
import { registerIdentityRoutes } from './routes/identity';
import { registerRentRoutes } from './routes/rent';
import { registerUnmatchedPaymentRoutes } from './routes/rent-unmatched';
import { registerIncidentRoutes } from './routes/incidents';
import { registerLetterRoutes } from './routes/letters';
import { registerLetterSettingsRoutes } from './routes/letter-settings';
import { registerContactRoutes, registerMunicipalityRoutes } from './routes/municipalities';
import { registerOpsRoutes } from './routes/ops';
import { registerSearchRoutes } from './routes/search';
import { registerStatisticsRoutes } from './routes/statistics';
import { registerTaskRoutes } from './routes/tasks';
import { registerTenancyRoutes } from './routes/tenancies';
import { registerPrivateRentalRoutes } from './routes/private-rentals';
import { devUsersHandler, devUsersOpenApiPath, serveWebApp } from './web-app';

export interface AppDeps {
  config: Pick<Config, 'apiTokens' | 'TEMPORAL_TASK_QUEUE' | 'TEMPORAL_NAMESPACE'> & Partial<Pick<Config, 'TEMPORAL_UI_URL'>>;
  database: DatabaseHandle;
  temporal: Client;
  logger: Logger;
  /** Login and identity; without it only the configured static tokens authenticate (tests). */
  auth?: Auth;
  /** Limits at the edge; the defaults suit production, tests narrow them to see them act. */
  edge?: { temporalDeadlines?: Partial<TemporalDeadlines>; rateLimits?: Partial<RateLimits>; readyTimeoutMs?: number };
  /** The built staff app (web/dist), served at `/` when given and built. */
  webDir?: string;
  /** Request durations by route (METRICS_PORT); absent: none recorded. */
  metrics?: Metrics;
}

export const API_VERSION = '0.1.0';

/** The HTTP API; listening happens in api/server.ts or scripts/start.ts. */
export function createApp({
  config,
  database,
  temporal,
  logger,
  auth = new Auth({ db: database.db, logger, apiTokens: config.apiTokens, session: DEFAULT_SESSION }),
  edge = {},
  webDir,
  metrics,
}: AppDeps): Express {
  const deadlines = { ...DEFAULT_TEMPORAL_DEADLINES, ...edge.temporalDeadlines };
  const limits = { ...DEFAULT_RATE_LIMITS, ...edge.rateLimits };
  const readyTimeoutMs = edge.readyTimeoutMs ?? 2_000;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  if (metrics) app.use(metrics.httpMiddleware);
  app.use(securityHeaders());

  app.use((req, res, next) => {
    const requestId = requestIdFor(req.header('x-request-id'));
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          requestId,
          traceId: res.locals.traceId as string | undefined,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          actorId: req.actor?.id,
        },
        'request',
      );
    });
    next();
  });
  // The request's span: its ID goes on the span, the trace ID on the request's log line.
  app.use(requestSpan((res) => String(res.getHeader('x-request-id') ?? '')));

  // Probes carry no personal data and must answer load balancers without a token.
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  // A probe must answer within the load balancer's timeout even when Temporal or the database is away.
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([
      withTimeout(database.ping(), readyTimeoutMs),
      temporal.withDeadline(Date.now() + readyTimeoutMs, () => temporal.connection.workflowService.getSystemInfo({})),
    ]);
    const [db, tmp] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'));
    res.status(db === 'ok' && tmp === 'ok' ? 200 : 503).json({ database: db, temporal: tmp });
  });

  const router = express.Router();
  const routes = new ApiRoutes(router);
  registerTenancyRoutes(routes, { db: database.db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
  registerPrivateRentalRoutes(routes, { db: database.db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
  registerTaskRoutes(routes, { db: database.db });
  registerDwellingRoutes(routes, { db: database.db });
  registerStatisticsRoutes(routes, { db: database.db });
  registerMunicipalityRoutes(routes, { db: database.db });
  registerContactRoutes(routes, { db: database.db });
  registerAgreementTemplateRoutes(routes, { db: database.db });
  registerRentRoutes(routes, { db: database.db, temporal, logger });
  registerUnmatchedPaymentRoutes(routes, { db: database.db, temporal, logger });
  registerIncidentRoutes(routes, { db: database.db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
  registerCommitteeRoutes(routes, { db: database.db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
  registerCoLocatedUnitRoutes(routes, { db: database.db });
  registerAccessLogRoutes(routes, { db: database.db });
  registerIdentityRoutes(routes, { db: database.db });
  registerDelegationRoutes(routes, { db: database.db });
  registerLetterRoutes(routes, { db: database.db, temporal });
  registerLetterSettingsRoutes(routes, { db: database.db });
  registerCommitteeDecisionRoutes(routes, { db: database.db });
  registerOpsRoutes(routes, { db: database.db, temporalUiUrl: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE });
  registerSearchRoutes(routes, { db: database.db });

  const openApi = buildOpenApiDocument(routes, { version: API_VERSION });
  (openApi.paths as Record<string, unknown>)['/api/dev-users'] = devUsersOpenApiPath;
  app.get('/api/openapi.json', (_req, res) => void res.json(openApi));

  // Every /api answer but the OpenAPI document (above) may carry personal data.
  app.use('/api', noStore);
  // The development users' picker of the staff app: only tokens this server accepts, none in production.
  app.get('/api/dev-users', devUsersHandler(config.apiTokens));
  // Who is calling is settled before a body is read; guessing tokens is slowed down per address.
  app.use('/api', authFailureLimiter(limits), authenticate(auth));
  app.use('/api', requireUtf8);
  // A month's payments file for a large municipality is a few megabytes; everything else is small.
  app.use('/api/rent/payment-files', express.json({ limit: '12mb' }));
  app.use('/api', express.json({ limit: '256kb' }));
  // Writes are limited per person; every call to Temporal from here on has the request's deadline.
  app.use('/api', writeLimiter(limits), temporalDeadline(temporal, deadlines));
  app.use(authRouter(auth));
  app.use(router);
  if (webDir) serveWebApp(app, webDir);
  app.use((_req, _res, next) => next(new HttpError(404, 'Siden eller tjenesten finnes ikke.')));
  // Refusals on case routes, with the case asked for; before the handler answers them.
  app.use(auditRefusals(database.db, () => routes.specs.filter((s) => s.path.includes(':caseId')).map((s) => s.path), logger));
  app.use(errorHandler(logger));
  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
