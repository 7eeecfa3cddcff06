import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { DEFAULT_PLANS, runChaos, type Fault, type TopologyKind } from '../../scripts/chaos/harness';

/**
 * The fault harness, short: forms through the real API while worker, API and Temporal server (on
 * PostgreSQL), or `npm start` and its Temporal server (on PGlite), are killed and started again.
 * Nothing acknowledged may be lost, doubled or left half-done. The long run is `npm run chaos`.
 */
/** Each `npm start` restart costs some 20 s on a busy machine: the short PGlite run kills the app once and Temporal once. */
const SHORT_PLANS: Record<Exclude<TopologyKind, 'cluster'>, Fault[]> = {
  postgres: DEFAULT_PLANS.postgres,
  pglite: [
    { at: 0.3, component: 'app', downMs: 500 },
    { at: 0.7, component: 'temporal', downMs: 1_000 },
  ],
};

describe.each<[Exclude<TopologyKind, 'cluster'>, number]>([
  ['postgres', 24],
  ['pglite', 10],
])('fault harness (short) on %s', (topology, submissions) => {
  it('loses, doubles and leaves incomplete nothing while parts of Botrygg are killed', { timeout: 400_000 }, async () => {
    const report = await runChaos({
      topology,
      submissions,
      plan: SHORT_PLANS[topology],
      concurrency: 3,
      paceMs: 400,
      adminDatabaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres',
      settleTimeoutMs: 150_000,
      logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'chaos-test' }),
    });
    console.log(JSON.stringify({ ...report, faults: report.faults.map((f) => `${f.component} ${f.killedAt}–${f.backAt} ms`) }));
    expect(report.faults.map((f) => f.component)).toEqual(SHORT_PLANS[topology].map((f) => f.component));
    expect(report.acknowledged).toBe(submissions);
    expect({ lost: report.lost, doubled: report.doubled, incomplete: report.incomplete, refused: report.refused }).toEqual({ lost: [], doubled: [], incomplete: [], refused: [] });
  });
});
