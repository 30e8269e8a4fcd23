import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenIssuer } from '#libs/auth';

/** The built service (npm test builds first), started as a user would: `node dist/apps/api/src/main.js`. */
const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');

interface Running {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to "listens on". */
  ms: number;
  stop(): Promise<number | null>;
  /** kill -9, waiting until the process is gone. */
  kill(): Promise<void>;
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
    const spawned = Date.now();
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listens on (http:\/\/\S+)/.exec(stdout);
      if (m) {
        clearTimeout(hung);
        resolve({
          child,
          url: m[1].replace(/\/$/, ''),
          ms: Date.now() - spawned,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Never wait for ever: a start that neither serves nor exits within 30 s is killed and reported.
    const hung = setTimeout(() => {
      stderr += '\n[test] neither served nor exited within 30 s: killed';
      child.kill('SIGKILL');
    }, 30_000);
    void exited.then((code) => {
      clearTimeout(hung);
      resolve({ code, stderr });
    });
  });
}

function isRunning(r: Running | Exited): r is Running {
  return 'url' in r;
}

describe('the embedded service as a process', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) first`);
  });

  const dirs: string[] = [];
  const running: Running[] = [];
  afterAll(async () => {
    for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) await r.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  async function serve(dataDir: string, what: string): Promise<Running> {
    const r = await start({ DATA_DIR: dataDir });
    if (!isRunning(r)) throw new Error(`${what}: did not start (exit ${r.code}): ${r.stderr}`);
    running.push(r);
    return r;
  }
  function postmaster(dataDir: string): { pid: number; port: number; host: string } | undefined {
    const file = join(dataDir, 'pg', 'postmaster.pid');
    if (!existsSync(file)) return undefined;
    const lines = readFileSync(file, 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]), host: lines[5]?.trim() ?? '' };
  }
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return !/\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };

  it('runs PostgreSQL on DATA_DIR, keeps its data over restarts and a kill -9, and refuses a second live process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-proc-'));
    dirs.push(dataDir);
    const first = await serve(dataDir, 'first start');
    const pm = postmaster(dataDir);
    expect(pm).toBeDefined();
    expect(pm!.host).toBe('127.0.0.1'); // listen_addresses: loopback only
    expect(statSync(join(dataDir, 'pg-password')).mode & 0o777).toBe(0o600);

    const token = await new DevTokenIssuer(dataDir).issue({ role: 'ministry', org: '972417750' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${first.url}/organisations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ orgNumber: '964965226', name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' }),
    });
    expect(created.status).toBe(201);
    const position = created.headers.get('dekomp-position');
    const readBack = async (r: Running) => {
      const read = await fetch(`${r.url}/organisations/964965226?minPosition=${position}`, { headers });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ name: 'Stavanger kommune', office: 'ROGALAND' });
    };

    // A second live service on the same directory is refused (exit 73), and the first one goes on serving.
    const second = await start({ DATA_DIR: dataDir });
    expect(isRunning(second)).toBe(false);
    if (!isRunning(second)) {
      expect(second.code).toBe(73);
      expect(second.stderr).toMatch(/in use by another Dekomp process/);
    }
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    expect(postmaster(dataDir)?.pid).toBe(pm!.pid);

    // A clean stop stops PostgreSQL too; the restart keeps the data.
    expect(await first.stop()).toBe(0);
    expect(alive(pm!.pid)).toBe(false);
    expect(postmaster(dataDir)).toBeUndefined();
    const again = await serve(dataDir, 'restart');
    await readBack(again);

    // kill -9: PostgreSQL outlives the service; the next start stops it and serves within a few seconds.
    const orphan = postmaster(dataDir)!;
    await again.kill();
    expect(alive(orphan.pid)).toBe(true);
    const afterKill = await serve(dataDir, 'start after kill -9');
    expect(alive(orphan.pid)).toBe(false);
    await readBack(afterKill);
    expect(afterKill.ms).toBeLessThan(10_000);
    console.log(`[embedded-service] first start ${first.ms} ms, restart ${again.ms} ms, start after kill -9 ${afterKill.ms} ms`);
    expect(await afterKill.stop()).toBe(0);
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

  it('stops at start-up, naming DATA_DIR, when the data directory cannot be used', async () => {
    const started = Date.now();
    const r = await start({ DATA_DIR: '/proc/nope' });
    expect(isRunning(r)).toBe(false);
    if (!isRunning(r)) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/DATA_DIR \/proc\/nope cannot be used/);
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
