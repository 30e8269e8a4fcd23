/** Why a bearer token was not accepted; the guard answers 401 with the message. */
export type AuthenticationFailure =
  | 'missing_token'
  | 'not_bearer'
  | 'malformed_token'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'unknown_key'
  | 'algorithm_not_allowed'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'invalid_claims';

/** The token does not authenticate anyone (401). */
export class AuthenticationError extends Error {
  constructor(
    readonly reason: AuthenticationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** The identity provider's keys could not be fetched, so no token can be checked now (503, not the caller's fault). */
export class AuthUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthUnavailableError';
  }
}

/** DevTokenIssuer was asked for a token it must not issue (bad role, org number, office, ttl). */
export class InvalidTokenRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenRequestError';
  }
}
