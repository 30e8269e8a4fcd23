import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

/**
 * P2's ceiling, run as its own process like the service: node:http and a pg pool of DB_POOL_SIZE connections,
 * one BEGIN/INSERT/COMMIT of the request's JSON body per request, answered 201 with its position.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 16) });
  await pool.query(`CREATE TABLE IF NOT EXISTS ceiling_events (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const r = await client.query<{ position: string }>('INSERT INTO ceiling_events (path, data) VALUES ($1, $2) RETURNING position', [
            req.url ?? '/',
            JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
          ]);
          await client.query('COMMIT');
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ position: Number(r.rows[0].position) }));
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          res.writeHead(500).end(String(error));
        } finally {
          client.release();
        }
      })();
    });
  });
  server.listen(0, process.env.HOST ?? '127.0.0.1', () => {
    const { address, port } = server.address() as AddressInfo;
    console.log(`ceiling listens on http://${address}:${port}`);
  });
  process.once('SIGTERM', () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
