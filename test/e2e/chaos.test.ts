import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { DEFAULT_PLAN, runChaos } from '../../scripts/chaos/harness';

/**
 * The fault harness, short: forms through the real API while worker, API and Temporal server are
 * killed and started again. Nothing acknowledged may be lost, doubled or left half-done.
 * The long run is `npm run chaos`.
 */
describe('fault harness (short)', () => {
  it('loses, doubles and leaves incomplete nothing while worker, API and Temporal are killed', { timeout: 300_000 }, async () => {
    const report = await runChaos({
      submissions: 24,
      concurrency: 3,
      paceMs: 400,
      adminDatabaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres',
      plan: DEFAULT_PLAN,
      settleTimeoutMs: 150_000,
      logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'chaos-test' }),
    });
    console.log(JSON.stringify({ ...report, faults: report.faults.map((f) => `${f.component} ${f.killedAt}–${f.backAt} ms`) }));
    expect(report.faults.map((f) => f.component)).toEqual(DEFAULT_PLAN.map((f) => f.component));
    expect(report.acknowledged).toBe(24);
    expect({ lost: report.lost, doubled: report.doubled, incomplete: report.incomplete, refused: report.refused }).toEqual({ lost: [], doubled: [], incomplete: [], refused: [] });
  });
});
