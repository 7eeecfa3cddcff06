import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import { createActivities } from '../../activities';
import { createApp, type AppDeps } from '../../api/app';
import { parseApiTokens } from '../../config/api-tokens';
import { DEVELOPMENT_TOKENS } from '../../config/env';
import type { DatabaseHandle } from '../../db/client';
import { createLogger, type Logger } from '../../platform/logger';
import type { Mailer } from '../../platform/mailer';
import type { Application } from '../../domain/application';
import type { Step } from '../../scripts/demo-data';
import { application } from './fixtures';
import { openTestDatabase } from './database';
import { taskQueueFor, workflowBundle } from './temporal';

export const TOKENS = {
  officer: 'dev-boligkonsulent',
  followUpWorker: 'dev-oppfolger',
  intake: 'dev-skjema',
  admin: 'dev-admin',
} as const;

export interface ApiHarness {
  baseUrl: string;
  database: DatabaseHandle;
  temporal: Client;
  taskQueue: string;
  request(method: string, path: string, opts?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Stops the worker (as if its process died) until `startWorker` runs a new one. */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

/** The real API on an ephemeral port, a real worker, the shared dev server and the run's PostgreSQL database. */
export async function startApiHarness(
  title: string,
  opts: {
    timeSkipping?: TestWorkflowEnvironment;
    mailer?: Mailer;
    /** More `token:user:roles:municipality` entries. */ extraTokens?: string;
    /** Edge limits (deadlines, rate limits) other than the production defaults. */ edge?: AppDeps['edge'];
    /** A logger whose output the test reads. */ logger?: Logger;
    /** Serve the built staff app at `/`. */ webDir?: string;
    /** Temporal UI's address, for the ops page's links. */ temporalUiUrl?: string;
  } = {},
): Promise<ApiHarness> {
  const logger = opts.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'api-test' });
  const address = inject('temporalAddress');
  const taskQueue = taskQueueFor(title);
  const database = await openTestDatabase();
  // Stories that span years run on the time-skipping server; the rest on the shared dev server.
  const ownsConnections = !opts.timeSkipping;
  const connection = opts.timeSkipping?.connection ?? (await Connection.connect({ address }));
  const temporal = new Client({ connection, namespace: 'default' });
  const nativeConnection = opts.timeSkipping?.nativeConnection ?? (await NativeConnection.connect({ address }));
  const newWorker = async () =>
    Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createActivities({ db: database.db, mailer: opts.mailer, temporal }),
    });
  let worker = await newWorker();
  let running = worker.run();
  const app = createApp({
    config: { apiTokens: parseApiTokens([DEVELOPMENT_TOKENS, opts.extraTokens].filter(Boolean).join(',')), TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_NAMESPACE: 'default', TEMPORAL_UI_URL: opts.temporalUiUrl },
    database,
    temporal,
    logger,
    edge: opts.edge,
    ...(opts.webDir ? { webDir: opts.webDir } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    database,
    temporal,
    taskQueue,
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      const token = opts.token === undefined ? TOKENS.officer : opts.token;
      if (token) headers.authorization = `Bearer ${token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    async stopWorker() {
      worker.shutdown();
      await running;
    },
    async startWorker() {
      worker = await newWorker();
      running = worker.run();
    },
    async close() {
      await new Promise((r) => server.close(r));
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      if (ownsConnections) {
        await nativeConnection.close();
        await connection.close();
      }
      await database.close();
    },
  };
}

/** A demo step as the API takes it: a dwelling is offered by its ID in the register. */
export function stepBody(payload: Step['payload']): unknown {
  return payload.type === 'offerDwelling' ? { type: 'offerDwelling', dwellingId: payload.dwelling.id } : payload;
}

/** Takes a case through demo steps over HTTP, each by the role the step names, each step accepted. */
export async function runSteps(api: Pick<ApiHarness, 'request'>, caseId: string, steps: Step[], tokens: { officer: string; followUpWorker: string } = TOKENS): Promise<void> {
  for (const { as, payload } of steps) {
    const token = as === 'followUpWorker' ? tokens.followUpWorker : tokens.officer;
    const res = await api.request('POST', `/api/tenancies/${caseId}/actions`, { token, body: stepBody(payload), headers: { 'Idempotency-Key': randomUUID() } });
    expect(res.status, `${payload.type}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

/** A response body as JSON when it is JSON, else as text (a refusal from the edge may be either). */
export async function readBody(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** Files an application as a form would (the server sets the received date) and returns the new case's ID. */
export async function newCase(api: Pick<ApiHarness, 'request'>, overrides: Partial<Application> = {}): Promise<string> {
  const { receivedDate: _r, ...form } = application(overrides);
  const res = await api.request('POST', '/api/tenancies', { body: form, headers: { 'Idempotency-Key': randomUUID() } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.caseId;
}
