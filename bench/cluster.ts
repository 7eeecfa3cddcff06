import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { startDevServer } from '../platform/dev-server';
import { freePort } from '../platform/free-port';
import { createLogger, installTemporalLogger } from '../platform/logger';
import { findTemporalCli } from '../platform/temporal-cli';
import { findTemporalServer } from '../platform/temporal-server';
import { startCluster, temporalDbFromEnv, type Cluster } from '../scripts/cluster/run';
import { CLUSTER } from '../scripts/cluster/topology';
import { quietBundlerLogger } from '../worker';
import { benchTokens, benchUsers, describeLatency, ROUTE_MIX, staffLoad } from './cluster-users';
import { describeCpu, sampleCpu, type CpuShares } from './cpu-sampler';
import { closedLoop, type LoadFigures } from './load';
import { monthCheck } from './scale/payments';
import { RENT_PREFIX, rentTenancyStart } from './scale/seed';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../db/schema';

/**
 * The dev server and the cluster side by side, in one run (`npm run bench:cluster`), each with the
 * production processes (two workers, two APIs) on PostgreSQL:
 * - the engine's own rate: no-op workflows started and completed (closed loop, CONCURRENCY clients);
 * - Botrygg's: an application through the APIs (round robin) until its first task is in `case_tasks`;
 * - on the cluster, live tenancies grown to each size in SEED (default 1000,10000), one row of the
 *   growth table per size. Most new cases are tenancies in follow-up with a rent account (started
 *   directly with the state a move-in leaves, as bench/scale/seed.ts does, each holding its timers);
 *   APPLICATION_SHARE of them (default 5%) come through the API as applications, at the same time.
 *   Per size: the seeding rate against the engine's no-op rate on the same cluster at that size,
 *   where the CPU went while seeding, worker and Temporal server RSS, the three databases' sizes,
 *   and the API's latency per route at LOAD_RATE requests/s from USERS staff (bench/cluster-users.ts),
 *   and a month's rent check across all the rent tenancies (RENT_CHECK=0 skips it, RENT_CHECK_AT=sizes runs it only there; RENT_CHECK_TIMEOUT_S;
 *   above RENT_CHECK_SAMPLE, default 10000, a random sample of them, and the time for all projected).
 *
 * CASES, CONCURRENCY, SEED, SEED_CONCURRENCY (rent starts in flight), SEED_WINDOW (rent tenancies
 * started and not yet settled; default no limit; a list gives one per step of SEED, the last for the
 * rest, so two settings are compared in one run), APPLICATION_SHARE,
 * APPLICATION_CONCURRENCY, LOAD_RATE, LOAD_SECONDS, USERS, HISTORY_SHARDS, ONLY=cluster (no dev
 * server), and WORKER_MAX_CACHED_WORKFLOWS (passed to the workers); TEST_DATABASE_URL as in the tests.
 * KEEP=1 keeps the cluster's databases and prints the RESUME=… that grows them further in a later
 * run (same HISTORY_SHARDS) instead of seeding from zero.
 */
const CASES = Number(process.env.CASES ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const SEED = (process.env.SEED ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const SEED_CONCURRENCY = Number(process.env.SEED_CONCURRENCY ?? 32);
const SEED_WINDOWS = (process.env.SEED_WINDOW ?? 'Infinity').split(',').map(Number);
const seedWindow = (step: number) => SEED_WINDOWS[Math.min(step, SEED_WINDOWS.length - 1)]!;
const APPLICATION_SHARE = Number(process.env.APPLICATION_SHARE ?? 0.05);
const APPLICATION_CONCURRENCY = Number(process.env.APPLICATION_CONCURRENCY ?? 8);
const LOAD_RATE = Number(process.env.LOAD_RATE ?? 200);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
const USERS = benchUsers(Number(process.env.USERS ?? 20));
const HISTORY_SHARDS = Number(process.env.HISTORY_SHARDS ?? CLUSTER.numHistoryShards);
const RESUME = process.env.RESUME;
/** Whether the month's check runs at this size of SEED: RENT_CHECK=0 never, RENT_CHECK_AT=sizes only there (each costs minutes of a large cluster). */
const RENT_CHECK_AT = process.env.RENT_CHECK_AT?.split(',').map(Number);
const rentCheckAt = (size: number) => process.env.RENT_CHECK !== '0' && (!RENT_CHECK_AT || RENT_CHECK_AT.includes(size));
const RENT_CHECK_TIMEOUT_MS = Number(process.env.RENT_CHECK_TIMEOUT_S ?? 3600) * 1000;
const RENT_CHECK_SAMPLE = Number(process.env.RENT_CHECK_SAMPLE ?? 10_000);
const KEEP = process.env.KEEP === '1' || !!RESUME;
const KINDS = RESUME || process.env.ONLY === 'cluster' ? (['cluster'] as const) : (['dev server', 'cluster'] as const);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres';
const here = path.dirname(fileURLToPath(import.meta.url));
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', { process: 'bench-cluster' });
installTemporalLogger(logger);
const say = (line: string) => process.stderr.write(`${line}\n`);

const tools = await findTemporalServer({ progress: say });
const cli = await findTemporalCli({ progress: say });
if (!tools || !cli) throw new Error('Needs the Temporal server and CLI: npm run tools:temporal-server && npm run tools:temporal');
const noopBundle = await bundleWorkflowCode({ workflowsPath: path.join(here, 'workflows', 'minimal.ts'), logger: quietBundlerLogger });
// Pools, not clients: a pool connects again after PostgreSQL restarts (other test runs on this machine restart it).
const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 2 });
admin.on('error', () => {});

/** A read that is asked again after a failure (PostgreSQL restarting under us), every second for up to a minute. */
async function retried<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (attempt >= 60) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

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

async function noopRate(address: string, concurrency: number): Promise<Rate> {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const native = await NativeConnection.connect({ address });
  const taskQueue = `bench-noop-${randomUUID()}`;
  const worker = await Worker.create({ connection: native, taskQueue, workflowBundle: noopBundle });
  const running = worker.run();
  try {
    return await measure('no-op', CASES, concurrency, async () => {
      await client.workflow.execute('noopWorkflow', { taskQueue, workflowId: `noop-${randomUUID()}` });
    });
  } finally {
    worker.shutdown();
    await running;
    await native.close();
    await connection.close();
  }
}

/** POSTs that were refused or failed and sent again, by status: a 429 here is the write limit. */
const applicationRetries: Record<string, number> = {};

/** One application through an API (round robin) by one of the housing officers, until its first task is written. */
function applicant(cluster: Cluster, db: pg.Pool, prefix: string, pollMs: number) {
  const officers = USERS.filter((u) => u.role === 'housing_officer');
  return async (i: number) => {
    const base = cluster.apiUrls[i % cluster.apiUrls.length]!;
    const officer = officers[Math.floor(i / cluster.apiUrls.length) % officers.length]!;
    let caseId: string | undefined;
    while (!caseId) {
      const res = await fetch(`${base}/api/tenancies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
        body: JSON.stringify({ municipality: 'tynset', applicant: { name: `Søker ${prefix} ${i}` }, currentHousing: 'Benchmark' }),
      }).catch(() => undefined);
      if (res && res.status < 300) caseId = ((await res.json()) as { caseId: string }).caseId;
      else {
        const kind = res ? `HTTP ${res.status}` : 'failed';
        applicationRetries[kind] = (applicationRetries[kind] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    for (;;) {
      const { rowCount } = await retried(() => db.query('SELECT 1 FROM case_tasks WHERE case_id = $1 LIMIT 1', [caseId]));
      if (rowCount) return;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
}

/** Live cases by how they were seeded: rent tenancies (BEN-…) and applications; a resumed run starts from these. */
async function liveCounts(db: pg.Pool): Promise<{ rent: number; applications: number }> {
  const { rows } = await retried(() =>
    db.query<{ rent: string; applications: string }>(
      `SELECT count(*) FILTER (WHERE case_id LIKE $1)::text AS rent, count(*) FILTER (WHERE case_id NOT LIKE $1)::text AS applications FROM tenancies`,
      [`${RENT_PREFIX}%`],
    ),
  );
  return { rent: Number(rows[0]!.rent), applications: Number(rows[0]!.applications) };
}

/**
 * Rent tenancies `from` … `from + count - 1` started directly (SEED_CONCURRENCY starts in flight),
 * then waited for until each has opened its rent account (its first rent check ran in a worker).
 * A start that finds its workflow already running (an interrupted earlier run) counts as done.
 */
async function seedRent(client: Client, taskQueue: string, db: pg.Pool, from: number, count: number, window: number): Promise<{ startsPerSecond: number }> {
  const now = Date.now();
  const openAccounts = async () => {
    const { rows } = await retried(() => db.query<{ n: string }>('SELECT count(*)::text AS n FROM rent_accounts WHERE case_id LIKE $1', [`${RENT_PREFIX}%`]));
    return Number(rows[0]!.n);
  };
  // The window: no more than this many started and not yet settled, so the work waits in our loop
  // rather than as a backlog in Temporal's task queue (which the matching service writes to its database).
  let opened = await openAccounts();
  let seeding = true;
  const watching = (async () => {
    while (seeding && Number.isFinite(window)) {
      await new Promise((r) => setTimeout(r, 250));
      opened = await openAccounts();
    }
  })();
  const starts = await closedLoop(count, SEED_CONCURRENCY, async (k) => {
    while (from + k - opened >= window) await new Promise((r) => setTimeout(r, 50));
    const { workflowId, input } = rentTenancyStart(from + k, now);
    await retried(() =>
      client.workflow.start('tenancyWorkflow', { taskQueue, workflowId, args: [input] }).catch((err: unknown) => {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }),
    );
  });
  seeding = false;
  await watching;
  for (;;) {
    const n = await openAccounts();
    process.stderr.write(`\r  rent accounts open ${n}/${from + count}   `);
    if (n >= from + count) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  process.stderr.write('\n');
  return { startsPerSecond: count / starts.seconds };
}

/**
 * A month's rent check across all cases on the cluster: every seeded rent tenancy woken at one moment
 * and timed until every read model shows the check ran, as bench/scale/payments.ts `monthCheck` does
 * on one machine. The cases are woken by the ledger signal (their due-date timers fire at an Oslo day
 * boundary the bench cannot wait for; the work after waking is the same: post the charges due, read
 * the balance, walk the ladder, persist). The cluster's no-op rate in the same row is the baseline.
 */
async function rentCheckAcrossAllCases({ client, db }: { client: Client; db: pg.Pool }): Promise<Record<string, string | number>> {
  // Above RENT_CHECK_SAMPLE the check wakes a random sample spread over every case (as cold in the
  // workers' caches as the whole month would be) and the time for all is that rate projected: at
  // 100,000 the whole check would need about an hour of this machine.
  const { rows } = await retried(() =>
    db.query<{ case_id: string; population: number }>('SELECT case_id, count(*) OVER ()::int AS population FROM rent_accounts WHERE case_id LIKE $1 ORDER BY random() LIMIT $2', [
      `${RENT_PREFIX}%`,
      RENT_CHECK_SAMPLE,
    ]),
  );
  const population = rows[0]?.population ?? 0;
  // bench/scale/payments.ts's check, through the payments import's bounded pool; its count of the
  // read models scans every tenancy, so it is asked once a second here, not four times.
  const check = await monthCheck({ db: drizzle(db, { schema }), temporal: client, logger }, rows.map((r) => r.case_id), `month-${randomUUID()}`, (s) => process.stderr.write(s), {
    timeoutMs: RENT_CHECK_TIMEOUT_MS,
    pollMs: 1000,
  });
  process.stderr.write('\n');
  const seconds = check.ms / 1000;
  const rate = check.done / seconds;
  const sampled = rows.length < population;
  return {
    'rent check cases': sampled ? `${rows.length} of ${population}` : rows.length,
    'rent check s': Math.round(seconds),
    'rent checks /s': Number(rate.toFixed(1)),
    'rent checks unfinished': rows.length - check.done,
    'all cases checked in s': sampled ? `~${Math.round(population / rate)}` : Math.round(seconds),
  };
}

/** Both workers' RSS together. */
const workersRssMiB = (cluster: Cluster) => Math.round(cluster.workers.reduce((sum, w) => sum + rssMiB(w.pid), 0));

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
  const { rows } = await retried(() => admin.query<{ size: string }>('SELECT pg_database_size($1)::text AS size', [name]));
  return Number(rows[0]!.size) / 1024 / 1024;
}

async function withEnvironment<T>(kind: 'dev server' | 'cluster', body: (cluster: Cluster, db: pg.Pool, names: { app: string; temporal?: string; visibility?: string }, taskQueue: string) => Promise<T>): Promise<T> {
  const suffix = RESUME ?? `${Date.now()}_${process.pid}`;
  const names = { app: `botrygg_bench_${suffix}`, ...(kind === 'cluster' ? { temporal: `temporal_bench_${suffix}`, visibility: `temporal_visibility_bench_${suffix}` } : {}) };
  const keep = KEEP && kind === 'cluster';
  const taskQueue = `bench-${suffix}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-cluster-'));
  const appUrl = new URL(ADMIN_URL);
  appUrl.pathname = `/${names.app}`;
  const devServer = kind === 'dev server' ? await startDevServer({ cli: cli!, port: await freePort(), namespace: 'default', dbFile: path.join(dir, 'temporal.sqlite'), logger }) : undefined;
  let cluster: Cluster | undefined;
  const db = new pg.Pool({ connectionString: appUrl.toString(), max: 8 });
  db.on('error', () => {});
  try {
    say(`${kind}: starting two workers and two APIs${kind === 'cluster' ? ` and the Temporal server (${HISTORY_SHARDS} history shards)${RESUME ? `, resuming ${suffix}` : ''}` : ''}...`);
    cluster = await startCluster({
      tools: tools!,
      externalTemporalAddress: devServer?.address,
      temporalDb: temporalDbFromEnv({ TEMPORAL_DB_URL: ADMIN_URL }),
      ...(names.temporal ? { temporalDatabases: { default: names.temporal, visibility: names.visibility! } } : {}),
      numHistoryShards: HISTORY_SHARDS,
      databaseUrl: appUrl.toString(),
      dir,
      frontendPort: await freePort(),
      internalPorts: 'free',
      apiPorts: [await freePort(), await freePort()],
      workers: 2,
      appEnv: { NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dir, API_TOKENS: benchTokens(USERS), TEMPORAL_TASK_QUEUE: taskQueue, OIDC_DEV_PORT: '0', SMTP_HOST: '' },
      logger,
    });
    return await body(cluster, db, names, taskQueue);
  } finally {
    await cluster?.stop();
    await devServer?.stop();
    await db.end();
    if (keep) say(`Kept the cluster's databases (${Object.values(names).join(', ')}): grow them further with RESUME=${suffix} HISTORY_SHARDS=${HISTORY_SHARDS}.`);
    else for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    if (keep) say(`Kept the processes' logs in ${dir}/logs.`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU milliseconds our processes (all groups) spent per seeded case. */
const cpuMsPerCase = (c: CpuShares, n: number) => (Object.values(c.groups).reduce((a, b) => a + b, 0) / 100) * c.seconds * 1000 / n;
const fmt = (r: Rate) => `${r.perSecond.toFixed(1)}/s, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms`;
const results: Record<string, { noop: Rate; app: Rate }> = {};
const growth: Array<Record<string, string | number>> = [];
const latencies: Array<{ live: number; figures: LoadFigures[] }> = [];
const cpuRows: Array<{ live: number; seeded: number; cpu: CpuShares }> = [];

for (const kind of KINDS) {
  await withEnvironment(kind, async (cluster, db, names, taskQueue) => {
    let live = await liveCounts(db);
    if (live.rent + live.applications === 0) {
      const noop = await noopRate(cluster.temporalAddress, CONCURRENCY);
      say(`  ${kind} no-op workflows: ${fmt(noop)}`);
      const app = await measure('application → first task', CASES, CONCURRENCY, applicant(cluster, db, `rate-${kind.replace(' ', '-')}`, 10));
      say(`  ${kind} application → first task: ${fmt(app)}`);
      results[kind] = { noop, app };
    }
    if (kind !== 'cluster') return;
    const connection = await Connection.connect({ address: cluster.temporalAddress });
    const client = new Client({ connection });
    try {
      for (const [step, target] of SEED.entries()) {
        live = await liveCounts(db);
        const total = live.rent + live.applications;
        if (target <= total) {
          say(`  ${total} cases live already: ${target} skipped`);
          continue;
        }
        // The engine's own rate on the same cluster at this size, with as many in flight as the seeding.
        const noop = await noopRate(cluster.temporalAddress, SEED_CONCURRENCY);
        const n = target - total;
        const applications = Math.round(n * APPLICATION_SHARE);
        say(`  seeding ${n} (${n - applications} rent tenancies, ${applications} applications) to ${target}; no-op at ${SEED_CONCURRENCY} in flight: ${fmt(noop)}`);
        const cpu = sampleCpu({
          groups: () => ({ 'Temporal server': [cluster.server?.pid], workers: cluster.workers.map((w) => w.pid), APIs: cluster.apis.map((a) => a.pid) }),
          admin,
          databases: Object.values(names),
        });
        const t0 = performance.now();
        const [rent, apps] = await Promise.all([
          seedRent(client, taskQueue, db, live.rent, n - applications, seedWindow(step)),
          applications ? closedLoop(applications, APPLICATION_CONCURRENCY, applicant(cluster, db, `seed-${target}-${live.applications}`, 50)) : undefined,
        ]);
        const seconds = (performance.now() - t0) / 1000;
        const cpuShares = await cpu.stop();
        cpuRows.push({ live: target, seeded: n, cpu: cpuShares });
        say(`  seeded ${n} in ${seconds.toFixed(0)} s (${(n / seconds).toFixed(1)}/s); CPU: ${describeCpu(cpuShares)}`);
        // Before the month's check the caches hold the newest workflows; after it, workflows that ran a rent check.
        const workerRssSeeded = workersRssMiB(cluster);
        const rentCheck = rentCheckAt(target) ? await rentCheckAcrossAllCases({ client, db }) : { 'rent check cases': 'not run' };
        const load = await staffLoad(db, cluster.apiUrls, USERS, LOAD_RATE, LOAD_SECONDS);
        latencies.push({ live: target, figures: load });
        for (const f of load) say(`    ${f.label}: ${describeLatency(f)}`);
        const row: Record<string, string | number> = {
          'live cases': target,
          'seeded s': Math.round(seconds),
          'seeding /s': Number((n / seconds).toFixed(1)),
          'rent starts /s': Number(rent.startsPerSecond.toFixed(1)),
          'applications /s': apps ? Number((applications / apps.seconds).toFixed(1)) : '–',
          'no-op /s': Number(noop.perSecond.toFixed(1)),
          'unsettled at most': Number.isFinite(seedWindow(step)) ? seedWindow(step) : 'no limit',
          'seeding ÷ no-op': Number((n / seconds / noop.perSecond).toFixed(2)),
          // What one seeded case costs our processes: with the machine to itself, cores ÷ this is the rate to expect.
          'CPU ms per case': Math.round(cpuMsPerCase(cpuShares, n)),
          'worker RSS MiB (both) seeded': workerRssSeeded,
          'worker RSS MiB (both)': workersRssMiB(cluster),
          'Temporal RSS MiB': Math.round(rssMiB(cluster.server?.pid)),
          'temporal DB MiB': Math.round(await dbMiB(names.temporal!)),
          'visibility DB MiB': Math.round(await dbMiB(names.visibility!)),
          'app DB MiB': Math.round(await dbMiB(names.app)),
          ...Object.fromEntries(load.map((f) => [`${f.label} p95 ms`, Math.round(f.p95)])),
          'API errors': load.reduce((sum, f) => sum + f.errors, 0),
          ...rentCheck,
        };
        growth.push(row);
        say(`  ${JSON.stringify(row)}`);
      }
    } finally {
      await connection.close();
    }
  });
}

await admin.end();
if (Object.keys(results).length) {
  console.log(`\nDev server and cluster, ${CASES} each, ${CONCURRENCY} concurrent clients, two workers and two APIs on PostgreSQL (${os.cpus().length} cores)`);
  console.log('| | no-op workflows | application → first task | Botrygg / engine |\n|---|---|---|---|');
  for (const [kind, r] of Object.entries(results)) console.log(`| ${kind} | ${fmt(r.noop)} | ${fmt(r.app)} | ${(r.app.perSecond / r.noop.perSecond).toFixed(2)}× |`);
}
if (growth.length) {
  const keys = Object.keys(growth[0]!);
  console.log(
    `\nGrowth on the cluster (${HISTORY_SHARDS} history shards, two workers, two APIs): ${Math.round(100 * (1 - APPLICATION_SHARE))}% of each step rent tenancies in follow-up (${SEED_CONCURRENCY} starts in flight), ` +
      `${Math.round(100 * APPLICATION_SHARE)}% applications through the API; no-op at ${SEED_CONCURRENCY} in flight on the same cluster; API p95 at ${LOAD_RATE} requests/s from ${USERS.length} staff`,
  );
  console.log(`| ${keys.join(' | ')} |\n|${keys.map(() => '---').join('|')}|`);
  for (const row of growth) console.log(`| ${keys.map((k) => row[k] ?? '').join(' | ')} |`);
  console.log(`\nAPI latency p50 / p95 / p99 by route, ${LOAD_RATE} requests/s for ${LOAD_SECONDS} s, open model, ${USERS.length} staff over ${2} APIs (${ROUTE_MIX.map((r) => `${r.label} ${r.share * 100}%`).join(', ')})`);
  console.log(`| live cases | ${ROUTE_MIX.map((r) => r.label).join(' | ')} |\n|---|${ROUTE_MIX.map(() => '---').join('|')}|`);
  for (const { live, figures } of latencies) console.log(`| ${live} | ${figures.map((f) => `${describeLatency(f)}`).join(' | ')} |`);
  console.log('\nCPU while seeding, % of one core (PostgreSQL: the backends of this run\'s three databases)');
  for (const { live, seeded, cpu } of cpuRows) {
    const perCase = Object.entries(cpu.groups).map(([g, v]) => `${g} ${((v / 100) * cpu.seconds * 1000 / seeded).toFixed(0)}`);
    console.log(`- to ${live}: ${describeCpu(cpu)}; per seeded case, ms of CPU: ${perCase.join(', ')}`);
  }
  if (Object.keys(applicationRetries).length) console.log(`\nApplications sent again: ${JSON.stringify(applicationRetries)}`);
}
process.exit(0);
