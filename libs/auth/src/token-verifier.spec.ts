import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import {
  AuthenticationError,
  AuthUnavailableError,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevTokenIssuer,
  InvalidTokenRequestError,
  TokenVerifier,
  devSigningKeyPath,
  loadDevSigningKey,
  parseTtl,
} from './index.js';

const OWNER_ORG = '964338531'; // any valid mod-11 org number
const UNIVERSITY_ORG = '971035854'; // Universitetet i Oslo
const OBOA_ORG = '974761319';

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dekomp-auth-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<AuthenticationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

/** Signs arbitrary claims with the dev key of a data directory (for tokens the issuer would refuse to make). */
async function signWithDevKey(
  dataDir: string,
  claims: Record<string, unknown>,
  opts: { iss?: string; aud?: string; exp?: number; sub?: string | null } = {},
): Promise<string> {
  const key = await loadDevSigningKey(dataDir);
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(opts.iss ?? DEV_ISSUER)
    .setAudience(opts.aud ?? DEV_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(opts.exp ?? now + 600);
  if (opts.sub !== null) jwt.setSubject(opts.sub ?? 'test-user');
  return jwt.sign(key.privateKey);
}

describe('dev mode: DevTokenIssuer + TokenVerifier', () => {
  const dataDir = tempDataDir();
  const issuer = new DevTokenIssuer(dataDir);
  const verifier = new TokenVerifier({ mode: 'dev', dataDir });

  it('makes the key file on first use, private JWK, mode 0600', async () => {
    await issuer.issue({ role: 'ministry', org: '972417807' });
    const file = devSigningKeyPath(dataDir);
    expect(file).toBe(join(dataDir, 'keys', 'dev-signing-key.json'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const jwk = JSON.parse(readFileSync(file, 'utf8'));
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(typeof jwk.d).toBe('string');
  });

  it('turns a valid token into the Actor', async () => {
    const token = await issuer.issue({ role: 'school_owner', org: OWNER_ORG, subject: 'kari' });
    await expect(verifier.verify(token)).resolves.toEqual({ role: 'school_owner', org: OWNER_ORG, subject: 'kari' });
  });

  it('gives a governor its office, and defaults the org to the office org number', async () => {
    const token = await issuer.issue({ role: 'governor', office: 'OBOA' });
    await expect(verifier.verify(token)).resolves.toEqual({
      role: 'governor',
      org: OBOA_ORG,
      subject: `dev:governor:${OBOA_ORG}`,
      office: 'OBOA',
    });
  });

  it('accepts a token issued by another process using the same key file', async () => {
    const other = await loadDevSigningKey(dataDir, { fresh: true });
    const mine = await loadDevSigningKey(dataDir);
    expect(other.kid).toBe(mine.kid);
    const token = await new DevTokenIssuer(dataDir).issue({ role: 'university', org: UNIVERSITY_ORG });
    await expect(new TokenVerifier({ mode: 'dev', dataDir }).verify(token)).resolves.toMatchObject({
      role: 'university',
    });
  });

  it('creates one key when several loaders race on a fresh directory', async () => {
    const fresh = tempDataDir();
    const keys = await Promise.all(Array.from({ length: 6 }, () => loadDevSigningKey(fresh, { fresh: true })));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await signWithDevKey(dataDir, { role: 'ministry', org: '972417807' }, { exp: past });
    expect((await rejection(verifier.verify(token))).reason).toBe('expired');
  });

  it('refuses a token signed with another key', async () => {
    const foreign = await new DevTokenIssuer(tempDataDir()).issue({ role: 'ministry', org: '972417807' });
    expect((await rejection(verifier.verify(foreign))).reason).toBe('bad_signature');
  });

  it('refuses a token whose payload was altered', async () => {
    const token = await issuer.issue({ role: 'school_owner', org: OWNER_ORG });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, role: 'ministry' })).toString('base64url');
    expect((await rejection(verifier.verify(`${h}.${forged}.${s}`))).reason).toBe('bad_signature');
  });

  it('refuses the wrong audience and the wrong issuer', async () => {
    const claims = { role: 'ministry', org: '972417807' };
    const wrongAud = await signWithDevKey(dataDir, claims, { aud: 'someone-else' });
    expect((await rejection(verifier.verify(wrongAud))).reason).toBe('wrong_audience');
    const wrongIss = await signWithDevKey(dataDir, claims, { iss: 'https://evil.example' });
    expect((await rejection(verifier.verify(wrongIss))).reason).toBe('wrong_issuer');
  });

  it('refuses an unknown role', async () => {
    const token = await signWithDevKey(dataDir, { role: 'admin', org: OWNER_ORG });
    const error = await rejection(verifier.verify(token));
    expect(error.reason).toBe('invalid_claims');
    expect(error.message).toMatch(/'role' must be one of ministry, governor, school_owner, university; got 'admin'/);
  });

  it('refuses an org number that fails mod 11, or is not a string of 9 digits', async () => {
    for (const org of ['964338532', '96433853', 964338531, undefined]) {
      const token = await signWithDevKey(dataDir, { role: 'school_owner', org });
      const error = await rejection(verifier.verify(token));
      expect(error.reason).toBe('invalid_claims');
      expect(error.message).toMatch(/'org' must be a 9-digit organisation number/);
    }
  });

  it('refuses a governor without an office, or with an unknown office', async () => {
    const none = await signWithDevKey(dataDir, { role: 'governor', org: OBOA_ORG });
    expect((await rejection(verifier.verify(none))).message).toMatch(/'office' is required for role governor/);
    const unknown = await signWithDevKey(dataDir, { role: 'governor', org: OBOA_ORG, office: 'FMOV' });
    expect((await rejection(verifier.verify(unknown))).message).toMatch(/'office' must be a governor office code/);
  });

  it('ignores an office claim for other roles', async () => {
    const token = await signWithDevKey(dataDir, { role: 'school_owner', org: OWNER_ORG, office: 'OBOA' });
    const actor = await verifier.verify(token);
    expect(actor).toEqual({ role: 'school_owner', org: OWNER_ORG, subject: 'test-user' });
    expect('office' in actor).toBe(false);
  });

  it('refuses a token without sub', async () => {
    const token = await signWithDevKey(dataDir, { role: 'ministry', org: '972417807' }, { sub: null });
    expect((await rejection(verifier.verify(token))).reason).toBe('invalid_claims');
  });

  it('refuses garbage, unsigned and HMAC tokens', async () => {
    expect((await rejection(verifier.verify('not-a-jwt'))).reason).toBe('malformed_token');
    expect((await rejection(verifier.verify(''))).reason).toBe('missing_token');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    const body = b64({ role: 'ministry', org: '972417807', sub: 'x', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp });
    const unsigned = `${b64({ alg: 'none' })}.${body}.`;
    expect(['malformed_token', 'algorithm_not_allowed']).toContain((await rejection(verifier.verify(unsigned))).reason);
    const hmac = await new SignJWT({ role: 'ministry', org: '972417807' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough'));
    expect((await rejection(verifier.verify(hmac))).reason).toBe('algorithm_not_allowed');
  });
});

describe('DevTokenIssuer input checks', () => {
  const issuer = new DevTokenIssuer(tempDataDir());
  const refused = async (input: Parameters<DevTokenIssuer['issue']>[0], message: RegExp) => {
    const error = await issuer.issue(input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidTokenRequestError);
    expect((error as Error).message).toMatch(message);
  };

  it('names what is wrong', async () => {
    await refused({ role: 'root' as never, org: OWNER_ORG }, /role must be one of/);
    await refused({ role: 'school_owner', org: '123456789' }, /'org' must be a 9-digit organisation number/);
    await refused({ role: 'school_owner' }, /'org' must be/);
    await refused({ role: 'governor', org: OBOA_ORG }, /'office' is required for role governor/);
    await refused({ role: 'governor', office: 'NOWHERE' }, /'office' must be a governor office code/);
    await refused({ role: 'governor', office: 'OBOA', org: '974763230' }, /acts for the office's org number 974761319/);
    await refused({ role: 'university', org: UNIVERSITY_ORG, office: 'OBOA' }, /only governors have an office/);
    await refused({ role: 'ministry', org: '972417807', ttl: 'forever' }, /ttl must be/);
    await refused({ role: 'ministry', org: '972417807', subject: ' ' }, /'sub' must be a non-empty string/);
  });

  it('parses lifetimes', () => {
    expect(parseTtl('8h')).toBe(28800);
    expect(parseTtl('30m')).toBe(1800);
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('7d')).toBe(604800);
    expect(parseTtl('120')).toBe(120);
    expect(parseTtl(60)).toBe(60);
    for (const bad of ['0', '0h', '-1h', '1w', '1.5h', '', 'h', '400d', 0, -5, 1.5]) expect(parseTtl(bad)).toBeUndefined();
  });

  it('sets exp from the ttl', async () => {
    const token = await issuer.issue({ role: 'ministry', org: '972417807', ttl: '30m' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(1800);
    expect(payload).toMatchObject({ iss: DEV_ISSUER, aud: DEV_AUDIENCE, role: 'ministry', org: '972417807' });
    expect(payload.office).toBeUndefined();
  });
});

describe('oidc mode', () => {
  const issuerUrl = 'https://idp.example.test';
  const audience = 'dekomp-api';
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let up = true;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      if (!up || req.url !== '/jwks') {
        res.writeHead(up ? 404 : 500).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const sign = (claims: Record<string, unknown>, opts: { iss?: string; aud?: string; kid?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'idp-key-1' })
      .setIssuer(opts.iss ?? issuerUrl)
      .setAudience(opts.aud ?? audience)
      .setSubject('client-123')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('checks tokens against the JWKS, issuer and audience', async () => {
    const verifier = new TokenVerifier({ mode: 'oidc', issuer: issuerUrl, audience, jwksUrl });
    const claims = { role: 'governor', org: '974760665', office: 'VESTLAND' };
    await expect(verifier.verify(await sign(claims))).resolves.toEqual({
      role: 'governor',
      org: '974760665',
      office: 'VESTLAND',
      subject: 'client-123',
    });
    expect((await rejection(verifier.verify(await sign(claims, { iss: 'https://other.example' })))).reason).toBe('wrong_issuer');
    expect((await rejection(verifier.verify(await sign(claims, { aud: 'other-api' })))).reason).toBe('wrong_audience');
    expect((await rejection(verifier.verify(await sign(claims, { kid: 'rotated-away' })))).reason).toBe('unknown_key');
    // A dev token is not an OIDC token.
    const dev = await new DevTokenIssuer(tempDataDir()).issue({ role: 'ministry', org: '972417807' });
    expect(['wrong_issuer', 'unknown_key']).toContain((await rejection(verifier.verify(dev))).reason);
  });

  it('says the provider is unavailable, not that the token is bad, when the JWKS cannot be fetched', async () => {
    const verifier = new TokenVerifier({ mode: 'oidc', issuer: issuerUrl, audience, jwksUrl });
    up = false;
    try {
      const error = await verifier.verify(await sign({ role: 'ministry', org: '972417807' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthUnavailableError);
    } finally {
      up = true;
    }
  });

  it('refuses bad options at construction', () => {
    expect(() => new TokenVerifier({ mode: 'oidc', issuer: '', audience, jwksUrl })).toThrow(/needs issuer/);
    expect(() => new TokenVerifier({ mode: 'oidc', issuer: issuerUrl, audience, jwksUrl: 'http://idp.example/jwks' })).toThrow(/https/);
    expect(() => new TokenVerifier({ mode: 'dev', dataDir: '' })).toThrow(/dataDir/);
  });
});

describe('claims that contradict each other', () => {
  it('refuses a governor whose org is another office, and an owner or university acting for a governor office', async () => {
    const { identityProblem } = await import('./claims.js');
    expect(identityProblem({ role: 'governor', office: 'ROGALAND', org: '974762994', sub: 'x' })).toMatch(
      /claim 'org' 974762994 contradicts claim 'office' ROGALAND/,
    );
    expect(identityProblem({ role: 'governor', office: 'ROGALAND', org: '974763230', sub: 'x' })).toBeUndefined();
    expect(identityProblem({ role: 'school_owner', org: '974763230', sub: 'x' })).toMatch(
      /claim 'org' 974763230 is Statsforvalteren i Rogaland, a governor office/,
    );
    expect(identityProblem({ role: 'university', org: '974763230', sub: 'x' })).toMatch(/a university cannot act for it/);
    expect(identityProblem({ role: 'school_owner', org: '964965226', sub: 'x' })).toBeUndefined();
  });
});
