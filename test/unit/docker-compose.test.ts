import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ADMIN_TOOLS_SCHEMA_DIR,
  appEnv,
  CLUSTER,
  schemaSteps,
  searchAttributeSpecs,
  sqlToolEnv,
  STEPS,
  temporalServerEnv,
} from '../../scripts/cluster/topology';

/**
 * docker-compose.yml against scripts/cluster/topology.ts, the description `npm run cluster` runs:
 * the same services, start order, images (of the server version the native script builds), commands,
 * variables and ports. A change to one without the other fails here.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const composeFile = resolve(repoRoot, 'docker-compose.yml');

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  command?: string[] | string;
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }>;
  environment?: Record<string, string | number | null>;
  ports?: string[];
  deploy?: { replicas?: number };
  container_name?: string;
  stop_grace_period?: string;
}

const text = readFileSync(composeFile, 'utf8');
const compose = parse(text, { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const COMPOSE_PG = { host: 'postgres', port: 5432, user: 'botrygg', password: 'botrygg' };
const script = (s: ComposeService) => (Array.isArray(s.command) ? s.command.join('\n') : (s.command ?? ''));
const asStrings = (env: ComposeService['environment']) => Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, String(v)]));

describe('docker-compose.yml follows the topology npm run cluster runs', () => {
  it('has a service for every step, and only the UI besides', () => {
    expect(Object.keys(services).sort()).toEqual([...STEPS.map((s) => s.name), 'temporal-ui'].sort());
    expect(text).not.toMatch(/auto-setup/);
    expect(text).not.toMatch(/^version:/m);
  });

  it('starts in the same order: each step waits for exactly what it follows, jobs to completion', () => {
    for (const step of STEPS) {
      const deps = services[step.name]!.depends_on ?? {};
      expect(Object.keys(deps).sort(), step.name).toEqual([...step.after].sort());
      for (const name of step.after) {
        const dep = STEPS.find((s) => s.name === name)!;
        const expected = dep.kind === 'job' ? 'service_completed_successfully' : services[name]!.healthcheck ? 'service_healthy' : 'service_started';
        expect(deps[name]!.condition, `${step.name} → ${name}`).toBe(expected);
      }
      expect(services[step.name]!.restart, step.name).toBe(step.kind === 'job' ? 'no' : 'unless-stopped');
    }
  });

  it('runs the app processes with the same commands and replicas', () => {
    for (const step of STEPS.filter((s) => s.command)) {
      const service = services[step.name]!;
      expect(service.command, step.name).toEqual(step.command);
      expect(service.build, step.name).toBeDefined();
      expect(service.deploy?.replicas ?? 1, step.name).toBe(step.replicas ?? 1);
      expect(service.container_name, step.name).toBeUndefined();
    }
  });

  it('runs the server version the native script builds, configured by the same variables', () => {
    expect(services.temporal!.image).toBe(`temporalio/server:${CLUSTER.temporalVersion}`);
    expect(services['temporal-schema']!.image).toBe(`temporalio/admin-tools:${CLUSTER.temporalVersion}`);
    expect(services['temporal-namespace']!.image).toBe(`temporalio/admin-tools:${CLUSTER.temporalVersion}`);
    expect(asStrings(services.temporal!.environment)).toEqual(temporalServerEnv(COMPOSE_PG));
    expect(Number(temporalServerEnv(COMPOSE_PG).NUM_HISTORY_SHARDS)).toBeGreaterThan(1);
    expect(services.temporal!.ports).toEqual([`127.0.0.1:${CLUSTER.frontendPort}:${CLUSTER.frontendPort}`]);
  });

  it('sets up the schema with the same tool steps, re-runnable', () => {
    const schema = services['temporal-schema']!;
    expect(asStrings(schema.environment)).toEqual(sqlToolEnv(COMPOSE_PG));
    const lines = script(schema).split('\n').map((l) => l.trim()).filter((l) => l.startsWith('temporal-sql-tool'));
    const expected = schemaSteps(ADMIN_TOOLS_SCHEMA_DIR).flatMap(({ database, steps }) => [
      `temporal-sql-tool --db ${database} create-database 2>/dev/null || echo "database ${database} exists"`,
      ...steps.map((args) => `temporal-sql-tool ${args.join(' ')}`),
    ]);
    expect(lines).toEqual(expected);
  });

  it('registers the namespace with its retention and every search attribute with its type', () => {
    const job = script(services['temporal-namespace']!);
    expect(job).toContain(`NS=${CLUSTER.namespace}`);
    expect(job).toContain(`namespace create --retention ${CLUSTER.namespaceRetention}`);
    const specs = [...job.matchAll(/^\s+(Botrygg\w+):(\w+)/gm)].map((m) => ({ name: m[1], type: m[2] }));
    expect(specs).toEqual(searchAttributeSpecs());
    expect(services['temporal-namespace']!.environment).toEqual({ TEMPORAL_ADDRESS: `temporal:${CLUSTER.frontendPort}` });
  });

  it('gives the workers and APIs the production variables, and each API replica a host port', () => {
    const expected = appEnv({ databaseUrl: 'postgres://botrygg:botrygg@postgres:5432/botrygg', temporalAddress: `temporal:${CLUSTER.frontendPort}` });
    for (const name of ['worker', 'api'] as const) {
      const env = asStrings(services[name]!.environment);
      for (const [key, value] of Object.entries(expected)) expect(env[key], `${name} ${key}`).toBe(value);
    }
    expect(asStrings(services.migrate!.environment).DATABASE_URL).toBe(expected.DATABASE_URL);
    const api = services.api!;
    expect(String(api.environment!.PORT)).toBe(String(CLUSTER.apiPort));
    expect(api.ports).toEqual([`${CLUSTER.apiPort}-${CLUSTER.apiPort + CLUSTER.apis - 1}:${CLUSTER.apiPort}`]);
    expect(api.environment!.API_TOKENS).toBe('${BOTRYGG_API_TOKENS:?set BOTRYGG_API_TOKENS}');
    expect(api.healthcheck?.test).toBeDefined();
    expect(services.worker!.stop_grace_period).toBe('60s');
  });
});

function detectCompose(): boolean {
  try {
    execFileSync('docker', ['compose', 'version'], { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

describe('docker-compose.yml with a container engine', () => {
  it.skipIf(!detectCompose())('resolves with `docker compose config`', () => {
    const out = execFileSync('docker', ['compose', '-f', composeFile, 'config', '--format', 'json'], {
      cwd: repoRoot,
      env: { ...process.env, BOTRYGG_API_TOKENS: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const config = JSON.parse(out) as { services: Record<string, ComposeService> };
    expect(Object.keys(config.services).sort()).toEqual(Object.keys(services).sort());
    expect(config.services.api!.environment?.API_TOKENS).toBe('test');
  });
});
