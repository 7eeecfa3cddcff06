import path from 'node:path';
import { z } from 'zod';
import { parseApiTokens, type StaticToken } from './api-tokens';

/**
 * The only place that reads process.env. Everything else receives a Config, so a bad variable
 * fails at start with a message that names it, not later in the middle of a request.
 */
const httpUrl = z.url({ protocol: /^https?$/, error: 'må være en http(s)://-adresse' });

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'må være en postgres://-adresse')
    .optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'må være vert:port, for eksempel localhost:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('botrygg-tenancy'),
  TEMPORAL_CLI: z.string().min(1).optional(),
  TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  /** Where staff open Temporal's UI (the ops page links cases and list filters there); `npm start` sets its dev server's. */
  TEMPORAL_UI_URL: httpUrl.optional(),
  API_TOKENS: z.string().optional(),
  SUBMISSION_RELAY_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** Unset: chosen from the measured cost of a cached workflow (worker.ts). */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).max(100_000).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Botrygg <noreply@botrygg.local>'),
  // Login. Unset OIDC_ISSUER: `npm start` runs the embedded provider (development only).
  PUBLIC_URL: httpUrl.optional(),
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, 'må inneholde openid').default('openid profile'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /**
   * `idporten`: the provider sends no group claims, so roles come from the per-person mapping an
   * administrator keeps in Botrygg (/api/municipalities/{m}/subject-roles). The embedded provider
   * then behaves like ID-porten too (sub and pid, no groups, no name).
   */
  OIDC_PROVIDER: z.enum(['entra', 'idporten'], 'må være entra eller idporten').default('entra'),
  /** Which claim names the person in that mapping: `sub` (pairwise per client at ID-porten) or `pid` (the national identity number). */
  OIDC_SUBJECT_CLAIM: z.enum(['sub', 'pid'], 'må være sub eller pid').default('sub'),
  /** Issuer of machine clients' access tokens when it differs from the login issuer (Entra v1 tokens). */
  OIDC_TOKEN_ISSUER: httpUrl.optional(),
  OIDC_API_AUDIENCE: z.string().min(1).default('api://botrygg'),
  OIDC_INTAKE_SCOPE: z.string().regex(/^\S+$/, 'må være ett scope uten mellomrom').default('botrygg.intake'),
  OIDC_MACHINE_CLIENTS: z.string().optional(),
  OIDC_DEV_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /**
   * Prometheus text on http://METRICS_HOST:METRICS_PORT/metrics; unset: no metrics. A port of its own,
   * so it is never exposed with the API. In a worker the Temporal SDK's exporter listens on
   * 127.0.0.1:TEMPORAL_SDK_METRICS_PORT (default METRICS_PORT + 1) and is served through the same /metrics.
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  TEMPORAL_SDK_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** OTLP/HTTP collector (traces at {endpoint}/v1/traces); unset: no tracing at all. */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('botrygg'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(10),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'API_TOKENS' | 'DATA_DIR' | 'OIDC_MACHINE_CLIENTS'> {
  dataDir: string;
  /** Static bearer tokens: development and tests only, always empty in production. */
  apiTokens: StaticToken[];
  /** Machine clients (client-credentials) by client ID → the municipality they file for. */
  machineClients: Map<string, string>;
}

/** Tokens for local development and tests only; loadConfig refuses every static token in production. */
export const DEVELOPMENT_TOKENS =
  'dev-boligkonsulent:kari.nordmann:housing_officer:tynset,' +
  'dev-oppfolger:ola.hansen:follow_up_worker:tynset,' +
  'dev-skjema:skjema:intake:tynset,' +
  'dev-admin:admin:admin:*,' +
  // The committee's secretary and the housing office (ops overview), so the staff app's picker can be them too.
  'dev-boligutvalg:jon.sveen:committee_member:tynset,' +
  'dev-boligkontoret:liv.haugen:housing_office:tynset';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Ugyldig konfigurasjon:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO= in a shell or compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(miljø)'}: ${issue.message}`),
    );
  }
  const { API_TOKENS, DATA_DIR, OIDC_MACHINE_CLIENTS, ...rest } = parsed.data;
  const problems: string[] = [];
  const production = rest.NODE_ENV === 'production';
  // Static tokens never leave development: a leaked token would be a key without an owner or an expiry.
  if (production && API_TOKENS) problems.push('API_TOKENS: statiske nøkler er ikke tillatt i produksjon; bruk OIDC_ISSUER');
  if (production && !rest.OIDC_ISSUER) problems.push('OIDC_ISSUER: må settes i produksjon (den innebygde innloggingen er bare for utvikling)');
  if (rest.OIDC_ISSUER && (!rest.OIDC_CLIENT_ID || !rest.OIDC_CLIENT_SECRET)) {
    problems.push('OIDC_CLIENT_ID og OIDC_CLIENT_SECRET: må settes sammen med OIDC_ISSUER');
  }
  // Metrics name routes and counts, not people, but they are for the monitoring network, never beside the API.
  if (rest.METRICS_PORT !== undefined && rest.METRICS_PORT !== 0 && rest.METRICS_PORT === rest.PORT) {
    problems.push('METRICS_PORT: må være en annen port enn PORT (målingene skal ikke ligge sammen med API-et)');
  }
  for (const name of ['OIDC_ISSUER', 'OIDC_TOKEN_ISSUER', 'PUBLIC_URL'] as const) {
    const value = rest[name];
    if (production && value && !value.startsWith('https://')) problems.push(`${name}: må være en https://-adresse i produksjon`);
  }
  let apiTokens: StaticToken[] = [];
  if (!production) {
    try {
      apiTokens = parseApiTokens(API_TOKENS ?? DEVELOPMENT_TOKENS);
    } catch (err) {
      problems.push(`API_TOKENS: ${(err as Error).message}`);
    }
  }
  let machineClients = new Map<string, string>();
  try {
    machineClients = parseMachineClients(OIDC_MACHINE_CLIENTS ?? '');
  } catch (err) {
    problems.push(`OIDC_MACHINE_CLIENTS: ${(err as Error).message}`);
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...rest, dataDir: path.resolve(DATA_DIR), apiTokens, machineClients };
}

/** `clientId:municipality,…`: which form service or import job files for which municipality. */
export function parseMachineClients(spec: string): Map<string, string> {
  const clients = new Map<string, string>();
  for (const [i, entry] of spec.split(',').map((s) => s.trim()).filter(Boolean).entries()) {
    const match = /^([^:\s]+):([a-z][a-z0-9-]*)$/.exec(entry);
    if (!match) throw new Error(`oppføring ${i + 1} må ha formen klient-id:kommune`);
    clients.set(match[1]!, match[2]!);
  }
  return clients;
}
