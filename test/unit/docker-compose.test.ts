import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const composeFile = resolve(repoRoot, 'docker-compose.yml');

const SERVICES = [
  'postgres',
  'temporal',
  'temporal-search-attributes',
  'temporal-ui',
  'migrate',
  'api',
  'worker',
] as const;

const SEARCH_ATTRIBUTES = [
  'BotryggPhase',
  'BotryggFollowUpWorker',
  'BotryggEscalationLevel',
  'BotryggMunicipality',
  'BotryggNextDeadline',
  'BotryggCaseKind',
] as const;

function detectCompose(): boolean {
  try {
    execFileSync('docker', ['compose', 'version'], { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

const composeAvailable = detectCompose();

interface ComposeService {
  container_name?: string;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }>;
  environment?: Record<string, string | null>;
  deploy?: { replicas?: number };
  stop_grace_period?: string;
}

/** Splits the `services:` section into top-level service blocks (text only, no YAML lib). */
function serviceBlocks(text: string): Map<string, string> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^services:\s*$/.test(l));
  const blocks = new Map<string, string>();
  if (start < 0) return blocks;
  let current: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (current) blocks.set(current, body.join('\n'));
  };
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // next top-level key ends the services section
    const m = /^ {2}([a-z-]+):$/.exec(line);
    if (m) {
      flush();
      current = m[1];
      body = [];
    } else if (current) {
      body.push(line);
    }
  }
  flush();
  return blocks;
}

describe('docker-compose.yml', () => {
  const text = readFileSync(composeFile, 'utf8');

  it('declares every service and search attribute (text check, always runs)', () => {
    expect(text).not.toMatch(/^version:/m);
    const blocks = serviceBlocks(text);
    expect([...blocks.keys()].sort()).toEqual([...SERVICES].sort());

    for (const sa of SEARCH_ATTRIBUTES) {
      expect(blocks.get('temporal-search-attributes')).toContain(sa);
    }

    const worker = blocks.get('worker') ?? '';
    expect(worker).not.toMatch(/^\s+container_name:/m);
    expect(worker).toMatch(/^\s+replicas: 2$/m);
    expect(worker).toMatch(/^\s+stop_grace_period: 60s$/m);
    expect(worker).toMatch(/^\s+healthcheck:$/m);
    expect(blocks.get('api')).toMatch(/^\s+healthcheck:$/m);
    expect(blocks.get('api')).toContain('${BOTRYGG_API_TOKENS:?');
  });

  it.skipIf(!composeAvailable)('resolves with `docker compose config`', () => {
    const out = execFileSync('docker', ['compose', '-f', composeFile, 'config', '--format', 'json'], {
      cwd: repoRoot,
      env: { ...process.env, BOTRYGG_API_TOKENS: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const config = JSON.parse(out) as { services: Record<string, ComposeService> };
    const services = config.services;

    for (const name of SERVICES) expect(services[name], name).toBeDefined();

    const api = services.api!;
    const worker = services.worker!;

    expect(api.healthcheck?.test).toBeDefined();
    expect(worker.healthcheck?.test).toBeDefined();
    expect(api.environment?.API_TOKENS).toBe('test');

    for (const svc of [api, worker]) {
      expect(svc.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(svc.depends_on?.migrate?.condition).toBe('service_completed_successfully');
      expect(svc.depends_on?.['temporal-search-attributes']?.condition).toBe(
        'service_completed_successfully',
      );
      expect(svc.environment?.DATABASE_URL).toBe('postgres://botrygg:botrygg@postgres:5432/botrygg');
      expect(svc.environment?.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(svc.environment?.TEMPORAL_NAMESPACE).toBe('default');
    }

    expect(worker.container_name).toBeUndefined();
    expect(worker.deploy?.replicas).toBe(2);
    expect(services.temporal?.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(services['temporal-search-attributes']?.depends_on?.temporal?.condition).toBe(
      'service_healthy',
    );
  });
});
