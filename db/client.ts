import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { traceQueries } from '../platform/trace-context';
import * as schema from './schema';
import { preparePgReads } from './statement-cache';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Applies the committed drizzle migrations; safe to run at every start. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * PostgreSQL through `pg` when a URL is given; otherwise embedded PGlite under the data directory,
 * so `npm start` on a fresh machine needs no database server.
 */
/** Tables whose plans depend on their size: the lists, the case page, rent, and their lookups. */
const PLANNED_TABLES = ['tenancies', 'case_tasks', 'case_events', 'case_records', 'rent_accounts', 'rent_ledger'];

/**
 * PGlite runs no autovacuum (there are no background workers), so nothing ever gathers planner
 * statistics: a table that grew from empty still looks empty, and the planner sorted the whole
 * municipality for every page of the case list (27 ms at 2,000 cases, 0.2 ms with statistics) instead
 * of walking the index in order. This does autoanalyze's job: soon after start, then at doubling
 * intervals up to `maxMs`, while the database grows fastest at first. Each run holds PGlite's one
 * thread for a moment (~0.3 s at 2,000 cases on this machine), hence the long steady interval.
 */
export function startStatisticsRefresh(run: () => Promise<unknown>, firstMs = 30_000, maxMs = 10 * 60_000): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = run()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          if (!stopped) schedule(Math.min(ms * 2, maxMs));
        });
    }, ms);
    timer.unref();
  };
  schedule(firstMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export async function openDatabase(opts: { url?: string; dataDir: string; poolSize?: number; statisticsFirstMs?: number }): Promise<DatabaseHandle> {
  if (opts.url) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = preparePgReads(new Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 }));
    // Each statement inside a traced request or activity becomes a span (a no-op without tracing).
    pool.on('connect', (client) => traceQueries(client as unknown as { query: (...args: unknown[]) => unknown }));
    // A connection the server ends while it sits idle in the pool (a PostgreSQL restart, a failover,
    // pg_terminate_backend) is an 'error' event on the pool, and an unhandled one ends the process.
    // The pool has already dropped that connection and opens a new one for the next query.
    pool.on('error', () => {});
    const db = drizzle(pool, { schema });
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      migrate: () => migrate(db, { migrationsFolder }),
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = path.join(opts.dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  await client.waitReady;
  const db = drizzle(client, { schema });
  const analyze = () => client.exec(`analyze ${PLANNED_TABLES.join(', ')}`);
  const statistics = startStatisticsRefresh(analyze, opts.statisticsFirstMs);
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    // Statistics at once for a database that already holds cases (every start migrates).
    migrate: async () => {
      await migrate(db, { migrationsFolder });
      await analyze();
    },
    ping: async () => void (await db.execute(sql`select 1`)),
    close: async () => {
      await statistics.stop();
      await client.close();
    },
  };
}
