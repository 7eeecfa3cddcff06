import { constants, KeyObject, verify as cryptoVerify, type VerifyKeyObjectInput, type VerifyPublicKeyInput, type webcrypto } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, UnsecuredJWT, type JWSHeaderParameters, type JWTPayload } from 'jose';
import type { Actor } from '../../domain/roles';

export interface AccessTokenSettings {
  /** `iss` the tokens must carry. */
  issuer: string;
  /** The provider's JWKS endpoint (from its discovery document). */
  jwksUri: string;
  /** `aud` the tokens must carry: Botrygg's API (Entra: the app ID URI). */
  audience: string;
  /** The scope (or Entra app role) that lets a client file forms. */
  intakeScope: string;
  /** Allowed clients → the municipality each files for. */
  clients: ReadonlyMap<string, string>;
  /** Minimum wait between JWKS refetches on an unknown `kid` (jose's default 30 s); tests shorten it. */
  jwksCooldownMs?: number;
}

export class TokenRefused extends Error {
  constructor(
    public readonly reason: 'invalid' | 'expired' | 'wrong_issuer' | 'wrong_audience' | 'unknown_key' | 'bad_algorithm' | 'missing_scope' | 'unknown_client' | 'id_token',
  ) {
    super(reason);
  }
}

const CLOCK_TOLERANCE_S = 60;
/**
 * A form service sends the same token until it expires. Checking its signature again on every request
 * costs a WebCrypto round trip through the thread pool (about 0.8 ms at p50 under load, see
 * `npm run bench:auth`), so a verified token is remembered for at most five minutes and never past
 * its expiry. The price: a key the provider withdraws stops working for those tokens after five minutes,
 * not at once.
 */
const CACHE_MS = 5 * 60_000;
const CACHE_ENTRIES = 1_000;

/** Asymmetric algorithms only: `none` and HMAC (a shared secret the provider also knows) are never accepted. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'];

/** RS/PS hash per algorithm; PSS salt is the hash length (RFC 7518 § 3.5). */
const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
/** The WebCrypto algorithm jose imports a JWK under for each `alg`: the key must have been imported for the token's algorithm. */
const KEY_ALGORITHM: Record<string, string> = { RS: 'RSASSA-PKCS1-v1_5', PS: 'RSA-PSS', ES: 'ECDSA' };
/** How often the JWKS is read again in the background (jose's default cache age): a withdrawn key stops working within this. */
const JWKS_REFRESH_MS = 10 * 60_000;

/**
 * Validates machine clients' access tokens (client-credentials grant): signature against the
 * provider's JWKS (refetched when a new `kid` appears, so key rotation needs no restart), issuer,
 * audience, expiry (60 s clock tolerance) and scope. The client becomes an intake actor for its
 * municipality.
 *
 * Why the signature is not checked by jose's `jwtVerify`: jose verifies with WebCrypto, which in Node
 * runs every verification as a job on the libuv thread pool and resumes the request one event-loop
 * turn later. For a token never seen before that hop, not the RSA arithmetic (about 0.03 ms), was the
 * cost `npm run bench:auth` measured: +0.6 ms at p50 and +1.3 to 2.5 ms at p99 over a static token under
 * load. So the work is split:
 * - jose still does everything but the arithmetic: header and payload decoding, the JWKS (fetch,
 *   timeout, cooldown, choosing the key for `kid`/`alg`, importing it once per key), and the claims
 *   check (issuer, audience, expiry, `iat`), by handing the verified payload to `UnsecuredJWT.decode`;
 * - node:crypto checks the signature synchronously with the KeyObject of jose's imported key, created
 *   once per key.
 * jose's remote JWKS would also block the first request after its ten-minute cache age on a fetch;
 * here the set is refreshed in the background instead, and only an unknown `kid` waits for the provider.
 */
export function accessTokenVerifier(settings: AccessTokenSettings): (token: string) => Promise<Actor> {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUri), {
    cooldownDuration: settings.jwksCooldownMs ?? 30_000,
    timeoutDuration: 5_000,
    cacheMaxAge: Number.POSITIVE_INFINITY,
  });
  let refreshedAt = 0;
  const keyObjects = new WeakMap<webcrypto.CryptoKey, KeyObject>();
  const verified = new Map<string, { actor: Actor; until: number }>();

  const keyFor = async (header: JWSHeaderParameters): Promise<{ key: KeyObject; algorithm: string }> => {
    if (refreshedAt === 0 || Date.now() - refreshedAt > JWKS_REFRESH_MS) {
      if (refreshedAt === 0) await jwks.reload();
      // A failed background refresh keeps the keys we have; the next token after the cooldown tries again.
      else void jwks.reload().catch(() => {});
      refreshedAt = Date.now();
    }
    // jose's key lookup reads only the header; the token argument is there for custom resolvers.
    const cryptoKey = (await jwks(header, { payload: '', signature: '' })) as webcrypto.CryptoKey;
    let key = keyObjects.get(cryptoKey);
    if (!key) keyObjects.set(cryptoKey, (key = KeyObject.from(cryptoKey)));
    return { key, algorithm: cryptoKey.algorithm.name };
  };

  const check = async (token: string): Promise<JWTPayload> => {
    let header: JWSHeaderParameters;
    try {
      header = decodeProtectedHeader(token) as JWSHeaderParameters;
    } catch {
      throw new TokenRefused('invalid');
    }
    if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) throw new TokenRefused('bad_algorithm');
    // Extensions jose would refuse as not understood (crit) or that change what is signed (b64).
    if (header.crit !== undefined || header.b64 !== undefined) throw new TokenRefused('invalid');
    const [protectedPart, payloadPart, signaturePart] = token.split('.') as [string, string, string];
    let resolved: { key: KeyObject; algorithm: string };
    try {
      resolved = await keyFor(header);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw new TokenRefused('unknown_key');
      if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) throw new TokenRefused('bad_algorithm');
      // An unreachable JWKS endpoint is not the token's fault; the caller answers 503.
      throw err;
    }
    const family = header.alg.slice(0, 2);
    const bits = header.alg.slice(2);
    if (resolved.algorithm !== KEY_ALGORITHM[family]) throw new TokenRefused('bad_algorithm');
    // jose refuses RSA keys under 2048 bits; so does this.
    if (family !== 'ES' && (resolved.key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new TokenRefused('invalid');
    const options: VerifyKeyObjectInput | VerifyPublicKeyInput =
      family === 'PS'
        ? { key: resolved.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(bits) / 8 }
        : family === 'ES'
          ? { key: resolved.key, dsaEncoding: 'ieee-p1363' }
          : { key: resolved.key };
    let good: boolean;
    try {
      good = cryptoVerify(HASH[bits]!, Buffer.from(`${protectedPart}.${payloadPart}`), options, Buffer.from(signaturePart, 'base64url'));
    } catch {
      good = false;
    }
    if (!good) throw new TokenRefused('invalid');
    try {
      // The signature holds, so jose's claims check may run on the payload as it stands.
      return UnsecuredJWT.decode(`${UNSECURED_HEADER}.${payloadPart}.`, {
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iat'],
      }).payload;
    } catch (err) {
      throw new TokenRefused(classify(err));
    }
  };

  return async (token) => {
    const hit = verified.get(token);
    if (hit && Date.now() < hit.until) return hit.actor;
    if (hit) verified.delete(token);
    const payload = await check(token);
    // An ID token from a staff login is not an access token, even where its audience is the same app
    // (Entra v2 with one registration for login and API): ID tokens from the code flow carry a nonce.
    if (payload.nonce !== undefined) throw new TokenRefused('id_token');
    if (!grants(payload, settings.intakeScope)) throw new TokenRefused('missing_scope');
    // oidc-provider: client_id; Entra v2: azp; Entra v1: appid.
    const clientId = [payload.client_id, payload.azp, payload.appid].find((v): v is string => typeof v === 'string');
    const municipality = clientId ? settings.clients.get(clientId) : undefined;
    if (!clientId || !municipality) throw new TokenRefused('unknown_client');
    const actor: Actor = { id: `client:${clientId}`, roles: ['intake'], municipality };
    // Only tokens that passed every check are remembered, never longer than jose would accept them.
    if (verified.size >= CACHE_ENTRIES) verified.delete(verified.keys().next().value!);
    verified.set(token, { actor, until: Math.min((payload.exp! + CLOCK_TOLERANCE_S) * 1000, Date.now() + CACHE_MS) });
    return actor;
  };
}

/** `{"alg":"none"}`: the header under which jose's UnsecuredJWT runs its claims check on a payload whose signature was checked above. */
const UNSECURED_HEADER = Buffer.from('{"alg":"none"}').toString('base64url');

/** `scope`/`scp` (space-separated) as OAuth servers send it, or `roles` as Entra sends app permissions. */
function grants(payload: JWTPayload, scope: string): boolean {
  for (const claim of [payload.scope, payload.scp]) {
    if (typeof claim === 'string' && claim.split(' ').includes(scope)) return true;
  }
  return Array.isArray(payload.roles) && payload.roles.includes(scope);
}

function classify(err: unknown): TokenRefused['reason'] {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) return err.claim === 'iss' ? 'wrong_issuer' : err.claim === 'aud' ? 'wrong_audience' : 'invalid';
  if (err instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'bad_algorithm';
  return 'invalid';
}

/** Compact JWS shape; anything else presented as a bearer token is a static development token. */
export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]*\.[\w-]*$/.test(token);
