import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '#libs/kernel';
import { LRUCache } from 'lru-cache';
import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { actorFromClaims } from './claims.js';
import { DEV_SIGNING_ALG, loadDevSigningKey } from './dev-key.js';
import { AuthenticationError, AuthUnavailableError } from './errors.js';
import { AUTH_OPTIONS, type AuthOptions, DEV_AUDIENCE, DEV_ISSUER, validateAuthOptions } from './options.js';

/** Asymmetric algorithms accepted from an OIDC provider (never `none`, never a shared-secret HMAC). */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Allowed clock difference between the issuer and us when checking `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Turns a bearer token into the Actor it authenticates (R20), or throws AuthenticationError. */
@Injectable()
export class TokenVerifier {
  private readonly jwks?: JWTVerifyGetKey;
  /**
   * Tokens already verified, until their `exp` (at most 5 minutes): a client sends the same token with every
   * request, and verifying an ES256/RS256 signature is the dearest step of a request.
   */
  private readonly verified = new LRUCache<string, Actor>({ max: 10_000, ttl: 5 * 60_000, ttlAutopurge: false });

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {
    validateAuthOptions(options);
    if (options.mode === 'oidc') {
      const remote = createRemoteJWKSet(new URL(options.jwksUrl));
      // Failing to fetch the keys is the provider's problem (503), not the token's (401).
      this.jwks = async (header, token) => {
        try {
          return await remote(header, token);
        } catch (error) {
          if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
          throw new AuthUnavailableError(
            `The identity provider's keys could not be fetched from ${options.jwksUrl}: ${(error as Error)?.message ?? error}`,
            { cause: error },
          );
        }
      };
    }
  }

  /**
   * Checks signature, `exp`/`nbf`, issuer and audience, then the Dekomp claims.
   * @throws AuthenticationError (401) for any token that does not authenticate; AuthUnavailableError (503) when the
   *   provider's JWKS cannot be fetched.
   */
  async verify(token: string): Promise<Actor> {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new AuthenticationError('missing_token', 'No bearer token was given');
    }
    const known = this.verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    if (this.options.mode === 'dev') {
      const key = await loadDevSigningKey(this.options.dataDir); // a broken key file is a server error, not a 401
      payload = await this.check(() =>
        jwtVerify(token, key.publicKey, {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: [DEV_SIGNING_ALG],
          requiredClaims: ['exp', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }),
      );
    } else {
      const { issuer, audience } = this.options;
      payload = await this.check(() =>
        jwtVerify(token, this.jwks!, {
          issuer,
          audience,
          algorithms: OIDC_ALGORITHMS,
          requiredClaims: ['exp', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }),
      );
    }
    const actor = actorFromClaims(payload);
    const left = typeof payload.exp === 'number' ? payload.exp * 1000 - Date.now() : 0;
    if (left > 1000) this.verified.set(token, actor, { ttl: Math.min(left, 5 * 60_000) });
    return actor;
  }

  private async check(run: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
    try {
      return (await run()).payload;
    } catch (error) {
      throw toAuthError(error);
    }
  }
}

function toAuthError(error: unknown): Error {
  if (error instanceof AuthUnavailableError || error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('expired', 'The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return new AuthenticationError('wrong_issuer', `The token was not issued by the expected issuer (${error.reason} 'iss')`);
      case 'aud':
        return new AuthenticationError('wrong_audience', `The token is not meant for this service (${error.reason} 'aud')`);
      case 'nbf':
        return new AuthenticationError('not_yet_valid', 'The token is not valid yet');
      default:
        return new AuthenticationError(
          'invalid_claims',
          `The token's '${error.claim}' claim is ${error.reason === 'missing' ? 'missing' : 'invalid'}`,
        );
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthenticationError('bad_signature', 'The token signature does not verify');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthenticationError('unknown_key', "No key of the identity provider matches the token's key id");
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthenticationError('algorithm_not_allowed', 'The token is signed with an algorithm this service does not accept');
  }
  if (error instanceof errors.JOSEError) {
    return new AuthenticationError('malformed_token', 'The token is not a well-formed signed JWT');
  }
  return error instanceof Error ? error : new Error(String(error));
}
