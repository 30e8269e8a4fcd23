import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Service {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built service (`dist/apps/api/src/main.js`) as its own process, as in production. */
export function startService(env: Record<string, string>): Promise<Service> {
  return startServer(join(process.cwd(), 'dist/apps/api/src/main.js'), env, Boolean(process.env.BENCH_PROF));
}

/**
 * Starts a server script as its own process and resolves once it prints `listens on <url>`; `profile` runs it
 * under `node --cpu-prof` (the service with BENCH_PROF=1; profiles in /tmp/prof, written when it stops).
 */
export function startServer(script: string, env: Record<string, string>, profile = false): Promise<Service> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(profile ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), script], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listens on (http:\/\/\S+)/.exec(out);
      if (m) {
        resolve({
          url: m[1].replace(/\/$/, ''),
          child,
          stop: () =>
            new Promise<void>((r) => {
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${err}`)));
  });
}
