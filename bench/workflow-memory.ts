import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import { tenancyWorkflowId } from '../domain/ids';
import { startDevServer } from '../platform/dev-server';
import { createLogger, installTemporalLogger } from '../platform/logger';
import { findTemporalCli } from '../platform/temporal-cli';
import { startTracing, tracingClientInterceptors, tracingWorkerOptions, WORKFLOW_TRACING_MODULES } from '../platform/tracing';
import { quietBundlerLogger, workerTuning, workflowsPath } from '../worker';
import { rentLedgerChangedSignal } from '../workflows/messages';
import type { tenancyWorkflow } from '../workflows/tenancy';

/**
 * Workflow memory: what one cached workflow costs the worker, and whether a worker that touches more
 * workflows than its cache holds stays within bounds.
 *
 * Each variant runs in a child process of its own (RSS is per process and never shrinks), against
 * one Temporal dev server started here:
 * - `minimal`: a workflow that only waits for a signal — the SDK's own cost, the baseline;
 * - `tenancy`: real tenancy workflows with real activities (PGlite, or PostgreSQL with DATABASE_URL),
 *   each started from an application and cached after its first task;
 * - `churn`: the worker's own cache size (worker.ts, or WORKER_MAX_CACHED_WORKFLOWS), and twice as many
 *   tenancies as it holds, each signalled twice in turn so that every signal reloads an evicted
 *   workflow from its history: RSS must level off at the cache's size, not grow with the cases.
 * `npm run bench:memory`; WORKFLOWS=… (default 400) sets the count of the first two variants; TRACING=1
 * bundles the OpenTelemetry workflow interceptors and traces everything to a receiver that discards it.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;

interface Result {
  variant: string;
  workflows: number;
  cacheSize: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  peakRssMiB: number;
  perWorkflowKiB: number;
  seconds: number;
}

if (process.argv[2] === 'child') {
  await child(process.argv[3] as 'minimal' | 'tenancy' | 'churn', Number(process.argv[4]));
} else {
  await parent();
}

async function parent(): Promise<void> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', { process: 'bench' });
  const cli = await findTemporalCli({ progress: (l) => process.stderr.write(`${l}\n`) });
  if (!cli) throw new Error('Temporal CLI not found: run `npm run tools:temporal` first');
  const server = await startDevServer({ cli, port: 7400 + Math.floor(Math.random() * 400), namespace: 'default', logger });
  const count = Number(process.env.WORKFLOWS ?? 400);
  const results: Result[] = [];
  try {
    const variants = (process.env.VARIANTS ?? 'minimal,tenancy,churn').split(',');
    for (const [variant, n] of ([['minimal', count], ['tenancy', count], ['churn', 0]] as const).filter(([v]) => variants.includes(v))) {
      process.stderr.write(`${variant}: `);
      results.push(await runChild(variant, n, server.address));
      process.stderr.write('\n');
    }
  } finally {
    await server.stop();
  }
  // `npm run bench` runs this file as a child and reads its figures from here.
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(results));
  const minimal = results.find((r) => r.variant === 'minimal');
  const tenancy = results.find((r) => r.variant === 'tenancy');
  const churn = results.find((r) => r.variant === 'churn');
  console.log('\nWorkflow memory (RSS of the worker process)');
  console.table(results.map((r) => ({ variant: r.variant, workflows: r.workflows, cache: r.cacheSize, 'RSS before MiB': r.rssBeforeMiB, 'RSS after MiB': r.rssAfterMiB, 'peak MiB': r.peakRssMiB, 'KiB per workflow': r.perWorkflowKiB, seconds: r.seconds })));
  if (tenancy && minimal) {
    console.log(`tenancy per cached workflow: ${tenancy.perWorkflowKiB} KiB against minimal ${minimal.perWorkflowKiB} KiB (${(tenancy.perWorkflowKiB / Math.max(1, minimal.perWorkflowKiB)).toFixed(1)}×)`);
  }
  if (churn) console.log(`churn: ${churn.workflows} tenancies through a cache of ${churn.cacheSize}: peak RSS ${churn.peakRssMiB} MiB, no crash`);
}

function runChild(variant: string, n: number, address: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['child', variant, String(n)], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_TEMPORAL_ADDRESS: address },
    });
    let result: Result | undefined;
    proc.on('message', (m) => {
      const msg = m as { progress?: string; result?: Result };
      if (msg.progress) process.stderr.write(msg.progress);
      if (msg.result) result = msg.result;
    });
    proc.on('exit', (code) => (result ? resolve(result) : reject(new Error(`${variant} child exited with ${code}`))));
  });
}

async function child(variant: 'minimal' | 'tenancy' | 'churn', requested: number): Promise<void> {
  installTemporalLogger(createLogger('warn', { process: `bench-${variant}` }));
  const address = process.env.BENCH_TEMPORAL_ADDRESS!;
  const send = (msg: unknown) => process.send!(msg);
  const taskQueue = `bench-memory-${variant}-${Date.now()}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-memory-'));
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
  await database.migrate();
  // TRACING=1: what tracing costs a cached workflow (the interceptors run in every workflow context).
  let tracing: ReturnType<typeof startTracing>;
  if (process.env.TRACING === '1') {
    const sink = http.createServer((req, res) => void req.resume().on('end', () => res.writeHead(200).end('{}')));
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    sink.unref();
    tracing = startTracing({ endpoint: `http://127.0.0.1:${(sink.address() as AddressInfo).port}`, serviceName: 'bench', processName: variant });
  }
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, interceptors: tracingClientInterceptors(tracing) });
  const nativeConnection = await NativeConnection.connect({ address });
  const tuning = workerTuning(loadConfig(), { traced: !!tracing });
  const cacheSize = variant === 'churn' ? tuning.maxCachedWorkflows : requested + 50;
  const workflows = variant === 'churn' ? cacheSize * 2 : requested;
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: variant === 'minimal' ? path.join(here, 'workflows', 'minimal.ts') : workflowsPath,
    logger: quietBundlerLogger,
    workflowInterceptorModules: tracing ? WORKFLOW_TRACING_MODULES : [],
  });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle,
    activities: createActivities({ db: database.db, temporal: client }),
    ...tuning,
    ...tracingWorkerOptions(tracing, { bundled: true }),
    maxCachedWorkflows: cacheSize,
  });
  const running = worker.run();
  await new Promise((r) => setTimeout(r, 1000));
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 200);
  const started = performance.now();
  // Case IDs in the real format: a run tag and the number in the case-ID alphabet.
  const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const base32 = (n: number, width: number) => Array.from({ length: width }, (_, k) => ALPHABET[Math.floor(n / 32 ** (width - 1 - k)) % 32]).join('');
  const runTag = base32(Date.now() % 1024, 2);
  const caseId = (i: number) => `BEN-2026-${runTag}${base32(i, 4)}`;
  const ids: string[] = [];
  const CONCURRENCY = 20;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < workflows) {
        const i = next++;
        if (variant === 'minimal') {
          const workflowId = `bench-minimal-${taskQueue}-${i}`;
          await client.workflow.start('minimalWorkflow', { taskQueue, workflowId });
          ids.push(workflowId);
        } else {
          const id = caseId(i);
          await client.workflow.start<typeof tenancyWorkflow>('tenancyWorkflow', {
            taskQueue,
            workflowId: tenancyWorkflowId(id),
            args: [{ caseId: id, application: { municipality: 'tynset', applicant: { name: `Søker ${i}` }, householdMembers: [], currentHousing: 'Benchmark', language: 'norsk', needsInterpreter: false, receivedDate: '2026-11-02', housingOfficerId: 'kari.nordmann' } }],
          });
          ids.push(tenancyWorkflowId(id));
        }
        if ((i + 1) % 100 === 0) send({ progress: `${i + 1} ` });
      }
    }),
  );
  // Every workflow has run its first task (and is cached) once the cache holds them all; in the churn
  // run, once every workflow has also taken two signals, each after being evicted by the others.
  const waitFor = async (done: () => boolean) => {
    for (let i = 0; i < 6000 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
  };
  if (variant === 'churn') {
    for (let round = 0; round < 2; round++) {
      let k = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (k < ids.length) await client.workflow.getHandle(ids[k++]!).signal(rentLedgerChangedSignal, {});
        }),
      );
      send({ progress: `signals ${round + 1} ` });
    }
    for (const id of ids) {
      for (let i = 0; i < 600; i++) {
        const { raw } = await client.workflow.getHandle(id).describe();
        if (!raw.pendingWorkflowTask && !raw.pendingActivities?.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } else {
    await waitFor(() => worker.getStatus().numCachedWorkflows >= workflows);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const rssAfter = process.memoryUsage.rss();
  clearInterval(sampler);
  peak = Math.max(peak, rssAfter);
  const cached = worker.getStatus().numCachedWorkflows;
  const result: Result = {
    variant,
    workflows,
    cacheSize,
    rssBeforeMiB: Math.round(rssBefore / MiB),
    rssAfterMiB: Math.round(rssAfter / MiB),
    peakRssMiB: Math.round(peak / MiB),
    perWorkflowKiB: Math.round((rssAfter - rssBefore) / 1024 / Math.max(1, cached)),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  send({ result });
  worker.shutdown();
  await running;
  await nativeConnection.close();
  await connection.close();
  await database.close();
  process.exit(0);
}
