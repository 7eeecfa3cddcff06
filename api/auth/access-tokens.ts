import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
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

/**
 * Validates machine clients' access tokens (client-credentials grant) with jose: signature against
 * the provider's JWKS (refetched when a new `kid` appears, so key rotation needs no restart), issuer,
 * audience, expiry (60 s clock tolerance) and scope. The client becomes an intake actor for its
 * municipality.
 */
export function accessTokenVerifier(settings: AccessTokenSettings): (token: string) => Promise<Actor> {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUri), { cooldownDuration: settings.jwksCooldownMs ?? 30_000, timeoutDuration: 5_000 });
  const verified = new Map<string, { actor: Actor; until: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit && Date.now() < hit.until) return hit.actor;
    if (hit) verified.delete(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (err) {
      // An unreachable JWKS endpoint is not the token's fault; the caller answers 503.
      if (err instanceof errors.JWKSTimeout || (err instanceof TypeError && !(err instanceof errors.JOSEError))) throw err;
      throw new TokenRefused(classify(err));
    }
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
