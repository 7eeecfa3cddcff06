import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors as oidcErrors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { DevUser } from '../config/dev-identities';

/**
 * The embedded OpenID provider for development and tests: the certified `oidc-provider` library
 * in this process, on its own port, with a small Norwegian login page where you pick a test user.
 * Never started in production (config/env.ts requires OIDC_ISSUER there). Botrygg talks to it over
 * HTTP exactly as it talks to Entra ID: discovery, authorization code + PKCE, RP-initiated logout,
 * client-credentials JWT access tokens checked against its JWKS.
 */
export interface DevOidcProvider {
  issuer: string;
  webClient: { clientId: string; clientSecret: string };
  machineClients: Array<{ clientId: string; clientSecret: string }>;
  /** The private signing keys, newest first: tests sign tokens of their own with them. */
  signingKeys(): JWK[];
  /** A new signing key becomes current; the old one stays published so issued tokens still verify. */
  rotateKeys(): Promise<void>;
  stop(): Promise<void>;
}

export interface DevOidcProviderOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Read at every login: tests change a user's groups to see the change at the next login. */
  users: DevUser[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Form services: client IDs that may use the client-credentials grant. */
  machineClientIds: string[];
  audience: string;
  intakeScope: string;
  /** `idporten`: like ID-porten, the ID token carries `sub` and `pid` but no groups and no name. Default `entra`. */
  flavour?: 'entra' | 'idporten';
}

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `dev-${randomBytes(6).toString('hex')}`, alg: 'RS256', use: 'sig' };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.3rem 0}</style>
</head><body>${body}</body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startDevOidcProvider(opts: DevOidcProviderOptions): Promise<DevOidcProvider> {
  const webClient = { clientId: 'botrygg-web', clientSecret: randomBytes(24).toString('base64url') };
  const machineClients = opts.machineClientIds.map((clientId) => ({ clientId, clientSecret: randomBytes(24).toString('base64url') }));
  const cookieKeys = [randomBytes(32).toString('base64url')];
  let keys: JWK[] = [await newSigningKey()];

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const issuer = `http://${opts.host}:${(server.address() as AddressInfo).port}`;

  const idporten = opts.flavour === 'idporten';
  const build = (): Provider => {
    const configuration: Configuration = {
      clients: [
        {
          client_id: webClient.clientId,
          client_secret: webClient.clientSecret,
          redirect_uris: opts.redirectUris,
          post_logout_redirect_uris: opts.postLogoutRedirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
        ...machineClients.map((c) => ({
          client_id: c.clientId,
          client_secret: c.clientSecret,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
          scope: opts.intakeScope,
        })),
      ],
      jwks: { keys },
      cookies: { keys: cookieKeys },
      pkce: { required: () => true },
      ttl: { AccessToken: 600, ClientCredentials: 600, IdToken: 600, Interaction: 600, Grant: 8 * 3600, Session: 8 * 3600 },
      // Entra ID puts the groups claim in the ID token; so does this provider. ID-porten sends the
      // person's identity number (pid) and no groups or name.
      conformIdTokenClaims: false,
      claims: idporten ? { openid: ['sub'], profile: ['pid'] } : { openid: ['sub'], profile: ['name', 'groups'] },
      scopes: ['openid', 'profile', opts.intakeScope],
      findAccount: async (_ctx, sub) => {
        const user = opts.users.find((u) => u.sub === sub);
        if (!user) return undefined;
        return { accountId: sub, claims: async () => (idporten ? { sub, ...(user.pid ? { pid: user.pid } : {}) } : { sub, name: user.name, groups: [...user.groups] }) };
      },
      // First-party client: no consent screen. The grant covers exactly what was asked for.
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const { client, session, params } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope(String(params?.scope ?? 'openid'));
        await grant.save();
        return grant;
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          // The user already chose to log out in Botrygg: confirm at once.
          logoutSource: async (ctx, form) => {
            ctx.body = page(
              'Logger ut',
              `<p>Logger ut …</p>${form}<noscript><button form="op.logoutForm" name="logout" value="yes">Logg ut</button></noscript>
<script>var f=document.forms[0];var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit()</script>`,
            );
          },
          postLogoutSuccessSource: async (ctx) => {
            ctx.body = page('Logget ut', '<p>Du er logget ut.</p>');
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: async (_ctx, client, oneOf) => oneOf ?? (client?.grantTypes?.includes('client_credentials') ? opts.audience : undefined),
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx, resource) => {
            if (resource !== opts.audience) throw new oidcErrors.InvalidTarget();
            return { scope: opts.intakeScope, audience: opts.audience, accessTokenTTL: 600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
          },
        },
      },
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        ctx.body = page('Innloggingen feilet', `<h1>Innloggingen feilet</h1><p>${escapeHtml(String(out.error ?? ''))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`);
      },
    };
    return new Provider(issuer, configuration);
  };

  let provider = build();
  let callback = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const user = opts.users.find((u) => u.username === form.get('username'));
      if (!user) {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(page('Ukjent bruker', '<p>Ukjent testbruker.</p>'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    const options = opts.users
      .map((u, i) => `<label><input type="radio" name="username" value="${escapeHtml(u.username)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(u.name)} (${escapeHtml(u.username)})</label>`)
      .join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(
      page(
        'Logg inn (utvikling)',
        `<h1>Logg inn i Botrygg</h1><p>Innebygd testinnlogging: velg en testbruker. Brukes bare i utvikling og tester.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">${options}<p><button type="submit">Logg inn</button></p></form>`,
      ),
    );
  };

  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return void callback(req, res);
    interaction(req, res, match[1]!, match[2]).catch(() => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Innloggingen feilet', '<p>Innloggingen er utløpt eller ugyldig. Start på nytt fra Botrygg.</p>'));
    });
  });

  return {
    issuer,
    webClient,
    machineClients,
    signingKeys: () => keys,
    async rotateKeys() {
      keys = [await newSigningKey(), ...keys].slice(0, 2);
      // The memory adapter's store is shared by every instance, so sessions and grants carry over.
      provider = build();
      callback = provider.callback();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
