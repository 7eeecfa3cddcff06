import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Mailer } from '../../platform/mailer';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { createActivities } from '../../activities';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase } from './database';
import { createLogger, installTemporalLogger } from '../../platform/logger';
import { registerSearchAttributes } from '../../platform/search-attribute-registration';
import { quietBundlerLogger, workflowsPath } from '../../worker';

installTemporalLogger(createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'test' }));

/** A fresh Java time-skipping server for this test file, launched through the project's own launcher. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundled once per test file: webpack takes a second or two. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  return (bundle ??= bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger }));
}

/** A task queue of its own per test, so workers of different tests never steal each other's tasks. */
export function taskQueueFor(title: string): string {
  return `test-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * With RECORD_HISTORIES=v<N>, saves the given run's history to test/histories/v<N>-<name>.json for
 * the replay test. Used to capture long stories that only the test suite can drive.
 */
export async function recordHistoryIfAsked(
  env: TestWorkflowEnvironment,
  workflowId: string,
  runId: string,
  name: string,
): Promise<void> {
  const label = process.env.RECORD_HISTORIES;
  if (!label) return;
  const history = await env.client.workflow.getHandle(workflowId, runId || undefined).fetchHistory();
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'histories', `${label}-${name}.json`);
  fs.writeFileSync(file, historyToJSON(history));
}

/**
 * A workflow test file's context: its own time-skipping server, the run's PostgreSQL database, and
 * one worker (real activities) for the whole file. Nothing is terminated between tests: the
 * time-skipping server holds time still while any workflow task is outstanding, so every workflow a
 * test leaves running must stay served while later tests skip weeks. Call inside `describe`.
 *
 * `serverPerTest` gives each test a server and worker of its own instead. Use it where tests leave
 * long-lived workflows whose timers fall inside a later test's skips: the private-rental file's
 * year-long follow-up woke during the next test's months, and about one full-file run in twenty the
 * server then stopped skipping (the later test's `env.sleep` never returned; the same test alone
 * never hung in 25 runs).
 */
export function useWorkflowTestContext(opts: { mailer?: () => Mailer | undefined; serverPerTest?: boolean } = {}) {
  const ctx = { taskQueue: taskQueueFor('file') } as { env: TestWorkflowEnvironment; database: DatabaseHandle; taskQueue: string };
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startServer = async () => {
    ctx.env = await createTimeSkippingEnv();
    worker = await Worker.create({
      connection: ctx.env.nativeConnection,
      taskQueue: ctx.taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createActivities({ db: ctx.database.db, temporal: ctx.env.client, mailer: opts.mailer?.() }),
    });
    running = worker.run();
  };
  const stopServer = async () => {
    worker?.shutdown();
    await running;
    await ctx.env?.teardown();
  };
  beforeAll(async () => {
    ctx.database = await openTestDatabase();
    if (!opts.serverPerTest) await startServer();
  });
  if (opts.serverPerTest) {
    beforeEach(startServer);
    afterEach(stopServer);
  }
  afterAll(async () => {
    if (!opts.serverPerTest) await stopServer();
    await ctx.database?.close();
  });
  return ctx;
}

/**
 * Waits until the workflows have no activity or workflow task in flight. Skipping time while an
 * activity runs lets the Java test server time it out in skipped time, after which it can stop
 * skipping altogether (temporalio/sdk-java#1138, #2246): sleep only once the workflows are idle.
 */
export async function untilIdle(env: TestWorkflowEnvironment, workflowIds: string[]): Promise<void> {
  // One pass must find every workflow at rest: a workflow checked early can be woken again by one
  // checked later (the private rental signals its tenancy), and skipping time then hangs the server.
  for (let attempt = 0; ; attempt++) {
    const busy = await Promise.all(
      workflowIds.map(async (workflowId) => {
        const { status, raw } = await env.client.workflow.getHandle(workflowId).describe();
        return status.name === 'RUNNING' && (Boolean(raw.pendingActivities?.length) || Boolean(raw.pendingWorkflowTask));
      }),
    );
    if (!busy.some(Boolean)) return;
    if (attempt === 400) throw new Error(`${workflowIds.filter((_, i) => busy[i]).join(', ')} did not come to rest within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
