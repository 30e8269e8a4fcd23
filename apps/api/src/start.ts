import 'reflect-metadata';
import { ConfigError, loadConfig, type DekompConfig } from '#libs/config';
import { DataDirError, DataDirLockedError, prepareDataDir } from '#libs/db';
import { withoutTraces } from '#libs/observability';
import { createApp } from './bootstrap.js';
import { assertPortFree, explainStartupError, StartupError } from './startup-errors.js';

async function main(config: DekompConfig): Promise<void> {
  // DATA_DIR holds the embedded database and the dev signing key: a bad one stops the start here, named.
  if (!config.DATABASE_URL || config.AUTH_MODE === 'dev') prepareDataDir(config.DATA_DIR);
  await assertPortFree(config);
  const app = await withoutTraces(async () => {
    const created = await createApp(config);
    return created.init();
  }).catch((error: unknown) => {
    throw explainStartupError(error, config);
  });
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  console.log(`Dekomp listens on ${url.replace('[::1]', 'localhost')} (Swagger UI at /docs)`);
}

function fail(error: unknown): never {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirError ||
    error instanceof DataDirLockedError ||
    error instanceof StartupError
  ) {
    console.error(error.message);
    process.exit(error instanceof DataDirLockedError ? 73 : 78);
  }
  console.error('Dekomp could not start:', error);
  process.exit(1);
}

let config: DekompConfig;
try {
  config = loadConfig();
} catch (error) {
  fail(error);
}
main(config).catch(fail);
