import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities';
import { loadConfig, type Config } from './config/env';
import { openDatabase, type Database } from './db/client';
import { installTemporalLogger, type Logger } from './platform/logger';
import { createSmtpMailer, type Mailer } from './platform/mailer';
import { startNotificationSweep } from './platform/notification-sweep';
import { sdkMetricsAddress, startProcessMetrics } from './platform/metrics';
import { runMain } from './platform/run-main';
import { startTracing, tracingClientInterceptors, tracingWorkerOptions, type Tracing } from './platform/tracing';

const here = path.dirname(fileURLToPath(import.meta.url));
export const workflowsPath = path.join(here, 'workflows', 'index.ts');

/** webpack's chatter while bundling workflows is not worth a log line. */
export const quietBundlerLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

export interface WorkerDeps {
  config: Pick<Config, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'MAIL_FROM'> & Partial<Pick<Config, 'WORKER_MAX_CACHED_WORKFLOWS'>>;
  connection: NativeConnection;
  /** A client for activities that signal other workflows. */
  temporal: Client;
  db: Database;
  /** Absent without SMTP settings: notices then wait in the outbox. */
  mailer?: Mailer;
  /** Prebuilt bundle (tests, production image); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Traces (OTEL_EXPORTER_OTLP_ENDPOINT); a prebuilt bundle must then include WORKFLOW_TRACING_MODULES. */
  tracing?: Tracing;
}

export async function createWorker({ config, connection, temporal, db, mailer, workflowBundle, tracing }: WorkerDeps): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath }),
    activities: createActivities({ db, mailer, mailFrom: config.MAIL_FROM, temporal }),
    // Activities finish their database write before the process exits on SIGTERM.
    shutdownGraceTime: '30 seconds',
    ...workerTuning(config, { traced: !!tracing }),
    ...tracingWorkerOptions(tracing, { bundled: !!workflowBundle }),
  });
}

/**
 * RSS of one cached tenancy workflow, measured by `npm run bench:memory` (527 KiB against 299 KiB
 * for a workflow that only waits; 2,605 KiB before the schemas left the bundle). The SDK's own
 * default sizes the cache from the heap limit (about 2,300 workflows on a 4 GiB heap), which at
 * 2.6 MiB each could not fit in the workflow thread's heap: the worker died at ~2,200 cases.
 */
export const MEASURED_KIB_PER_CACHED_WORKFLOW = 530;
/**
 * Memory the workflow cache may take: keeps a worker with its pools and bundle under 1 GiB. It was
 * 512 MiB (989 workflows); on the cluster (bench/cluster.ts) each worker then stood at 1.1 GiB with
 * 10,000 live cases once a month's rent check had woken them all: a tenancy that has run its rent
 * check holds its ledger and timeline, and V8 keeps the garbage of the replays, so a full cache
 * weighs more than bench:memory's fresh workflows. 320 MiB gives 618 workflows.
 */
const WORKFLOW_CACHE_BUDGET_MIB = 320;
export const DEFAULT_MAX_CACHED_WORKFLOWS = Math.floor((WORKFLOW_CACHE_BUDGET_MIB * 1024) / MEASURED_KIB_PER_CACHED_WORKFLOW);
/**
 * The same with tracing on (`TRACING=1 npm run bench:memory`, 200 tenancies): 1,029 KiB against
 * 475 KiB untraced in the same build. The OpenTelemetry workflow interceptors keep the run's span and
 * their tracer in every workflow context, so a traced worker caches half as many workflows in the same budget.
 */
export const MEASURED_KIB_PER_TRACED_WORKFLOW = 1_030;
export const DEFAULT_MAX_CACHED_TRACED_WORKFLOWS = Math.floor((WORKFLOW_CACHE_BUDGET_MIB * 1024) / MEASURED_KIB_PER_TRACED_WORKFLOW);

/**
 * Worker limits chosen from measurements (bench/workflow-memory.ts); see the README. A workflow
 * evicted from the cache is not lost: its next task replays it from history.
 */
export function workerTuning(config: Pick<Config, 'WORKER_MAX_CACHED_WORKFLOWS'> = {}, opts: { traced?: boolean } = {}): { maxCachedWorkflows: number } {
  return { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS ?? (opts.traced ? DEFAULT_MAX_CACHED_TRACED_WORKFLOWS : DEFAULT_MAX_CACHED_WORKFLOWS) };
}

export function mailerFromConfig(config: Config): Mailer | undefined {
  if (!config.SMTP_HOST) return undefined;
  return createSmtpMailer({ host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER, pass: config.SMTP_PASS, from: config.MAIL_FROM });
}

async function main(logger: Logger): Promise<void> {
  const config = loadConfig();
  installTemporalLogger(logger, { sdkMetricsAddress: sdkMetricsAddress(config) });
  const tracing = startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: config.OTEL_SERVICE_NAME, processName: 'worker' });
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS må settes for en frittstående worker (npm start starter alt lokalt).');
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  // The worker reports the SDK's metrics and its own process; the business gauges come from the API.
  const metrics = await startProcessMetrics(config, { process: 'worker', logger, withSdk: true });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE, interceptors: tracingClientInterceptors(tracing) });
  const mailer = mailerFromConfig(config);
  const worker = await createWorker({ config, connection, temporal, db: database.db, mailer, tracing });
  const sweep = mailer ? startNotificationSweep({ db: database.db, mailer, from: config.MAIL_FROM }, 60_000, logger) : undefined;
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, smtp: !!mailer }, 'Worker started');
  // Worker.run() installs SIGINT/SIGTERM handlers that drain in-flight tasks before resolving.
  await worker.run();
  await sweep?.stop();
  await mailer?.close();
  await connection.close();
  await clientConnection.close();
  await database.close();
  await metrics?.close();
  await tracing?.shutdown();
  logger.info('Worker stopped');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMain('worker', main);
}
