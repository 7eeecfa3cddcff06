import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../helpers/temporal';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'histories');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function histories() {
  return files.map((file) => ({ workflowId: file, history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))) }));
}

/**
 * Running tenancies live for years: today's workflow code must replay every history recorded by
 * earlier versions (scripts/record-histories.ts). A change that breaks one needs `patched()`.
 */
describe('replay of recorded tenancy histories', () => {
  it('has histories from earlier versions to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it('replays every recorded history with the current workflow code', async () => {
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories())) results.push(result);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });

  it('fails on a workflow changed without a patch (control)', async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'nondeterministic-tenancy.ts'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
    });
    const [first] = histories();
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, first!.history, first!.workflowId)).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
