import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAvailable, TEST_POSTGRES_URL } from '../support/backends.js';

const withServer = await postgresAvailable();

/** The built service (npm test builds first) with a bad setting: exits non-zero with one line naming it. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('a bad start-up setting stops the start with one line naming it', () => {
  let dataDir: string;
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dekomp-startup-'));
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((r) => busy.close(r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [
      'DATABASE_URL',
      () => ({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing' }),
      /^DATABASE_URL: cannot connect to postgres:\/\/…@127\.0\.0\.1:1\/nothing \(ECONNREFUSED/,
    ],
    // Read models need a PostgreSQL: with the test server the KurrentDB setting is the one named.
    [
      'KURRENTDB_URL',
      () => ({
        EVENT_STORE: 'kurrentdb',
        KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false',
        DATABASE_URL: withServer ? TEST_POSTGRES_URL : 'postgres://nobody@127.0.0.1:1/nothing',
      }),
      withServer ? /^KURRENTDB_URL: no KurrentDB answers at kurrentdb:\/\/127\.0\.0\.1:1/ : /^DATABASE_URL: /,
    ],
    ['PORT', () => ({ PORT: String(busyPort), HOST: '127.0.0.1' }), /^PORT: 127\.0\.0\.1:\d+ cannot be used \(EADDRINUSE\)/],
    ['DATA_DIR', () => ({ DATA_DIR: '/proc/nope' }), /^DATA_DIR \/proc\/nope cannot be used/],
    ['LOG_LEVEL', () => ({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/],
    ['AUTH_MODE', () => ({ NODE_ENV: 'production' }), /AUTH_MODE: dev auth .* refused under NODE_ENV=production/],
  ])('%s', async (_name, env, message) => {
    const r = await start({ DATA_DIR: dataDir, ...env() });
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.filter((l) => !/^Invalid configuration:$/.test(l))).toHaveLength(1);
    expect(lines[lines.length - 1].replace(/^\s*- /, '')).toMatch(message);
  });
});
