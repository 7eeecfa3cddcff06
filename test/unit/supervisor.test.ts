import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { supervise, type Runnable } from '../../platform/supervisor';

/** A runnable that fails `failures` times on its own, then runs until it is shut down. */
function flaky(failures: number) {
  const runs: string[] = [];
  const create = async (): Promise<Runnable> => {
    const n = runs.length;
    let release: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (release = resolve));
    return {
      async run() {
        runs.push(n < failures ? 'failed' : 'running');
        if (n < failures) throw new Error(`workflow thread out of memory (${n})`);
        await stopped;
      },
      shutdown: () => release(),
    };
  };
  return { runs, create };
}

describe('supervise (npm start keeps the API and Temporal up when the worker fails)', () => {
  const logger = createLogger('silent');

  it('restarts a failed worker with growing backoff and stops it cleanly', async () => {
    const { runs, create } = flaky(3);
    const restarts: number[] = [];
    const supervised = supervise(create, { name: 'worker', logger, minBackoffMs: 10, maxBackoffMs: 25, onRestart: ({ waitMs }) => restarts.push(waitMs) });
    while (runs.length < 4) await new Promise((r) => setTimeout(r, 5));
    expect(runs).toEqual(['failed', 'failed', 'failed', 'running']);
    expect(restarts).toEqual([10, 20, 25]);
    expect(supervised.restarts).toBe(3);
    await supervised.stop();
    expect(runs).toHaveLength(4);
  });

  it('does not restart what it was asked to stop, even while waiting to restart', async () => {
    const { runs, create } = flaky(1);
    const supervised = supervise(create, { name: 'worker', logger, minBackoffMs: 60_000 });
    while (runs.length < 1) await new Promise((r) => setTimeout(r, 5));
    await supervised.stop();
    expect(runs).toEqual(['failed']);
  });
});
