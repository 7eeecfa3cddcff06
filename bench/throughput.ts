import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { and, eq } from 'drizzle-orm';
import { createApp } from '../api/app';
import { parseApiTokens } from '../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../config/env';
import { openDatabase } from '../db/client';
import { caseTasks } from '../db/schema';
import { startDevServer } from '../platform/dev-server';
import { createLogger, installTemporalLogger } from '../platform/logger';
import { registerSearchAttributes } from '../platform/search-attribute-registration';
import { findTemporalCli } from '../platform/temporal-cli';
import { createWorker } from '../worker';
import { closedLoop } from './load';
import { startNoopWorker } from './noop-worker';
import { listenApi } from '../api/listen';

/**
 * Throughput from accepted application to the first task visible in the work list, against the
 * engine's own rate in the same run: no-op workflows started and completed by a worker on the same
 * dev server. Closed loop: CONCURRENCY clients each send an application and wait until its first
 * task is in `case_tasks`, then send the next. `npm run bench:throughput`; CASES=…, CONCURRENCY=….
 * PGlite by default, PostgreSQL with DATABASE_URL.
 */
const CASES = Number(process.env.CASES ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', { process: 'bench' });
installTemporalLogger(logger);

const cli = await findTemporalCli({ progress: (l) => process.stderr.write(`${l}\n`) });
if (!cli) throw new Error('Temporal CLI not found: run `npm run tools:temporal` first');
const server = await startDevServer({ cli, port: 7800 + Math.floor(Math.random() * 400), namespace: 'default', logger });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-throughput-'));
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
await database.migrate();
const connection = await Connection.connect({ address: server.address });
const temporal = new Client({ connection });
const nativeConnection = await NativeConnection.connect({ address: server.address });
await registerSearchAttributes(connection, 'default');

interface Figures {
  label: string;
  perSecond: number;
  p50: number;
  p95: number;
}

async function measure(label: string, one: () => Promise<void>): Promise<Figures> {
  const { latencies, seconds } = await closedLoop(CASES, CONCURRENCY, one, (done) => {
    if (done % 100 === 0) process.stderr.write(`\r${label}: ${done}/${CASES}`);
  });
  process.stderr.write('\n');
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { label, perSecond: CASES / seconds, p50: q(0.5), p95: q(0.95) };
}

// Baseline: the engine with nothing of Botrygg in it.
const noopWorker = await startNoopWorker(nativeConnection);
const baseline = await measure('engine: no-op workflow started and completed', async () => {
  await temporal.workflow.execute('noopWorkflow', { taskQueue: noopWorker.taskQueue, workflowId: `noop-${randomUUID()}` });
});
await noopWorker.shutdown();

// Botrygg: an application through the API until its first task is in the work list.
const taskQueue = `bench-throughput-${randomUUID()}`;
const worker = await createWorker({
  config: { TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: taskQueue, MAIL_FROM: 'bench@botrygg.local' },
  connection: nativeConnection,
  temporal,
  db: database.db,
});
const running = worker.run();
const app = createApp({ config: { apiTokens: parseApiTokens(DEVELOPMENT_TOKENS), TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_NAMESPACE: 'default' }, database, temporal, logger });
const http = listenApi(app, 0, '127.0.0.1');
await new Promise((r) => http.once('listening', r));
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
let n = 0;
const botrygg = await measure('Botrygg: application → first task visible', async () => {
  const res = await fetch(`${base}/api/tenancies`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev-boligkonsulent', 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}` },
    body: JSON.stringify({ municipality: 'tynset', applicant: { name: `Søker ${n++}` }, currentHousing: 'Benchmark' }),
  });
  const { caseId } = (await res.json()) as { caseId: string };
  if (res.status !== 201) throw new Error(`POST /api/tenancies: ${res.status}`);
  for (;;) {
    const [task] = await database.db.select({ id: caseTasks.taskId }).from(caseTasks).where(and(eq(caseTasks.caseId, caseId))).limit(1);
    if (task) return;
    await new Promise((r) => setTimeout(r, 5));
  }
});

http.close();
worker.shutdown();
await running;
await nativeConnection.close();
await connection.close();
await database.close();
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

console.log(`\nThroughput: ${CASES} each, ${CONCURRENCY} concurrent clients, ${database.kind}`);
console.log('what'.padEnd(48) + 'per s'.padStart(8) + 'p50 ms'.padStart(9) + 'p95 ms'.padStart(9));
for (const f of [baseline, botrygg]) console.log(f.label.padEnd(48) + f.perSecond.toFixed(1).padStart(8) + f.p50.toFixed(0).padStart(9) + f.p95.toFixed(0).padStart(9));
console.log(`Botrygg / engine: ${(botrygg.perSecond / baseline.perSecond).toFixed(2)} × the no-op rate`);
