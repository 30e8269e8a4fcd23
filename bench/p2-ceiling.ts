import { join } from 'node:path';
import autocannon from 'autocannon';
import { createScratchDatabase } from '#libs/db';
import { startServer } from './service.js';
import { cpuSecondsOf } from './support.js';

export interface MixRequest {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  rate: number;
  p50: number;
  p99: number;
  non2xx: number;
  total: number;
  /** CPU milliseconds the server process spent per 2xx answer, when known. */
  cpuMsPerOk?: number;
}

/** autocannon with `connections` connections for `seconds`, each request drawn from `mix`. */
export async function load(url: string, connections: number, seconds: number, mix: () => MixRequest, pid?: number): Promise<LoadResult> {
  const cpuBefore = cpuSecondsOf(pid);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req: any) => {
          const m = mix();
          return { ...req, ...m, headers: { ...req.headers, ...m.headers } };
        },
      },
    ],
  });
  const cpuAfter = cpuSecondsOf(pid);
  return {
    ...(cpuBefore !== undefined && cpuAfter !== undefined && result['2xx'] > 0
      ? { cpuMsPerOk: Number((((cpuAfter - cpuBefore) * 1000) / result['2xx']).toFixed(2)) }
      : {}),
    rate: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/**
 * P2's ceiling in the same run: bench/http-ceiling (node:http + pg, one BEGIN/INSERT/COMMIT per request) on a
 * fresh database of the same server, the same mix of requests and the same connection count.
 */
export async function httpCeiling(serverUrl: string, connections: number, seconds: number, mix: () => MixRequest): Promise<LoadResult> {
  const scratch = await createScratchDatabase(serverUrl, 'dekomp_bench_ceiling');
  const server = await startServer(join(process.cwd(), 'dist/bench/http-ceiling.js'), {
    DATABASE_URL: scratch.url,
    DB_POOL_SIZE: String(connections),
  });
  try {
    return await load(server.url, connections, seconds, mix, server.child.pid);
  } finally {
    await server.stop();
    await scratch.drop();
  }
}
