import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { startDevServer, type DevServer } from '../platform/dev-server';
import { createLogger } from '../platform/logger';
import { findTemporalCli, findTestServer } from '../platform/temporal-cli';
import { ensureWebBuild } from '../scripts/build-web';
import { freePort } from '../platform/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    testServerPath: string;
  }
}

const DEFAULT_ADMIN_URL = 'postgres://botrygg:botrygg@127.0.0.1:5432/postgres';

/**
 * Real services for the whole run: a fresh PostgreSQL database (dropped afterwards), one Temporal
 * dev server for API and visibility tests, and the Java time-skipping server's launcher, which each
 * workflow test file starts for itself.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'test-setup' });
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const dbName = `botrygg_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `Tests need a PostgreSQL server at ${adminUrl.replace(/:[^:@/]+@/, ':***@')} (${(err as Error).message}). ` +
        'Run .ci/run once, or set TEST_DATABASE_URL to a role that may create databases.',
      { cause: err },
    );
  }
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const database = await openDatabase({ url: databaseUrl, dataDir: '.data' });
  await database.migrate();
  await database.close();

  // Once per run, before test files run in parallel: the browser tests and `npm start` then find it built.
  await ensureWebBuild({ say: (line) => logger.info(line) });

  const cli = await findTemporalCli();
  if (!cli) throw new Error('Tests need the Temporal CLI: run `npm run tools:temporal` (builds it with Go).');
  const server: DevServer = await startDevServer({ cli, port: freePort, namespace: 'default', logger });

  project.provide('databaseUrl', databaseUrl);
  project.provide('temporalAddress', server.address);
  project.provide('testServerPath', findTestServer());

  return async () => {
    await server.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  };
}
