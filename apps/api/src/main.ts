import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/config';
import { DataDirError, DataDirLockedError, prepareDataDir } from '#libs/db';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // DATA_DIR holds the embedded database and the dev signing key: a bad one stops the start here, named.
  if (!config.DATABASE_URL || config.AUTH_MODE === 'dev') prepareDataDir(config.DATA_DIR);
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  console.log(`Dekomp listens on ${url.replace('[::1]', 'localhost')} (Swagger UI at /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(error instanceof DataDirLockedError ? 73 : 78);
  }
  console.error('Dekomp could not start:', error);
  process.exit(1);
});
