import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built service (npm test builds first), started as a user would: `node dist/apps/api/src/main.js`. */
export const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');

export interface BuiltService {
  child: ChildProcess;
  url: string;
  /** SIGTERM, resolved with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/** Starts the built service on a free loopback port with `env` (and PATH only); rejects when it exits or hangs. */
export function startBuiltService(env: Record<string, string>): Promise<BuiltService> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const hung = setTimeout(() => child.kill('SIGKILL'), 90_000); // under load (two cores shared) a start takes tens of seconds
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listens on (http:\/\/\S+)/.exec(stdout);
      if (!m) return;
      clearTimeout(hung);
      resolve({ child, url: m[1].replace(/\/$/, ''), stop: () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => {
      clearTimeout(hung);
      reject(new Error(`the service exited (${code}) before it listened: ${stderr}`));
    });
  });
}
