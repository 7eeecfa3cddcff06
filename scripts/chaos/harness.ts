import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq, inArray, like } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { caseEvents, formSubmissions, tenancies } from '../../db/schema';
import { startDevServer, type DevServer } from '../../platform/dev-server';
import type { Logger } from '../../platform/logger';
import { findTemporalCli } from '../../platform/temporal-cli';

/**
 * The fault harness (issue 10): N application forms through the real API while the worker, the API
 * and the Temporal server are killed with SIGKILL and started again on a plan; afterwards it counts
 * what was lost, doubled or left incomplete (submission, read model and timeline). Every component
 * is a real process on this machine with its own PostgreSQL database and its own Temporal dev server
 * (state in SQLite, so it survives its own death), supervised like a service manager would: a
 * process that exits on its own (say, a worker started while Temporal is down) is started again.
 *
 * PGlite is embedded in one process, so a separate API and worker cannot share it: the harness runs
 * on PostgreSQL only.
 */
export type Component = 'worker' | 'api' | 'temporal';

export interface Fault {
  /** When: after this share (0–1) of the submissions has been acknowledged. */
  at: number;
  component: Component;
  /** How long the component stays dead before it is started again. */
  downMs: number;
}

export interface ChaosOptions {
  submissions: number;
  /** A PostgreSQL role that may create databases; the run creates and drops its own. */
  adminDatabaseUrl: string;
  plan: Fault[];
  /** Forms in flight at once. */
  concurrency?: number;
  /** The n-th form is sent no earlier than n × paceMs after the start, so the faults fall among the forms. */
  paceMs?: number;
  /** How long to wait, after the last acknowledgement, for everything to be delivered and written. */
  settleTimeoutMs?: number;
  logger: Logger;
}

export interface ChaosReport {
  submissions: number;
  acknowledged: number;
  /** Acknowledged forms with no submission, no case or no workflow at the end. */
  lost: string[];
  /** Forms that made more than one case. */
  doubled: string[];
  /** Cases whose workflow never wrote the read model or the timeline, or whose form is still pending. */
  incomplete: string[];
  /** Forms the API answered with a 4xx: a harness or API bug, never expected. */
  refused: string[];
  retries: number;
  faults: Array<Fault & { killedAt: number; backAt?: number }>;
  /** Restarts the supervisor made on its own (a component that exited while another was down). */
  unplannedRestarts: Record<Component, number>;
  msToAcknowledgeAll: number;
  msToSettle: number;
}

export const DEFAULT_PLAN: Fault[] = [
  { at: 0.15, component: 'worker', downMs: 3_000 },
  { at: 0.35, component: 'api', downMs: 1_500 },
  { at: 0.55, component: 'temporal', downMs: 3_000 },
  { at: 0.75, component: 'worker', downMs: 1_000 },
  { at: 0.85, component: 'api', downMs: 500 },
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOKEN = 'chaos-skjema-0001';

/** A node entry point of the project as its own process group, so SIGKILL takes all of it at once. */
class Supervised {
  private child?: ChildProcess;
  private wanted = false;
  unplannedRestarts = 0;

  constructor(
    private readonly name: Component,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.wanted = true;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, this.entry)], { cwd: ROOT, env: this.env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-1000)));
    child.on('exit', (code, signal) => {
      if (this.child !== child || !this.wanted) return;
      // Exited on its own (e.g. started while Temporal was down): start it again, as a service manager would.
      this.unplannedRestarts++;
      this.logger.info({ component: this.name, code, signal, stderr: stderr.slice(-300) }, 'Chaos: component exited; restarting');
      setTimeout(() => this.wanted && this.child === child && this.start(), 500);
    });
    this.child = child;
  }

  kill(): void {
    this.wanted = false;
    if (this.child?.pid) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
}

/** The Temporal dev server, killed hard through its process group (it runs detached). */
class SupervisedTemporal {
  private server?: DevServer;
  constructor(
    private readonly opts: { cli: string; port: number; dbFile: string; logger: Logger },
  ) {}

  async start(): Promise<void> {
    this.server = await startDevServer({ cli: this.opts.cli, port: this.opts.port, namespace: 'default', dbFile: this.opts.dbFile, logger: this.opts.logger });
  }

  kill(): void {
    const pidFile = path.join(path.dirname(this.opts.dbFile), 'dev-server.pid');
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }

  async stop(): Promise<void> {
    await this.server?.stop().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const { logger } = opts;
  const runId = randomUUID().slice(0, 8);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-chaos-'));
  const dbName = `botrygg_chaos_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(opts.adminDatabaseUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();

  const cli = await findTemporalCli({ build: false });
  if (!cli) throw new Error('The fault harness needs the Temporal CLI: run `npm run tools:temporal`.');
  const temporalPort = await freePort();
  const apiPort = await freePort();
  const temporal = new SupervisedTemporal({ cli, port: temporalPort, dbFile: path.join(dir, 'temporal', 'temporal.db'), logger });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_TASK_QUEUE: `chaos-${runId}`,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    API_TOKENS: `${TOKEN}:skjema:intake:tynset`,
    SUBMISSION_RELAY_INTERVAL_MS: '1000',
  };
  // Notices wait in the outbox: the harness is about forms, not mail.
  delete env.SMTP_HOST;
  const components = {
    worker: new Supervised('worker', 'worker.ts', env, logger),
    api: new Supervised('api', 'api/server.ts', env, logger),
  };
  let database: DatabaseHandle | undefined;
  try {
    database = await openDatabase({ url: databaseUrl, dataDir: dir, poolSize: 4 });
    await database.migrate();
    await temporal.start();
    components.worker.start();
    components.api.start();
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(async () => (await fetch(`${baseUrl}/healthz`)).ok, 60_000, 'the API to answer /healthz');

    const faults: ChaosReport['faults'] = [];
    let acknowledged = 0;
    let retries = 0;
    const refused: string[] = [];
    const acked = new Set<string>();
    const started = Date.now();

    // The plan runs beside the forms: each fault waits for its share of acknowledgements.
    const planDone = (async () => {
      for (const fault of [...opts.plan].sort((a, b) => a.at - b.at)) {
        while (acknowledged < fault.at * opts.submissions && acknowledged + refused.length < opts.submissions) await sleep(50);
        const record: ChaosReport['faults'][number] = { ...fault, killedAt: Date.now() - started };
        faults.push(record);
        logger.info({ component: fault.component, acknowledged }, 'Chaos: killing');
        if (fault.component === 'temporal') temporal.kill();
        else components[fault.component].kill();
        await sleep(fault.downMs);
        if (fault.component === 'temporal') await temporal.start();
        else components[fault.component].start();
        record.backAt = Date.now() - started;
      }
    })();

    const progress = setInterval(() => logger.info({ acknowledged, retries, refused: refused.length }, 'Chaos: progress'), 5_000);
    const keyOf = (i: number) => `chaos-${runId}-${String(i).padStart(5, '0')}`;
    let next = 0;
    const sender = async () => {
      for (let i = next++; i < opts.submissions; i = next++) {
        const key = keyOf(i);
        await sleep(started + i * (opts.paceMs ?? 0) - Date.now());
        const body = { municipality: 'tynset', applicant: { name: `Kaos Testesen ${i}` }, currentHousing: 'Prøvedata fra feilinjiseringen', housingOfficerId: 'kari.nordmann' };
        for (;;) {
          const status = await fetch(`${baseUrl}/api/tenancies`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(15_000),
          }).then(
            (r) => r.status,
            () => 0,
          );
          if (status >= 200 && status < 300) {
            acked.add(key);
            acknowledged++;
            break;
          }
          if (status >= 400 && status < 500) {
            refused.push(`${key}: ${status}`);
            break;
          }
          // No answer (API dead) or 5xx: the form resends with the same key, as a client must.
          retries++;
          await sleep(250);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, sender));
    const msToAcknowledgeAll = Date.now() - started;
    await planDone.finally(() => clearInterval(progress));

    // Everything is up again: wait until every form is delivered and every case written.
    const settleStart = Date.now();
    const { db } = database;
    const settled = async () => {
      const [pending] = await db.select({ n: count() }).from(formSubmissions).where(eq(formSubmissions.status, 'pending'));
      const [unwritten] = await db.select({ n: count() }).from(tenancies).where(eq(tenancies.stateVersion, 0));
      return pending!.n === 0 && unwritten!.n === 0;
    };
    await waitFor(settled, opts.settleTimeoutMs ?? 180_000, 'every submission to be delivered and written').catch((err: Error) => logger.warn({ err: err.message }, 'Chaos: not settled'));
    const msToSettle = Date.now() - settleStart;

    const submissions = await db.select().from(formSubmissions).where(like(formSubmissions.submissionId, `chaos-${runId}-%`));
    const byKey = new Map(submissions.map((s) => [s.submissionId, s]));
    const rows = await db.select().from(tenancies);
    const casesByName = new Map<string, string[]>();
    for (const r of rows) casesByName.set(r.applicantName, [...(casesByName.get(r.applicantName) ?? []), r.caseId]);
    const caseIds = submissions.map((s) => s.caseId);
    const withTimeline = new Set(
      caseIds.length
        ? (await db.selectDistinct({ caseId: caseEvents.caseId }).from(caseEvents).where(inArray(caseEvents.caseId, caseIds))).map((r) => r.caseId)
        : [],
    );
    const rowByCase = new Map(rows.map((r) => [r.caseId, r]));

    const lost: string[] = [];
    const doubled: string[] = [];
    const incomplete: string[] = [];
    for (let i = 0; i < opts.submissions; i++) {
      const key = keyOf(i);
      if (!acked.has(key)) continue;
      const submission = byKey.get(key);
      const row = submission && rowByCase.get(submission.caseId);
      if (!submission || !row) {
        lost.push(key);
        continue;
      }
      if ((casesByName.get(`Kaos Testesen ${i}`) ?? []).length > 1) doubled.push(key);
      if (submission.status !== 'delivered' || row.stateVersion === 0 || !withTimeline.has(row.caseId)) incomplete.push(key);
    }
    return {
      submissions: opts.submissions,
      acknowledged,
      lost,
      doubled,
      incomplete,
      refused,
      retries,
      faults,
      unplannedRestarts: { worker: components.worker.unplannedRestarts, api: components.api.unplannedRestarts, temporal: 0 },
      msToAcknowledgeAll,
      msToSettle,
    };
  } finally {
    components.api.kill();
    components.worker.kill();
    await temporal.stop();
    await database?.close().catch((err: unknown) => logger.warn({ err }, 'Chaos: closing the database failed'));
    // The killed processes' connections may linger a moment; FORCE ends them.
    await sleep(500);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((err: unknown) => logger.warn({ err }, 'Chaos: dropping the database failed'));
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(250);
  }
}
