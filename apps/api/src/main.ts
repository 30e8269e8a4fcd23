import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/config';
import { DataDirLockedError } from '#libs/db';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  console.log(`Dekomp listens on ${url.replace('[::1]', 'localhost')} (Swagger UI at /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(error instanceof ConfigError ? 78 : 73);
  }
  console.error('Dekomp could not start:', error);
  process.exit(1);
});
