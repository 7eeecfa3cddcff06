import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { createApp } from '../../api/app';
import { parseApiTokens } from '../../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../../config/env';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { startDevServer, type DevServer } from '../../platform/dev-server';
import { freePort } from '../../platform/free-port';
import { createLogger, installTemporalLogger } from '../../platform/logger';
import { registerSearchAttributes } from '../../platform/search-attribute-registration';
import { findTemporalCli } from '../../platform/temporal-cli';
import { createWorker, workerTuning } from '../../worker';
import { startNoopWorker } from '../noop-worker';
import { listenApi } from '../../api/listen';

export type DbKind = 'pglite' | 'postgres';

/** The finance role imports payments files; the development tokens have none, so the bench adds one. */
export const BENCH_TOKENS = `${DEVELOPMENT_TOKENS},bench-okonomi:bench.okonomi:housing_office:tynset`;

/**
 * Botrygg as `npm start` runs it: API, worker and (on PGlite) the database in this one process,
 * against a Temporal dev server of its own, plus an idle worker for the engine's no-op baseline on
 * the same server. On PostgreSQL a database of its own is created on the server and dropped after.
 */
export interface System {
  kind: DbKind;
  database: DatabaseHandle;
  temporal: Client;
  base: string;
  taskQueue: string;
  noopQueue: string;
  worker: Worker;
  cacheSize: number;
  logger: Logger;
  stop(): Promise<void>;
}

export const here = path.dirname(path.dirname(new URL(import.meta.url).pathname));

/** A database of the bench's own on the PostgreSQL server at `pgUrl`, dropped afterwards. */
export async function createBenchDatabase(pgUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `botrygg_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function startSystem(kind: DbKind, pgUrl: string, say: (line: string) => void): Promise<System> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'error', { process: 'bench' });
  installTemporalLogger(logger);
  const cli = await findTemporalCli({ progress: say });
  if (!cli) throw new Error('Temporal CLI not found: run `npm run tools:temporal` first');
  const server: DevServer = await startDevServer({ cli, port: freePort, namespace: 'default', logger });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-'));
  const pgDatabase = kind === 'postgres' ? await createBenchDatabase(pgUrl) : undefined;
  const url = pgDatabase?.url;
  const database = await openDatabase({ url, dataDir });
  await database.migrate();
  const connection = await Connection.connect({ address: server.address });
  const temporal = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  await registerSearchAttributes(connection, 'default');

  const noopWorker = await startNoopWorker(nativeConnection);
  const taskQueue = `bench-${randomUUID()}`;
  const worker = await createWorker({
    config: { TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: taskQueue, MAIL_FROM: 'bench@botrygg.local' },
    connection: nativeConnection,
    temporal,
    db: database.db,
  });
  const running = worker.run();
  const app = createApp({
    config: { apiTokens: parseApiTokens(BENCH_TOKENS), TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_NAMESPACE: 'default' },
    database,
    temporal,
    logger,
    // 10,000 applications come from a municipality's many staff and forms over months; the bench
    // sends them from one token in minutes, so the per-person write limit is lifted here only.
    edge: { rateLimits: { writes: 1_000_000_000 } },
  });
  const http: Server = listenApi(app, 0, '127.0.0.1');
  await new Promise((r) => http.once('listening', r));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  say(`${kind}: Temporal dev server at ${server.address}, API at ${base}, cache ${workerTuning().maxCachedWorkflows} workflows`);

  return {
    kind,
    database,
    temporal,
    base,
    taskQueue,
    noopQueue: noopWorker.taskQueue,
    worker,
    cacheSize: workerTuning().maxCachedWorkflows,
    logger,
    async stop() {
      http.closeAllConnections();
      http.close();
      worker.shutdown();
      await Promise.all([running, noopWorker.shutdown()]);
      await nativeConnection.close();
      await connection.close();
      await database.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await pgDatabase?.drop();
    },
  };
}
