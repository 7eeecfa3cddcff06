import type { Config } from '../../config/env';
import { DEVELOPMENT_GROUP_ROLES, DEVELOPMENT_MACHINE_CLIENTS, DEVELOPMENT_USERS, type DevUser } from '../../config/dev-identities';
import type { Database } from '../../db/client';
import type { Logger } from '../../platform/logger';
import { startDevOidcProvider, type DevOidcProvider } from '../../platform/dev-oidc-provider';
import { seedGroupRoles, seedSubjectRoles } from './group-roles';
import { Auth, type ProviderSettings } from './service';

type IdentityConfig = Pick<
  Config,
  | 'NODE_ENV'
  | 'HOST'
  | 'apiTokens'
  | 'machineClients'
  | 'OIDC_ISSUER'
  | 'OIDC_CLIENT_ID'
  | 'OIDC_CLIENT_SECRET'
  | 'OIDC_SCOPES'
  | 'OIDC_GROUPS_CLAIM'
  | 'OIDC_PROVIDER'
  | 'OIDC_SUBJECT_CLAIM'
  | 'OIDC_TOKEN_ISSUER'
  | 'OIDC_API_AUDIENCE'
  | 'OIDC_INTAKE_SCOPE'
  | 'OIDC_DEV_PORT'
  | 'SESSION_IDLE_MINUTES'
  | 'SESSION_ABSOLUTE_HOURS'
>;

export function authFromConfig(config: IdentityConfig, db: Database, logger: Logger): Auth {
  return new Auth({
    db,
    logger,
    apiTokens: config.apiTokens,
    session: {
      idleMs: config.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
      secureCookies: config.NODE_ENV === 'production',
    },
  });
}

/**
 * Points `auth` at its provider once the API's public URL is known: the real one when OIDC_ISSUER
 * is set, otherwise the embedded provider started here (development and tests), with the test
 * users' group mapping seeded. Returns what must be stopped at shutdown.
 */
export async function startIdentity(
  auth: Auth,
  config: IdentityConfig,
  publicUrl: string,
  opts: { users?: DevUser[]; jwksCooldownMs?: number } = {},
): Promise<{ dev?: DevOidcProvider; stop(): Promise<void> }> {
  const base = new URL(publicUrl);
  const redirectUri = new URL('/auth/callback', base).href;
  const postLogoutRedirectUri = new URL('/auth/logged-out', base).href;
  const common = {
    redirectUri,
    postLogoutRedirectUri,
    scopes: config.OIDC_SCOPES,
    groupsClaim: config.OIDC_GROUPS_CLAIM,
    roleSource: config.OIDC_PROVIDER === 'idporten' ? 'subject' : 'groups',
    subjectClaim: config.OIDC_SUBJECT_CLAIM,
    audience: config.OIDC_API_AUDIENCE,
    intakeScope: config.OIDC_INTAKE_SCOPE,
    jwksCooldownMs: opts.jwksCooldownMs,
  } satisfies Partial<ProviderSettings>;
  if (config.OIDC_ISSUER) {
    auth.useProvider({
      ...common,
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID!,
      clientSecret: config.OIDC_CLIENT_SECRET!,
      tokenIssuer: config.OIDC_TOKEN_ISSUER,
      machineClients: config.machineClients,
    });
    return { stop: async () => {} };
  }
  if (config.NODE_ENV === 'production') throw new Error('The embedded OpenID provider never runs in production');
  const dev = await startDevOidcProvider({
    host: config.HOST,
    port: config.OIDC_DEV_PORT,
    users: opts.users ?? DEVELOPMENT_USERS,
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [postLogoutRedirectUri],
    machineClientIds: DEVELOPMENT_MACHINE_CLIENTS.map((c) => c.clientId),
    audience: config.OIDC_API_AUDIENCE,
    intakeScope: config.OIDC_INTAKE_SCOPE,
    flavour: config.OIDC_PROVIDER,
  });
  if (config.OIDC_PROVIDER === 'idporten') await seedSubjectRoles(auth.db, developmentSubjectRoles(config.OIDC_SUBJECT_CLAIM));
  else await seedGroupRoles(auth.db, DEVELOPMENT_GROUP_ROLES);
  auth.useProvider({
    ...common,
    issuer: dev.issuer,
    clientId: dev.webClient.clientId,
    clientSecret: dev.webClient.clientSecret,
    machineClients: new Map([...DEVELOPMENT_MACHINE_CLIENTS.map((c) => [c.clientId, c.municipality] as const), ...config.machineClients]),
  });
  return { dev, stop: () => dev.stop() };
}

/** The development users' roles keyed by person instead of group: what an administrator would enter for an ID-porten municipality. */
function developmentSubjectRoles(claim: 'sub' | 'pid') {
  return DEVELOPMENT_USERS.flatMap((u) => {
    const subject = claim === 'pid' ? u.pid : u.sub;
    if (!subject) return [];
    return DEVELOPMENT_GROUP_ROLES.filter((g) => u.groups.includes(g.groupId)).map((g) => ({ municipality: g.municipality, subject, role: g.role, name: u.name }));
  });
}
