import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import type { Logger } from '../platform/logger';
import { startProcessMetrics } from '../platform/metrics';
import { runMain } from '../platform/run-main';
import { startTracing, tracingClientInterceptors } from '../platform/tracing';
import { createApp } from './app';
import { listenApi } from './listen';
import { authFromConfig, startIdentity } from './auth/setup';
import { startSubmissionRelay } from './submission-relay';

/** Stand-alone API process (production topology); `npm start` runs the same app in-process. */
async function main(logger: Logger): Promise<void> {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS må settes for en frittstående API-prosess (npm start starter alt lokalt).');
  const tracing = startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: config.OTEL_SERVICE_NAME, processName: 'api' });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: tracingClientInterceptors(tracing) });
  const auth = authFromConfig(config, database.db, logger);
  const metrics = await startProcessMetrics(config, { process: 'api', logger, db: database.db });
  const app = createApp({ config, database, temporal, logger, auth, metrics: metrics?.metrics });
  const relay = startSubmissionRelay({ db: database.db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger }, config.SUBMISSION_RELAY_INTERVAL_MS, logger);
  const server = listenApi(app, config.PORT, config.HOST, () => logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'API listening'));
  const identity = await startIdentity(auth, config, config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`);
  const stop = async () => {
    logger.info('API stopping');
    await new Promise((r) => server.close(r));
    await relay.stop();
    await identity.stop();
    await metrics?.close();
    await tracing?.shutdown();
    await connection.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMain('api', main);
}
