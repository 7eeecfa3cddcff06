import path from 'node:path';
import { loadConfig } from '../config/env';
import type { Logger } from '../platform/logger';
import { runMain } from '../platform/run-main';
import { findTemporalServer } from '../platform/temporal-server';
import { startCluster, temporalDbFromEnv, type Cluster } from './cluster/run';
import { CLUSTER } from './cluster/topology';

/**
 * `npm run cluster`: the production topology on this machine without containers, as
 * docker-compose.yml runs it. The Temporal server (built with Go, pinned) on PostgreSQL with four
 * history shards, its schema set up and upgraded by its own tool, the namespace and search
 * attributes, the app's migrations, two workers and two API processes. Ctrl-C or SIGTERM stops the
 * APIs, lets the workers drain, and stops the server: no process is left behind.
 *
 * Environment (as in production): DATABASE_URL for the app (default: database `botrygg` on the local
 * PostgreSQL), TEMPORAL_DB_URL or POSTGRES_SEEDS/DB_PORT/POSTGRES_USER/POSTGRES_PWD for Temporal's
 * databases, TEMPORAL_PORT for the frontend (7233), PORT for the first API (3000; the second is PORT+1).
 */
runMain('cluster', async (logger: Logger) => {
  const startedAt = Date.now();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const config = loadConfig();
  const temporalDb = temporalDbFromEnv();
  const databaseUrl = config.DATABASE_URL ?? `postgres://${encodeURIComponent(temporalDb.user)}:${encodeURIComponent(temporalDb.password)}@${temporalDb.host}:${temporalDb.port}/botrygg`;

  // Set once started: a signal during the start stops what has started so far when it is done.
  const running: { cluster?: Cluster } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopper klyngen (API-er, så arbeidere, så Temporal)...`);
    // Still starting: the start finishes (or fails and stops its parts), then everything stops.
    if (!running.cluster) return;
    await running.cluster.stop();
    say('Stoppet.');
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));

  const tools = await findTemporalServer({ progress: say });
  if (!tools) throw new Error('Fant ikke Temporal-serveren og kan ikke bygge den uten Go: installer Go, eller kjør `npm run tools:temporal-server`.');
  const firstApi = config.PORT || CLUSTER.apiPort;
  const cluster = (running.cluster = await startCluster({
    tools,
    temporalDb,
    databaseUrl,
    dir: path.join(config.dataDir, 'cluster'),
    frontendPort: process.env.TEMPORAL_PORT ? config.TEMPORAL_PORT : CLUSTER.frontendPort,
    internalPorts: 'standard',
    apiPorts: Array.from({ length: CLUSTER.apis }, (_, i) => firstApi + i),
    workers: CLUSTER.workers,
    logger,
    say,
  }));
  if (stopping) {
    await cluster.stop();
    say('Stoppet.');
    process.exit(0);
  }

  const db = new URL(databaseUrl);
  say('');
  say(`Botrygg-klyngen kjører (klar på ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  say(`  Temporal:     ${cluster.temporalAddress}  (server ${CLUSTER.temporalVersion}, ${CLUSTER.numHistoryShards} historie-shards, navnerom ${CLUSTER.namespace}; pid ${cluster.server?.pid})`);
  say(`  Temporal-DB:  ${CLUSTER.databases.default} og ${CLUSTER.databases.visibility} på ${temporalDb.host}:${temporalDb.port}`);
  say(`  Appdatabase:  ${db.pathname.slice(1)} på ${db.hostname}:${db.port || 5432}`);
  cluster.apiUrls.forEach((url, i) => say(`  API ${i + 1}:        ${url}/api   (klar: ${url}/readyz; pid ${cluster.apis[i]!.pid})`));
  cluster.workers.forEach((w, i) => say(`  Arbeider ${i + 1}:   pid ${w.pid}`));
  say(`  Konfigurasjon og logger: ${cluster.dir}`);
  say('  Stopp med Ctrl-C.');
});
