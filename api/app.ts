import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import type { Client } from '@temporalio/client';
import type { Config } from '../config/env';
import type { DatabaseHandle } from '../db/client';
import type { Logger } from '../platform/logger';
import { auditRefusals } from './audit';
import { authenticate } from './auth';
import { errorHandler, HttpError } from './errors';
import { buildOpenApiDocument } from './openapi';
import { ApiRoutes } from './routes';
import { registerAccessLogRoutes } from './routes/access-log';
import { registerAgreementTemplateRoutes } from './routes/agreement-templates';
import { registerCoLocatedUnitRoutes } from './routes/co-located-units';
import { registerCommitteeRoutes } from './routes/committees';
import { registerDwellingRoutes } from './routes/dwellings';
import { registerRentRoutes } from './routes/rent';
import { registerUnmatchedPaymentRoutes } from './routes/rent-unmatched';
import { registerIncidentRoutes } from './routes/incidents';
import { registerContactRoutes, registerMunicipalityRoutes } from './routes/municipalities';
import { registerStatisticsRoutes } from './routes/statistics';
import { registerTaskRoutes } from './routes/tasks';
import { registerTenancyRoutes } from './routes/tenancies';

export interface AppDeps {
  config: Pick<Config, 'apiTokens' | 'TEMPORAL_TASK_QUEUE' | 'TEMPORAL_NAMESPACE'>;
  database: DatabaseHandle;
  temporal: Client;
  logger: Logger;
}

export const API_VERSION = '0.1.0';

/** The HTTP API; listening happens in api/server.ts or scripts/start.ts. */
export function createApp({ config, database, temporal, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use((req, res, next) => {
    const requestId = req.header('x-request-id') ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, actorId: req.actor?.id },
        'request',
      );
    });
    next();
  });

  // Probes carry no personal data and must answer load balancers without a token.
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([
      database.ping(),
      temporal.connection.workflowService.getSystemInfo({}),
    ]);
    const [db, tmp] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'));
    res.status(db === 'ok' && tmp === 'ok' ? 200 : 503).json({ database: db, temporal: tmp });
  });

  const router = express.Router();
  const routes = new ApiRoutes(router);
  registerTenancyRoutes(routes, { db: database.db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
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

  const openApi = buildOpenApiDocument(routes, { version: API_VERSION });
  app.get('/api/openapi.json', (_req, res) => void res.json(openApi));

  // A month's payments file for a large municipality is a few megabytes; everything else is small.
  app.use('/api/rent/payment-files', express.json({ limit: '12mb' }));
  app.use('/api', express.json({ limit: '256kb' }), authenticate(config.apiTokens));
  app.use(router);
  app.use((_req, _res, next) => next(new HttpError(404, 'Siden eller tjenesten finnes ikke.')));
  // Refusals on case routes, with the case asked for; before the handler answers them.
  app.use(auditRefusals(database.db, () => routes.specs.filter((s) => s.path.includes(':caseId')).map((s) => s.path), logger));
  app.use(errorHandler(logger));
  return app;
}
