import path from 'node:path';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app';
import { authFromConfig, startIdentity } from '../api/auth/setup';
import { startSubmissionRelay } from '../api/submission-relay';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import { startDevServer, type DevServer } from '../platform/dev-server';
import { installTemporalLogger, type Logger } from '../platform/logger';
import { startNotificationSweep } from '../platform/notification-sweep';
import { sdkMetricsAddress, startProcessMetrics } from '../platform/metrics';
import { runMain } from '../platform/run-main';
import { startTracing, tracingClientInterceptors, WORKFLOW_TRACING_MODULES } from '../platform/tracing';
import { findTemporalCli } from '../platform/temporal-cli';
import { supervise } from '../platform/supervisor';
import { createWorker, mailerFromConfig, quietBundlerLogger, workflowsPath } from '../worker';
import { ensureWebBuild, WEB_DIST } from './build-web';
import { loadDemoData } from './demo-data';
import { listenApi } from '../api/listen';

/**
 * `npm start`: everything on one machine with nothing installed by hand. Starts (or connects to)
 * Temporal, migrates the database, runs worker and API in this process, and on Ctrl-C or SIGTERM
 * stops what it started in reverse order, letting in-flight activities finish.
 */
runMain('start', async (logger: Logger) => {
  const started = Date.now();
  const config = loadConfig();
  const demo = process.argv.includes('--demo');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  installTemporalLogger(logger, { handleSignals: false, sdkMetricsAddress: sdkMetricsAddress(config) });
  const tracing = startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: config.OTEL_SERVICE_NAME, processName: 'botrygg' });

  const cleanups: Array<() => Promise<unknown>> = [];
  // Stopped last (cleanups run in reverse), so the spans of the shutdown itself are sent.
  if (tracing) cleanups.push(() => tracing.shutdown());
  let stopping: Promise<void> | undefined;
  let stopRequestedAt = 0;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      stopRequestedAt = Date.now();
      say(`\n${signal}: stopper Botrygg...`);
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch((err: unknown) => logger.error({ err }, 'Cleanup failed'));
      }
      say('Stoppet.');
      process.exit(0);
    })());
  // One Ctrl-C reaches us twice (from the terminal and relayed by npm): the first starts an orderly
  // stop and the echo is ignored; asking again after a few seconds means "stop now".
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) return void stop(signal);
    if (Date.now() - stopRequestedAt > 3000) {
      say('Avbryter uten å vente.');
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let address = config.TEMPORAL_ADDRESS;
  let server: DevServer | undefined;
  if (!address) {
    const cli = await findTemporalCli({ progress: say });
    if (cli) {
      say(`Starter Temporal dev server (${cli})...`);
      const options = {
        cli,
        port: config.TEMPORAL_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        namespace: config.TEMPORAL_NAMESPACE,
        dbFile: path.join(config.dataDir, 'temporal', 'temporal.sqlite'),
        logger,
      };
      server = await startDevServer(options);
      // A dev server that dies is started again on the same port and SQLite file, with backoff:
      // the API keeps answering (writes wait in form_submissions), the worker reconnects.
      const supervised = superviseDevServer(server, () => startDevServer(options), logger, say);
      cleanups.push(() => supervised.stop());
    } else {
      say('Fant verken Temporal CLI eller Go; laster ned CLI gjennom Temporal-SDK-en...');
      const downloaded = await startSdkDownloadedServer(config.TEMPORAL_PORT, config.TEMPORAL_UI_PORT, config.TEMPORAL_NAMESPACE, path.join(config.dataDir, 'temporal', 'temporal.sqlite'));
      cleanups.push(() => downloaded.stop());
      server = downloaded;
    }
    address = server.address;
  }

  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  cleanups.push(() => database.close());
  await database.migrate();

  const connection = await Connection.connect({ address });
  cleanups.push(() => connection.close());
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: tracingClientInterceptors(tracing) });

  const workerConnection = await NativeConnection.connect({ address });
  cleanups.push(() => workerConnection.close());
  const mailer = mailerFromConfig(config);
  if (mailer) cleanups.push(() => mailer.close());
  // Bundled once: a restarted worker reuses it instead of running webpack again.
  say('Bygger workflow-koden...');
  // With tracing the workflow interceptors are part of the bundle; without, the bundle stays as small as before.
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger, workflowInterceptorModules: tracing ? WORKFLOW_TRACING_MODULES : [] });
  const worker = supervise(() => createWorker({ config, connection: workerConnection, temporal, db: database.db, mailer, workflowBundle, tracing }), {
    name: 'worker',
    logger,
    onRestart: ({ restarts, waitMs }) => say(`Workeren stoppet med en feil; starter den på nytt om ${Math.round(waitMs / 1000)} s (omstart nr. ${restarts}).`),
  });
  cleanups.push(() => worker.stop());

  const intake = { db: database.db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger };
  const relay = startSubmissionRelay(intake, config.SUBMISSION_RELAY_INTERVAL_MS, logger);
  cleanups.push(() => relay.stop());
  if (mailer) {
    const sweep = startNotificationSweep({ db: database.db, mailer, from: config.MAIL_FROM }, 60_000, logger);
    cleanups.push(() => sweep.stop());
  }

  const auth = authFromConfig(config, database.db, logger);
  // One process: the SDK's worker metrics, the API's request durations and the business gauges on one /metrics.
  const metrics = await startProcessMetrics(config, { process: 'botrygg', logger, db: database.db, withSdk: true });
  if (metrics) cleanups.push(() => metrics.close());
  // The staff app is rebuilt only when web/ changed; a failed build leaves the API running without it.
  const webBuilt = await ensureWebBuild({ say }).then(
    () => true,
    (err: unknown) => (logger.error({ err }, 'Web app build failed'), say('Nettappen kunne ikke bygges (se loggen); API-et starter uten den.'), false),
  );
  // The ops page links cases to Temporal's UI: the configured one, else the dev server's own.
  const appConfig = { ...config, TEMPORAL_UI_URL: config.TEMPORAL_UI_URL ?? server?.uiUrl };
  const app = createApp({ config: appConfig, database, temporal, logger, auth, metrics: metrics?.metrics, ...(webBuilt ? { webDir: WEB_DIST } : {}) });
  const http: Server = await new Promise((resolve) => {
    const s = listenApi(app, config.PORT, config.HOST, () => resolve(s));
  });
  cleanups.push(() => new Promise((r) => http.close(r)));
  const apiUrl = `http://${config.HOST}:${(http.address() as { port: number }).port}`;
  // The embedded provider needs the API's address for its redirect URIs, so it starts after listening.
  const identity = await startIdentity(auth, config, config.PUBLIC_URL ?? apiUrl);
  cleanups.push(() => identity.stop());

  if (demo) {
    say('Laster demodata...');
    await loadDemoData(intake, say);
  }

  say('');
  say(`Botrygg kjører (klar på ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (webBuilt) say(`  Nettappen:    ${apiUrl}/`);
  say(`  API:          ${apiUrl}/api   (OpenAPI: ${apiUrl}/api/openapi.json, klar: ${apiUrl}/readyz)`);
  say(`  Innlogging:   ${config.PUBLIC_URL ?? apiUrl}/auth/login   (${identity.dev ? `innebygd testinnlogging, ${identity.dev.issuer}` : config.OIDC_ISSUER})`);
  say(`  Temporal:     ${address}${server?.uiUrl ? `   UI: ${server.uiUrl}` : ''}`);
  say(`  Database:     ${database.kind === 'pglite' ? `PGlite i ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  say('  Stopp med Ctrl-C.');
});

/** Keeps the dev server `npm start` owns running: the first instance, then a new one each time it exits. */
function superviseDevServer(first: DevServer, start: () => Promise<DevServer>, logger: Logger, say: (line: string) => void) {
  let initial: DevServer | undefined = first;
  return supervise(
    async () => {
      const server = initial ?? (await start());
      initial = undefined;
      return {
        async run() {
          const code = await server.exited;
          throw new Error(`Temporal dev server exited (code ${code})`);
        },
        shutdown: () => void server.stop(),
      };
    },
    {
      name: 'temporal-dev-server',
      logger,
      onRestart: ({ restarts, waitMs }) => say(`Temporal dev server stoppet; starter den på nytt om ${Math.round(waitMs / 1000)} s (omstart nr. ${restarts}).`),
    },
  );
}

/** Last resort when neither a CLI nor Go is available: the SDK downloads and runs a pinned CLI. */
async function startSdkDownloadedServer(port: number, uiPort: number, namespace: string, dbFilename: string): Promise<DevServer> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const { TEMPORAL_CLI_VERSION } = await import('../platform/temporal-cli');
  const { devServerSearchAttributeArgs } = await import('../domain/search-attributes');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download', version: `v${TEMPORAL_CLI_VERSION}` },
      ip: '127.0.0.1',
      port,
      ui: true,
      uiPort,
      namespace,
      dbFilename,
      extraArgs: ['--sqlite-pragma', 'journal_mode=WAL', ...devServerSearchAttributeArgs()],
    },
  });
  return { address: env.address, uiUrl: `http://127.0.0.1:${uiPort}`, stop: () => env.teardown() };
}
