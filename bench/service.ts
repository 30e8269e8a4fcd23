import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Service {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built service (`dist/apps/api/src/main.js`) as its own process, as in production. */
export function startService(env: Record<string, string>): Promise<Service> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), join(process.cwd(), 'dist/apps/api/src/main.js')],
      {
        env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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
    child.once('exit', (code) => reject(new Error(`service exited with ${code}: ${err}`)));
  });
}
