import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { startDevServer, type DevServer } from '../../platform/dev-server';
import type { Logger } from '../../platform/logger';
import { freePort } from '../../platform/free-port';
import { findTemporalCli } from '../../platform/temporal-cli';

/**
 * How Botrygg runs under the fault harness, and how each part of it is killed and started again.
 *
 * - `postgres`: the production topology. Worker and API are processes of their own
 *   (`worker.ts`, `api/server.ts`) on a PostgreSQL database the run creates and drops, with a
 *   Temporal dev server of the harness's own (SQLite, so it survives its death).
 * - `pglite`: `npm start` as one process (API, worker and relay over embedded PGlite), which starts
 *   its own dev server. PGlite lives in that one process, so API and worker die together (`app`);
 *   the harness reads the database itself only while the app is stopped.
 *
 * Every process gets SIGKILL through its process group. A supervisor starts again a process that
 * exits on its own (say, a worker started while Temporal was down), as a service manager would.
 */
export type Component = 'worker' | 'api' | 'app' | 'temporal' | 'database';
/** `cluster`: the Temporal server on PostgreSQL with two workers and two APIs (cluster-topology.ts). */
export type TopologyKind = 'postgres' | 'pglite' | 'cluster';

export interface Topology {
  readonly baseUrl: string;
  readonly components: readonly Component[];
  start(): Promise<void>;
  kill(component: Component): void;
  /** Starts a killed component again; resolves once it is started (not necessarily serving). */
  revive(component: Component): Promise<void>;
  /** Restarts the supervisor made on its own. */
  unplannedRestarts(): Record<string, number>;
  /** The database, read by the harness; for PGlite the app is stopped meanwhile, and `release` starts it again. */
  withDatabase<T>(read: (db: DatabaseHandle) => Promise<T>, opts?: { release?: boolean }): Promise<T>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FORM_TOKEN = 'chaos-skjema-0001';
export { freePort };


export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A node entry point of the project in its own process group, restarted if it exits unasked. */
class Supervised {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private wanted = false;
  unplannedRestarts = 0;

  constructor(
    private readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.wanted = true;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, this.entry)], { cwd: ROOT, env: this.env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-1000)));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('exit', (code, signal) => {
      if (this.child !== child || !this.wanted) return;
      this.unplannedRestarts++;
      this.logger.info({ component: this.name, code, signal, stderr: stderr.slice(-300) }, 'Chaos: component exited; restarting');
      setTimeout(() => this.wanted && this.child === child && this.start(), 500);
    });
    this.child = child;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.wanted = false;
    if (this.child?.pid && this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid, signal);
      } catch {
        /* already gone */
      }
    }
  }

  /** An orderly stop (SIGTERM), waited for: PGlite must be closed before anyone else opens it. */
  async stop(): Promise<void> {
    this.kill('SIGTERM');
    const done = await Promise.race([this.exited?.then(() => true), sleep(30_000).then(() => false)]);
    if (!done) this.kill('SIGKILL');
    await this.exited;
  }
}

/** SIGKILL to a detached dev server found through the pid file `startDevServer` writes beside its SQLite file. */
function killDevServer(dbFile: string): void {
  const pidFile = path.join(path.dirname(dbFile), 'dev-server.pid');
  try {
    process.kill(-Number(fs.readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
  } catch {
    /* already gone */
  }
}

async function baseEnv(dir: string, apiPort: number, runId: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dir,
    TEMPORAL_TASK_QUEUE: `chaos-${runId}`,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    API_TOKENS: `${FORM_TOKEN}:skjema:intake:tynset`,
    SUBMISSION_RELAY_INTERVAL_MS: '1000',
    // The embedded OpenID provider on any free port: a fixed one collides with anything else listening there.
    OIDC_DEV_PORT: '0',
  };
  // Notices wait in the outbox: the harness is about forms, not mail.
  delete env.SMTP_HOST;
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  return env;
}

export async function postgresTopology(opts: { dir: string; runId: string; adminDatabaseUrl: string; logger: Logger }): Promise<Topology> {
  const { dir, logger } = opts;
  const dbName = `botrygg_chaos_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(opts.adminDatabaseUrl);
  url.pathname = `/${dbName}`;
  const cli = await findTemporalCli({ build: false });
  if (!cli) throw new Error('The fault harness needs the Temporal CLI: run `npm run tools:temporal`.');
  const temporalPort = await freePort();
  const apiPort = await freePort();
  const dbFile = path.join(dir, 'temporal', 'temporal.db');
  const env = { ...(await baseEnv(dir, apiPort, opts.runId)), DATABASE_URL: url.toString(), TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}` };
  const worker = new Supervised('worker', 'worker.ts', env, logger);
  const api = new Supervised('api', 'api/server.ts', env, logger);
  const database = await openDatabase({ url: url.toString(), dataDir: dir, poolSize: 4 });
  let server: DevServer | undefined;
  const startTemporal = async () => {
    server = await startDevServer({ cli, port: temporalPort, namespace: 'default', dbFile, logger });
  };
  return {
    baseUrl: `http://127.0.0.1:${apiPort}`,
    components: ['worker', 'api', 'temporal'],
    async start() {
      await database.migrate();
      await startTemporal();
      worker.start();
      api.start();
    },
    kill(component) {
      if (component === 'temporal') killDevServer(dbFile);
      else if (component === 'worker') worker.kill();
      else if (component === 'api') api.kill();
      else throw new Error(`no ${component} in the postgres topology`);
    },
    async revive(component) {
      if (component === 'temporal') await startTemporal();
      else if (component === 'worker') worker.start();
      else api.start();
    },
    unplannedRestarts: () => ({ worker: worker.unplannedRestarts, api: api.unplannedRestarts }),
    withDatabase: (read) => read(database),
    async stop() {
      api.kill();
      worker.kill();
      await server?.stop().catch(() => undefined);
      await database.close().catch((err: unknown) => logger.warn({ err }, 'Chaos: closing the database failed'));
      // The killed processes' connections may linger a moment; FORCE ends them.
      await sleep(500);
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((err: unknown) => logger.warn({ err }, 'Chaos: dropping the database failed'));
      await admin.end();
    },
  };
}

export async function pgliteTopology(opts: { dir: string; runId: string; logger: Logger }): Promise<Topology> {
  const { dir, logger } = opts;
  const apiPort = await freePort();
  const env = { ...(await baseEnv(dir, apiPort, opts.runId)), TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()) };
  const app = new Supervised('app', 'scripts/start.ts', env, logger);
  const dbFile = path.join(dir, 'temporal', 'temporal.sqlite');
  return {
    baseUrl: `http://127.0.0.1:${apiPort}`,
    components: ['app', 'temporal'],
    async start() {
      app.start();
    },
    kill(component) {
      if (component === 'temporal') killDevServer(dbFile);
      else if (component === 'app') app.kill();
      else throw new Error(`no ${component} in the pglite topology`);
    },
    async revive(component) {
      // `npm start` owns its dev server and starts it when it starts: a dead server comes back with
      // the app (a running app that restarts it by itself is fine too).
      if (component === 'temporal') {
        app.kill();
        await sleep(200);
      }
      app.start();
    },
    unplannedRestarts: () => ({ app: app.unplannedRestarts }),
    async withDatabase(read, { release = true } = {}) {
      await app.stop();
      const database = await openDatabase({ dataDir: dir });
      try {
        return await read(database);
      } finally {
        await database.close();
        if (release) app.start();
      }
    },
    async stop() {
      await app.stop();
      killDevServer(dbFile);
    },
  };
}
