import { createServer } from 'node:net';
import type { DekompConfig } from '#libs/config';

/** A start-up failure told in one line that names the setting to fix. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Checks that PORT is free on HOST before anything heavy starts (the database, the read models). */
export function assertPortFree(config: DekompConfig): Promise<void> {
  if (config.PORT === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          `PORT: ${config.HOST}:${config.PORT} cannot be used (${error.code ?? error.message}); stop what listens there or set PORT`,
        ),
      ),
    );
    probe.listen(config.PORT, config.HOST, () => probe.close(() => resolve()));
  });
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000']);

/** Turns a known start-up failure into one line naming the setting; anything else is returned as it is. */
export function explainStartupError(error: unknown, config: DekompConfig): unknown {
  const e = error as { code?: string; name?: string; message?: string; constructor?: { name?: string } };
  if (
    config.EVENT_STORE === 'kurrentdb' &&
    /Unavailable|UNAVAILABLE|14 UNAVAILABLE/.test(`${e.name ?? ''} ${e.constructor?.name ?? ''} ${e.message ?? ''}`)
  ) {
    return new StartupError(
      `KURRENTDB_URL: no KurrentDB answers at ${config.KURRENTDB_URL} (EVENT_STORE=kurrentdb); start it or fix the URL`,
    );
  }
  if (config.DATABASE_URL && e.code && CONNECTION_CODES.has(e.code)) {
    const where = config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@');
    return new StartupError(`DATABASE_URL: cannot connect to ${where} (${e.code}${e.message ? `: ${e.message.split('\n')[0]}` : ''})`);
  }
  return error;
}
