import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data', EVENT_STORE: 'postgres', AUTH_MODE: 'dev' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable and its rule', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', EVENT_STORE: 'kurrentdb' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT: .*"eighty"/);
    expect(problems).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    expect(problems).toMatch(/KURRENTDB_URL: is required when EVENT_STORE=kurrentdb/);
  });

  it('requires issuer, audience and JWKS URL in OIDC mode', () => {
    expect(() => loadConfig({ AUTH_MODE: 'oidc', AUTH_ISSUER: 'https://idp' })).toThrow(/AUTH_AUDIENCE: is required[\s\S]*AUTH_JWKS_URL/);
  });
});
