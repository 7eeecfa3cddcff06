import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import { createApp } from '../api/app';
import { sameSecret } from '../api/auth';
import { authFromConfig, startIdentity } from '../api/auth/setup';
import { createSession } from '../api/auth/sessions';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import { createLogger } from '../platform/logger';
import { listenApi } from '../api/listen';

/**
 * What checking a client-credentials access token costs per request, against the static-token
 * baseline of the same run: GET /api/me with a static token, with a real JWT from the embedded
 * provider (the same token again, as a form service sends it, and a token never seen before, which takes
 * the full jose check: signature, issuer, audience, expiry, scope) and with a session cookie,
 * interleaved so that drift hits all of them alike. Also the validation alone, in-process.
 * `npm run bench:auth`; REQUESTS=… to scale; DATABASE_URL=postgres://… for PostgreSQL.
 */
const REQUESTS = Number(process.env.REQUESTS ?? 2000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'botrygg-bench-auth-'));
const config = loadConfig({ NODE_ENV: 'development', OIDC_DEV_PORT: '0', LOG_LEVEL: 'silent' });
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
await database.migrate();
const logger = createLogger('silent');
const auth = authFromConfig(config, database.db, logger);
const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
const app = createApp({ config: { ...config, TEMPORAL_TASK_QUEUE: 'bench' }, database, temporal, logger, auth });
const server = listenApi(app, 0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const identity = await startIdentity(auth, config, base);
const dev = identity.dev!;

const machine = dev.machineClients[0]!;
const clientConfig = await oidc.discovery(new URL(dev.issuer), machine.clientId, machine.clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
const { access_token: jwt } = await oidc.clientCredentialsGrant(clientConfig, { scope: config.OIDC_INTAKE_SCOPE, resource: config.OIDC_API_AUDIENCE });
const session = await createSession(database.db, auth.options.session, { subject: 'bench-user', roles: ['housing_officer'], municipality: 'tynset', idToken: null });

// Tokens signed with the provider's key, each seen once: every one takes the full jose check.
const signingKey = dev.signingKeys()[0]!;
const privateKey = await importJWK(signingKey, 'RS256');
const fresh: string[] = [];
for (let i = 0; i < REQUESTS * 2 + 200; i++) {
  fresh.push(
    await new SignJWT({ client_id: machine.clientId, scope: config.OIDC_INTAKE_SCOPE })
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid!, typ: 'at+jwt' })
      .setIssuer(dev.issuer)
      .setAudience(config.OIDC_API_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .setJti(`bench-${i}`)
      .sign(privateKey),
  );
}
let nextFresh = 0;

const kinds: Record<string, () => Record<string, string>> = {
  'static token (baseline)': () => ({ authorization: 'Bearer dev-boligkonsulent' }),
  'JWT, same token (cached)': () => ({ authorization: `Bearer ${jwt}` }),
  'JWT, new token each time': () => ({ authorization: `Bearer ${fresh[nextFresh++]}` }),
  'session cookie': () => ({ cookie: `botrygg-session=${session.id}` }),
};
const times = new Map(Object.keys(kinds).map((k) => [k, [] as number[]]));

// Warm-up: JIT, connection pool, the JWKS fetch.
for (let i = 0; i < 50; i++) for (const headers of Object.values(kinds)) await (await fetch(`${base}/api/me`, { headers: headers() })).arrayBuffer();
for (let i = 0; i < REQUESTS; i++) {
  for (const [kind, makeHeaders] of Object.entries(kinds)) {
    const headers = makeHeaders();
    const t0 = performance.now();
    const res = await fetch(`${base}/api/me`, { headers });
    await res.arrayBuffer();
    times.get(kind)!.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${kind}: ${res.status}`);
  }
}

// Validation alone, without HTTP and the database, against the static-token lookup alone.
const verify = (await auth.provider()).verifyAccessToken;
// jose's jwtVerify alone (WebCrypto on the thread pool): how Botrygg checked tokens before, same tokens, same run.
const joseKeys = createLocalJWKSet({ keys: dev.signingKeys().map(({ kty, n, e, kid, alg }) => ({ kty, n, e, kid, alg })) });
const alone: number[] = [];
const joseAlone: number[] = [];
const staticAlone: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const token = fresh[nextFresh++]!;
  let t0 = performance.now();
  await jwtVerify(token, joseKeys, { issuer: dev.issuer, audience: config.OIDC_API_AUDIENCE, algorithms: ['RS256'], clockTolerance: 60 });
  joseAlone.push(performance.now() - t0);
  t0 = performance.now();
  await verify(token);
  alone.push(performance.now() - t0);
  t0 = performance.now();
  if (!auth.options.apiTokens.find((t) => sameSecret(t.token, 'dev-boligkonsulent'))) throw new Error('static token');
  staticAlone.push(performance.now() - t0);
}

await identity.stop();
server.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const baseline = times.get('static token (baseline)')!;
console.log(`\nBotrygg authentication benchmark: GET /api/me, ${REQUESTS} interleaved requests per kind, ${database.kind}`);
console.log('credential'.padEnd(30) + 'p50 ms'.padStart(9) + 'p95 ms'.padStart(9) + 'p99 ms'.padStart(9) + '  p99 − baseline p99');
for (const [kind, xs] of times) {
  console.log(
    kind.padEnd(30) + pct(xs, 0.5).toFixed(3).padStart(9) + pct(xs, 0.95).toFixed(3).padStart(9) + pct(xs, 0.99).toFixed(3).padStart(9) +
      `  ${(pct(xs, 0.99) - pct(baseline, 0.99)).toFixed(3)} ms`,
  );
}
console.log(`\nin-process, no HTTP or database:`);
console.log(`  static-token lookup: p50 ${pct(staticAlone, 0.5).toFixed(3)} ms, p99 ${pct(staticAlone, 0.99).toFixed(3)} ms`);
console.log(`  JWT validation, token not seen before, jose jwtVerify (before): p50 ${pct(joseAlone, 0.5).toFixed(3)} ms, p99 ${pct(joseAlone, 0.99).toFixed(3)} ms`);
console.log(`  JWT validation, token not seen before, Botrygg's verifier: p50 ${pct(alone, 0.5).toFixed(3)} ms, p99 ${pct(alone, 0.99).toFixed(3)} ms`);
console.log(`load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
process.exit(0);
