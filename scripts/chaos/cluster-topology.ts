import pg from 'pg';
import { openDatabase } from '../../db/client';
import type { Logger } from '../../platform/logger';
import { freePort } from '../../platform/free-port';
import { findTemporalServer } from '../../platform/temporal-server';
import { startCluster, temporalDbFromEnv, type Cluster } from '../cluster/run';
import { FORM_TOKEN, type Topology } from './topologies';

/**
 * The harness on `npm run cluster`'s topology: the Temporal server (PostgreSQL, four history shards),
 * two workers and two APIs, each a process of its own, on databases the run creates and drops.
 *
 * - `worker`: the first worker gets SIGKILL and stays down meanwhile; the second takes over its work.
 * - `api`: the first API (the one the forms go to) gets SIGKILL.
 * - `temporal`: the server gets SIGKILL and is started again on the same databases.
 * - `database`: every connection to the app database is cut (pg_terminate_backend): the pools of
 *   workers and APIs must reconnect by themselves. (The PostgreSQL server itself is shared on a
 *   development machine and is not ours to restart.)
 */
export async function clusterTopology(opts: { dir: string; runId: string; adminDatabaseUrl: string; logger: Logger; extra?: (cluster: Cluster) => void }): Promise<Topology & { cluster(): Cluster }> {
  const { dir, logger } = opts;
  const tools = await findTemporalServer({ build: false });
  if (!tools) throw new Error('The cluster topology needs the Temporal server: run `npm run tools:temporal-server`.');
  const suffix = `${Date.now()}_${process.pid}`;
  const names = { app: `botrygg_cluster_${suffix}`, default: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` };
  const adminUrl = new URL(opts.adminDatabaseUrl);
  const appUrl = new URL(opts.adminDatabaseUrl);
  appUrl.pathname = `/${names.app}`;
  const admin = new pg.Client({ connectionString: opts.adminDatabaseUrl });
  await admin.connect();
  const apiPorts = [await freePort(), await freePort()];
  const database = await openDatabase({ url: appUrl.toString(), dataDir: dir, poolSize: 2 }).catch(async (err: unknown) => {
    await admin.end();
    throw err;
  });
  let cluster: Cluster | undefined;
  const get = () => {
    if (!cluster) throw new Error('cluster not started');
    return cluster;
  };
  return {
    baseUrl: `http://127.0.0.1:${apiPorts[0]}`,
    components: ['worker', 'api', 'temporal', 'database'],
    cluster: get,
    async start() {
      cluster = await startCluster({
        tools,
        temporalDb: temporalDbFromEnv({ TEMPORAL_DB_URL: adminUrl.toString() }),
        temporalDatabases: { default: names.default, visibility: names.visibility },
        databaseUrl: appUrl.toString(),
        dir,
        frontendPort: await freePort(),
        internalPorts: 'free',
        apiPorts,
        workers: 2,
        appEnv: {
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          DATA_DIR: dir,
          TEMPORAL_TASK_QUEUE: `cluster-${opts.runId}`,
          API_TOKENS: `${FORM_TOKEN}:skjema:intake:tynset,dev-boligkonsulent:kari.nordmann:housing_officer:tynset`,
          SUBMISSION_RELAY_INTERVAL_MS: '1000',
          SMTP_HOST: '',
        },
        logger,
      });
      opts.extra?.(cluster);
    },
    kill(component) {
      const c = get();
      if (component === 'worker') void c.workers[0]!.hold();
      else if (component === 'api') void c.apis[0]!.hold();
      else if (component === 'temporal') void c.server!.hold();
      else if (component === 'database') void terminateConnections(admin, names.app, logger);
      else throw new Error(`no ${component} in the cluster topology`);
    },
    async revive(component) {
      const c = get();
      if (component === 'worker') c.workers[0]!.start();
      else if (component === 'api') c.apis[0]!.start();
      else if (component === 'temporal') c.server!.start();
    },
    unplannedRestarts: () => {
      const c = cluster;
      if (!c) return {};
      return { server: c.server!.restarts, ...Object.fromEntries([...c.workers, ...c.apis].map((p) => [p.spec.name, p.restarts])) };
    },
    withDatabase: (read) => read(database),
    async stop() {
      await cluster?.stop().catch((err: unknown) => logger.warn({ err }, 'Cluster: stopping failed'));
      await database.close().catch(() => undefined);
      for (const name of [names.app, names.default, names.visibility]) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err: unknown) => logger.warn({ err, name }, 'Cluster: dropping a database failed'));
      }
      await admin.end();
    },
  };
}

/** Cuts every connection to one database but the caller's own. */
export async function terminateConnections(admin: pg.Client, database: string, logger: Logger): Promise<number> {
  const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  logger.info({ database, terminated: rowCount }, 'Chaos: connections to the app database cut');
  return rowCount ?? 0;
}
