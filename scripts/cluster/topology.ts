import { SearchAttributeType } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from '../../domain/search-attributes';
import { TEMPORAL_SERVER_VERSION } from '../../platform/temporal-server';

/**
 * The production topology, described once: `npm run cluster` runs it natively (scripts/cluster/run.ts)
 * and test/unit/compose.test.ts checks docker-compose.yml against it, so the two cannot drift.
 *
 * One PostgreSQL server holds the app database and Temporal's `temporal` and `temporal_visibility`.
 * Start order: postgres → temporal-schema (one-shot) → temporal → temporal-namespace (one-shot);
 * migrate (one-shot, after postgres); then the workers and the API processes.
 */
export const CLUSTER = {
  temporalVersion: TEMPORAL_SERVER_VERSION,
  /** More than one: the history service spreads workflows over shards, as a real cluster does. */
  numHistoryShards: 4,
  sqlPlugin: 'postgres12',
  databases: { default: 'temporal', visibility: 'temporal_visibility' },
  namespace: 'default',
  /** How long closed workflows' histories are kept. */
  namespaceRetention: '72h',
  frontendPort: 7233,
  apiPort: 3000,
  workers: 2,
  apis: 2,
} as const;

export type StepName = 'postgres' | 'temporal-schema' | 'temporal' | 'temporal-namespace' | 'migrate' | 'worker' | 'api';

export interface Step {
  name: StepName;
  /** A job runs once to completion; a service keeps running. */
  kind: 'job' | 'service';
  /** What must have completed (jobs) or be healthy (services) first. */
  after: StepName[];
  /** The app's own processes: the command run in the app image, and how many. */
  command?: string[];
  replicas?: number;
}

export const STEPS: readonly Step[] = [
  { name: 'postgres', kind: 'service', after: [] },
  { name: 'temporal-schema', kind: 'job', after: ['postgres'] },
  { name: 'temporal', kind: 'service', after: ['temporal-schema'] },
  { name: 'temporal-namespace', kind: 'job', after: ['temporal'] },
  { name: 'migrate', kind: 'job', after: ['postgres'], command: ['node', '--import', 'tsx', 'scripts/migrate.ts'] },
  { name: 'worker', kind: 'service', after: ['postgres', 'migrate', 'temporal-namespace'], command: ['node', '--import', 'tsx', 'worker.ts'], replicas: CLUSTER.workers },
  { name: 'api', kind: 'service', after: ['postgres', 'migrate', 'temporal-namespace'], command: ['node', '--import', 'tsx', 'api/server.ts'], replicas: CLUSTER.apis },
];

export interface PostgresEndpoint {
  host: string;
  port: number;
  user: string;
  password: string;
}

/**
 * The variables the `temporalio/server` image's config template reads (its docker.yaml). The native
 * script reads the same names to find PostgreSQL and writes them into the YAML config it renders.
 */
export function temporalServerEnv(pg: PostgresEndpoint): Record<string, string> {
  return {
    DB: CLUSTER.sqlPlugin,
    DB_PORT: String(pg.port),
    POSTGRES_SEEDS: pg.host,
    POSTGRES_USER: pg.user,
    POSTGRES_PWD: pg.password,
    DBNAME: CLUSTER.databases.default,
    VISIBILITY_DBNAME: CLUSTER.databases.visibility,
    NUM_HISTORY_SHARDS: String(CLUSTER.numHistoryShards),
  };
}

/** The variables `temporal-sql-tool` reads for its connection (admin-tools image and native alike). */
export function sqlToolEnv(pg: PostgresEndpoint): Record<string, string> {
  return { SQL_PLUGIN: CLUSTER.sqlPlugin, SQL_HOST: pg.host, SQL_PORT: String(pg.port), SQL_USER: pg.user, SQL_PASSWORD: pg.password };
}

/**
 * The schema tool's steps per database, after `create-database` for a database that does not exist
 * yet: `setup-schema -v 0.0` creates the version table (a no-op when there), `update-schema` applies
 * every versioned step not applied yet, so a re-run after an upgrade of the server upgrades the schema.
 */
export function schemaSteps(schemaDir: string, databases: { default: string; visibility: string } = CLUSTER.databases): Array<{ database: string; steps: string[][] }> {
  return [
    { database: databases.default, dir: `${schemaDir}/temporal/versioned` },
    { database: databases.visibility, dir: `${schemaDir}/visibility/versioned` },
  ].map(({ database, dir }) => ({
    database,
    steps: [
      ['--db', database, 'setup-schema', '-v', '0.0'],
      ['--db', database, 'update-schema', '-d', dir],
    ],
  }));
}

/** Where the admin-tools image keeps the schema (`/etc/temporal/schema`). */
export const ADMIN_TOOLS_SCHEMA_DIR = '/etc/temporal/schema/postgresql/v12';

/** Botrygg's search attributes as the `temporal` CLI names their types. */
export function searchAttributeSpecs(): Array<{ name: string; type: string }> {
  const cliType: Record<string, string> = {
    [SearchAttributeType.KEYWORD]: 'Keyword',
    [SearchAttributeType.INT]: 'Int',
    [SearchAttributeType.DATETIME]: 'Datetime',
  };
  return SEARCH_ATTRIBUTES.map((k) => ({ name: k.name, type: cliType[k.type]! }));
}

/** The app processes' environment: what production sets, nothing more. */
export function appEnv(opts: { databaseUrl: string; temporalAddress: string; logLevel?: string }): Record<string, string> {
  return {
    DATABASE_URL: opts.databaseUrl,
    TEMPORAL_ADDRESS: opts.temporalAddress,
    TEMPORAL_NAMESPACE: CLUSTER.namespace,
    LOG_LEVEL: opts.logLevel ?? 'info',
  };
}
