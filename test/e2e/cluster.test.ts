import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { findTemporalServer } from '../../platform/temporal-server';
import { clusterTopology } from '../../scripts/chaos/cluster-topology';
import { DEFAULT_PLANS, runChaos } from '../../scripts/chaos/harness';

/**
 * `npm run cluster`'s topology, for real: the Temporal server built from source on PostgreSQL (four
 * history shards), two workers and two API processes. Skipped only where the server binary was
 * never built; .ci/run builds it (`npm run tools:temporal-server`), so CI always runs this.
 */
const tools = await findTemporalServer({ build: false });
const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres';
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'cluster-test' });
const OFFICER = 'dev-boligkonsulent';

describe.skipIf(!tools)('the production topology (npm run cluster)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes an application through one API to the first task, read through the other, and a worker killed mid-activity is taken over by the other', { timeout: 300_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-cluster-'));
    dirs.push(dir);
    const topology = await clusterTopology({ dir, runId: randomUUID().slice(0, 8), adminDatabaseUrl, logger });
    const admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    let connection: Connection | undefined;
    try {
      await topology.start();
      const cluster = topology.cluster();
      const [api1, api2] = cluster.apiUrls as [string, string];
      const apply = async (name: string) => {
        const res = await fetch(`${api1}/api/tenancies`, {
          method: 'POST',
          headers: { authorization: `Bearer ${OFFICER}`, 'content-type': 'application/json', 'idempotency-key': `cluster-${randomUUID()}` },
          body: JSON.stringify({ municipality: 'tynset', applicant: { name }, currentHousing: 'Hos en venn' }),
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { caseId: string }).caseId;
      };
      const tasksOf = async (caseId: string) => {
        const res = await fetch(`${api2}/api/tasks?role=housing_officer`, { headers: { authorization: `Bearer ${OFFICER}` } });
        expect(res.status).toBe(200);
        return ((await res.json()) as { tasks: Array<{ caseId: string; taskId: string }> }).tasks.filter((t) => t.caseId === caseId).map((t) => t.taskId);
      };

      // The story: written through API 1, handled by either worker, read through API 2.
      const first = await apply('Ingrid Bakken');
      await expect.poll(() => tasksOf(first), { timeout: 30_000, interval: 500 }).toEqual(['mapping-interview']);
      const read = await fetch(`${api2}/api/tenancies/${first}`, { headers: { authorization: `Bearer ${OFFICER}` } });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ case: { caseId: first, phase: 'application' }, live: { caseId: first } });

      // Mid-activity: the timeline table is locked, so every case write hangs inside its activity.
      const appDb = new URL(adminDatabaseUrl);
      const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'botrygg_cluster_%' ORDER BY oid DESC LIMIT 1");
      appDb.pathname = `/${rows[0]!.datname}`;
      const locker = new pg.Client({ connectionString: appDb.toString() });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE case_events IN SHARE MODE');
      const caseIds: string[] = [];
      for (let i = 0; i < 4; i++) caseIds.push(await apply(`Låst Testesen ${i}`));
      connection = await Connection.connect({ address: cluster.temporalAddress });
      const client = new Client({ connection });
      const identity = (pid: number | undefined) => `${pid}@${os.hostname()}`;
      const runningOn = async () => {
        const running: Array<{ caseId: string; identity: string }> = [];
        for (const caseId of caseIds) {
          const d = await client.workflow.getHandle(`tenancy-${caseId}`).describe();
          for (const a of d.raw.pendingActivities ?? []) if (a.lastWorkerIdentity && a.state === 2) running.push({ caseId, identity: a.lastWorkerIdentity });
        }
        return running;
      };
      await expect.poll(async () => (await runningOn()).length, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
      const [victimRun] = await runningOn();
      const victim = cluster.workers.find((w) => identity(w.pid) === victimRun!.identity)!;
      const survivor = cluster.workers.find((w) => w !== victim)!;
      expect(victim).toBeDefined();
      const survivorIdentity = identity(survivor.pid);
      await victim.hold();
      await locker.query('COMMIT');
      await locker.end();

      // The killed worker's activity times out (10 s) and its retry runs on the survivor.
      for (const caseId of caseIds) await expect.poll(() => tasksOf(caseId), { timeout: 60_000, interval: 500 }).toEqual(['mapping-interview']);
      const history = await client.workflow.getHandle(`tenancy-${victimRun!.caseId}`).fetchHistory();
      const retried = history.events!.filter((e) => e.activityTaskStartedEventAttributes && (e.activityTaskStartedEventAttributes.attempt ?? 1) > 1);
      expect(retried.map((e) => e.activityTaskStartedEventAttributes!.identity)).toContain(survivorIdentity);
      victim.start();

      // Nothing doubled: one timeline line per kind and case where the workflow wrote one.
      const counts = await topology.withDatabase(async ({ db }) => {
        const { sql } = await import('drizzle-orm');
        const result = await db.execute(sql`SELECT case_id, count(*)::int AS n, count(DISTINCT dedup_key)::int AS d FROM case_events GROUP BY case_id`);
        return (result as unknown as { rows: Array<{ case_id: string; n: number; d: number }> }).rows;
      });
      for (const caseId of [first, ...caseIds]) {
        const row = counts.find((r) => r.case_id === caseId);
        expect(row?.n).toBeGreaterThan(0);
        expect(row?.n).toBe(row?.d);
      }
    } finally {
      await connection?.close();
      await admin.end();
      await topology.stop();
    }
  });

  it('loses, doubles and leaves incomplete nothing while a worker, the database connections, the Temporal server and an API are killed', { timeout: 400_000 }, async () => {
    const report = await runChaos({
      topology: 'cluster',
      submissions: 24,
      plan: DEFAULT_PLANS.cluster,
      concurrency: 3,
      paceMs: 800,
      adminDatabaseUrl,
      settleTimeoutMs: 150_000,
      logger,
    });
    console.log(JSON.stringify({ ...report, faults: report.faults.map((f) => `${f.component} ${f.killedAt}–${f.backAt} ms`) }));
    expect(report.faults.map((f) => f.component)).toEqual(DEFAULT_PLANS.cluster.map((f) => f.component));
    expect(report.acknowledged).toBe(24);
    expect({ lost: report.lost, doubled: report.doubled, incomplete: report.incomplete, refused: report.refused }).toEqual({ lost: [], doubled: [], incomplete: [], refused: [] });
    // Survived, not restarted: the second worker and API, up through every fault, never exited on their own when their
    // database connections were cut or the server went away. (The first ones were just started again when the next
    // fault came, and a worker that cannot reach Temporal while it starts exits and is started again: that is allowed.)
    expect({ server: report.unplannedRestarts.server, 'worker-2': report.unplannedRestarts['worker-2'], 'api-2': report.unplannedRestarts['api-2'] }).toEqual({ server: 0, 'worker-2': 0, 'api-2': 0 });
  });
});
