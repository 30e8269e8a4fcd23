/**
 * How bearer tokens are checked (R20).
 * - `dev`: the service signs and checks its own ES256 tokens; the key lives at `${dataDir}/keys/dev-signing-key.json`
 *   and `npm run token` issues tokens with it. Issuer `dekomp-dev`, audience `dekomp`.
 * - `oidc`: tokens come from an external OpenID Connect / OAuth 2 provider (Maskinporten, ID-porten, Entra ID,
 *   Keycloak…), checked against its JWKS, issuer and audience.
 */
export type AuthOptions = { mode: 'dev'; dataDir: string } | { mode: 'oidc'; issuer: string; audience: string; jwksUrl: string };

/** Injection token of the AuthOptions given to AuthModule.forRoot. */
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export const DEV_ISSUER = 'dekomp-dev';
export const DEV_AUDIENCE = 'dekomp';

/** Throws a plain Error naming what is wrong with the options (a start-up error, not a request error). */
export function validateAuthOptions(options: AuthOptions): void {
  if (!options || typeof options !== 'object') throw new Error('AuthOptions are required');
  if (options.mode === 'dev') {
    if (typeof options.dataDir !== 'string' || options.dataDir.trim() === '') {
      throw new Error("AuthOptions: mode 'dev' needs a dataDir");
    }
    return;
  }
  if (options.mode === 'oidc') {
    for (const key of ['issuer', 'audience', 'jwksUrl'] as const) {
      if (typeof options[key] !== 'string' || options[key].trim() === '') {
        throw new Error(`AuthOptions: mode 'oidc' needs ${key}`);
      }
    }
    let url: URL;
    try {
      url = new URL(options.jwksUrl);
    } catch {
      throw new Error(`AuthOptions: jwksUrl '${options.jwksUrl}' is not a URL`);
    }
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      throw new Error(`AuthOptions: jwksUrl must use https (plain http only on loopback), got '${options.jwksUrl}'`);
    }
    return;
  }
  throw new Error(`AuthOptions: mode must be 'dev' or 'oidc', got '${JSON.stringify((options as { mode?: unknown }).mode)}'`);
}

/**
 * AuthOptions from the environment: `AUTH_MODE` = `dev` (default) or `oidc`; dev uses `DATA_DIR` (default
 * `./data`); oidc needs `OIDC_ISSUER`, `OIDC_AUDIENCE` and `OIDC_JWKS_URL`.
 */
export function authOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthOptions {
  const mode = (env.AUTH_MODE ?? 'dev').trim();
  const options: AuthOptions =
    mode === 'oidc'
      ? {
          mode: 'oidc',
          issuer: env.OIDC_ISSUER ?? '',
          audience: env.OIDC_AUDIENCE ?? '',
          jwksUrl: env.OIDC_JWKS_URL ?? '',
        }
      : mode === 'dev'
        ? { mode: 'dev', dataDir: env.DATA_DIR || './data' }
        : ({ mode } as unknown as AuthOptions);
  try {
    validateAuthOptions(options);
  } catch (error) {
    const names = mode === 'oidc' ? 'OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL' : 'AUTH_MODE (dev|oidc), DATA_DIR';
    throw new Error(`${(error as Error).message} (environment: ${names})`, { cause: error });
  }
  return options;
}
