import { randomUUID } from 'node:crypto';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { createApp } from '../../api/app';
import { DEVELOPMENT_TOKENS, loadConfig } from '../../config/env';
import { parseApiTokens } from '../../config/api-tokens';
import type { DatabaseHandle } from '../../db/client';
import { auditLog } from '../../db/schema';
import { createLogger, installTemporalLogger } from '../../platform/logger';
import { startTracing, tracingClientInterceptors, tracingWorkerOptions, WORKFLOW_TRACING_MODULES, type Tracing } from '../../platform/tracing';
import { quietBundlerLogger, workflowsPath } from '../../worker';
import { openTestDatabase } from '../helpers/database';
import { application } from '../helpers/fixtures';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: Array<{ key: string; value: { stringValue?: string; intValue?: number | string } }>;
}

/**
 * One application filed over HTTP, traced from the API's request through the workflow start, the
 * workflow, the activity that writes the case, to its SQL statements: all under one trace ID, sent
 * over OTLP/HTTP to a receiver in this test. The request ID ties the trace to the log line and the
 * audit row.
 */
describe('traces over OTLP/HTTP', () => {
  const received: OtlpSpan[] = [];
  let receiver: Server;
  let tracing: Tracing;
  let database: DatabaseHandle;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let api: Server;
  let baseUrl: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
          for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) received.push(...ss.spans);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const config = loadConfig({ NODE_ENV: 'test', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    tracing = startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: 'botrygg-test', processName: 'test' })!;
    const logger = createLogger('info', { process: 'tracing-test' }, { write: (line: string) => void logLines.push(line) });
    installTemporalLogger(createLogger('warn', { process: 'tracing-test' }));

    database = await openTestDatabase();
    connection = await Connection.connect({ address: inject('temporalAddress') });
    const temporal = new Client({ connection, interceptors: tracingClientInterceptors(tracing) });
    nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const taskQueue = `tracing-${randomUUID().slice(0, 8)}`;
    // The interceptors are bundled with the workflows, as npm start does when tracing is on.
    const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger, workflowInterceptorModules: WORKFLOW_TRACING_MODULES });
    worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle,
      activities: createActivities({ db: database.db, temporal }),
      ...tracingWorkerOptions(tracing, { bundled: true }),
    });
    running = worker.run();
    const app = createApp({ config: { apiTokens: parseApiTokens(DEVELOPMENT_TOKENS), TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_NAMESPACE: 'default' }, database, temporal, logger });
    api = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    api?.closeAllConnections();
    await new Promise((r) => api?.close(r));
    worker?.shutdown();
    await running;
    await nativeConnection?.close();
    await connection?.close();
    await database?.close();
    await tracing?.shutdown();
    await new Promise((r) => receiver?.close(r));
  });

  it('carries one trace ID from the API request to the workflow, its activity and the SQL the activity runs', async () => {
    const { receivedDate: _r, ...form } = application();
    const requestId = randomUUID();
    const res = await fetch(`${baseUrl}/api/tenancies`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-boligkonsulent', 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-request-id': requestId },
      body: JSON.stringify(form),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    expect(((await res.json()) as { caseId: string }).caseId).toBeTruthy();

    // The case's first write (the persistTenancy activity) is what the read model shows.
    let trace: OtlpSpan[] = [];
    const deadline = Date.now() + 30_000;
    for (;;) {
      await tracing.flush();
      const root = received.find((s) => s.name === 'POST /api/tenancies' && s.attributes?.some((a) => a.key === 'botrygg.request_id' && a.value.stringValue === requestId));
      trace = root ? received.filter((s) => s.traceId === root.traceId) : [];
      // The workflow's own spans (StartActivity) come through the worker's sink after its task
      // completes, and can arrive after the activity's: wait for both.
      const activityRan = trace.some((s) => s.name.startsWith('pg ') && isUnder(s, 'RunActivity:', trace));
      if (activityRan && trace.some((s) => s.name === 'StartActivity:persistTenancy')) break;
      if (Date.now() > deadline) throw new Error(`incomplete trace: ${trace.map((s) => s.name).join(', ')}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const names = trace.map((s) => s.name);
    expect(names).toContain('POST /api/tenancies');
    expect(names).toContain('StartWorkflow:tenancyWorkflow');
    // RunWorkflow:tenancyWorkflow is the parent of the workflow's own spans; it is exported when the
    // run ends (a tenancy runs for years), so here it is seen as the parent its children name.
    const start = trace.find((s) => s.name === 'StartActivity:persistTenancy');
    const run = trace.find((s) => s.name === 'RunActivity:persistTenancy');
    expect(start?.parentSpanId).toBeTruthy();
    expect(run?.parentSpanId).toBe(start?.spanId);
    // The API's own statements (idempotency, audit) are under the request span as well.
    expect(trace.some((s) => s.name.startsWith('pg ') && isUnder(s, 'POST /api/tenancies', trace) && !isUnder(s, 'RunActivity:', trace))).toBe(true);
    // No personal data in span names or attributes: the application's name and phone are nowhere.
    const everything = JSON.stringify(trace);
    expect(everything).not.toContain('Ingrid');
    expect(everything).not.toContain('912 34 567');
    expect(everything).not.toContain(form.applicant.name);

    // The request ID ties the trace to the log line (with the trace ID) and the audit row.
    const line = logLines.map((l) => JSON.parse(l) as { msg: string; requestId?: string; traceId?: string }).find((l) => l.msg === 'request' && l.requestId === requestId);
    expect(line?.traceId).toBe(trace[0]!.traceId);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
    expect(audited.length).toBeGreaterThanOrEqual(1);
  });
});

/** Whether a span has an ancestor (in the same trace) whose name starts with `prefix`. */
function isUnder(span: OtlpSpan, prefix: string, trace: OtlpSpan[]): boolean {
  const byId = new Map(trace.map((s) => [s.spanId, s]));
  let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
  while (parent) {
    if (parent.name.startsWith(prefix)) return true;
    parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
  }
  return false;
}
