import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { inject } from 'vitest';
import { createApp } from '../../api/app';
import { Auth } from '../../api/auth/service';
import { startIdentity } from '../../api/auth/setup';
import { DEVELOPMENT_USERS, type DevUser } from '../../config/dev-identities';
import { loadConfig } from '../../config/env';
import type { DatabaseHandle } from '../../db/client';
import { createLogger } from '../../platform/logger';
import type { DevOidcProvider } from '../../platform/dev-oidc-provider';
import { openTestDatabase } from './database';

/**
 * The API with real login: the embedded OpenID provider on its own port, the app on another, the
 * run's PostgreSQL. `users` is a copy of the development directory that a test may change
 * (a user's groups) to see the change at the next login.
 */
export interface IdentityHarness {
  baseUrl: string;
  database: DatabaseHandle;
  auth: Auth;
  dev: DevOidcProvider;
  users: DevUser[];
  user(username: string): DevUser;
  close(): Promise<void>;
}

export async function startIdentityHarness(
  opts: {
    idleMs?: number;
    absoluteMs?: number;
    secureCookies?: boolean;
    /** Serve the built staff app at `/` (browser tests). */ webDir?: string;
    /** Accept the development tokens (default); false is a server with real login only. */ devTokens?: boolean;
    /** Extra environment, e.g. an ID-porten provider. */ env?: Record<string, string>;
  } = {},
): Promise<IdentityHarness> {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { process: 'identity-test' });
  const loaded = loadConfig({ NODE_ENV: 'test', OIDC_DEV_PORT: '0', ...opts.env });
  const config = opts.devTokens === false ? { ...loaded, apiTokens: [] } : loaded;
  const database = await openTestDatabase();
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const temporal = new Client({ connection, namespace: 'default' });
  const auth = new Auth({
    db: database.db,
    logger,
    apiTokens: config.apiTokens,
    session: { idleMs: opts.idleMs ?? 30 * 60_000, absoluteMs: opts.absoluteMs ?? 10 * 3_600_000, secureCookies: opts.secureCookies ?? false },
  });
  const app = createApp({ config: { ...config, TEMPORAL_TASK_QUEUE: 'identity-test' }, database, temporal, logger, auth, ...(opts.webDir ? { webDir: opts.webDir } : {}) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const users = structuredClone(DEVELOPMENT_USERS);
  // No JWKS cooldown: a rotated key is fetched at its first use.
  const identity = await startIdentity(auth, config, baseUrl, { users, jwksCooldownMs: 0 });
  return {
    baseUrl,
    database,
    auth,
    dev: identity.dev!,
    users,
    user: (username) => users.find((u) => u.username === username) ?? raise(`no test user ${username}`),
    async close() {
      await identity.stop();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await connection.close();
      await database.close();
    },
  };
}

function raise(message: string): never {
  throw new Error(message);
}
