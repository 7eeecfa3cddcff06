import * as oidc from 'openid-client';
import type { StaticToken } from '../../config/api-tokens';
import type { Database } from '../../db/client';
import type { Actor } from '../../domain/roles';
import type { Logger } from '../../platform/logger';
import { accessTokenVerifier } from './access-tokens';
import type { SessionSettings } from './sessions';

/** Where staff log in and which machine clients may file forms: Entra ID, ID-porten or the embedded provider. */
export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `{PUBLIC_URL}/auth/callback`, registered at the provider. */
  redirectUri: string;
  /** `{PUBLIC_URL}/auth/logged-out`, registered at the provider. */
  postLogoutRedirectUri: string;
  scopes: string;
  groupsClaim: string;
  /** `groups`: roles from the group claim (Entra ID); `subject`: from the per-person mapping (ID-porten sends no groups). */
  roleSource: 'groups' | 'subject';
  /** The claim that names the person in the per-person mapping. */
  subjectClaim: 'sub' | 'pid';
  /** Issuer of access tokens when it differs from the login issuer (Entra v1 tokens); default `issuer`. */
  tokenIssuer?: string;
  audience: string;
  intakeScope: string;
  machineClients: ReadonlyMap<string, string>;
  jwksCooldownMs?: number;
}

export interface AuthOptions {
  db: Database;
  logger: Logger;
  /** Development and tests only; empty in production (config/env.ts). */
  apiTokens: StaticToken[];
  session: SessionSettings;
}

export interface ProviderClient {
  settings: ProviderSettings;
  config: oidc.Configuration;
  verifyAccessToken(token: string): Promise<Actor>;
}

export const DEFAULT_SESSION: SessionSettings = { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000, secureCookies: false };

/**
 * Authentication state shared by the /auth routes and the /api middleware. The provider is set
 * after start (the embedded one needs the API's port first) and discovered lazily: the API serves
 * static-token and session requests even while the provider is briefly unreachable, and the next
 * login retries discovery.
 */
export class Auth {
  private settings?: ProviderSettings;
  private client?: Promise<ProviderClient>;

  constructor(readonly options: AuthOptions) {}

  get db(): Database {
    return this.options.db;
  }

  useProvider(settings: ProviderSettings): void {
    this.settings = settings;
    this.client = undefined;
  }

  get hasProvider(): boolean {
    return !!this.settings;
  }

  provider(): Promise<ProviderClient> {
    const settings = this.settings;
    if (!settings) return Promise.reject(new Error('no OpenID provider configured'));
    this.client ??= discover(settings).catch((err: unknown) => {
      this.client = undefined;
      throw err;
    });
    return this.client;
  }
}

async function discover(settings: ProviderSettings): Promise<ProviderClient> {
  const issuer = new URL(settings.issuer);
  // Plain HTTP only reaches the embedded provider: config/env.ts requires https:// in production.
  const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
  const config = await oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, { execute, timeout: 10 });
  const jwksUri = config.serverMetadata().jwks_uri;
  if (!jwksUri) throw new Error('the provider publishes no jwks_uri');
  const verifyAccessToken = accessTokenVerifier({
    issuer: settings.tokenIssuer ?? config.serverMetadata().issuer,
    jwksUri,
    audience: settings.audience,
    intakeScope: settings.intakeScope,
    clients: settings.machineClients,
    jwksCooldownMs: settings.jwksCooldownMs,
  });
  return { settings, config, verifyAccessToken };
}
