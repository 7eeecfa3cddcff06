import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createActivities } from '../activities';
import { openDatabase } from '../db/client';
import { osloDate } from '../domain/calendar';
import { tenancyWorkflowId } from '../domain/ids';
import { registerSearchAttributes } from '../platform/search-attribute-registration';
import { findTestServer } from '../platform/temporal-cli';
import { caseActionUpdate } from '../workflows/messages';
import { tenancyWorkflow } from '../workflows/tenancy';
import { workflowsPath } from '../worker';
import { application, interview, officer } from '../test/helpers/fixtures';

/**
 * Records workflow histories with the code as it is now, into test/histories/<label>-*.json.
 * Run before changing workflow code (`npx tsx scripts/record-histories.ts v1`): the replay test
 * then proves the new code still replays what running cases already did. The long life-cycle story
 * is recorded by its test instead: `RECORD_HISTORIES=v<N> npx vitest run test/workflow/tenancy-lifecycle.test.ts`,
 * and so is help to rent privately (the private-rental workflow and the tenancy that referred it):
 * `RECORD_HISTORIES=v<N> npx vitest run test/workflow/private-rental.test.ts -t 'NAV guarantee'`.
 */
const label = process.argv[2];
if (!label || !/^v\d+$/.test(label)) {
  console.error('Usage: npx tsx scripts/record-histories.ts v<N>');
  process.exit(2);
}
const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'histories');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-record-'));
const database = await openDatabase({ dataDir });
await database.migrate();
const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: findTestServer() } } });
await registerSearchAttributes(env.connection, 'default');
const taskQueue = `record-${label}`;
const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: createActivities({ db: database.db, temporal: env.client }) });

async function record(name: string, caseId: string, scenario: () => Promise<void>) {
  await scenario();
  const history = await env.client.workflow.getHandle(tenancyWorkflowId(caseId)).fetchHistory();
  const file = path.join(outDir, `${label}-${name}.json`);
  fs.writeFileSync(file, historyToJSON(history));
  console.log(`recorded ${file} (${history.events?.length} events)`);
}

await worker.runUntil(async () => {
  const today = osloDate(await env.currentTimeMs());
  const start = (caseId: string) =>
    env.client.workflow.start(tenancyWorkflow, { workflowId: tenancyWorkflowId(caseId), taskQueue, args: [{ caseId, application: application({ receivedDate: today }) }] });

  await record('intake-withdrawn', 'REC-2026-AAAAAA', async () => {
    const h = await start('REC-2026-AAAAAA');
    await h.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: 'rec-1-interview', actor: officer, payload: interview(today) }] });
    await h.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: 'rec-1-interview', actor: officer, payload: interview(today) }] });
    await h.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: 'rec-1-withdraw', actor: officer, payload: { type: 'withdrawApplication', reason: 'Fant privat bolig' } }] });
    await h.result();
  });

  await record('missed-deadline-running', 'REC-2026-BBBBBB', async () => {
    const h = await start('REC-2026-BBBBBB');
    await env.sleep('20 days');
    await h.executeUpdate(caseActionUpdate, { args: [{ idempotencyKey: 'rec-2-interview', actor: officer, payload: interview(today) }] });
    await h.terminate('recorded');
  });
});
await env.teardown();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
