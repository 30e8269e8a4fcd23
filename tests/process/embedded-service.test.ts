import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenIssuer } from '#libs/auth';

/** The built service (npm test builds first), started as a user would: `node dist/apps/api/src/main.js`. */
const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');

interface Running {
  child: ChildProcess;
  url: string;
  stop(): Promise<number | null>;
}

interface Exited {
  code: number | null;
  stderr: string;
}

function start(env: Record<string, string>): Promise<Running | Exited> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listens on (http:\/\/\S+)/.exec(stdout);
      if (m) {
        resolve({
          child,
          url: m[1].replace(/\/$/, ''),
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    void exited.then((code) => resolve({ code, stderr }));
  });
}

function isRunning(r: Running | Exited): r is Running {
  return 'url' in r;
}

describe('the embedded service as a process', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) first`);
  });

  it('keeps its data over a restart, and refuses a second process on the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-proc-'));
    try {
      const first = await start({ DATA_DIR: dataDir });
      if (!isRunning(first)) throw new Error(`did not start: ${first.stderr}`);
      const token = await new DevTokenIssuer(dataDir).issue({ role: 'ministry', org: '972417750' });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const created = await fetch(`${first.url}/organisations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ orgNumber: '964965226', name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' }),
      });
      expect(created.status).toBe(201);
      const position = created.headers.get('dekomp-position');

      const second = await start({ DATA_DIR: dataDir });
      expect(isRunning(second)).toBe(false);
      if (!isRunning(second)) {
        expect(second.code).toBe(73);
        expect(second.stderr).toMatch(/in use by another Dekomp process/);
      }
      // The first one still serves after the refused start.
      expect((await fetch(`${first.url}/health`)).status).toBe(200);

      expect(await first.stop()).toBe(0);
      const again = await start({ DATA_DIR: dataDir });
      if (!isRunning(again)) throw new Error(`did not restart: ${again.stderr}`);
      const read = await fetch(`${again.url}/organisations/964965226?minPosition=${position}`, { headers });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ name: 'Stavanger kommune', office: 'ROGALAND' });
      await again.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops at start-up with a clear message when a configuration value is bad', async () => {
    const r = await start({ PORT: 'eighty', DATABASE_URL: 'mysql://db', DATA_DIR: join(tmpdir(), 'dekomp-never-created') });
    expect(isRunning(r)).toBe(false);
    if (!isRunning(r)) {
      expect(r.code).toBe(78);
      expect(r.stderr).toMatch(/Invalid configuration/);
      expect(r.stderr).toMatch(/PORT: .*"eighty"/);
      expect(r.stderr).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    }
  });
});
