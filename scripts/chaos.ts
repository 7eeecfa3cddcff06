import { createLogger } from '../platform/logger';
import { runChaos } from './chaos/harness';

/**
 * `npm run chaos -- [--pglite | --cluster] [--submissions 1000] [--concurrency 8] [--pace-ms 30]`: the fault harness's long run (see
 * scripts/chaos/harness.ts): on PostgreSQL (TEST_DATABASE_URL, a role that may create databases), or
 * with --pglite on `npm start` itself, with --cluster on `npm run cluster`'s topology (Temporal server on PostgreSQL). Needs the Temporal CLI. Prints the counts and exits non-zero if anything was lost, doubled or left
 * incomplete. `npm test` runs a short version (test/e2e/chaos.test.ts).
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} må være et positivt heltall`);
  return value;
}

const logger = createLogger(process.env.LOG_LEVEL ?? 'info', { process: 'chaos' });
const report = await runChaos({
  topology: process.argv.includes('--pglite') ? 'pglite' : process.argv.includes('--cluster') ? 'cluster' : 'postgres',
  submissions: arg('submissions', 1000),
  concurrency: arg('concurrency', 8),
  paceMs: arg('pace-ms', 30),
  adminDatabaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres',
  settleTimeoutMs: 600_000,
  logger,
});
console.log(JSON.stringify(report, null, 2));
console.log(
  `${report.topology}: submissions ${report.submissions} · acknowledged ${report.acknowledged} · lost ${report.lost.length} · doubled ${report.doubled.length} · ` +
    `incomplete ${report.incomplete.length} · refused ${report.refused.length} · resends ${report.retries} · ` +
    `all acknowledged after ${(report.msToAcknowledgeAll / 1000).toFixed(1)} s · settled ${(report.msToSettle / 1000).toFixed(1)} s later`,
);
process.exit(report.lost.length || report.doubled.length || report.incomplete.length || report.refused.length ? 1 : 0);
