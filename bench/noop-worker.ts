import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type NativeConnection, Worker } from '@temporalio/worker';
import { quietBundlerLogger } from '../worker';

/**
 * A worker running only bench/workflows/minimal.ts on a task queue of its own: the engine with
 * nothing of Botrygg in it, the baseline both the throughput and the scale bench measure against.
 */
export async function startNoopWorker(connection: NativeConnection): Promise<{ taskQueue: string; shutdown(): Promise<void> }> {
  const taskQueue = `bench-noop-${randomUUID()}`;
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows', 'minimal.ts'), logger: quietBundlerLogger }),
  });
  const running = worker.run();
  return {
    taskQueue,
    async shutdown() {
      worker.shutdown();
      await running;
    },
  };
}
