import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { DEVELOPMENT_TOKENS } from '../config/env';
import { startDevServer } from '../platform/dev-server';
import { freePort } from '../platform/free-port';
import { createLogger, installTemporalLogger } from '../platform/logger';
import { findTemporalCli } from '../platform/temporal-cli';
import { findTemporalServer } from '../platform/temporal-server';
import { startCluster, temporalDbFromEnv, type Cluster } from '../scripts/cluster/run';
import { quietBundlerLogger } from '../worker';
import { closedLoop } from './load';

/**
 * The dev server and the cluster side by side, in one run (`npm run bench:cluster`), each with the
 * production processes (two workers, two APIs) on PostgreSQL:
 * - the engine's own rate: no-op workflows started and completed (closed loop, CONCURRENCY clients);
 * - Botrygg's: an application through the APIs (round robin) until its first task is in `case_tasks`;
 * - on the cluster, live tenancies seeded up to each of SEED (default 1000,10000): seeding time and
 *   rate, worker and Temporal server RSS, the size of the three databases, and the API's latency at
 *   200 requests/s for 5 s against `/healthz` and a case read.
 * CASES=…, CONCURRENCY=…, SEED=…, SEED_CONCURRENCY=…; TEST_DATABASE_URL as in the tests.
 */
const CASES = Number(process.env.CASES ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const SEED = (process.env.SEED ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const SEED_CONCURRENCY = Number(process.env.SEED_CONCURRENCY ?? 16);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres';
const here = path.dirname(fileURLToPath(import.meta.url));
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', { process: 'bench-cluster' });
installTemporalLogger(logger);
const say = (line: string) => process.stderr.write(`${line}\n`);

const tools = await findTemporalServer({ progress: say });
const cli = await findTemporalCli({ progress: say });
if (!tools || !cli) throw new Error('Needs the Temporal server and CLI: npm run tools:temporal-server && npm run tools:temporal');
const noopBundle = await bundleWorkflowCode({ workflowsPath: path.join(here, 'workflows', 'minimal.ts'), logger: quietBundlerLogger });
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();

interface Rate {
  perSecond: number;
  p50: number;
  p95: number;
}

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function measure(label: string, n: number, concurrency: number, one: (i: number) => Promise<void>): Promise<Rate> {
  const { latencies, seconds } = await closedLoop(n, concurrency, one, (done) => {
    if (done % 500 === 0) process.stderr.write(`\r  ${label}: ${done}/${n}`);
  });
  if (n >= 500) process.stderr.write('\n');
  return { perSecond: n / seconds, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) };
}

async function noopRate(address: string): Promise<Rate> {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const native = await NativeConnection.connect({ address });
  const taskQueue = `bench-noop-${randomUUID()}`;
  const worker = await Worker.create({ connection: native, taskQueue, workflowBundle: noopBundle });
  const running = worker.run();
  try {
    return await measure('no-op', CASES, CONCURRENCY, async () => {
      await client.workflow.execute('noopWorkflow', { taskQueue, workflowId: `noop-${randomUUID()}` });
    });
  } finally {
    worker.shutdown();
    await running;
    await native.close();
    await connection.close();
  }
}

/** One application through an API (round robin), until its first task is written. */
function applicant(cluster: Cluster, db: pg.Pool, prefix: string) {
  return async (i: number) => {
    const base = cluster.apiUrls[i % cluster.apiUrls.length]!;
    let caseId: string | undefined;
    while (!caseId) {
      const res = await fetch(`${base}/api/tenancies`, {
        method: 'POST',
        headers: { authorization: 'Bearer dev-boligkonsulent', 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
        body: JSON.stringify({ municipality: 'tynset', applicant: { name: `Søker ${prefix} ${i}` }, currentHousing: 'Benchmark' }),
      }).catch(() => undefined);
      if (res && res.status < 300) caseId = ((await res.json()) as { caseId: string }).caseId;
      else await new Promise((r) => setTimeout(r, 200));
    }
    for (;;) {
      const { rowCount } = await db.query('SELECT 1 FROM case_tasks WHERE case_id = $1 LIMIT 1', [caseId]);
      if (rowCount) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
}

function rssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const kib = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kib / 1024;
  } catch {
    return NaN;
  }
}

async function dbMiB(name: string): Promise<number> {
  const { rows } = await admin.query<{ size: string }>('SELECT pg_database_size($1)::text AS size', [name]);
  return Number(rows[0]!.size) / 1024 / 1024;
}

/** Open loop: one request every 5 ms for 5 s, whatever the answers take. */
async function latencyAt200(url: string): Promise<Rate & { errors: number; statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < 1000; i++) {
    await new Promise((r) => setTimeout(r, Math.max(0, started + i * 5 - performance.now())));
    const t0 = performance.now();
    inflight.push(
      fetch(url, { headers: { authorization: 'Bearer dev-boligkonsulent' } }).then(
        async (r) => {
          await r.arrayBuffer();
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (!r.ok) errors++;
          latencies.push(performance.now() - t0);
        },
        () => {
          errors++;
          statuses.failed = (statuses.failed ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { perSecond: 1000 / ((performance.now() - started) / 1000), p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), errors, statuses };
}

async function withEnvironment<T>(kind: 'dev server' | 'cluster', body: (cluster: Cluster, db: pg.Pool, names: { app: string; temporal?: string; visibility?: string }) => Promise<T>): Promise<T> {
  const suffix = `${Date.now()}_${process.pid}`;
  const names = { app: `botrygg_bench_${suffix}`, ...(kind === 'cluster' ? { temporal: `temporal_bench_${suffix}`, visibility: `temporal_visibility_bench_${suffix}` } : {}) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-cluster-'));
  const appUrl = new URL(ADMIN_URL);
  appUrl.pathname = `/${names.app}`;
  const devServer = kind === 'dev server' ? await startDevServer({ cli: cli!, port: await freePort(), namespace: 'default', dbFile: path.join(dir, 'temporal.sqlite'), logger }) : undefined;
  let cluster: Cluster | undefined;
  const db = new pg.Pool({ connectionString: appUrl.toString(), max: 4 });
  db.on('error', () => {});
  try {
    say(`${kind}: starting two workers and two APIs${kind === 'cluster' ? ' and the Temporal server (4 history shards)' : ''}...`);
    cluster = await startCluster({
      tools: tools!,
      externalTemporalAddress: devServer?.address,
      temporalDb: temporalDbFromEnv({ TEMPORAL_DB_URL: ADMIN_URL }),
      ...(names.temporal ? { temporalDatabases: { default: names.temporal, visibility: names.visibility! } } : {}),
      databaseUrl: appUrl.toString(),
      dir,
      frontendPort: await freePort(),
      internalPorts: 'free',
      apiPorts: [await freePort(), await freePort()],
      workers: 2,
      appEnv: { NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dir, API_TOKENS: DEVELOPMENT_TOKENS, TEMPORAL_TASK_QUEUE: `bench-${suffix}`, OIDC_DEV_PORT: '0', SMTP_HOST: '' },
      logger,
    });
    return await body(cluster, db, names);
  } finally {
    await cluster?.stop();
    await devServer?.stop();
    await db.end();
    for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (r: Rate) => `${r.perSecond.toFixed(1)}/s, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms`;
const results: Record<string, { noop: Rate; app: Rate }> = {};
const seeded: Array<Record<string, string | number>> = [];

for (const kind of ['dev server', 'cluster'] as const) {
  await withEnvironment(kind, async (cluster, db, names) => {
    const noop = await noopRate(cluster.temporalAddress);
    say(`  ${kind} no-op workflows: ${fmt(noop)}`);
    const app = await measure('application → first task', CASES, CONCURRENCY, applicant(cluster, db, `rate-${kind.replace(' ', '-')}`));
    say(`  ${kind} application → first task: ${fmt(app)}`);
    results[kind] = { noop, app };
    if (kind !== 'cluster') return;
    let live = CASES;
    for (const target of SEED) {
      const t0 = performance.now();
      const n = target - live;
      const rate = await measure(`seeding to ${target}`, n, SEED_CONCURRENCY, applicant(cluster, db, `seed-${target}`));
      live = target;
      const seconds = (performance.now() - t0) / 1000;
      const { rows } = await db.query<{ case_id: string }>('SELECT case_id FROM tenancies ORDER BY random() LIMIT 1');
      const health = await latencyAt200(`${cluster.apiUrls[0]}/healthz`);
      const read = await latencyAt200(`${cluster.apiUrls[1]}/api/tenancies/${rows[0]!.case_id}`);
      const row = {
        'live cases': target,
        'seeding s': Math.round(seconds),
        'seeding /s': Number(rate.perSecond.toFixed(1)),
        'seed p95 ms': Math.round(rate.p95),
        'worker RSS MiB (both)': Math.round(cluster.workers.reduce((sum, w) => sum + rssMiB(w.pid), 0)),
        'Temporal server RSS MiB': Math.round(rssMiB(cluster.server?.pid)),
        'temporal DB MiB': Math.round(await dbMiB(names.temporal!)),
        'visibility DB MiB': Math.round(await dbMiB(names.visibility!)),
        'app DB MiB': Math.round(await dbMiB(names.app)),
        '/healthz p95 ms @200/s': Math.round(health.p95),
        'case read p95 ms @200/s': Math.round(read.p95),
        'errors @200/s': health.errors + read.errors,
        'case read statuses': JSON.stringify(read.statuses).replace(/"/g, ''),
      };
      seeded.push(row);
      say(`  ${JSON.stringify(row)}`);
    }
  });
}

await admin.end();
console.log(`\nDev server and cluster, ${CASES} each, ${CONCURRENCY} concurrent clients, two workers and two APIs on PostgreSQL (${os.cpus().length} cores)`);
console.log('| | no-op workflows | application → first task | Botrygg / engine |\n|---|---|---|---|');
for (const [kind, r] of Object.entries(results)) console.log(`| ${kind} | ${fmt(r.noop)} | ${fmt(r.app)} | ${(r.app.perSecond / r.noop.perSecond).toFixed(2)}× |`);
if (seeded.length) {
  const keys = Object.keys(seeded[0]!);
  console.log(`\nLive tenancies on the cluster (applications with their first task and deadline timers; seeded ${SEED_CONCURRENCY} at a time)`);
  console.log(`| ${keys.join(' | ')} |\n|${keys.map(() => '---').join('|')}|`);
  for (const row of seeded) console.log(`| ${keys.map((k) => row[k]).join(' | ')} |`);
}
process.exit(0);
