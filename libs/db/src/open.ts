import { PgClient } from './pg-client.js';
import { PgliteClient } from './pglite-client.js';
import { lockDataDir } from './data-dir-lock.js';
import type { SqlClient } from './sql-client.js';

export interface DatabaseOptions {
  /** postgres://… — a PostgreSQL server. Absent: the embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
}

export interface OpenDatabase {
  client: SqlClient;
  /** Closes the client and releases the data-directory lock. */
  close(): Promise<void>;
  describe: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const client = new PgClient(options.databaseUrl, options.poolSize);
    await client.query('SELECT 1');
    return { client, close: () => client.close(), describe: `PostgreSQL ${redact(options.databaseUrl)}` };
  }
  const release = await lockDataDir(options.dataDir);
  try {
    const client = await PgliteClient.open(`${options.dataDir}/pglite`);
    return {
      client,
      describe: `embedded PGlite in ${options.dataDir}/pglite`,
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
