import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CACHED_TRACED_WORKFLOWS, DEFAULT_MAX_CACHED_WORKFLOWS, workerTuning } from '../../worker';

describe('worker cache size', () => {
  it('caches fewer workflows when they are traced (each costs twice the memory), unless told otherwise', () => {
    expect(workerTuning({}).maxCachedWorkflows).toBe(DEFAULT_MAX_CACHED_WORKFLOWS);
    expect(workerTuning({}, { traced: true }).maxCachedWorkflows).toBe(DEFAULT_MAX_CACHED_TRACED_WORKFLOWS);
    expect(DEFAULT_MAX_CACHED_TRACED_WORKFLOWS).toBeLessThan(DEFAULT_MAX_CACHED_WORKFLOWS * 0.6);
    expect(workerTuning({ WORKER_MAX_CACHED_WORKFLOWS: 300 }, { traced: true }).maxCachedWorkflows).toBe(300);
  });
});
