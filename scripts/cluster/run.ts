import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import pg from 'pg';
import { stringify } from 'yaml';
import type { Logger } from '../../platform/logger';
import { registerSearchAttributes } from '../../platform/search-attribute-registration';
import type { TemporalServerTools } from '../../platform/temporal-server';
import { ClusterProcess, runToCompletion } from './processes';
import { appEnv, CLUSTER, schemaSteps, sqlToolEnv, STEPS, temporalServerEnv, type PostgresEndpoint } from './topology';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ClusterOptions {
  tools: TemporalServerTools;
  /** A Temporal server that is already running (the dev server, for a comparison): no schema, server or namespace steps. */
  externalTemporalAddress?: string;
  /** PostgreSQL for Temporal (a role that may create databases). */
  temporalDb: PostgresEndpoint;
  /** Temporal's two databases; tests use their own names. */
  temporalDatabases?: { default: string; visibility: string };
  /** The app database (created when missing). */
  databaseUrl: string;
  /** Config, logs and pid files. */
  dir: string;
  frontendPort: number;
  /** The other ports the server listens on (history, matching, worker, membership): fixed or free. */
  internalPorts: 'standard' | 'free';
  apiPorts: number[];
  workers: number;
  /** History shards (default CLUSTER.numHistoryShards); fixed when Temporal's database is first set up. */
  numHistoryShards?: number;
  /** Added to every app process's environment (API_TOKENS, TEMPORAL_TASK_QUEUE in tests). */
  appEnv?: Record<string, string>;
  logger: Logger;
  say?: (line: string) => void;
}

export interface Cluster {
  temporalAddress: string;
  apiUrls: string[];
  /** Absent when the cluster runs against an external server. */
  server?: ClusterProcess;
  workers: ClusterProcess[];
  apis: ClusterProcess[];
  dir: string;
  /** Stops the APIs, then the workers (draining), then the Temporal server. */
  stop(): Promise<void>;
}

/** Reads TEMPORAL_DB_URL, else the server image's POSTGRES_* variables; the local PostgreSQL by default. */
export function temporalDbFromEnv(env: NodeJS.ProcessEnv = process.env): PostgresEndpoint {
  if (env.TEMPORAL_DB_URL) {
    const url = new URL(env.TEMPORAL_DB_URL);
    return { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  }
  return {
    host: env.POSTGRES_SEEDS ?? '127.0.0.1',
    port: Number(env.DB_PORT ?? 5432),
    user: env.POSTGRES_USER ?? 'botrygg',
    password: env.POSTGRES_PWD ?? 'botrygg',
  };
}

const adminUrl = (pgEp: PostgresEndpoint, database = 'postgres') =>
  `postgres://${encodeURIComponent(pgEp.user)}:${encodeURIComponent(pgEp.password)}@${pgEp.host}:${pgEp.port}/${database}`;

/** Creates each database that does not exist (the app's with pg, Temporal's with the schema tool). */
async function missingDatabases(pgEp: PostgresEndpoint, names: string[]): Promise<string[]> {
  const admin = new pg.Client({ connectionString: adminUrl(pgEp) });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
    return names.filter((n) => !rows.some((r) => r.datname === n));
  } finally {
    await admin.end();
  }
}

async function ensureAppDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const pgEp = { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  if ((await missingDatabases(pgEp, [name])).length === 0) return;
  const admin = new pg.Client({ connectionString: adminUrl(pgEp) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

/** The `temporal-schema` job: databases, then setup-schema and update-schema (re-runnable). */
export async function setupTemporalSchema(opts: Pick<ClusterOptions, 'tools' | 'temporalDb' | 'temporalDatabases'> & { logFile?: string }): Promise<void> {
  const databases = opts.temporalDatabases ?? CLUSTER.databases;
  const env = { ...process.env, ...sqlToolEnv(opts.temporalDb) };
  const missing = await missingDatabases(opts.temporalDb, [databases.default, databases.visibility]);
  for (const { database, steps } of schemaSteps(opts.tools.postgresSchemaDir, databases)) {
    if (missing.includes(database)) await runToCompletion(opts.tools.sqlTool, ['--db', database, 'create-database'], { env, logFile: opts.logFile });
    for (const args of steps) await runToCompletion(opts.tools.sqlTool, args, { env, logFile: opts.logFile });
  }
}

interface ServerPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  membership: { frontend: number; history: number; matching: number; worker: number };
}

/**
 * A free port below 32768: the server records its membership port in a PostgreSQL `smallint`
 * (cluster_membership.rpc_port), and the kernel's ephemeral ports lie above that.
 */
async function freeSmallPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

async function serverPorts(frontend: number, internal: 'standard' | 'free'): Promise<ServerPorts> {
  if (internal === 'standard') {
    return { frontend, frontendHttp: 7243, history: 7234, matching: 7235, worker: 7239, membership: { frontend: 6933, history: 6934, matching: 6935, worker: 6939 } };
  }
  const p = () => freeSmallPort();
  return { frontend, frontendHttp: await p(), history: await p(), matching: await p(), worker: await p(), membership: { frontend: await p(), history: await p(), matching: await p(), worker: await p() } };
}

/**
 * The server's config, rendered from the same variables the server image's template reads
 * (`temporalServerEnv`): persistence on PostgreSQL, four history shards, all four services in one
 * process on loopback.
 */
export function renderServerConfig(env: Record<string, string>, ports: ServerPorts, dynamicConfigFile: string): string {
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: env.DB,
      databaseName,
      connectAddr: `${env.POSTGRES_SEEDS}:${env.DB_PORT}`,
      connectProtocol: 'tcp',
      user: env.POSTGRES_USER,
      password: env.POSTGRES_PWD,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number, extra: Record<string, unknown> = {}) => ({ rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra } });
  return stringify({
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      numHistoryShards: Number(env.NUM_HISTORY_SHARDS),
      defaultStore: 'default',
      visibilityStore: 'visibility',
      datastores: { default: store(env.DBNAME!, 20), visibility: store(env.VISIBILITY_DBNAME!, 10) },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: service(ports.frontend, ports.membership.frontend, { httpPort: ports.frontendHttp }),
      history: service(ports.history, ports.membership.history),
      matching: service(ports.matching, ports.membership.matching),
      worker: service(ports.worker, ports.membership.worker),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${ports.frontend}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '60s' },
  });
}

/** As the dev server runs (platform/dev-server.ts): an activity scheduled by a workflow task may start in the same reply. */
const DYNAMIC_CONFIG = stringify({
  'system.enableActivityEagerExecution': [{ value: true }],
  'limit.maxIDLength': [{ value: 255 }],
});

async function waitForServer(address: string, server: ClusterProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        const res = await conn.healthService.check({});
        if (res.status === 1) return;
      } finally {
        await conn.close();
      }
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`Temporal server did not answer on ${address} within ${timeoutMs / 1000} s (see ${server.spec.logFile})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const GRPC_ALREADY_EXISTS = 6;

/** The `temporal-namespace` job: the namespace with its retention, then Botrygg's search attributes. */
export async function registerNamespace(address: string, timeoutMs = 60_000): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.registerNamespace({ namespace: CLUSTER.namespace, workflowExecutionRetentionPeriod: msToTs(CLUSTER.namespaceRetention) });
    } catch (err) {
      if ((err as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw err;
    }
    // A new namespace reaches the other services' caches within seconds; until then it is "not found".
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await registerSearchAttributes(connection, CLUSTER.namespace);
        await connection.workflowService.describeNamespace({ namespace: CLUSTER.namespace });
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  } finally {
    await connection.close();
  }
}

/** temporal-schema, temporal and temporal-namespace: the server running with its namespace. */
async function startTemporal(opts: ClusterOptions, log: (name: string) => string, say: (line: string) => void): Promise<{ server: ClusterProcess; address: string }> {
  const { logger } = opts;
  // temporal-schema
  say(`Temporal-skjema (${CLUSTER.databases.default}, ${CLUSTER.databases.visibility}) på ${opts.temporalDb.host}:${opts.temporalDb.port}...`);
  await setupTemporalSchema({ ...opts, logFile: log('temporal-schema') });

  // temporal
  const env = {
    ...temporalServerEnv(opts.temporalDb),
    ...(opts.temporalDatabases ? { DBNAME: opts.temporalDatabases.default, VISIBILITY_DBNAME: opts.temporalDatabases.visibility } : {}),
    ...(opts.numHistoryShards ? { NUM_HISTORY_SHARDS: String(opts.numHistoryShards) } : {}),
  };
  const dynamicConfigFile = path.join(opts.dir, 'dynamicconfig.yaml');
  fs.writeFileSync(dynamicConfigFile, DYNAMIC_CONFIG);
  const configFile = path.join(opts.dir, 'temporal-server.yaml');
  fs.writeFileSync(configFile, renderServerConfig(env, await serverPorts(opts.frontendPort, opts.internalPorts), dynamicConfigFile), { mode: 0o600 });
  const temporalAddress = `127.0.0.1:${opts.frontendPort}`;
  const server = new ClusterProcess(
    { name: 'temporal', command: opts.tools.server, args: ['--config-file', configFile, '--allow-no-auth', 'start'], cwd: opts.dir, env: { ...process.env, ...env }, logFile: log('temporal'), stopGraceMs: 20_000 },
    logger,
    say,
  );
  say(`Starter Temporal-server ${CLUSTER.temporalVersion} (${env.NUM_HISTORY_SHARDS} historie-shards) på ${temporalAddress}...`);
  server.start();
  await waitForServer(temporalAddress, server, 120_000).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });

  // temporal-namespace
  await registerNamespace(temporalAddress).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });

  return { server, address: temporalAddress };
}

/** Starts the whole topology in the order of STEPS and returns a handle to every part. */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const say = opts.say ?? (() => {});
  const { logger } = opts;
  fs.mkdirSync(path.join(opts.dir, 'logs'), { recursive: true });
  const log = (name: string) => path.join(opts.dir, 'logs', `${name}.log`);
  const startedProcesses: ClusterProcess[] = [];
  const stopAll = async () => {
    for (const p of startedProcesses.reverse()) await p.stop().catch((err: unknown) => logger.warn({ err }, 'Stopping a cluster process failed'));
  };
  try {
    let server: ClusterProcess | undefined;
    let temporalAddress = opts.externalTemporalAddress ?? '';
    if (!opts.externalTemporalAddress) {
      const started = await startTemporal(opts, log, say);
      server = started.server;
      temporalAddress = started.address;
      startedProcesses.push(server);
    }

    // migrate
    await ensureAppDatabase(opts.databaseUrl);
    const base = { ...process.env, ...appEnv({ databaseUrl: opts.databaseUrl, temporalAddress, logLevel: process.env.LOG_LEVEL }), ...opts.appEnv };
    const step = (name: 'migrate' | 'worker' | 'api') => STEPS.find((s) => s.name === name)!.command!;
    const [node, ...nodeArgs] = step('migrate');
    const nodeBin = node === 'node' ? process.execPath : node!;
    say('Migrerer appdatabasen...');
    await runToCompletion(nodeBin, nodeArgs, { env: base, cwd: ROOT, logFile: log('migrate') });

    // workers and APIs
    const workers = Array.from({ length: opts.workers }, (_, i) => {
      const [, ...args] = step('worker');
      return new ClusterProcess({ name: `worker-${i + 1}`, command: nodeBin, args, cwd: ROOT, env: base, logFile: log(`worker-${i + 1}`), stopGraceMs: 40_000 }, logger, say);
    });
    const apis = opts.apiPorts.map((port, i) => {
      const [, ...args] = step('api');
      // A development login provider per API would need a port each: any free one.
      return new ClusterProcess({ name: `api-${i + 1}`, command: nodeBin, args, cwd: ROOT, env: { ...base, PORT: String(port), OIDC_DEV_PORT: '0' }, logFile: log(`api-${i + 1}`) }, logger, say);
    });
    for (const p of [...workers, ...apis]) {
      p.start();
      startedProcesses.push(p);
    }
    const apiUrls = opts.apiPorts.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(apiUrls.map((url) => waitForHttp(`${url}/readyz`, 120_000)));
    let stopping: Promise<void> | undefined;
    return {
      temporalAddress,
      apiUrls,
      server,
      workers,
      apis,
      dir: opts.dir,
      stop: () => (stopping ??= (async () => {
        // APIs first (no new work), then the workers drain, then the server.
        await Promise.all(apis.map((p) => p.stop()));
        await Promise.all(workers.map((p) => p.stop()));
        await server?.stop();
      })()),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
