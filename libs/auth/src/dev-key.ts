import { randomUUID, type webcrypto } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type JWK, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';

type CryptoKey = webcrypto.CryptoKey;

export const DEV_SIGNING_ALG = 'ES256';

/** The dev-mode signing key: private part for DevTokenIssuer, public part for TokenVerifier. */
export interface DevSigningKey {
  /** Key id (RFC 7638 thumbprint of the public key), put in each token's header. */
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public JWK (no `d`), e.g. to publish as a JWKS. */
  publicJwk: JWK;
  /** Absolute path of the key file. */
  file: string;
}

export function devSigningKeyPath(dataDir: string): string {
  return resolve(join(dataDir, 'keys', 'dev-signing-key.json'));
}

const cache = new Map<string, Promise<DevSigningKey>>();

/**
 * Reads the dev signing key from `${dataDir}/keys/dev-signing-key.json`, making it on first use (a private EC P-256
 * JWK, file mode 0600, `keys/` directory 0700). Creation is atomic (written to a temporary file, then hard-linked into
 * place), so a CLI and a running service that race both end up with the one key. Touches no database.
 * Cached per path for the life of the process unless `fresh` is set.
 */
export function loadDevSigningKey(dataDir: string, options: { fresh?: boolean } = {}): Promise<DevSigningKey> {
  const file = devSigningKeyPath(dataDir);
  const cached = options.fresh ? undefined : cache.get(file);
  if (cached) return cached;
  const loading = readOrCreate(file);
  cache.set(file, loading);
  loading.catch(() => {
    if (cache.get(file) === loading) cache.delete(file);
  });
  return loading;
}

async function readOrCreate(file: string): Promise<DevSigningKey> {
  try {
    return await readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keysDir = dirname(file);
  await mkdir(dirname(keysDir), { recursive: true });
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(DEV_SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  const stored: JWK = { ...jwk, kid, alg: DEV_SIGNING_ALG, use: 'sig' };
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tmp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(tmp, 0o600);
    await link(tmp, file); // fails with EEXIST if another process got there first: then use its key
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
      // A file system without hard links: exclusive create instead (a racing reader may then see a partial file).
      await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' }).catch((e) => {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      });
    } else if (code !== 'EEXIST') {
      throw error;
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return readKeyFile(file);
}

async function readKeyFile(file: string): Promise<DevSigningKey> {
  const text = await readFile(file, 'utf8');
  const broken = (why: string) =>
    new Error(
      `The dev signing key ${file} ${why}. Remove the file to make a new key ` + `(tokens issued with the old key then stop working).`,
    );
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw broken('is not valid JSON');
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.x || !jwk.y) {
    throw broken('is not a private EC P-256 JWK');
  }
  const { d: _d, ...publicJwk } = jwk;
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    privateKey = (await importJWK(jwk, DEV_SIGNING_ALG)) as CryptoKey;
    publicKey = (await importJWK(publicJwk, DEV_SIGNING_ALG)) as CryptoKey;
  } catch {
    throw broken('does not hold a usable ES256 key');
  }
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid }, file };
}
