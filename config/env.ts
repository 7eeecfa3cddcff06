import path from 'node:path';
import { z } from 'zod';
import { parseApiTokens, type StaticToken } from './api-tokens';

/**
 * The only place that reads process.env. Everything else receives a Config, so a bad variable
 * fails at start with a message that names it, not later in the middle of a request.
 */
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
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'API_TOKENS' | 'DATA_DIR'> {
  dataDir: string;
  apiTokens: StaticToken[];
}

/** Tokens for local development only; production must set API_TOKENS. */
export const DEVELOPMENT_TOKENS =
  'dev-boligkonsulent:kari.nordmann:housing_officer:tynset,' +
  'dev-oppfolger:ola.hansen:follow_up_worker:tynset,' +
  'dev-skjema:skjema:intake:tynset,' +
  'dev-admin:admin:admin:*';

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
  const { API_TOKENS, DATA_DIR, ...rest } = parsed.data;
  if (rest.NODE_ENV === 'production' && !API_TOKENS) {
    throw new ConfigError(['API_TOKENS: må settes i produksjon (utviklingsnøklene er slått av)']);
  }
  let apiTokens: StaticToken[];
  try {
    apiTokens = parseApiTokens(API_TOKENS ?? DEVELOPMENT_TOKENS);
  } catch (err) {
    throw new ConfigError([`API_TOKENS: ${(err as Error).message}`]);
  }
  return { ...rest, dataDir: path.resolve(DATA_DIR), apiTokens };
}
