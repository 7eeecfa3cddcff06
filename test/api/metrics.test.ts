import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { and, eq, inArray } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { loadConfig } from '../../config/env';
import type { DatabaseHandle } from '../../db/client';
import { caseTasks, formSubmissions, tenancies } from '../../db/schema';
import { committeeDecisions } from '../../db/schema-committee';
import { notificationOutbox } from '../../db/schema-notifications';
import { freePort } from '../../platform/free-port';
import { createLogger, installTemporalLogger } from '../../platform/logger';
import { sdkMetricsAddress, startProcessMetrics } from '../../platform/metrics';
import { quietBundlerLogger, workflowsPath } from '../../worker';
import { openTestDatabase } from '../helpers/database';

/**
 * /metrics of a process running the worker and the API (as `npm start` does): the Temporal SDK's own
 * metrics through the core runtime's exporter, request durations by route pattern, and the business
 * gauges read from the database at scrape. The committed alert rules and dashboard use only names
 * that this output has. The run's database is shared with other test files, so this file's rows
 * carry labels of their own (a phase and a role nobody else uses) or are checked with ≥.
 */
/**
 * Locks an outbox row as a sender does (SELECT … FOR UPDATE in an open transaction) until the
 * returned function is called; resolves once the lock is held.
 */
async function holdRowLock(db: DatabaseHandle['db'], dedupKey: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const tx = db.transaction(async (t) => {
    const rows = await t.select({ id: notificationOutbox.id }).from(notificationOutbox).where(eq(notificationOutbox.dedupKey, dedupKey)).for('update');
    if (rows.length !== 1) throw new Error(`outbox row ${dedupKey} not found`);
    locked();
    await released;
  });
  await Promise.race([isLocked, tx]);
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    release();
    await tx;
  };
}

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'metrics-test' });

describe('metrics', () => {
  const tag = randomUUID().slice(0, 8);
  const phase = `metrics-phase-${tag}`;
  const role = `metrics-role-${tag}`;
  const caseIds = [`METRICS-${tag}-1`, `METRICS-${tag}-2`];
  let database: DatabaseHandle;
  let metricsUrl: string;
  let closeMetrics: () => Promise<void>;
  let server: Server;
  let baseUrl: string;
  let connection: Connection;
  let workerConnection: NativeConnection;
  let scrape: string;
  let releaseOutboxRow: (() => Promise<void>) | undefined;
  let seenBySweep: unknown[] = [];

  beforeAll(async () => {
    const metricsPort = await freePort();
    const sdkPort = await freePort();
    const config = loadConfig({ NODE_ENV: 'test', METRICS_PORT: String(metricsPort), TEMPORAL_SDK_METRICS_PORT: String(sdkPort) });
    // Before any connection: the runtime, with its exporter, is process-wide and installed once.
    installTemporalLogger(logger, { sdkMetricsAddress: sdkMetricsAddress(config) });
    database = await openTestDatabase();
    const metrics = (await startProcessMetrics(config, { process: 'test', logger, db: database.db, withSdk: true }))!;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    closeMetrics = metrics.close;

    const db = database.db;
    const old = new Date(Date.now() - 2 * 86_400_000);
    await db.insert(tenancies).values(caseIds.map((caseId) => ({ caseId, workflowId: `wf-${caseId}`, municipality: 'tynset', phase, status: 'active', applicantName: 'x', snapshot: {} })));
    await db.insert(caseTasks).values([
      { caseId: caseIds[0]!, taskId: 'late', municipality: 'tynset', kind: 'k', title: 't', role, dueDate: '2020-01-02' },
      { caseId: caseIds[1]!, taskId: 'future', municipality: 'tynset', kind: 'k', title: 't', role, dueDate: '2199-01-02' },
    ]);
    await db.insert(formSubmissions).values({
      submissionId: `metrics-${tag}`,
      kind: `metrics-${tag}`,
      caseId: caseIds[0]!,
      municipality: 'tynset',
      submittedBy: 'test',
      payload: {},
      payloadHash: 'x',
      receivedAt: old,
      // Out of every relay's reach while this file runs.
      nextAttemptAt: new Date(Date.now() + 365 * 86_400_000),
    });
    await db.insert(notificationOutbox).values(
      (['pending', 'failed'] as const).map((status) => ({ dedupKey: `metrics-${tag}-${status}`, recipientEmail: 'a@b.no', subject: 's', bodyText: 'b', messageId: `<${tag}-${status}@test>`, status })),
    );
    // A sweep in another file of the run (notifications.test.ts sends every pending row of the shared
    // database) would send the pending row before the scrape, whenever the two files overlap. Holding
    // the row lock a sender takes keeps it pending to the end of the scrape: the sweep passes over
    // locked rows, as it does over one being sent by a workflow.
    releaseOutboxRow = await holdRowLock(db, `metrics-${tag}-pending`);
    // What a sweep sees of the row: its own query (activities/notifications.ts deliver, skipLocked).
    seenBySweep = await db.transaction((t) =>
      t.select({ id: notificationOutbox.id }).from(notificationOutbox).where(eq(notificationOutbox.dedupKey, `metrics-${tag}-pending`)).for('update', { skipLocked: true }),
    );
    await db.insert(committeeDecisions).values({ committeeId: `metrics-${tag}`, meetingId: 'm', itemId: 'i', caseId: caseIds[0]!, text: 't', deliveryError: 'Saken avviste vedtaket.' });

    // The API with request metrics.
    connection = await Connection.connect({ address: inject('temporalAddress') });
    const temporal = new Client({ connection });
    const app = createApp({ config: { ...config, TEMPORAL_TASK_QUEUE: 'metrics-test' }, database, temporal, logger, metrics: metrics.metrics });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const caseId of caseIds) await fetch(`${baseUrl}/api/tenancies/${caseId}`, { headers: { authorization: 'Bearer dev-boligkonsulent' } });
    await fetch(`${baseUrl}/finnes-ikke/${tag}`);

    // A worker with one workflow task (of a type it does not have: failed, then terminated) so that
    // the SDK's task metrics exist.
    workerConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const taskQueue = `metrics-${tag}`;
    const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowsPath, bundlerOptions: { logger: quietBundlerLogger } as never });
    await worker.runUntil(async () => {
      const handle = await temporal.workflow.start('noSuchWorkflow', { taskQueue, workflowId: `metrics-${tag}` });
      await new Promise((r) => setTimeout(r, 3_000));
      await handle.terminate('metrics test');
    });
    scrape = await (await fetch(metricsUrl)).text();
    await releaseOutboxRow();
  }, 120_000);

  afterAll(async () => {
    await releaseOutboxRow?.();
    const db = database?.db;
    if (db) {
      await db.delete(tenancies).where(inArray(tenancies.caseId, caseIds));
      await db.delete(caseTasks).where(inArray(caseTasks.caseId, caseIds));
      await db.delete(formSubmissions).where(and(eq(formSubmissions.kind, `metrics-${tag}`)));
      await db.delete(notificationOutbox).where(inArray(notificationOutbox.dedupKey, [`metrics-${tag}-pending`, `metrics-${tag}-failed`]));
      await db.delete(committeeDecisions).where(eq(committeeDecisions.committeeId, `metrics-${tag}`));
    }
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await closeMetrics?.();
    await connection?.close();
    await workerConnection?.close();
    await database?.close();
  });

  /** `name{labels} value` lines → value of the first line matching name and every given label. */
  const value = (name: string, labels: Record<string, string> = {}): number | undefined => {
    for (const line of scrape.split('\n')) {
      const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)/.exec(line);
      if (!m || m[1] !== name) continue;
      if (Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`))) return Number(m[3]);
    }
    return undefined;
  };

  it('is off unless METRICS_PORT is set', async () => {
    expect(await startProcessMetrics(loadConfig({ NODE_ENV: 'test' }), { process: 'x', logger })).toBeUndefined();
    expect(sdkMetricsAddress(loadConfig({ NODE_ENV: 'test' }))).toBeUndefined();
  });

  it('reads the business gauges from the database at scrape', () => {
    expect(value('botrygg_cases', { phase })).toBe(2);
    expect(value('botrygg_tasks_overdue', { role })).toBe(1);
    expect(value('botrygg_form_submissions_pending')).toBeGreaterThanOrEqual(1);
    expect(value('botrygg_form_submissions_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(2 * 86_400 - 60);
    expect(seenBySweep, 'a sweep could have sent the pending row before the scrape').toEqual([]);
    expect(value('botrygg_notification_outbox', { status: 'pending' })).toBeGreaterThanOrEqual(1);
    expect(value('botrygg_notification_outbox', { status: 'failed' })).toBeGreaterThanOrEqual(1);
    expect(value('botrygg_committee_decisions_refused')).toBeGreaterThanOrEqual(1);
    expect(value('botrygg_business_metrics_up')).toBe(1);
  });

  it('times requests by route pattern and status, never by path: no case ID in the output', () => {
    expect(value('botrygg_http_request_duration_seconds_count', { route: '/api/tenancies/:caseId', method: 'GET' })).toBeGreaterThanOrEqual(2);
    expect(value('botrygg_http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    for (const id of caseIds) expect(scrape).not.toContain(id);
    expect(scrape).not.toContain(`finnes-ikke/${tag}`);
  });

  it("includes the Temporal SDK's worker and client metrics from the core runtime's exporter", () => {
    expect(scrape).toMatch(/^temporal_worker_task_slots_available\{/m);
    expect(scrape).toMatch(/^temporal_request_total\{/m);
    expect(scrape).toMatch(/^temporal_workflow_task_schedule_to_start_latency_bucket\{/m);
  });

  it('has every metric the committed alert rules and dashboard use', () => {
    const names = new Set(scrape.split('\n').map((l) => /^([a-zA-Z_:][\w:]*)/.exec(l)?.[1]).filter((n): n is string => !!n));
    const used = (text: string) => new Set([...text.matchAll(/\b((?:botrygg|temporal|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!));
    const rules = fs.readFileSync('ops/prometheus/alerts.yml', 'utf8');
    const dashboard = JSON.stringify(JSON.parse(fs.readFileSync('ops/grafana/botrygg.json', 'utf8')));
    const missing = [...used(rules), ...used(dashboard)].filter((n) => !names.has(n));
    expect(used(rules).size).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
